import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { installSessionQueue } from './pglite-session-queue.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export class DataDirLockedError extends Error {}

/**
 * Starts PostgreSQL embedded in this process (PGlite) behind a socket server on 127.0.0.1,
 * so the service talks to it with the ordinary `pg` driver, exactly as to a real server.
 *
 * `dataDir` undefined keeps the database in memory (tests). A lock file refuses a second
 * process on the same folder: two PGlite instances on one folder silently lose writes.
 */
export async function startEmbeddedDatabase(opts: { dataDir?: string; port?: number; maxConnections: number }): Promise<EmbeddedDatabase> {
  let releaseLock = () => {};
  let pgDataDir: string | undefined;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    releaseLock = takeLock(join(opts.dataDir, 'qms.lock'));
    pgDataDir = join(opts.dataDir, 'pgdata');
  }
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    const fresh = pgDataDir !== undefined && !existsSync(join(pgDataDir, 'PG_VERSION'));
    db = await PGlite.create(pgDataDir ? { dataDir: pgDataDir } : {});
    if (fresh) {
      // Creating a database cluster grows the WebAssembly memory to about twice what running one
      // needs, and WebAssembly memory never shrinks: opening the new cluster again in a new
      // instance halves the resident memory of a first start (npm run bench -- startup).
      await db.close();
      db = await PGlite.create({ dataDir: pgDataDir });
    }
    server = new PGLiteSocketServer({
      db,
      host: '127.0.0.1',
      port: opts.port ?? 0,
      maxConnections: opts.maxConnections,
    });
    // pglite-socket's own queue lets pooled connections' queries interleave (see the module).
    installSessionQueue(server, db);
    await server.start();
  } catch (e) {
    await db?.close().catch(() => undefined);
    releaseLock();
    throw e;
  }
  const port = boundPort(server);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  // Commands run beside the service (npm run qms, npm run demo) connect here instead of opening the
  // folder a second time (see runningHolder).
  const unpublish = opts.dataDir ? publishAddress(join(opts.dataDir, ADDRESS_FILE), url) : () => {};
  const started = { db, server };
  return {
    url,
    async stop() {
      unpublish();
      await started.server.stop();
      await started.db.close();
      releaseLock();
    },
  };
}

/** In the data folder, beside the lock: the process holding the folder and its database's address. */
const ADDRESS_FILE = 'qms.address';

interface PublishedAddress {
  pid: number;
  url: string;
}

function publishAddress(path: string, url: string): () => void {
  const address: PublishedAddress = { pid: process.pid, url };
  writeFileSync(`${path}.${process.pid}`, JSON.stringify(address) + '\n', { mode: 0o600 });
  renameSync(`${path}.${process.pid}`, path);
  let withdrawn = false;
  const withdraw = () => {
    if (withdrawn) return;
    withdrawn = true;
    try {
      if ((JSON.parse(readFileSync(path, 'utf8')) as PublishedAddress).pid === process.pid) rmSync(path);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', withdraw);
  return withdraw;
}

/**
 * The live process holding the data folder (other than this one), with the address of the
 * database it serves there when it has published one; undefined when the folder is free.
 */
export function runningHolder(dataDir: string): { pid: number; url?: string } | undefined {
  const pid = lockHolder(join(dataDir, 'qms.lock'));
  if (pid === undefined) return undefined;
  try {
    const address = JSON.parse(readFileSync(join(dataDir, ADDRESS_FILE), 'utf8')) as Partial<PublishedAddress>;
    if (address.pid === pid && typeof address.url === 'string') return { pid, url: address.url };
  } catch {
    /* not published (yet) */
  }
  return { pid };
}

function lockHolder(path: string): number | undefined {
  let holder: number;
  try {
    holder = Number(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  return Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder) ? holder : undefined;
}

function boundPort(server: PGLiteSocketServer): number {
  // After start() the server reports the port it actually bound ("127.0.0.1:54321").
  const port = Number(server.getServerConn().split(':').pop());
  if (!Number.isInteger(port) || port <= 0) throw new Error('embedded database socket server has no TCP port');
  return port;
}

/**
 * Refuses early, before anything else starts, when another live process holds the data folder.
 * (The lock itself is taken when the database starts; this only gives the clear message first.)
 */
export function assertDataDirFree(dataDir: string): void {
  const holder = lockHolder(join(dataDir, 'qms.lock'));
  if (holder !== undefined) {
    throw new DataDirLockedError(
      `The data folder is in use by process ${holder} (${dataDir}). Stop that process first; two processes on one embedded database lose writes.`,
    );
  }
}

function takeLock(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(
          `The data folder is in use by process ${holder} (lock file ${path}). Stop that process first; two processes on one embedded database lose writes.`,
        );
      }
      // The holder is gone (crash or kill): the lock is stale.
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not take the lock ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
