/**
 * Start-up time and memory of the compiled service on the embedded database (PGlite, in the
 * service's own process) beside a real PostgreSQL server: from spawning `node dist/src/main.js`
 * to the first `GET /health` that answers 200, for a first start (empty data folder or empty
 * database: schema migrations and the shipped procedures imported) and for a restart on the data
 * the first start left. Memory is the service process's resident set (VmRSS once healthy, VmHWM
 * its peak) from /proc; with a real server PostgreSQL's own processes are not counted, while the
 * embedded database lives inside the service process and is.
 */
import { readFileSync } from 'node:fs';
import { median, round } from '../lib/stats.js';
import type { BenchRow, Scenario } from '../lib/types.js';
import { row } from '../lib/types.js';
import { JWT_SECRET, freshDatabase, sleep, spawnService, tempDataDir } from '../lib/service.js';

interface Start {
  ms: number;
  rssMb: number;
  peakRssMb: number;
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

/** Spawns the service, waits for a healthy /health, reads its memory, stops it. */
async function startOnce(env: Record<string, string>): Promise<Start> {
  const began = performance.now();
  const { child, captured, exited } = spawnService({ ...env, JWT_SECRET });
  let status: unknown;
  void exited.then((s) => (status = s));
  try {
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (status) throw new Error(`the service exited during start-up (${JSON.stringify(status)}):\n${captured.text}`);
      const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(captured.text)?.[1];
      if (
        url &&
        (await fetch(`${url}/health`).then(
          (r) => r.ok,
          () => false,
        ))
      ) {
        const ms = performance.now() - began;
        // Let the start-up's garbage settle before reading the resident set.
        await sleep(1000);
        return { ms: round(ms), rssMb: procStatus(child.pid!, 'VmRSS'), peakRssMb: procStatus(child.pid!, 'VmHWM') };
      }
      await sleep(25);
    }
    throw new Error(`the service did not become healthy in 180 s:\n${captured.text}`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  }
}

type Mode = 'embedded' | 'postgres';
type Phase = 'first start' | 'restart';

export const startupScenario: Scenario = {
  key: 'startup',
  title: 'Start-up time and memory: embedded database beside a PostgreSQL server',
  async run({ serverUrl, repeat, log }) {
    const runs = new Map<string, Start[]>();
    const add = (mode: Mode, phase: Phase, s: Start) => {
      log(`startup: ${mode} ${phase}: ${s.ms} ms, RSS ${s.rssMb} MB, peak ${s.peakRssMb} MB`);
      runs.set(`${mode}:${phase}`, [...(runs.get(`${mode}:${phase}`) ?? []), s]);
    };
    for (let i = 0; i < repeat; i++) {
      const data = tempDataDir();
      try {
        add('embedded', 'first start', await startOnce({ DATA_DIR: data.dir }));
        add('embedded', 'restart', await startOnce({ DATA_DIR: data.dir }));
      } finally {
        data.remove();
      }
      const db = await freshDatabase(serverUrl);
      try {
        add('postgres', 'first start', await startOnce({ DATABASE_URL: db.url }));
        add('postgres', 'restart', await startOnce({ DATABASE_URL: db.url }));
      } finally {
        await db.drop();
      }
    }
    const med = (mode: Mode, phase: Phase, pick: (s: Start) => number) => median((runs.get(`${mode}:${phase}`) ?? []).map(pick));
    const rows: BenchRow[] = [];
    for (const phase of ['first start', 'restart'] as const) {
      const details = { embedded: runs.get(`embedded:${phase}`), postgres: runs.get(`postgres:${phase}`) };
      rows.push(
        row({
          scenario: 'startup',
          case: `embedded, ${phase}`,
          metric: 'ms to healthy',
          value: med('embedded', phase, (s) => s.ms),
          baselineName: 'PostgreSQL server',
          baseline: med('postgres', phase, (s) => s.ms),
          details,
        }),
        row({
          scenario: 'startup',
          case: `embedded, ${phase}`,
          metric: 'MB RSS once healthy',
          value: med('embedded', phase, (s) => s.rssMb),
          baselineName: 'PostgreSQL server (service process only)',
          baseline: med('postgres', phase, (s) => s.rssMb),
        }),
        row({
          scenario: 'startup',
          case: `embedded, ${phase}`,
          metric: 'MB peak RSS',
          value: med('embedded', phase, (s) => s.peakRssMb),
          baselineName: 'PostgreSQL server (service process only)',
          baseline: med('postgres', phase, (s) => s.peakRssMb),
        }),
      );
    }
    return rows;
  },
};
