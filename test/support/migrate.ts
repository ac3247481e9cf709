import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/data-source-options.js';
import { runMigrations } from '../../src/database/database.js';

/** Migrates a database (or schema) at `url` to the latest version, as the service does at start. */
export async function migrate(url: string): Promise<void> {
  const ds = new DataSource(buildDataSourceOptions(url, 2));
  await ds.initialize();
  try {
    await runMigrations(ds);
  } finally {
    await ds.destroy();
  }
}
