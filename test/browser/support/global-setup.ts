/**
 * Starts the compiled service twice for the whole run: on a new database of the PostgreSQL
 * server (TEST_DATABASE_URL, or the local one), and on a new embedded database in a temporary
 * folder. Their addresses reach the tests through the environment. Returns the teardown.
 */
import { ADMIN_EMAIL, ADMIN_PASSWORD, JWT_SECRET, Service, freshDatabase, requireBuild, tempDataDir } from '../../../bench/lib/service.js';

export const SERVER = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function globalSetup(): Promise<() => Promise<void>> {
  requireBuild();
  const database = await freshDatabase(SERVER);
  const folder = tempDataDir();
  const common = { JWT_SECRET, TIME_ZONE: 'Europe/Stockholm', LOG_LEVEL: 'warn' };
  const [onServer, embedded] = await Promise.all([
    Service.start({ ...common, DATABASE_URL: database.url }),
    Service.start({ ...common, DATA_DIR: folder.dir }, 180_000),
  ]);
  process.env.QMS_URL_POSTGRES = onServer.url;
  process.env.QMS_URL_EMBEDDED = embedded.url;
  process.env.QMS_ADMIN_EMAIL = ADMIN_EMAIL;
  process.env.QMS_ADMIN_PASSWORD = ADMIN_PASSWORD;
  return async () => {
    await Promise.all([onServer.stop(), embedded.stop()]);
    await database.drop();
    folder.remove();
    const errors = [...onServer.loggedErrors(), ...embedded.loggedErrors()];
    if (errors.length > 0) throw new Error(`the service logged errors during the browser tests:\n${errors.join('\n')}`);
  };
}
