/**
 * Databases for tests. With TEST_DATABASE_URL (a real server) every test file gets its own
 * database, copied from a template migrated once per run. Without it, one in-memory embedded
 * database serves the run, and each test file starts from a freshly migrated schema.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options.js';
import { runMigrations } from '../../src/database/database.js';

export const TEMPLATE_ENV = 'QMS_TEST_TEMPLATE_DB';
export const EMBEDDED_URL_ENV = 'QMS_TEST_EMBEDDED_URL';

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

/** Migrates a database (or schema) at `url` to the latest version. */
export async function migrate(url: string): Promise<void> {
  const ds = new DataSource(buildDataSourceOptions(url, 2));
  await ds.initialize();
  try {
    await runMigrations(ds);
  } finally {
    await ds.destroy();
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
  const url = process.env[EMBEDDED_URL_ENV];
  if (!url) throw new Error(`${EMBEDDED_URL_ENV} is not set: is jest's globalSetup configured?`);
  // One embedded database per run: start each file from an empty, freshly migrated schema.
  await adminQuery(url, 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await migrate(url);
  return { url, release: () => Promise.resolve() };
}
