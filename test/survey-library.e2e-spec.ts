/**
 * Surveys as controlled documents, through HTTP: version 1 written as a draft with content in en,
 * sv and nb (problems name the path in it), approved with an electronic signature by a quality
 * manager who did not write it, a next version superseding it; the database refuses to change a
 * decided version; the shipped surveys imported from procedures/surveys once, a rerun writing
 * nothing. Every write audited.
 */
import { auditOf, auditedBy } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { expectStatus } from './support/programmes.js';
import { surveyContent } from './support/surveys.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('survey library', () => {
  let t: TestApp;
  let author: TestUser;
  let approver: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    t.setToday('2026-06-10');
    author = await t.user(['quality_manager'], 'Quinn Author');
    approver = await t.user(['quality_manager'], 'Astrid Approver');
    auditor = await t.user(['auditor'], 'Arne Auditor');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses content with a missing translation, naming the path; nothing is written', async () => {
    const content = surveyContent('broken-survey');
    (content.questions[0].label as Record<string, string>).sv = '';
    const res = await t.http
      .post('/api/surveys')
      .set(...bearer(author))
      .send({ content });
    expectProblem(res, 400, 'validation_failed');
    expect(problemFields(res)).toEqual(['content.questions[0].label.sv']);
    expect(await t.sql(`SELECT 1 FROM survey WHERE key = 'broken-survey'`)).toEqual([]);
  });

  it('writes version 1 as a draft; its author cannot approve it, another quality manager signs it into force', async () => {
    const created = expectStatus(
      await t.http
        .post('/api/surveys')
        .set(...bearer(author))
        .send({ content: surveyContent('exit-survey'), changeSummary: 'First version' }),
      201,
      'creating',
    );
    expect(created.versions).toEqual([expect.objectContaining({ number: 1, state: 'draft', shipped: false, authorId: author.id })]);
    const duplicate = await t.http
      .post('/api/surveys')
      .set(...bearer(approver))
      .send({ content: surveyContent('exit-survey') });
    expectProblem(duplicate, 409, 'survey_key_taken');

    const own = await t.http
      .post(`/api/surveys/${created.id}/versions/1/approve`)
      .set(...bearer(author))
      .send({ password: author.password, comment: 'Mine' });
    expectProblem(own, 403, 'survey_author_cannot_approve');
    const wrong = await t.http
      .post(`/api/surveys/${created.id}/versions/1/approve`)
      .set(...bearer(approver))
      .send({ password: 'not-the-password', comment: 'Fine' });
    expectProblem(wrong, 401, 'invalid_password');

    const events = await auditedBy(t, async () => {
      const approved = expectStatus(
        await t.http
          .post(`/api/surveys/${created.id}/versions/1/approve`)
          .set(...bearer(approver))
          .send({ password: approver.password, comment: 'Reviewed with the board' }),
        200,
        'approving',
      );
      expect(approved.effectiveVersion).toBe(1);
      expect(approved.versions[0]).toEqual(
        expect.objectContaining({
          state: 'effective',
          effectiveOn: '2026-06-10',
          signatures: [expect.objectContaining({ signerId: approver.id, meaning: 'approved', recordType: 'survey_version' })],
        }),
      );
    });
    expect(events.map((e) => e.action)).toEqual(['survey_version.approve']);

    // Version 2 supersedes it; a draft is refused a second time; a rejected one stays rejected.
    const content2 = surveyContent('exit-survey');
    content2.title.en = 'How was the programme?';
    const v2 = expectStatus(
      await t.http
        .post(`/api/surveys/${created.id}/versions`)
        .set(...bearer(approver))
        .send({ content: content2, changeSummary: 'Clearer title' }),
      201,
      'version 2',
    );
    expect(v2.latestState).toBe('draft');
    expectProblem(
      await t.http
        .post(`/api/surveys/${created.id}/versions`)
        .set(...bearer(approver))
        .send({ content: content2 }),
      409,
      'survey_draft_exists',
    );
    const otherKey = await t.http
      .post(`/api/surveys/${created.id}/versions`)
      .set(...bearer(approver))
      .send({ content: surveyContent('another-key') });
    expectProblem(otherKey, 400, 'validation_failed');
    expect(problemFields(otherKey)).toEqual(['content.key']);
    const v2approved = expectStatus(
      await t.http
        .post(`/api/surveys/${created.id}/versions/2/approve`)
        .set(...bearer(author))
        .send({ password: author.password, comment: 'Approved' }),
      200,
      'approving 2',
    );
    expect(v2approved.versions.map((v: { state: string }) => v.state)).toEqual(['superseded', 'effective']);
    expectProblem(
      await t.http
        .post(`/api/surveys/${created.id}/versions/2/approve`)
        .set(...bearer(approver))
        .send({ password: approver.password, comment: 'Again' }),
      409,
      'transition_not_allowed',
    );
    expect((await auditOf(t, created.id)).map((e) => e.action)).toEqual(['survey.create']);
  });

  it('rejects a draft with a reason; an auditor reads but writes nothing', async () => {
    const created = expectStatus(
      await t.http
        .post('/api/surveys')
        .set(...bearer(author))
        .send({ content: surveyContent('pulse-check') }),
      201,
      'creating',
    );
    const rejected = expectStatus(
      await t.http
        .post(`/api/surveys/${created.id}/versions/1/reject`)
        .set(...bearer(approver))
        .send({ comment: 'Too long' }),
      200,
      'rejecting',
    );
    expect(rejected.versions[0]).toEqual(expect.objectContaining({ state: 'rejected', statusReason: 'Too long' }));
    expect((await t.http.get(`/api/surveys/${created.id}`).set(...bearer(auditor))).status).toBe(200);
    expectProblem(
      await t.http
        .post('/api/surveys')
        .set(...bearer(auditor))
        .send({ content: surveyContent('auditor-survey') }),
      403,
      'forbidden_role',
    );
  });

  it('refuses to change a decided version, to delete one, or to rewrite a draft', async () => {
    const [v] = await t.sql<{ id: string }>(
      `SELECT v.id FROM survey_version v JOIN survey s ON s.id = v.survey_id WHERE s.key = 'exit-survey' AND number = 1`,
    );
    await expect(t.sql(`UPDATE survey_version SET content = '{}'::jsonb WHERE id = $1`, [v.id])).rejects.toThrow(/never changes/);
    await expect(t.sql(`DELETE FROM survey_version WHERE id = $1`, [v.id])).rejects.toThrow(/never deleted/);
    await expect(t.sql(`UPDATE survey SET key = 'renamed' WHERE key = 'exit-survey'`)).rejects.toThrow();
  });

  it('imports the shipped surveys once, as shipped drafts any quality manager may approve; a rerun writes nothing', async () => {
    const first = expectStatus(await t.http.post('/api/surveys/import').set(...bearer(author)), 200, 'importing');
    expect(first.items.map((i: { key: string; outcome: string }) => `${i.key} ${i.outcome}`).sort()).toEqual([
      'adept-end-of-programme created',
      'host-after-internship created',
      'mentor-end-of-programme created',
      'mid-point-pulse created',
    ]);
    const again = await auditedBy(t, async () => {
      const second = expectStatus(await t.http.post('/api/surveys/import').set(...bearer(author)), 200, 'importing again');
      expect(second.items.map((i: { outcome: string }) => i.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    });
    expect(again).toEqual([]);
    const list = expectStatus(await t.http.get('/api/surveys').set(...bearer(auditor)), 200, 'listing');
    const shipped = list.find((s: { key: string }) => s.key === 'adept-end-of-programme');
    expect(shipped).toEqual(expect.objectContaining({ audience: 'adept', latestState: 'draft', effectiveVersion: null }));
    const detail = expectStatus(await t.http.get(`/api/surveys/${shipped.id}`).set(...bearer(author)), 200, 'reading');
    expect(detail.versions[0]).toEqual(expect.objectContaining({ shipped: true, authorId: null }));
    expect(detail.versions[0].content.questions[0]).toEqual(expect.objectContaining({ indicator: 'participant_satisfaction' }));
    // The importer wrote none of it: they may approve it.
    expectStatus(
      await t.http
        .post(`/api/surveys/${shipped.id}/versions/1/approve`)
        .set(...bearer(author))
        .send({ password: author.password, comment: 'Adopted' }),
      200,
      'adopting the shipped survey',
    );
  });
});
