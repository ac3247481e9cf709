/**
 * Two service processes on one database. On PostgreSQL (DATABASE_URL) both start at once (each
 * migrates, creates the first administrator and imports the procedures, serialised by advisory
 * locks) and then take writes at the same time: the audit chain must verify from either, and
 * DEV- and CA- references stay unique and gap-free, as do participant codes. Embedded PGlite
 * cannot be shared: a second process on the same data folder must refuse to start, saying why.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { chainShape, eventsWithoutRows, referenceProblems, rowsWithoutEvents } from './audit-checks.js';
import { activeProgramme, createStaff, deviationBody, participantBody } from './client.js';
import type { Client } from './client.js';
import { JWT_SECRET, Service, attach, freshDatabase, serverUrl, spawnService, tempDataDir } from './service.js';

const DEVIATIONS = 200;
const ACTIONS = 100;
const ENROLMENTS = 100;

describe('two service processes on one database', () => {
  const server = serverUrl();

  (server ? it : it.skip)(
    'on PostgreSQL: writing through both at once, the chain verifies and references stay unique and gap-free',
    async () => {
      const db = await freshDatabase(server!);
      const env = { DATABASE_URL: db.url, JWT_SECRET };
      const started = await Promise.allSettled([Service.start(env), Service.start(env)]);
      const [a, b] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
      try {
        for (const s of started) if (s.status === 'rejected') throw s.reason;
        const staff = await createStaff(a!.url);
        const programmeId = await activeProgramme(staff);
        const both = (c: Client, i: number) => (i % 2 ? c.on(b!.url) : c.on(a!.url));

        const fail: string[] = [];
        let busy = 0;
        // As a client should: every write carries an Idempotency-Key, and a 503 database_busy (more
        // requests waiting than connections free, which a loaded machine reaches) is retried with the
        // same key after its Retry-After. Anything else than 201 fails the test; the row counts
        // below prove that no retry wrote twice.
        const create = async (what: string, c: Client, path: string, body: unknown) => {
          const headers = { 'idempotency-key': randomUUID() };
          for (let attempt = 0; ; attempt++) {
            const r = await c.request('POST', path, body, headers);
            if (r.status === 503 && (r.body as { code?: string })?.code === 'database_busy' && attempt < 10) {
              busy++;
              await delay(1000 * Number(r.headers.get('retry-after') ?? 1));
              continue;
            }
            if (r.status !== 201) fail.push(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
            return r.body as { id: string };
          }
        };
        // Deviations and enrolments at once, alternating between the processes.
        const [deviations] = await Promise.all([
          Promise.all(
            Array.from({ length: DEVIATIONS }, (_, i) =>
              create('deviation', both(staff.leader, i), '/api/deviations', deviationBody(programmeId, i)),
            ),
          ),
          Promise.all(
            Array.from({ length: ENROLMENTS }, (_, i) =>
              create('enrolment', both(staff.leader, i + 1), `/api/programmes/${programmeId}/participants`, participantBody(i)),
            ),
          ),
        ]);
        expect(fail).toEqual([]);
        // Corrective actions at once, one per deviation, alternating.
        await Promise.all(
          Array.from({ length: ACTIONS }, (_, i) =>
            create('corrective action', both(staff.qm, i), '/api/corrective-actions', {
              deviationIds: [deviations[i].id],
              type: 'corrective',
              description: `Action ${i}`,
              ownerId: staff.ids.leader,
              // Ahead of today and within the two years a due date may lie ahead.
              dueDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
              effectivenessCriterion: 'Not seen again for a quarter',
            }),
          ),
        );
        expect(fail).toEqual([]);

        const pg = await attach(db.url);
        try {
          const dev = await referenceProblems(pg, 'deviation');
          const ca = await referenceProblems(pg, 'corrective_action');
          expect({ deviations: dev, actions: ca }).toEqual({
            deviations: { count: DEVIATIONS, problems: [] },
            actions: { count: ACTIONS, problems: [] },
          });
          const codes = (await pg.query<{ code: string }>(`SELECT code FROM participant WHERE programme_id = $1`, [programmeId])).rows.map(
            (r) => r.code,
          );
          expect(new Set(codes).size).toBe(ENROLMENTS);
          expect(await rowsWithoutEvents(pg)).toEqual([]);
          expect(await eventsWithoutRows(pg)).toEqual([]);
          const shape = await chainShape(pg);
          expect(shape).toEqual({ events: shape.events, gapFree: true, headSeq: shape.events });
        } finally {
          await pg.end();
        }
        const fromA = await staff.auditor.on(a!.url).must(200, 'GET', '/api/audit-events/verify');
        const fromB = await staff.auditor.on(b!.url).must(200, 'GET', '/api/audit-events/verify');
        expect(fromA).toMatchObject({ valid: true, mode: 'full' });
        // The same verdict from either process; each says when its own full verification passed.
        const verdict = ({ fullVerifiedAt, ...rest }: { fullVerifiedAt: unknown }) => ({ ...rest, passedAt: typeof fullVerifiedAt });
        expect(verdict(fromB)).toEqual(verdict(fromA));
        // Both started on an empty database: one administrator, one import of the procedures.
        const users = await staff.admin.must(200, 'GET', '/api/users');
        expect(users.items.filter((u: { roles: string[] }) => u.roles.includes('admin'))).toHaveLength(1);
        process.stdout.write(
          `two processes (PostgreSQL): ${DEVIATIONS} deviations, ${ACTIONS} corrective actions, ${ENROLMENTS} enrolments (${busy} retried after 503 database_busy); ${fromA.events} audit events verified from both\n`,
        );
      } finally {
        await a?.stop();
        await b?.stop();
        await db.drop();
      }
    },
  );

  it('on embedded PGlite: a second process on the same data folder refuses to start and names the one that holds it', async () => {
    const data = tempDataDir();
    const first = await Service.start({ DATA_DIR: data.dir });
    try {
      const second = spawnService({ DATA_DIR: data.dir });
      let timer: NodeJS.Timeout | undefined;
      const exit = await Promise.race([
        second.exited,
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 60_000))),
      ]);
      clearTimeout(timer);
      if (!exit) second.child.kill('SIGKILL');
      expect(exit?.code).toBe(1);
      expect(second.captured.text).toContain(`The data folder is in use by process ${first.pid}`);
      expect(second.captured.text).toContain('two processes on one embedded database lose writes');
      // The first goes on serving, its data intact.
      const staff = await createStaff(first.url);
      expect((await staff.auditor.must(200, 'GET', '/api/audit-events/verify')).valid).toBe(true);
      await first.stop();
      // Once it has stopped, the folder is free again.
      const third = await Service.start({ DATA_DIR: data.dir });
      await third.stop();
    } finally {
      await first.stop();
      data.remove();
    }
  });
});
