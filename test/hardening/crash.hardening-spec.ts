/**
 * Crash: the compiled service takes 1,000 concurrent writes (deviations and participant
 * enrolments) and is killed with SIGKILL once 200 of them have been answered. The only refusal
 * allowed before that is 503 database_busy (more requests waiting than connections free). Restarted
 * on the same data, it must hold every write it answered with 2xx, no record without its audit
 * event (nor an event without its record), a gap-free audit chain that verifies, and gap-free
 * deviation references. Every deviation is recorded with an Idempotency-Key; after the restart
 * each of them is sent again with its key: it must be answered 201, replayed when the first one
 * committed (always when it was answered) and performed otherwise, so that no key is left in
 * flight and no deviation exists twice. Run on embedded PGlite in a data folder, and on PostgreSQL
 * when TEST_DATABASE_URL names a server.
 */
import { chainShape, eventsWithoutRows, referenceProblems, rowsWithoutEvents } from './audit-checks.js';
import { activeProgramme, createStaff, deviationBody, participantBody } from './client.js';
import type { Client } from './client.js';
import { JWT_SECRET, Service, attach, embeddedUrl, freePort, freshDatabase, serverUrl, tempDataDir } from './service.js';

const WRITES = 1000;
/** Answered writes before the kill: early enough that most of the 1,000 are still in flight. */
const KILL_AFTER = 200;
const isDeviation = (i: number) => i % 4 !== 3;
const DEVIATIONS = Array.from({ length: WRITES }, (_, i) => i).filter(isDeviation).length;
const keyOf = (i: number) => `crash-deviation-${i}`;

/** Sends every deviation request of the run again with its key, 20 at a time. */
async function retryEveryKey(leader: Client, programmeId: string) {
  const byKey = new Map<string, { replayed: boolean; id: string }>();
  const refused: string[] = [];
  const indexes = Array.from({ length: WRITES }, (_, i) => i).filter(isDeviation);
  for (let from = 0; from < indexes.length; from += 20) {
    await Promise.all(
      indexes.slice(from, from + 20).map(async (i) => {
        const r = await leader.request('POST', '/api/deviations', deviationBody(programmeId, i), { 'idempotency-key': keyOf(i) });
        if (r.status !== 201) refused.push(`${keyOf(i)}: ${r.status} ${JSON.stringify(r.body)}`);
        else byKey.set(keyOf(i), { replayed: r.headers.get('idempotent-replayed') === 'true', id: r.body.id as string });
      }),
    );
  }
  const replayedCount = [...byKey.values()].filter((r) => r.replayed).length;
  return { byKey, refused, replayedCount, performedCount: byKey.size - replayedCount };
}

interface Target {
  /** Environment of the service; the same data every time it is called. */
  env(): Promise<Record<string, string>>;
  /** A connection string to the database the service used (after the restart). */
  dbUrl(env: Record<string, string>): string;
  cleanup(): void | Promise<void>;
}

async function crashAndRecover(target: Target) {
  const first = await Service.start(await target.env());
  let second: Service | undefined;
  try {
    const staff = await createStaff(first.url);
    const programmeId = await activeProgramme(staff);

    const answered: { kind: 'deviation' | 'participant'; id: string; reference?: string; key?: string }[] = [];
    const refused: string[] = [];
    let connectionErrors = 0;
    let busy = 0;
    let killed = false;
    await Promise.all(
      Array.from({ length: WRITES }, async (_, i) => {
        const enrol = !isDeviation(i);
        try {
          const r = enrol
            ? await staff.leader.post(`/api/programmes/${programmeId}/participants`, participantBody(i))
            : await staff.leader.request('POST', '/api/deviations', deviationBody(programmeId, i), { 'idempotency-key': keyOf(i) });
          if (r.status >= 200 && r.status < 300) {
            answered.push({
              kind: enrol ? 'participant' : 'deviation',
              id: r.body.id,
              reference: r.body.reference,
              ...(enrol ? {} : { key: keyOf(i) }),
            });
            if (answered.length >= KILL_AFTER && !killed) {
              killed = true;
              first.child.kill('SIGKILL');
            }
          } else if (r.status === 503 && r.body?.code === 'database_busy') {
            busy++;
          } else {
            refused.push(`${r.status} ${JSON.stringify(r.body)}`);
          }
        } catch {
          connectionErrors++; // in flight when the process died: no answer, so no promise made
        }
      }),
    );
    const exit = await first.exited;
    // Killed mid-way: 200 answered, the rest cut off or (busy) refused, nothing else refused.
    expect(exit.signal).toBe('SIGKILL');
    if (refused.length)
      throw new Error(
        `${refused.length} writes refused before the kill, e.g. ${refused[0]}; the service logged:\n${first.loggedErrors().join('\n')}`,
      );
    expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(connectionErrors).toBeGreaterThan(0);
    expect(answered.length + busy + connectionErrors).toBe(WRITES);

    const env = await target.env();
    second = await Service.start(env);
    const db = await attach(target.dbUrl(env));
    try {
      const present = new Set<string>();
      for (const table of ['deviation', 'participant']) {
        for (const r of (await db.query<{ id: string }>(`SELECT id::text AS id FROM ${table}`)).rows) present.add(r.id);
      }
      const lost = answered.filter((a) => !present.has(a.id));
      expect({ answered: answered.length, lost }).toEqual({ answered: answered.length, lost: [] });
      expect(await rowsWithoutEvents(db)).toEqual([]);
      expect(await eventsWithoutRows(db)).toEqual([]);
      const shape = await chainShape(db);
      expect(shape).toEqual({ events: shape.events, gapFree: true, headSeq: shape.events });
      const refs = await referenceProblems(db, 'deviation');
      expect(refs.problems).toEqual([]);
      expect(refs.count).toBeGreaterThanOrEqual(answered.filter((a) => a.kind === 'deviation').length);
      for (const a of answered.filter((x) => x.kind === 'deviation')) {
        const { rows } = await db.query<{ reference: string }>(`SELECT reference FROM deviation WHERE id = $1`, [a.id]);
        if (rows[0].reference !== a.reference)
          throw new Error(`deviation ${a.id} answered as ${a.reference}, stored as ${rows[0].reference}`);
      }
    } finally {
      await db.end();
    }

    // Every deviation's request again, with its key: replayed or performed once, never left in flight.
    const retried = await retryEveryKey(staff.leader.on(second.url), programmeId);
    expect(retried.refused).toEqual([]);
    for (const a of answered.filter((x) => x.kind === 'deviation')) {
      const r = retried.byKey.get(a.key!)!;
      expect({ key: a.key, replayed: r.replayed, id: r.id }).toEqual({ key: a.key, replayed: true, id: a.id });
    }
    const check = await attach(target.dbUrl(env));
    try {
      const { rows: duplicates } = await check.query<{ title: string; n: number }>(
        `SELECT title, count(*)::int AS n FROM deviation WHERE programme_id = $1 GROUP BY title HAVING count(*) > 1`,
        [programmeId],
      );
      expect(duplicates).toEqual([]);
      const { rows: deviations } = await check.query<{ n: number }>(`SELECT count(*)::int AS n FROM deviation WHERE programme_id = $1`, [
        programmeId,
      ]);
      expect(deviations[0].n).toBe(DEVIATIONS);
      const { rows: inFlight } = await check.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM idempotency_record WHERE state <> 'completed'`,
      );
      expect(inFlight[0].n).toBe(0);
    } finally {
      await check.end();
    }

    // The restarted service verifies its chain and carries on writing.
    const auditor = staff.auditor.on(second.url);
    const verdict = await auditor.must(200, 'GET', '/api/audit-events/verify');
    expect(verdict).toMatchObject({ valid: true });
    const after = await staff.leader.on(second.url).must(201, 'POST', '/api/deviations', deviationBody(programmeId, WRITES + 1));
    expect(after.reference).toMatch(/^DEV-\d{4}-\d{4}$/);
    expect((await auditor.must(200, 'GET', '/api/audit-events/verify')).valid).toBe(true);
    return {
      answered: answered.length,
      busy,
      cutOff: connectionErrors,
      events: verdict.events as number,
      replayed: retried.replayedCount,
      performed: retried.performedCount,
    };
  } finally {
    if (first.child.exitCode === null && first.child.signalCode === null) await first.kill9();
    await second?.stop();
    await target.cleanup();
  }
}

describe('kill -9 during 1,000 concurrent writes, then restart', () => {
  it('on embedded PGlite: keeps every answered write, each with its audit event; the chain verifies', async () => {
    const data = tempDataDir();
    const result = await crashAndRecover({
      // A new socket port for the database each start, so the test can attach to the restarted one.
      env: async () => ({ DATA_DIR: data.dir, EMBEDDED_DB_PORT: String(await freePort()) }),
      dbUrl: (env) => embeddedUrl(Number(env.EMBEDDED_DB_PORT)),
      cleanup: () => data.remove(),
    });
    process.stdout.write(
      `crash (embedded): ${result.answered} answered before kill -9, ${result.busy} refused as busy, ${result.cutOff} cut off, ${result.events} audit events verified; retries: ${result.replayed} replayed, ${result.performed} performed\n`,
    );
  });

  const server = serverUrl();
  (server ? it : it.skip)('on PostgreSQL: keeps every answered write, each with its audit event; the chain verifies', async () => {
    const db = await freshDatabase(server!);
    const result = await crashAndRecover({
      env: () => Promise.resolve({ DATABASE_URL: db.url, JWT_SECRET }),
      dbUrl: () => db.url,
      cleanup: () => db.drop(),
    });
    process.stdout.write(
      `crash (PostgreSQL): ${result.answered} answered before kill -9, ${result.busy} refused as busy, ${result.cutOff} cut off, ${result.events} audit events verified; retries: ${result.replayed} replayed, ${result.performed} performed\n`,
    );
  });
});
