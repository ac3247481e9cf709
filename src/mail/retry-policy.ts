/** Seconds to wait after each failed attempt: 1 min, 5 min, 30 min, 2 h, 12 h; after the sixth, the mail has failed. */
export const RETRY_BACKOFF_SECONDS = [60, 300, 1800, 7200, 43_200] as const;

/** When to try again after attempt number `attempts` failed, or null when the mail has failed for good. */
export function retryAfterSeconds(attempts: number): number | null {
  return RETRY_BACKOFF_SECONDS[attempts - 1] ?? null;
}

/**
 * How long a claimed mail may stay `sending`. Longer than the transport's timeouts together, so a
 * mail a live process is still sending is never judged uncertain by another.
 */
export const SENDING_LEASE_SECONDS = 600;
