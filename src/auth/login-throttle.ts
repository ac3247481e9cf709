/**
 * Counts failed password checks in a sliding window, per (client address, account) and per
 * client address. Keying by address means a stranger elsewhere cannot lock the owner out,
 * and every block expires by itself when the window passes: there is no permanent lockout.
 * Kept in memory: a restart forgets it, which errs on the side of letting users in.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    /** Failures one address may make across all accounts before it is slowed down. */
    private readonly maxPerAddress = maxFailures * 10,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(address: string, account: string): number {
    const wait = Math.max(
      this.waitFor(this.key(address, account), this.maxFailures),
      this.waitFor(this.key(address, '*'), this.maxPerAddress),
    );
    return Math.ceil(wait / 1000);
  }

  recordFailure(address: string, account: string): void {
    for (const k of [this.key(address, account), this.key(address, '*')]) {
      const list = this.recent(k);
      list.push(this.now());
      this.failures.set(k, list);
    }
    if (this.failures.size > 100_000) this.prune();
  }

  recordSuccess(address: string, account: string): void {
    this.failures.delete(this.key(address, account));
  }

  private key(address: string, account: string): string {
    return `${address}\u0000${account.toLowerCase()}`;
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > cutoff);
  }

  private waitFor(key: string, max: number): number {
    const list = this.recent(key);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    if (list.length < max) return 0;
    // Allowed again when the oldest failure that counts towards the limit leaves the window.
    return list[list.length - max] + this.windowMs - this.now();
  }

  private prune(): void {
    for (const k of [...this.failures.keys()]) this.waitFor(k, Number.MAX_SAFE_INTEGER);
  }
}
