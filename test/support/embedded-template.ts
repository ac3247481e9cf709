/**
 * Embedded databases for tests (no TEST_DATABASE_URL): jest's globalSetup migrates one in-memory
 * PGlite once per run and writes its data folder as a tarball (the template); every test file then
 * starts a PGlite of its own from that tarball, inside the jest worker that runs the file, behind
 * a socket server as the service runs it (src/database/embedded.ts). Files run in parallel workers
 * and none runs the migrations again.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { installSessionQueue } from '../../src/database/pglite-session-queue.js';
import { migrate } from './migrate.js';

export interface ServedDatabase {
  url: string;
  stop(): Promise<void>;
}

async function serve(db: PGlite): Promise<ServedDatabase> {
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 40 });
  installSessionQueue(server, db);
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** Migrates a new embedded database and writes its data folder to `tarball`. */
export async function makeEmbeddedTemplate(tarball: string): Promise<void> {
  const db = await PGlite.create();
  const served = await serve(db);
  try {
    await migrate(served.url);
    await db.exec('CHECKPOINT');
    const dump = await db.dumpDataDir('none');
    writeFileSync(`${tarball}.part`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${tarball}.part`, tarball);
  } finally {
    await served.stop();
  }
}

/** A new embedded database, in memory, started from the template's data folder. */
export async function startEmbeddedFromTemplate(tarball: string): Promise<ServedDatabase> {
  return serve(await PGlite.create({ loadDataDir: new Blob([readFileSync(tarball)]) }));
}
