import { LoginThrottle } from './login-throttle.js';

/** A throttle on a clock the test moves by hand. */
function throttle(maxFailures = 3, windowSeconds = 60, maxPerAddress?: number) {
  let now = 1_000_000;
  const t = new LoginThrottle(maxFailures, windowSeconds * 1000, maxPerAddress ?? maxFailures * 10, () => now);
  return {
    t,
    advance(seconds: number) {
      now += seconds * 1000;
    },
    fail(address: string, account: string, times = 1) {
      for (let i = 0; i < times; i++) t.recordFailure(address, account);
    },
  };
}

describe('LoginThrottle', () => {
  it('allows attempts below the limit and blocks at it', () => {
    const { t, fail } = throttle(3, 60);
    fail('10.0.0.1', 'a@example.org', 2);
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBe(0);
    fail('10.0.0.1', 'a@example.org');
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBe(60);
  });

  it('counts down the wait and lifts the block when the oldest failure leaves the window', () => {
    const { t, fail, advance } = throttle(3, 60);
    fail('10.0.0.1', 'a@example.org');
    advance(10);
    fail('10.0.0.1', 'a@example.org', 2);
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBe(50);
    advance(49.5);
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBe(1);
    advance(0.5);
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBe(0);
    // Two failures remain in the window: one more blocks again, until the next one leaves.
    fail('10.0.0.1', 'a@example.org');
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBe(10);
  });

  it('slides: failures older than the window do not count', () => {
    const { t, fail, advance } = throttle(3, 60);
    fail('10.0.0.1', 'a@example.org', 2);
    advance(61);
    fail('10.0.0.1', 'a@example.org', 2);
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBe(0);
  });

  it('keys by address and account: another address or another account is not blocked', () => {
    const { t, fail } = throttle(3, 60);
    fail('10.0.0.1', 'a@example.org', 3);
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBeGreaterThan(0);
    expect(t.retryAfterSeconds('10.0.0.2', 'a@example.org')).toBe(0);
    expect(t.retryAfterSeconds('10.0.0.1', 'b@example.org')).toBe(0);
  });

  it('compares accounts case-insensitively', () => {
    const { t, fail } = throttle(3, 60);
    fail('10.0.0.1', 'A@Example.org', 3);
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBe(60);
  });

  it('forgets the failures of an address and account after a success, but not of the address', () => {
    const { t, fail } = throttle(3, 60, 5);
    fail('10.0.0.1', 'a@example.org', 2);
    t.recordSuccess('10.0.0.1', 'a@example.org');
    fail('10.0.0.1', 'a@example.org', 2);
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBe(0);
    // Four failures from this address so far; a fifth, on any account, reaches the address limit.
    fail('10.0.0.1', 'c@example.org');
    expect(t.retryAfterSeconds('10.0.0.1', 'z@example.org')).toBe(60);
  });

  it('slows down one address trying many accounts, without touching other addresses', () => {
    const { t, fail, advance } = throttle(3, 60, 6);
    for (let i = 0; i < 6; i++) fail('10.0.0.9', `user${i}@example.org`);
    expect(t.retryAfterSeconds('10.0.0.9', 'fresh@example.org')).toBe(60);
    expect(t.retryAfterSeconds('10.0.0.8', 'user0@example.org')).toBe(0);
    advance(60);
    expect(t.retryAfterSeconds('10.0.0.9', 'fresh@example.org')).toBe(0);
  });

  it('sets no permanent lockout: a long attack is allowed again after one window of quiet', () => {
    const { t, fail, advance } = throttle(3, 60);
    for (let minute = 0; minute < 30; minute++) {
      fail('10.0.0.1', 'a@example.org', 3);
      advance(60);
    }
    expect(t.retryAfterSeconds('10.0.0.1', 'a@example.org')).toBe(0);
  });
});
