/**
 * Conformance matrix for 1,000 participants (issue: "against a hand-written SQL aggregate over
 * the same tables. Target: within 2x").
 *
 * A fresh database; the service on it; a programme seeded through the API (bench/seed/programme.ts:
 * participants, pairs, executions of the shipped procedures with their steps, some completed and
 * judged, some corrected, some open, many missing). Then, after a warm-up, in each run: the median
 * of a few GET /api/programmes/:id/conformance as the quality manager over HTTP (the whole JSON
 * body read), beside the median of as many runs of one SQL statement through `pg`
 * (bench/seed/matrix-sql.ts) that yields the same cells (subject x planned procedure: status,
 * execution, version, window) from the same tables. Both are drawn for the same day, and the
 * cells are compared one by one before anything is timed.
 */
import { medianMs, median, round } from '../lib/stats.js';
import { JWT_SECRET, Service, attach, freshDatabase } from '../lib/service.js';
import { row } from '../lib/types.js';
import type { BenchRow, Scenario } from '../lib/types.js';
import { MATRIX_SQL, cellKey } from '../seed/matrix-sql.js';
import type { SqlCell } from '../seed/matrix-sql.js';
import { seedProgramme } from '../seed/programme.js';

interface ApiMatrix {
  rows: {
    subject: { id: string };
    cells: {
      procedureKey: string;
      status: string;
      executionId: string | null;
      versionNumber: number;
      window: { from: string; to: string } | null;
    }[];
  }[];
}

/** Today in the programme's time zone (the shipped programmes use Europe/Stockholm). */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export const matrixScenario: Scenario = {
  key: 'matrix',
  title: 'Conformance matrix against a hand-written SQL aggregate',
  async run(options) {
    const participants = options.smoke ? 40 : 1000;
    const perRun = options.smoke ? 2 : 5;
    const db = await freshDatabase(options.serverUrl);
    let service: Service | undefined;
    try {
      service = await Service.start({ DATABASE_URL: db.url, JWT_SECRET });
      options.log(`matrix: seeding ${participants} participants through the API`);
      const seeded = await seedProgramme(service.url, participants, { log: options.log });
      const pg = await attach(db.url);
      try {
        const [programme] = (await pg.query<{ time_zone: string }>(`SELECT time_zone FROM programme WHERE id = $1`, [seeded.programmeId]))
          .rows;
        const today = todayIn(programme.time_zone);
        const path = `/api/programmes/${seeded.programmeId}/conformance?today=${today}`;
        const viaApi = async () => (await seeded.staff.qm.must(200, 'GET', path)) as ApiMatrix;
        const viaSql = async () => (await pg.query<SqlCell>(MATRIX_SQL, [seeded.programmeId, today])).rows;
        await pg.query('ANALYZE');

        // The same cells, one by one.
        const apiCells = (await viaApi()).rows.flatMap((r) =>
          r.cells.map((c) =>
            cellKey({
              subjectId: r.subject.id,
              procedureKey: c.procedureKey,
              executionId: c.executionId,
              versionNumber: c.versionNumber,
              from: c.window?.from ?? null,
              to: c.window?.to ?? null,
              status: c.status,
            }),
          ),
        );
        const sqlCells = (await viaSql()).map((c) =>
          cellKey({
            subjectId: c.subject_id,
            procedureKey: c.procedure_key,
            executionId: c.execution_id,
            versionNumber: c.version_number,
            from: c.window_from,
            to: c.window_to,
            status: c.status,
          }),
        );
        if (apiCells.length !== sqlCells.length) throw new Error(`the service drew ${apiCells.length} cells, the SQL ${sqlCells.length}`);
        const sqlSet = new Set(sqlCells);
        const differing = apiCells.filter((c) => !sqlSet.has(c));
        if (differing.length)
          throw new Error(
            `${differing.length} cells differ between the service and the SQL, e.g. service ${differing[0]}, SQL ${sqlCells.find((c) => c.startsWith(differing[0].split(' ').slice(0, 2).join(' '))) ?? 'none'}`,
          );
        const byStatus: Record<string, number> = {};
        for (const c of apiCells) {
          const s = c.slice(c.lastIndexOf(' ') + 1);
          byStatus[s] = (byStatus[s] ?? 0) + 1;
        }
        options.log(`matrix: ${apiCells.length} cells agree (${JSON.stringify(byStatus)})`);

        // Warm-up, then interleaved runs so that the machine's noise falls on both alike.
        for (let i = 0; i < 3; i++) {
          await viaApi();
          await viaSql();
        }
        const serviceRuns: number[] = [];
        const sqlRuns: number[] = [];
        for (let r = 0; r < options.repeat; r++) {
          serviceRuns.push((await medianMs(viaApi, perRun, 0)).median);
          sqlRuns.push((await medianMs(viaSql, perRun, 0)).median);
          options.log(`matrix: run ${r + 1}: service ${serviceRuns[r].toFixed(1)} ms, SQL ${sqlRuns[r].toFixed(1)} ms`);
        }
        const rows: BenchRow[] = [
          row(
            {
              scenario: 'matrix',
              case: `${participants.toLocaleString('en-US')} participants`,
              metric: 'ms',
              value: round(median(serviceRuns), 1),
              baselineName: 'hand-written SQL aggregate via pg',
              baseline: round(median(sqlRuns), 1),
              details: {
                participants,
                cells: apiCells.length,
                cellsByStatus: byStatus,
                today,
                seeded: seeded.counts,
                seedSeconds: round(seeded.seconds, 1),
                requestsPerRun: perRun,
                serviceRunsMs: serviceRuns.map((x) => round(x, 1)),
                sqlRunsMs: sqlRuns.map((x) => round(x, 1)),
                measured:
                  'service: GET /api/programmes/:id/conformance?today= as the quality manager over HTTP, JSON body read and parsed; baseline: one SQL statement through pg yielding the same cells, rows read. Each run is the median of requestsPerRun calls, after 3 unmeasured calls of each.',
              },
            },
            { max: 2 },
          ),
        ];
        return rows;
      } finally {
        await pg.end();
      }
    } finally {
      await service?.stop();
      await db.drop();
    }
  },
};
