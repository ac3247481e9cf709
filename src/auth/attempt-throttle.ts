import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { whenRequestRollsBack } from '../database/request-transaction.js';
import { JWT_SECRET } from '../config/secrets.js';
import { MICROS_PER_SECOND, retryAfterSeconds, waitMicros, withAttempt } from './throttle-window.js';

/**
 * Sign-in, and re-entering one's password while signed in (signatures, changing the password),
 * are throttled apart: failed signatures do not lock a user out of signing in. Survey links (a
 * link that stands in for an account) count unknown tokens per address apart from both.
 */
export type ThrottleScope = 'sign_in' | 'reauthentication' | 'survey_link';

/** An admitted attempt, to be forgiven when the password was right. */
export interface AttemptTicket {
  pairKey: string;
  addressKey: string;
  at: string;
  /** Set when the password was right. */
  forgiven?: boolean;
}

export type Admission = { admitted: true; ticket: AttemptTicket } | { admitted: false; retryAfterSeconds: number };

/**
 * Counts password attempts in a sliding window per (scope, client address, account) and per
 * (scope, client address), in the database, so every service process sees the same counts.
 *
 * An attempt is counted before the password is checked, and forgiven when it was right: a burst
 * of concurrent guesses cannot all slip past a check made before any of them failed. Attempts
 * refused by the throttle are not recorded, so every block lifts by itself after one window of
 * quiet (no permanent lockout, and a stranger elsewhere cannot lock the owner out). Keys are
 * keyed hashes: neither addresses nor typed e-mail addresses are stored.
 */
@Injectable()
export class AttemptThrottle {
  private readonly keySecret: Buffer;
  private readonly windowMicros: number;
  private readonly maxPerAddress: number;
  private lastSweep = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(JWT_SECRET) secret: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.keySecret = createHmac('sha256', secret).update('mentoring-qms attempt throttle').digest();
    this.windowMicros = config.loginWindowSeconds * MICROS_PER_SECOND;
    // One address may fail across many accounts this often before it is slowed down.
    this.maxPerAddress = config.loginMaxFailures * 10;
  }

  async admit(scope: ThrottleScope, address: string, account: string): Promise<Admission> {
    const pairKey = this.key(scope, address, account.toLowerCase());
    const addressKey = this.key(`${scope} per address`, address, '');
    const limits = new Map([
      [pairKey, this.config.loginMaxFailures],
      [addressKey, this.maxPerAddress],
    ]);
    const keys = { pairKey, addressKey };
    const admission = await this.dataSource.transaction((m) => this.admitLocked(m, limits, keys));
    if (admission.admitted) {
      // Inside a request that runs in one transaction (a request with an Idempotency-Key), the
      // count would roll back with the request a wrong password fails: it is then counted again.
      const { ticket } = admission;
      whenRequestRollsBack(async () => {
        if (!ticket.forgiven) await this.dataSource.transaction((m) => this.admitLocked(m, limits, keys));
      });
    }
    await this.sweepNowAndThen();
    return admission;
  }

  /** The password was right: the account's attempts from this address start again, the attempt no longer counts for the address. */
  async forgive(ticket: AttemptTicket): Promise<void> {
    ticket.forgiven = true;
    await this.dataSource.transaction(async (m) => {
      // The address's row first, as every other change of this address's counts: one lock order.
      await m.query(`SELECT 1 FROM auth_throttle WHERE key = $1 FOR UPDATE`, [ticket.addressKey]);
      await m.query(`DELETE FROM auth_throttle WHERE key = $1`, [ticket.pairKey]);
      await m.query(`UPDATE auth_throttle SET attempts = array_remove(attempts, $2::bigint) WHERE key = $1`, [
        ticket.addressKey,
        ticket.at,
      ]);
    });
  }

  private async admitLocked(
    m: EntityManager,
    limits: Map<string, number>,
    keys: { pairKey: string; addressKey: string },
  ): Promise<Admission> {
    const names = [...limits.keys()];
    // Every change of one address's counts locks the address's row first and the account's row
    // second, one row per statement: locking both in one statement let concurrent attempts and
    // forgivings wait for each other in a cycle (PostgreSQL queues tuple locks per row version).
    const rows: { key: string; attempts: string[] }[] = [];
    for (const key of [keys.addressKey, keys.pairKey]) {
      // A sweep may delete an expired row between the insert and the lock: then insert it again.
      for (let found = false; !found;) {
        await m.query(`INSERT INTO auth_throttle (key, attempts, expires_at) VALUES ($1, '{}', now()) ON CONFLICT (key) DO NOTHING`, [key]);
        const locked = await m.query<{ key: string; attempts: string[] }[]>(
          `SELECT key, attempts::text[] AS attempts FROM auth_throttle WHERE key = $1 FOR UPDATE`,
          [key],
        );
        rows.push(...locked);
        found = locked.length > 0;
      }
    }
    // The clock is read once the rows are locked, so attempts on one key are recorded in order.
    const [{ now: nowText }] = await m.query<{ now: string }[]>(
      `SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint::text AS now`,
    );
    const now = Number(nowText);
    const stored = new Map(rows.map((r) => [r.key, r.attempts.map(Number)]));
    const wait = Math.max(...names.map((k) => waitMicros(stored.get(k) ?? [], limits.get(k)!, now, this.windowMicros)));
    if (wait > 0) return { admitted: false, retryAfterSeconds: retryAfterSeconds(wait) };
    for (const k of names) {
      const kept = withAttempt(stored.get(k) ?? [], limits.get(k)!, now, this.windowMicros);
      await m.query(
        `UPDATE auth_throttle SET attempts = $2::text[]::bigint[], expires_at = to_timestamp($3::double precision / 1000000) + make_interval(secs => $4)
         WHERE key = $1`,
        [k, kept.map(String), nowText, this.config.loginWindowSeconds],
      );
    }
    return { admitted: true, ticket: { ...keys, at: nowText } };
  }

  /**
   * Removes rows whose window has passed, at most once per window (or minute) per process. Rows
   * another attempt holds are skipped, not waited for: the sweep never blocks or deadlocks a sign-in.
   */
  private async sweepNowAndThen(): Promise<void> {
    const interval = Math.min(this.config.loginWindowSeconds, 60) * 1000;
    if (Date.now() - this.lastSweep < interval) return;
    this.lastSweep = Date.now();
    await this.dataSource.query(
      `DELETE FROM auth_throttle WHERE key IN (
         SELECT key FROM auth_throttle WHERE expires_at < now() ORDER BY expires_at LIMIT 1000 FOR UPDATE SKIP LOCKED)`,
    );
  }

  private key(scope: string, address: string, account: string): string {
    return createHmac('sha256', this.keySecret).update(`${scope}\u0000${address}\u0000${account}`).digest('hex');
  }
}
