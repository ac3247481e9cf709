// Runs once per test run, in jest's own process: creates the run's template database on a real
// server (TEST_DATABASE_URL; the first test file migrates it), or migrates the run's embedded
// template (test/support/embedded-template.ts, loaded through the TypeScript hooks of
// typescript-loader.mjs, since this runs outside jest's module system).
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export default async function globalSetup() {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const template = `qms_tpl_${randomBytes(5).toString('hex')}`;
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${template}`);
    } finally {
      await client.end();
    }
    process.env.QMS_TEST_TEMPLATE_DB = template;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'qms-test-'));
  process.env.QMS_TEST_EMBEDDED_DIR = dir;
  register('./typescript-loader.mjs', import.meta.url);
  const { makeEmbeddedTemplate } = await import('./embedded-template.ts');
  const started = Date.now();
  await makeEmbeddedTemplate(join(dir, 'template.tar'));
  process.stderr.write(`embedded template database migrated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
