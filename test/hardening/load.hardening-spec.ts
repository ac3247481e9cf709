/**
 * Load: 60 s (LOAD_SECONDS) of mixed reads and writes at 50 connections (LOAD_CONNECTIONS) with
 * autocannon against the compiled service on PostgreSQL (TEST_DATABASE_URL; skipped without it).
 * Each connection cycles through: record a deviation, read it back, list deviations, enrol a
 * participant, read them back, draw a conformance matrix, read a programme, read the signed-in
 * user: a quarter writes. Passes when every request got a 2xx (no errors, no timeouts) and the
 * audit chain verifies afterwards; prints requests/s and latency percentiles (and writes them to
 * bench/results/). The figures are reported, never asserted: the machine is shared.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { activeProgramme, createStaff, deviationBody, participantBody } from './client.js';
import { JWT_SECRET, ROOT, Service, attach, freshDatabase, serverUrl } from './service.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);

describe('load: mixed reads and writes at 50 connections', () => {
  const server = serverUrl();

  (server ? it : it.skip)(
    `answers ${SECONDS} s of mixed load at ${CONNECTIONS} connections without an error, and the chain verifies`,
    async () => {
      const db = await freshDatabase(server!);
      // The production log level: every request is logged.
      const service = await Service.start({ DATABASE_URL: db.url, JWT_SECRET, LOG_LEVEL: 'info' });
      try {
        const staff = await createStaff(service.url);
        const programmeA = await activeProgramme(staff, 'Programme under load');
        const programmeB = await activeProgramme(staff, 'Programme on the dashboard');
        for (let i = 0; i < 20; i++) await staff.leader.must(201, 'POST', `/api/programmes/${programmeB}/participants`, participantBody(i));
        const bearer = (c: { token?: string }) => ({ authorization: `Bearer ${c.token}`, 'content-type': 'application/json' });
        const leader = bearer(staff.leader);

        let enrolments = 0;
        const unexpected: string[] = [];
        const note = (status: number, body: string) => {
          if ((status < 200 || status >= 300) && unexpected.length < 20) unexpected.push(`${status} ${body.slice(0, 300)}`);
        };
        const result = await autocannon({
          url: service.url,
          connections: CONNECTIONS,
          duration: SECONDS,
          timeout: 30,
          requests: [
            {
              method: 'POST',
              path: '/api/deviations',
              headers: leader,
              body: JSON.stringify(deviationBody(programmeA, 1)),
              onResponse: (status, body, context) => {
                note(status, body);
                if (status === 201) context.deviationId = JSON.parse(body).id;
              },
            },
            {
              method: 'GET',
              headers: leader,
              setupRequest: (req, context) => ({ ...req, path: `/api/deviations/${String(context.deviationId)}` }),
              onResponse: note,
            },
            { method: 'GET', path: `/api/deviations?programmeId=${programmeA}&limit=20`, headers: leader, onResponse: note },
            {
              method: 'POST',
              path: `/api/programmes/${programmeA}/participants`,
              headers: leader,
              setupRequest: (req) => ({ ...req, body: JSON.stringify(participantBody(1000 + ++enrolments)) }),
              onResponse: (status, body, context) => {
                note(status, body);
                if (status === 201) context.participantId = JSON.parse(body).id;
              },
            },
            {
              method: 'GET',
              headers: leader,
              setupRequest: (req, context) => ({
                ...req,
                path: `/api/programmes/${programmeA}/participants/${String(context.participantId)}`,
              }),
              onResponse: note,
            },
            { method: 'GET', path: `/api/programmes/${programmeB}/conformance`, headers: bearer(staff.qm), onResponse: note },
            { method: 'GET', path: `/api/programmes/${programmeA}`, headers: leader, onResponse: note },
            { method: 'GET', path: '/api/users/me', headers: bearer(staff.auditor), onResponse: note },
          ],
        });

        const pg = await attach(db.url);
        let written: { deviations: number; participants: number; events: number };
        try {
          const { rows } = await pg.query<{ d: number; p: number; e: number }>(
            `SELECT (SELECT count(*)::int FROM deviation) AS d, (SELECT count(*)::int FROM participant) AS p, (SELECT count(*)::int FROM audit_event) AS e`,
          );
          written = { deviations: rows[0].d, participants: rows[0].p, events: rows[0].e };
        } finally {
          await pg.end();
        }
        const verdict = await staff.auditor.must(200, 'GET', '/api/audit-events/verify');
        const figures = {
          date: new Date().toISOString(),
          database: 'PostgreSQL (TEST_DATABASE_URL)',
          seconds: result.duration,
          connections: CONNECTIONS,
          requests: result.requests.total,
          requestsPerSecond: { average: result.requests.average, p50: result.requests.p50, min: result.requests.min },
          latencyMs: {
            average: result.latency.average,
            p50: result.latency.p50,
            p90: result.latency.p90,
            p99: result.latency.p99,
            max: result.latency.max,
          },
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          written,
          chain: { valid: verdict.valid, events: verdict.events },
        };
        const dir = join(ROOT, 'bench/results');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `load-${figures.date.replace(/[:.]/g, '-')}.json`), JSON.stringify(figures, null, 2) + '\n');
        process.stdout.write(
          `load (${CONNECTIONS} connections, ${result.duration} s, PostgreSQL): ${result.requests.total} requests, ` +
            `${result.requests.average.toFixed(0)} req/s; latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
            `non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; written ${written.deviations} deviations, ${written.participants} participants, ${written.events} audit events (chain ${verdict.valid ? 'valid' : 'INVALID'})\n`,
        );

        expect({ non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, unexpected }).toEqual({
          non2xx: 0,
          errors: 0,
          timeouts: 0,
          unexpected: [],
        });
        expect(result.requests.total).toBeGreaterThan(0);
        expect(service.loggedErrors()).toEqual([]);
        // Requests in flight when the clock ran out may still have committed after the count.
        expect(verdict.valid).toBe(true);
        expect(verdict.events).toBeGreaterThanOrEqual(written.events);
      } finally {
        await service.stop();
        await db.drop();
      }
    },
  );
});
