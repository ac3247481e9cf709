/**
 * Recording a step: `POST /api/executions/:id/steps` through the whole service (authentication,
 * validation, the step's definition, the execution's lock, the audit append, the execution view
 * in the answer) with autocannon at 10 and 50 connections, beside a bare `node:http` + `pg`
 * server doing the same insert and audit append in one transaction (bench/servers/bare-step-server.ts).
 *
 * Both run as child processes on the same fresh database, with pools of the same size. Every
 * request records a step nobody recorded before: a bench procedure of STEPS steps (one text field each), one
 * execution per adept, and each run hands out its own executions' (execution, step) slots,
 * execution after execution, so neighbouring requests touch different executions (as many
 * people recording at once would) and every run sees executions of the same sizes.
 *
 * Each case is run `repeat` times, baseline and service alternating (and alternating which goes
 * first); medians are reported. Every answer must be a 201: anything else fails the scenario.
 * Afterwards the audit chain must verify and the step records must be exactly the 201s.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { activeProgramme, createStaff, createUser, participantBody } from '../lib/client.js';
import type { Client } from '../lib/client.js';
import { JWT_SECRET, ROOT, Service, attach, freshDatabase, sleep } from '../lib/service.js';
import { median, round } from '../lib/stats.js';
import { row } from '../lib/types.js';
import type { BenchOptions, BenchRow, Scenario } from '../lib/types.js';

const PROCEDURE_KEY = 'bench-step-recording';
const STEPS = 40;
const CONNECTIONS = [10, 50];
const POOL_SIZE = 10; // the service's default (DB_POOL_SIZE, src/config/config.ts), given to both
const BASELINE = 'bare node:http + pg';
const BARE_SERVER = join(ROOT, 'dist/bench/servers/bare-step-server.js');

type Side = 'service' | 'bare';

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux; clock ticks of
 * 10 ms, USER_HZ = 100 on every Linux we run on); undefined elsewhere. Divided by the requests of
 * a run, it says where the difference goes: CPU per request, or waiting.
 */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

interface Run {
  side: Side;
  connections: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** CPU of the server process per request (ms), when /proc tells. */
  cpuMsPerRequest?: number;
}

function definition() {
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    key: PROCEDURE_KEY,
    title: { en: 'Benchmark: recording steps' },
    purpose: { en: 'Many small steps, so that every benchmark request records a step of its own.' },
    subject: 'adept',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'programme_start', fromDays: -90, toDays: 365 },
    ordered: false,
    steps: Array.from({ length: STEPS }, (_, i) => ({
      key: `step_${two(i + 1)}`,
      title: { en: `Step ${i + 1}` },
      required: true,
      fields: [{ key: 'note', label: { en: 'Note' }, type: 'text', required: true }],
    })),
  };
}

/** Runs `tasks` with at most `parallel` at a time; results in order. */
async function inParallel<T>(count: number, parallel: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** The baseline server as a child process, like the service; resolves with its URL. */
async function startBare(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BARE_SERVER], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (text += d.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the baseline server exited during start-up:\n${text}`);
    const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(text)?.[1];
    if (url) return { url, child, output: () => text, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(`the baseline server did not start in 30 s:\n${text}`);
}

export const stepScenario: Scenario = {
  key: 'step',
  title: 'Recording a step through the API against bare node:http + pg',
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const { log, repeat, smoke } = options;
    const amount = smoke ? 100 : 2000;
    const warmup = smoke ? 50 : 400;
    // Every run, warm-ups included, with its side and size; each gets executions of its own.
    const plan: { side: Side; connections: number; amount: number; warmup: boolean }[] = [
      { side: 'bare', connections: 10, amount: warmup, warmup: true },
      { side: 'service', connections: 10, amount: warmup, warmup: true },
    ];
    for (const connections of CONNECTIONS) {
      for (let r = 0; r < repeat; r++) {
        const order: Side[] = r % 2 === 0 ? ['bare', 'service'] : ['service', 'bare'];
        for (const side of order) plan.push({ side, connections, amount, warmup: false });
      }
    }
    const perRun = plan.map((p) => Math.ceil(p.amount / STEPS));
    const executionsNeeded = perRun.reduce((a, b) => a + b, 0);

    const db = await freshDatabase(options.serverUrl);
    let service: Service | undefined;
    let bare: Awaited<ReturnType<typeof startBare>> | undefined;
    try {
      // The production log level: every request is logged.
      service = await Service.start({ DATABASE_URL: db.url, JWT_SECRET, LOG_LEVEL: 'info', DB_POOL_SIZE: String(POOL_SIZE) });
      const svc = service;
      log(`step: seeding ${executionsNeeded} executions of a ${STEPS}-step procedure`);
      const seeded = performance.now();
      const staff = await createStaff(svc.url, 'step');
      const approverPassword = 'approver-password-for-the-bench';
      const { client: approver } = await createUser(staff.admin, {
        email: 'approver.step@hardening.test',
        name: 'Astrid Approver',
        password: approverPassword,
        roles: ['quality_manager'],
      });
      await staff.qm.must(201, 'POST', '/api/procedures', { definition: definition() });
      await staff.qm.must(200, 'POST', `/api/procedures/${PROCEDURE_KEY}/versions/1/submit`);
      await approver.must(200, 'POST', `/api/procedures/${PROCEDURE_KEY}/versions/1/approve`, {
        password: approverPassword,
        comment: 'For the benchmark',
      });
      const programmeId = await activeProgramme(staff, 'Benchmark: recording steps');
      const leader: Client = staff.leader;
      const me = (await leader.must(200, 'GET', '/api/users/me')) as { id: string; email: string };
      const executions = await inParallel(executionsNeeded, 4, async (i) => {
        const p = await leader.must(201, 'POST', `/api/programmes/${programmeId}/participants`, participantBody(i, { role: 'adept' }));
        const e = await leader.must(201, 'POST', `/api/programmes/${programmeId}/executions`, {
          procedureKey: PROCEDURE_KEY,
          subject: { participantId: p.id },
        });
        return e.id as string;
      });
      log(`step: seeded in ${((performance.now() - seeded) / 1000).toFixed(0)} s`);

      bare = await startBare({ DATABASE_URL: db.url, DB_POOL_SIZE: String(POOL_SIZE), BARE_ACTOR_ID: me.id, BARE_ACTOR_EMAIL: me.email });
      const urls: Record<Side, string> = { service: svc.url, bare: bare.url };
      const headers = { authorization: `Bearer ${leader.token}`, 'content-type': 'application/json' };
      // Performed an hour ago: never "in the future", whatever the clocks.
      const performedAt = new Date(Date.now() - 3_600_000).toISOString();
      const executionsOf: Record<Side, string[]> = { service: [], bare: [] };
      const created: Record<Side, number> = { service: 0, bare: 0 };
      const runs: Run[] = [];

      let offset = 0;
      for (const [i, p] of plan.entries()) {
        const mine = executions.slice(offset, offset + perRun[i]);
        offset += perRun[i];
        executionsOf[p.side].push(...mine);
        // Slot k: execution k mod E, step k div E. Exactly `amount` setupRequest calls (one per request).
        let k = 0;
        const refused: string[] = [];
        const pid = p.side === 'service' ? svc.pid : bare.child.pid;
        const cpuBefore = cpuMs(pid);
        const began = performance.now();
        let lastAnswer = began;
        const result = await autocannon({
          url: urls[p.side],
          connections: p.connections,
          amount: p.amount,
          timeout: 30,
          requests: [
            {
              method: 'POST',
              headers,
              setupRequest: (req) => {
                const slot = k++;
                // Never beyond STEPS when autocannon asks exactly `amount` times (checked after the run).
                const step = Math.floor(slot / mine.length) % STEPS;
                return {
                  ...req,
                  path: `/api/executions/${mine[slot % mine.length]}/steps`,
                  body: JSON.stringify({
                    stepKey: `step_${String(step + 1).padStart(2, '0')}`,
                    values: { note: `Step ${step + 1} done as planned` },
                    performedAt,
                  }),
                };
              },
              onResponse: (status, body) => {
                lastAnswer = performance.now();
                if (status !== 201 && refused.length < 5) refused.push(`${status} ${body.slice(0, 300)}`);
              },
            },
          ],
        });
        // Up to the last answer: autocannon itself resolves only at its next one-second tick.
        const seconds = (lastAnswer - began) / 1000;
        const cpuAfter = cpuMs(pid);
        const ok = result.statusCodeStats['201']?.count ?? 0;
        created[p.side] += ok;
        if (k !== p.amount) throw new Error(`${p.side}: ${k} requests were set up for ${p.amount}; the slots no longer match the requests`);
        const answered = Object.values(result.statusCodeStats).reduce((a, s) => a + s.count, 0);
        if (ok !== p.amount || result.non2xx || result.errors || result.timeouts || answered !== p.amount) {
          const logged = p.side === 'service' ? svc.loggedErrors() : [bare.output().slice(-2000)];
          throw new Error(
            `${p.side} at ${p.connections} connections: ${ok} of ${p.amount} requests answered 201 ` +
              `(status codes ${JSON.stringify(result.statusCodeStats)}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}); ` +
              `first refusals: ${JSON.stringify(refused)}; logged: ${JSON.stringify(logged)}`,
          );
        }
        const run: Run = {
          side: p.side,
          connections: p.connections,
          requests: ok,
          seconds: round(seconds, 2),
          requestsPerSecond: round(ok / seconds, 1),
          p50: result.latency.p50,
          p99: result.latency.p99,
          max: result.latency.max,
          ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpuMsPerRequest: round((cpuAfter - cpuBefore) / ok, 2) } : {}),
        };
        log(
          `step: ${p.warmup ? 'warm-up ' : ''}${p.side} at ${p.connections} connections: ${run.requestsPerSecond} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms${run.cpuMsPerRequest === undefined ? '' : `, ${run.cpuMsPerRequest} ms CPU per request`}`,
        );
        if (!p.warmup) runs.push(run);
      }

      // The chain still verifies, and every 201 is exactly one step record on its side.
      const verdict = (await staff.auditor.must(200, 'GET', '/api/audit-events/verify')) as { valid: boolean; events: number };
      if (!verdict.valid) throw new Error(`the audit chain does not verify after the runs: ${JSON.stringify(verdict)}`);
      const c = await attach(db.url);
      const records: Record<Side, number> = { service: 0, bare: 0 };
      try {
        for (const side of ['service', 'bare'] as const) {
          const { rows } = await c.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM execution_step_record WHERE execution_id = ANY($1)`,
            [executionsOf[side]],
          );
          records[side] = rows[0].n;
        }
      } finally {
        await c.end();
      }
      for (const side of ['service', 'bare'] as const) {
        if (records[side] !== created[side]) throw new Error(`${side}: ${records[side]} step records for ${created[side]} answers 201`);
      }
      const errors = svc.loggedErrors();
      if (errors.length) throw new Error(`the service logged errors: ${JSON.stringify(errors)}`);
      log(
        `step: chain valid (${verdict.events} events); step records match the 201s (service ${records.service}, baseline ${records.bare})`,
      );

      const rows: BenchRow[] = [];
      for (const connections of CONNECTIONS) {
        const of = (side: Side) => runs.filter((r) => r.side === side && r.connections === connections);
        const s = of('service');
        const b = of('bare');
        const figures = (list: Run[]) => ({
          requestsPerSecond: median(list.map((r) => r.requestsPerSecond)),
          p50Ms: median(list.map((r) => r.p50)),
          p99Ms: median(list.map((r) => r.p99)),
          cpuMsPerRequest: list.every((r) => r.cpuMsPerRequest !== undefined) ? median(list.map((r) => r.cpuMsPerRequest!)) : null,
          runs: list,
        });
        const details = {
          requestsPerRun: amount,
          poolSize: POOL_SIZE,
          stepsPerExecution: STEPS,
          service: figures(s),
          baseline: figures(b),
          non2xx: { service: 0, baseline: 0 },
          chain: { valid: verdict.valid, events: verdict.events },
        };
        rows.push(
          row(
            {
              scenario: 'step',
              case: `${connections} connections`,
              metric: 'requests/s',
              value: details.service.requestsPerSecond,
              baselineName: BASELINE,
              baseline: details.baseline.requestsPerSecond,
              details,
            },
            { min: 0.6 },
          ),
          row({
            scenario: 'step',
            case: `${connections} connections`,
            metric: 'p99 latency ms',
            value: details.service.p99Ms,
            baselineName: BASELINE,
            baseline: details.baseline.p99Ms,
            details: { serviceP50Ms: details.service.p50Ms, baselineP50Ms: details.baseline.p50Ms },
          }),
        );
      }
      return rows;
    } finally {
      // Each step of the clean-up runs even when one before it fails; the database goes last.
      await bare?.stop().catch((e: Error) => log(`step: stopping the baseline server: ${e.message}`));
      await service?.stop().catch((e: Error) => log(`step: stopping the service: ${e.message}`));
      await db.drop();
    }
  },
};
