import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const server = process.env.TEST_DATABASE_URL;
  const template = process.env.QMS_TEST_TEMPLATE_DB;
  if (server && template) {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  const dir = process.env.QMS_TEST_EMBEDDED_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
