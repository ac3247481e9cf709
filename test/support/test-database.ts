/**
 * Databases for tests: every test file gets its own, copied from a template migrated once per run
 * by jest's globalSetup (test/support/global-setup.mjs). With TEST_DATABASE_URL (a real server)
 * the template is a database of that server; without it, a tarball of an embedded database's data
 * folder, from which each file starts a PGlite of its own (test/support/embedded-template.ts).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedFromTemplate } from './embedded-template.js';
import { migrate } from './migrate.js';

export { migrate };

export const TEMPLATE_ENV = 'QMS_TEST_TEMPLATE_DB';
/** A folder of this run's own (made by jest's globalSetup) for the embedded template. */
export const EMBEDDED_DIR_ENV = 'QMS_TEST_EMBEDDED_DIR';
/** The embedded template's data folder, as a tarball, in that folder. */
export const EMBEDDED_TEMPLATE = 'template.tar';

export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  /** Drops what `acquire` created. */
  release(): Promise<void>;
}

/** A database of this test file's own, migrated and empty. */
export async function acquireTestDatabase(): Promise<TestDatabase> {
  const server = serverUrl();
  if (server) {
    const template = process.env[TEMPLATE_ENV];
    if (!template) throw new Error(`${TEMPLATE_ENV} is not set: is jest's globalSetup configured?`);
    const name = `qms_t_${randomBytes(6).toString('hex')}`;
    // Test files run in parallel workers: the first to get here migrates the run's template,
    // and copies are made one at a time (a template cannot be copied while it is in use).
    const lock = new pg.Client({ connectionString: server });
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(726354120)');
      await migrate(withDatabase(server, template));
      await lock.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await lock.query('SELECT pg_advisory_unlock(726354120)').catch(() => undefined);
      await lock.end();
    }
    return {
      url: withDatabase(server, name),
      release: () => adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = process.env[EMBEDDED_DIR_ENV];
  if (!dir) throw new Error(`${EMBEDDED_DIR_ENV} is not set: is jest's globalSetup configured?`);
  const db = await startEmbeddedFromTemplate(join(dir, EMBEDDED_TEMPLATE));
  return { url: db.url, release: () => db.stop() };
}
