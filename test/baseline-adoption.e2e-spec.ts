/**
 * Adopting the shipped baseline is a signed act (issue 15, item 4): the first start loads the
 * shipped procedures as versions in review written by nobody; until a quality manager adopts them
 * with their password (meaning `baseline adoption`), nothing is in force, no programme is activated
 * and no execution starts. One adoption, however often or concurrently it is asked for.
 */
import { readdirSync } from 'node:fs';
import { canonicalHash } from '../src/common/canonical.js';
import { loadProcedureDirectory } from '../src/procedures/definition-validation.js';
import { auditHead, auditSince } from './support/audit-events.js';
import { expectProblem } from './support/expectations.js';
import { createProgramme } from './support/programmes.js';
import { fetchReport } from './support/report-http.js';
import { expectShows, pageTexts } from './support/report-pdf.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const KEYS = readdirSync('procedures')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

describe('baseline adoption', () => {
  let t: TestApp;
  let karin: TestUser;
  let johan: TestUser;
  let leader: TestUser;
  let auditor: TestUser;
  let programmeId: string;

  const adopt = (who: TestUser, password = who.password) =>
    t.http
      .post('/api/procedures/baseline/adopt')
      .set(...bearer(who))
      .send({ password });
  const statuses = () =>
    t.sql<{ key: string; number: number; status: string; author_id: string | null; baseline: boolean }>(
      `SELECT p.key, v.number, v.status, v.author_id, v.baseline FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id ORDER BY p.key, v.number`,
    );
  const signatureCount = async () => (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM signature`))[0].n;

  beforeAll(async () => {
    t = await startTestApp({ importProceduresOnStart: true });
    karin = await t.user(['quality_manager'], 'Karin Lindqvist');
    johan = await t.user(['quality_manager'], 'Johan Bergström');
    leader = await t.user(['programme_leader'], 'Sara Leader');
    auditor = await t.user(['auditor'], 'Maria Auditor');
    programmeId = (await createProgramme(t, karin, { startDate: '2026-01-12', endDate: '2026-12-18', leaderIds: [leader.id] })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads the shipped procedures at first start as versions in review, written by nobody, signed by nobody', async () => {
    expect(await statuses()).toEqual(KEYS.map((key) => ({ key, number: 1, status: 'in_review', author_id: null, baseline: true })));
    expect(await signatureCount()).toBe(0);
    const view = await t.http.get('/api/procedures/baseline/adoption').set(...bearer(leader));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ state: 'awaiting_adoption', adoptedBy: null, adoptedAt: null, meaning: null });
    expect(view.body.procedures.map((p: { key: string }) => p.key)).toEqual(KEYS);
    const version = await t.http.get(`/api/procedures/${KEYS[0]}/versions/1`).set(...bearer(karin));
    expect(version.body).toMatchObject({ status: 'in_review', baseline: true, author: null, contributors: [], allowedActions: ['reject'] });
  });

  it('refuses to start an execution or activate a programme until the baseline is adopted, saying why and who can adopt', async () => {
    const started = await t.http
      .post(`/api/programmes/${programmeId}/executions`)
      .set(...bearer(leader))
      .send({ procedureKey: 'intake-interview', subject: { cohort: true } });
    expectProblem(started, 409, 'baseline_not_adopted');
    expect(started.body.detail).toMatch(/await adoption.*quality manager adopts/);
    expect(started.body).toMatchObject({ awaiting: KEYS.length, adoptedBy: 'quality_manager' });
    const activated = await t.http.post(`/api/programmes/${programmeId}/activate`).set(...bearer(karin));
    expectProblem(activated, 409, 'baseline_not_adopted');
    expect((await t.sql<{ status: string }>(`SELECT status FROM programme WHERE id = $1`, [programmeId]))[0].status).toBe('planned');
  });

  it('does not let a baseline version be approved on its own (nobody is named as its author)', async () => {
    const approved = await t.http
      .post(`/api/procedures/${KEYS[0]}/versions/1/approve`)
      .set(...bearer(karin))
      .send({ password: karin.password, comment: 'Looks fine' });
    expectProblem(approved, 409, 'no_named_author');
    expect(approved.body.detail).toMatch(/adopts the baseline/);
    expect(await signatureCount()).toBe(0);
  });

  it('refuses other roles (403) and a wrong password (401), changing nothing', async () => {
    const head = await auditHead(t);
    for (const who of [leader, auditor]) expectProblem(await adopt(who), 403);
    expectProblem(await adopt(karin, 'not-the-password'), 401, 'invalid_password');
    expect((await statuses()).every((v) => v.status === 'in_review')).toBe(true);
    expect(await signatureCount()).toBe(0);
    expect((await auditSince(t, head)).filter((e) => e.action.startsWith('procedure_version'))).toEqual([]);
  });

  it('adopts every baseline version with one signed act: effective, signed `baseline adoption` binding each content hash, audited per version', async () => {
    const { definitions } = loadProcedureDirectory('procedures');
    const hashes = new Map(definitions.map((d) => [d.definition.key, d.contentHash]));
    const list = KEYS.map((key) => ({ key, version: 1, contentHash: hashes.get(key) }));
    const baselineHash = canonicalHash(list);
    const head = await auditHead(t);

    const res = await adopt(johan);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'adopted',
      baselineHash,
      adoptedBy: { id: johan.id, name: 'Johan Bergström' },
      meaning: 'baseline adoption',
      adoptedAt: expect.any(String),
    });
    expect(
      res.body.procedures.map(({ key, version, contentHash }: { key: string; version: number; contentHash: string }) => ({
        key,
        version,
        contentHash,
      })),
    ).toEqual(list);

    expect((await statuses()).map((v) => v.status)).toEqual(KEYS.map(() => 'effective'));
    const signatures = await t.sql<{
      record_id: string;
      signer_id: string;
      meaning: string;
      content_hash: string;
      comment: string;
      key: string;
    }>(
      `SELECT s.record_id, s.signer_id, s.meaning, s.content_hash, s.comment, p.key FROM signature s
       JOIN procedure_version v ON v.id = s.record_id JOIN procedure p ON p.id = v.procedure_id ORDER BY p.key`,
    );
    expect(signatures.map((s) => [s.key, s.signer_id, s.meaning, s.content_hash])).toEqual(
      KEYS.map((k) => [k, johan.id, 'baseline adoption', hashes.get(k)]),
    );
    for (const s of signatures) expect(s.comment).toContain(baselineHash);

    const events = (await auditSince(t, head)).filter((e) => e.entity_type === 'procedure_version');
    expect(events.map((e) => e.action)).toEqual(KEYS.map(() => 'procedure_version.adopt'));
    for (const e of events) {
      expect(e.actor_id).toBe(johan.id);
      expect(e.changes.status).toEqual({ old: 'in_review', new: 'effective' });
      expect(e.changes.baselineHash).toEqual({ old: null, new: baselineHash });
      expect(e.changes.signature.new).toMatchObject({ signerId: johan.id, meaning: 'baseline adoption' });
    }

    // The version lists the signature as it lists approvals.
    const version = await t.http.get(`/api/procedures/${KEYS[0]}/versions/1`).set(...bearer(auditor));
    expect(version.body.signatures).toEqual([
      expect.objectContaining({ signerName: 'Johan Bergström', meaning: 'baseline adoption', contentHash: hashes.get(KEYS[0]) }),
    ]);
    const view = await t.http.get('/api/procedures/baseline/adoption').set(...bearer(leader));
    expect(view.body).toEqual(res.body);

    // The controlled procedure document prints who adopted the version and what the signature means.
    const pdf = await fetchReport(t, auditor, `/api/procedures/${KEYS[0]}/versions/1/document.pdf`);
    expectShows((await pageTexts(pdf.body)).join('\n'), ['Johan Bergström', 'baseline adoption', hashes.get(KEYS[0])!]);

    // Now the programme is activated with the adopted procedures in its plan, and executions start.
    const activated = await t.http.post(`/api/programmes/${programmeId}/activate`).set(...bearer(karin));
    expect(activated.status).toBe(200);
    expect(activated.body.procedurePlan.map((p: { procedureKey: string }) => p.procedureKey).sort()).toEqual(KEYS);
  });

  it('answers a second adoption with a clear 409 naming who adopted it, signing nothing', async () => {
    const before = await signatureCount();
    const again = await adopt(karin);
    expectProblem(again, 409, 'no_baseline_awaiting_adoption');
    expect(again.body.detail).toMatch(/already adopted by Johan Bergström/);
    expect(again.body.state).toBe('adopted');
    expect(await signatureCount()).toBe(before);
  });

  it('does not import the baseline again at a later start', async () => {
    const before = await statuses();
    const restarted = await startTestApp({ importProceduresOnStart: true }, { sameDatabaseAs: t });
    try {
      expect(await statuses()).toEqual(before);
      const view = await restarted.http.get('/api/procedures/baseline/adoption').set(...bearer(karin));
      expect(view.body.state).toBe('adopted');
    } finally {
      await restarted.close();
    }
  });
});

describe('baseline adoption, concurrently', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ importProceduresOnStart: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('adopts once when two quality managers adopt at the same moment: one 200, one 409', async () => {
    const a = await t.user(['quality_manager'], 'Karin Lindqvist');
    const b = await t.user(['quality_manager'], 'Johan Bergström');
    const answers = await Promise.all(
      [a, b].map((who) =>
        t.http
          .post('/api/procedures/baseline/adopt')
          .set(...bearer(who))
          .send({ password: who.password }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expectProblem(
      answers.find((r) => r.status === 409)!,
      409,
      'no_baseline_awaiting_adoption',
    );
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM signature WHERE meaning = 'baseline adoption'`);
    expect(n).toBe(KEYS.length);
    const events = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'procedure_version.adopt'`);
    expect(events[0].n).toBe(KEYS.length);
  });
});

describe('baseline adoption, retried with an idempotency key', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ importProceduresOnStart: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('replays the first answer to a retry with the same key, adopting and signing once', async () => {
    const qm = await t.user(['quality_manager'], 'Karin Lindqvist');
    const send = () =>
      t.http
        .post('/api/procedures/baseline/adopt')
        .set(...bearer(qm))
        .set('Idempotency-Key', 'adopt-baseline-once')
        .send({ password: qm.password });
    const first = await send();
    expect(first.status).toBe(200);
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM signature WHERE meaning = 'baseline adoption'`);
    expect(n).toBe(KEYS.length);
  });
});
