// Runs once per test run, outside jest's module system (so plain JavaScript): creates the
// run's template database name on a real server, or starts the embedded database in memory.
// Migrations run from the test files themselves (test/support/test-database.ts).
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import ts from 'typescript';

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
  const db = await PGlite.create();
  const socket = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 40 });
  (await loadSessionQueue()).installSessionQueue(socket, db);
  await socket.start();
  globalThis.__qmsEmbedded = { db, socket };
  process.env.QMS_TEST_EMBEDDED_URL = `postgres://postgres@${socket.getServerConn()}/postgres`;
}

/**
 * The service's own queue for the embedded database's socket server (without it, pooled
 * connections' queries interleave), loaded from its TypeScript source: it imports types only.
 */
async function loadSessionQueue() {
  const source = await readFile(new URL('../../src/database/pglite-session-queue.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
}
