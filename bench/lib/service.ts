/**
 * The compiled service (`dist/src/main.js`, built by `npm run build`) as a child process, the way
 * it runs in production: its own process, its own database (embedded in a data folder, or a
 * database of its own on the PostgreSQL server), stdout and stderr captured. Used by the hardening
 * tests (from their TypeScript sources) and by the benchmarks (compiled, from dist/bench).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The project folder: the nearest folder above this file that holds package.json. */
export const ROOT = projectRoot(dirname(fileURLToPath(import.meta.url)));
export const MAIN = join(ROOT, 'dist/src/main.js');
export const ADMIN_EMAIL = 'admin@hardening.test';
export const ADMIN_PASSWORD = 'hardening-admin-password';
export const JWT_SECRET = 'hardening-secret-that-is-long-enough-0123456789';

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project folder above ${from}`);
  }
}

export function requireBuild(): void {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class Service {
  private constructor(
    readonly child: ChildProcess,
    private readonly captured: { text: string },
    readonly exited: Promise<ExitStatus>,
    readonly url: string,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  /** Everything the process wrote to stdout and stderr so far. */
  get output(): string {
    return this.captured.text;
  }

  /** Starts the service and waits until /health answers ok; fails with the output when it does not. */
  static async start(env: Record<string, string>, timeoutMs = 90_000): Promise<Service> {
    const { child, captured, exited } = spawnService(env);
    const deadline = Date.now() + timeoutMs;
    let url: string | undefined;
    let status: ExitStatus | undefined;
    void exited.then((s) => (status = s));
    while (Date.now() < deadline) {
      if (status) throw new Error(`the service exited during start-up (${JSON.stringify(status)}):\n${captured.text}`);
      url ??= /listening on (http:\/\/[\d.]+:\d+)/.exec(captured.text)?.[1];
      if (url) {
        const ok = await fetch(`${url}/health`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) return new Service(child, captured, exited, url);
      }
      await sleep(200);
    }
    child.kill('SIGKILL');
    throw new Error(`the service did not become healthy in ${timeoutMs} ms:\n${captured.text}`);
  }

  /** The distinct error messages the service logged (level error and above), for failure messages. */
  loggedErrors(): string[] {
    const out = new Set<string>();
    for (const line of this.output.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const e = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string; stack?: string } };
        if ((e.level ?? 0) >= 50) out.add(`${e.msg}: ${e.err?.message ?? ''} ${(e.err?.stack ?? '').split('\n').slice(1, 4).join(' ')}`);
      } catch {
        /* not a log line */
      }
    }
    return [...out];
  }

  /** kill -9: no shutdown hook, no flush, no goodbye. */
  async kill9(): Promise<ExitStatus> {
    this.child.kill('SIGKILL');
    return this.exited;
  }

  /** An orderly stop (SIGTERM; the service closes its database). */
  async stop(): Promise<ExitStatus> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Spawns the service without waiting for it (for a start that is meant to fail). */
export function spawnService(env: Record<string, string>): {
  child: ChildProcess;
  captured: { text: string };
  exited: Promise<ExitStatus>;
} {
  requireBuild();
  // BENCH_SERVICE_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=prof`: profiles the service while a scenario runs.
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      DEVIATION_SCAN_INTERVAL_MINUTES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const captured = { text: '' };
  child.stdout.on('data', (d: Buffer) => (captured.text += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (captured.text += d.toString('utf8')));
  const exited = new Promise<ExitStatus>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, captured, exited };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A TCP port free right now on 127.0.0.1 (for the embedded database's socket, so a test can attach). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'qms-hardening-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The PostgreSQL server the hardening specs may use (TEST_DATABASE_URL), or undefined. */
export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** A new, empty database on the server, dropped by `drop()`. */
export async function freshDatabase(server: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `qms_h_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A pg client on the service's database (embedded: through its socket on `port`). */
export async function attach(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

export function embeddedUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}
