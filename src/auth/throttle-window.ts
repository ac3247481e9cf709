/**
 * The arithmetic of a sliding-window throttle, apart from where the attempts are kept. Times are
 * microseconds since the epoch, as the database's clock gives them.
 */

export const MICROS_PER_SECOND = 1_000_000;

/** The attempts that still count at `now`: those less than one window old, oldest first. */
export function recentAttempts(attempts: readonly number[], now: number, windowMicros: number): number[] {
  const cutoff = now - windowMicros;
  return attempts.filter((t) => t > cutoff).sort((a, b) => a - b);
}

/**
 * Microseconds until one more attempt is allowed under a limit of `max` per window, or 0 when it
 * is allowed now: allowed again when the oldest attempt that counts towards the limit leaves the
 * window.
 */
export function waitMicros(attempts: readonly number[], max: number, now: number, windowMicros: number): number {
  const recent = recentAttempts(attempts, now, windowMicros);
  if (recent.length < max) return 0;
  return Math.max(0, recent[recent.length - max] + windowMicros - now);
}

/**
 * The attempts to keep after one more at `now`: only the newest `max` can ever decide a wait, so a
 * key's row stays small however long an attack goes on.
 */
export function withAttempt(attempts: readonly number[], max: number, now: number, windowMicros: number): number[] {
  return [...recentAttempts(attempts, now, windowMicros), now].slice(-max);
}

/** Whole seconds to announce in Retry-After: rounded up, so a client that waits that long gets in. */
export function retryAfterSeconds(micros: number): number {
  return Math.ceil(micros / MICROS_PER_SECOND);
}
