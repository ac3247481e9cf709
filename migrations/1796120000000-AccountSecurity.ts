import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account basics: a password an administrator chose (or the service generated) must be changed at
 * the next sign-in; a token generation ends every token of a user at once (a changed or reset
 * password, a deactivation); and the counters of failed password checks move from each process's
 * memory into the database, so several service processes share them.
 */
export class AccountSecurity1796120000000 implements MigrationInterface {
  name = 'AccountSecurity1796120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE app_user ADD COLUMN token_generation integer NOT NULL DEFAULT 0 CHECK (token_generation >= 0)`);

    // One row per throttle key (a keyed hash of scope, client address and account: no personal
    // data at rest). `attempts` holds the recent attempts in microseconds since the epoch; rows
    // whose window has passed are swept.
    await q.query(`
      CREATE TABLE auth_throttle (
        key text PRIMARY KEY,
        attempts bigint[] NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX auth_throttle_expires_idx ON auth_throttle (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_throttle`);
    await q.query(`ALTER TABLE app_user DROP COLUMN token_generation`);
    await q.query(`ALTER TABLE app_user DROP COLUMN must_change_password`);
  }
}
