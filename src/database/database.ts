import type { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { startEmbeddedDatabase } from './embedded.js';
import { AppDataSource } from './request-transaction.js';
import type { EmbeddedDatabase } from './embedded.js';

/**
 * Builds the data source options for a URL and pool size. The one builder is
 * `buildDataSourceOptions` in src/data-source-options.ts (the composition root, which knows every
 * module's entities); the service, the CLI and the tests pass it in.
 */
export type DataSourceOptionsFor = (url: string, poolSize: number) => DataSourceOptions;

export interface OpenDatabase {
  dataSource: DataSource;
  mode: 'embedded' | 'server';
  close(): Promise<void>;
}

/** Arbitrary, fixed key for the advisory lock that serialises migration runs across processes. */
const MIGRATION_LOCK_KEY = 726_354_118;

/**
 * Connects to the configured database (starting the embedded one when no DATABASE_URL is set)
 * and, unless told otherwise, brings the schema up to date.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'embeddedDbPort' | 'dbPoolSize' | 'runMigrationsOnStart'>,
  dataSourceOptions: DataSourceOptionsFor,
  opts: { inMemory?: boolean } = {},
): Promise<OpenDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedDatabase({
      dataDir: opts.inMemory ? undefined : config.dataDir,
      port: config.embeddedDbPort,
      // Room beyond the pool for commands run beside the service (npm run qms), which connect here.
      maxConnections: config.dbPoolSize + 10,
    });
    url = embedded.url;
  }
  const dataSource = new AppDataSource(dataSourceOptions(url, config.dbPoolSize));
  try {
    await dataSource.initialize();
    if (config.runMigrationsOnStart) await runMigrations(dataSource);
  } catch (e) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
  return {
    dataSource,
    mode: embedded ? 'embedded' : 'server',
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** Runs pending migrations under an advisory lock, so two processes starting together do not race. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}
