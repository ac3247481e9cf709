/**
 * Upgrading a database with records: the demo as an older release loaded it (a plain SQL dump in
 * test/fixtures/upgrade/, made by scripts/make-upgrade-fixture.sh, see docs/DEVELOPING.md) is
 * restored into a fresh PostgreSQL database, every migration newer than the dump runs, and the
 * service then finds the records as they were: the audit chain verifies, the evidence bundle
 * verifies offline, the minutes of the closed management review render, and every table counts
 * the rows it counted before. A migration that fails on existing records fails here.
 *
 * Runs on a PostgreSQL server (TEST_DATABASE_URL, as CI does); skipped on the embedded database.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import { MIGRATIONS } from '../migrations/index.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { verifyBundle } from '../src/reports/bundle/verify.mjs';
import { fetchReport } from './support/report-http.js';
import { pageTexts } from './support/report-pdf.js';
import type { TestApp } from './support/test-app.js';
import { TEST_JWT_SECRET } from './support/test-app.js';
import { adminQuery, migrate, serverUrl, withDatabase } from './support/test-database.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'upgrade');
/** The newest fixture: demo-<timestamp of the latest migration of the release that made it>.sql.gz. */
const FIXTURE = readdirSync(FIXTURES)
  .filter((f) => /^demo-\d+\.sql\.gz$/.test(f))
  .sort()
  .at(-1)!;
const FIXTURE_MIGRATION = Number(/\d+/.exec(FIXTURE)![0]);
const DEMO_PASSWORD = 'Mentorskap-demo-2026';

const server = serverUrl();
(server ? describe : describe.skip)('upgrade of a database with records (the demo of an older release)', () => {
  const name = `qms_up_${randomBytes(6).toString('hex')}`;
  let url: string;
  let app: NestExpressApplication;
  let http: TestApp['http'];
  let before: Map<string, number>;
  let after: Map<string, number>;
  let dir: string;

  /** Rows per table of the public schema (the migrations' own bookkeeping left out). */
  const counts = async (): Promise<Map<string, number>> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ t: string }>(
        `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migration' ORDER BY 1`,
      );
      const out = new Map<string, number>();
      for (const { t } of tables) out.set(t, (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM public."${t}"`)).rows[0].n);
      return out;
    } finally {
      await client.end();
    }
  };
  const signIn = async (email: string): Promise<{ token: string }> => {
    const res = await http.post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return { token: res.body.accessToken as string };
  };

  beforeAll(async () => {
    await adminQuery(server!, `CREATE DATABASE ${name}`);
    url = withDatabase(server!, name);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(gunzipSync(readFileSync(join(FIXTURES, FIXTURE))).toString('utf8'));
    } finally {
      await client.end();
    }
    before = await counts();
    await migrate(url);
    after = await counts();
    app = await createApp({
      ...loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        JWT_SECRET: TEST_JWT_SECRET,
        MIGRATIONS_RUN_ON_START: 'false',
        PROCEDURES_IMPORT_ON_START: 'false',
        DEVIATION_SCAN_INTERVAL_MINUTES: '0',
      }),
      databaseUrl: url,
    });
    await app.init();
    http = request(app.getHttpServer());
    dir = mkdtempSync(join(tmpdir(), 'qms-upgrade-'));
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await adminQuery(server!, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('applies every migration newer than the fixture', async () => {
    const newer = MIGRATIONS.map((m) => new m().name).filter((n) => Number(/\d{13}$/.exec(n)![0]) > FIXTURE_MIGRATION);
    expect(newer.length).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY id`);
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    } finally {
      await client.end();
    }
  });

  it('keeps every record: each table counts the rows it counted before', () => {
    const kept = new Map([...after].filter(([t]) => before.has(t)));
    expect(kept).toEqual(before);
    // The fixture holds records of the tables the migrations change.
    for (const t of ['audit_event', 'management_review', 'management_review_decision', 'corrective_action', 'quality_objective'])
      expect(before.get(t)).toBeGreaterThan(0);
  });

  it('verifies the audit chain as written by the older release', async () => {
    const auditor = await signIn('maria.wallin@mentorskap.example.org');
    const res = await http.get('/api/audit-events/verify').set('Authorization', `Bearer ${auditor.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, mode: 'full', fromSeq: 1 });
    expect(res.body.toSeq).toBeGreaterThanOrEqual(before.get('audit_event')!);
  });

  it('renders the minutes of the management review closed by the older release', async () => {
    const board = await signIn('per.sandberg@mentorskap.example.org');
    const list = await http.get('/api/management-reviews').set('Authorization', `Bearer ${board.token}`);
    expect(list.status).toBe(200);
    const closed = (list.body as { id: string; state: string; title: string }[]).filter((r) => r.state === 'closed');
    expect(closed).toHaveLength(1);
    const pdf = await fetchReport({ http }, board, `/api/management-reviews/${closed[0].id}/minutes.pdf?lang=en`);
    expect((await pageTexts(pdf.body)).join('\n')).toContain(closed[0].title);
  });

  it('exports an evidence bundle that verifies offline', async () => {
    const auditor = await signIn('maria.wallin@mentorskap.example.org');
    const programmes = await http.get('/api/programmes').set('Authorization', `Bearer ${auditor.token}`);
    expect(programmes.status).toBe(200);
    const [programme] = programmes.body as { id: string }[];
    const bundle = await fetchReport(
      { http },
      auditor,
      `/api/programmes/${programme.id}/reports/evidence-bundle?sample=2&seed=7`,
      'application/x-tar',
    );
    const file = join(dir, 'bundle.tar');
    writeFileSync(file, bundle.body);
    const verdict = verifyBundle(file);
    expect(verdict.problem).toBeUndefined();
    expect(verdict.valid).toBe(true);
  });
});
