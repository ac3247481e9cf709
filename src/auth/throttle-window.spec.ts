import { recentAttempts, retryAfterSeconds, waitMicros, withAttempt } from './throttle-window.js';

const S = 1_000_000;

/** A key's attempts on a clock the test moves by hand, kept the way the database store keeps them. */
function key(max = 3, windowSeconds = 60) {
  let now = 1_000_000 * S;
  let attempts: number[] = [];
  return {
    advance(seconds: number) {
      now += seconds * S;
    },
    /** An attempt, admitted only when no wait is due (a refused attempt is not recorded). */
    attempt(times = 1): boolean[] {
      const out: boolean[] = [];
      for (let i = 0; i < times; i++) {
        const admitted = waitMicros(attempts, max, now, windowSeconds * S) === 0;
        if (admitted) attempts = withAttempt(attempts, max, now, windowSeconds * S);
        out.push(admitted);
        now += 1; // attempts are never at the same microsecond
      }
      return out;
    },
    waitSeconds: () => retryAfterSeconds(waitMicros(attempts, max, now, windowSeconds * S)),
    stored: () => attempts,
  };
}

describe('throttle window', () => {
  it('admits attempts up to the limit and refuses the next for a whole window', () => {
    const k = key(3, 60);
    expect(k.attempt(3)).toEqual([true, true, true]);
    expect(k.waitSeconds()).toBe(60);
    expect(k.attempt()).toEqual([false]);
  });

  it('counts down the wait and admits again when the oldest attempt leaves the window', () => {
    const k = key(3, 60);
    k.attempt();
    k.advance(10);
    k.attempt(2);
    expect(k.waitSeconds()).toBe(50);
    k.advance(49.5);
    expect(k.waitSeconds()).toBe(1);
    k.advance(0.5);
    expect(k.waitSeconds()).toBe(0);
    // Two attempts remain in the window: one more blocks again, until the next one leaves.
    expect(k.attempt()).toEqual([true]);
    expect(k.waitSeconds()).toBe(10);
  });

  it('slides: attempts older than the window do not count', () => {
    const k = key(3, 60);
    k.attempt(2);
    k.advance(61);
    k.attempt(2);
    expect(k.waitSeconds()).toBe(0);
  });

  it('sets no permanent lockout: refused attempts are not recorded, so one window of quiet is enough', () => {
    const k = key(3, 60);
    for (let minute = 0; minute < 30; minute++) {
      k.attempt(10);
      k.advance(60);
    }
    expect(k.waitSeconds()).toBe(0);
  });

  it('keeps at most the newest `max` attempts, however many there were', () => {
    const k = key(3, 60);
    for (let i = 0; i < 10; i++) {
      k.attempt();
      k.advance(30);
    }
    expect(k.stored().length).toBeLessThanOrEqual(3);
  });

  it('reads attempts out of order and drops those outside the window', () => {
    expect(recentAttempts([5 * S, 1 * S, 3 * S], 62 * S, 60 * S)).toEqual([3 * S, 5 * S]);
    expect(waitMicros([3 * S, 1 * S, 2 * S], 3, 10 * S, 60 * S)).toBe(51 * S);
  });

  it('announces whole seconds, rounded up', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(S)).toBe(1);
    expect(retryAfterSeconds(S + 1)).toBe(2);
    expect(retryAfterSeconds(0)).toBe(0);
  });
});
