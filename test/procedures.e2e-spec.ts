import { expectProblem, problemFields } from './support/expectations.js';
import { sampleDefinition, approveVersion } from './support/procedures.js';
import { fetchReport } from './support/report-http.js';
import { expectShows, pageTexts } from './support/report-pdf.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('procedure library under document control', () => {
  let t: TestApp;
  let author: TestUser;
  let approver: TestUser;
  let leader: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    author = await t.user(['quality_manager'], 'Anna Author');
    approver = await t.user(['quality_manager'], 'Bertil Approver');
    leader = await t.user(['programme_leader']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const events = (entityId: string) =>
    t.sql<{ action: string; actor_id: string; changes: Record<string, unknown> }>(
      `SELECT action, actor_id, changes FROM audit_event WHERE entity_id = $1 ORDER BY seq`,
      [entityId],
    );

  it('walks the whole life cycle: draft, review, approval with signature, next version supersedes', async () => {
    const def = sampleDefinition('life-cycle');
    const created = await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: def });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      procedureKey: 'life-cycle',
      number: 1,
      status: 'draft',
      author: { id: author.id, name: 'Anna Author' },
    });
    expect(created.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(created.headers.location).toBe('/api/procedures/life-cycle/versions/1');
    expect(created.headers.etag).toBe('"1"');

    const submitted = await t.http.post('/api/procedures/life-cycle/versions/1/submit').set(...bearer(author));
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('in_review');
    // The author may not approve their own version; another quality manager may.
    expect(submitted.body.allowedActions).toEqual(['reject']);
    expect((await t.http.get('/api/procedures/life-cycle/versions/1').set(...bearer(approver))).body.allowedActions).toEqual([
      'approve',
      'reject',
    ]);

    const approved = await t.http
      .post('/api/procedures/life-cycle/versions/1/approve')
      .set(...bearer(approver))
      .send({ password: approver.password, comment: 'Checked against the programme description' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('effective');
    expect(approved.body.effectiveFrom).toEqual(expect.any(String));
    expect(approved.body.signatures).toEqual([
      expect.objectContaining({
        signerId: approver.id,
        signerName: 'Bertil Approver',
        meaning: 'approved',
        comment: 'Checked against the programme description',
        recordType: 'procedure_version',
        recordId: created.body.id,
        recordVersion: 1,
        contentHash: created.body.contentHash,
      }),
    ]);

    const v2 = await t.http
      .post('/api/procedures/life-cycle/versions')
      .set(...bearer(author))
      .send({
        definition: sampleDefinition('life-cycle', { window: { anchor: 'programme_start', fromDays: -45, toDays: 0 } }),
        changeSummary: 'Longer window',
      });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ number: 2, status: 'draft', changeSummary: 'Longer window' });
    await approveVersion(t, author, approver, 'life-cycle', 2);

    const v1 = await t.http.get('/api/procedures/life-cycle/versions/1').set(...bearer(leader));
    expect(v1.body.status).toBe('superseded');
    expect(v1.body.supersededAt).toEqual(
      (await t.http.get('/api/procedures/life-cycle/versions/2').set(...bearer(leader))).body.effectiveFrom,
    );

    const list = await t.http.get('/api/procedures').set(...bearer(leader));
    expect(list.status).toBe(200);
    expect(list.body.find((p: { key: string }) => p.key === 'life-cycle')).toMatchObject({
      effectiveVersion: 2,
      latestVersion: 2,
      latestStatus: 'effective',
      statusCounts: { effective: 1, superseded: 1, draft: 0 },
    });

    expect((await events(created.body.id)).map((e) => e.action)).toEqual([
      'procedure_version.create',
      'procedure_version.submit',
      'procedure_version.approve',
      'procedure_version.supersede',
    ]);
    const approveEvent = (await events(created.body.id))[2];
    expect(approveEvent.actor_id).toBe(approver.id);
    expect(approveEvent.changes.signature).toEqual({
      old: null,
      new: expect.objectContaining({ meaning: 'approved', signerId: approver.id }),
    });
  });

  it('never changes a version that has left draft (API and database)', async () => {
    const def = sampleDefinition('frozen');
    await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: def });
    const draft = await t.http.get('/api/procedures/frozen/versions/1').set(...bearer(author));
    const edited = await t.http
      .put('/api/procedures/frozen/versions/1')
      .set(...bearer(author))
      .set('If-Match', draft.headers.etag)
      .send({ definition: sampleDefinition('frozen', { ordered: false }) });
    expect(edited.status).toBe(200);
    expect(edited.body.rowVersion).toBe(2);
    expect(edited.body.definition.ordered).toBe(false);

    const expectFrozen = async (status: string) => {
      const current = await t.http.get('/api/procedures/frozen/versions/1').set(...bearer(author));
      expect(current.body.status).toBe(status);
      const put = await t.http
        .put('/api/procedures/frozen/versions/1')
        .set(...bearer(author))
        .set('If-Match', current.headers.etag)
        .send({ definition: sampleDefinition('frozen', { ordered: true }) });
      expectProblem(put, 409, 'version_not_editable');
      await expect(t.sql(`UPDATE procedure_version SET definition = '{}' WHERE id = $1`, [current.body.id])).rejects.toThrow(
        /cannot change/,
      );
      const after = await t.http.get('/api/procedures/frozen/versions/1').set(...bearer(author));
      expect(after.body.contentHash).toBe(current.body.contentHash);
    };
    await t.http
      .post('/api/procedures/frozen/versions/1/submit')
      .set(...bearer(author))
      .expect(200);
    await expectFrozen('in_review');
    await t.http
      .post('/api/procedures/frozen/versions/1/approve')
      .set(...bearer(approver))
      .send({ password: approver.password, comment: 'ok' })
      .expect(200);
    await expectFrozen('effective');
    await t.http
      .post('/api/procedures/frozen/versions')
      .set(...bearer(author))
      .send({ definition: def, changeSummary: 'again' })
      .expect(201);
    await approveVersion(t, author, approver, 'frozen', 2);
    await expectFrozen('superseded');
    await expect(
      t.sql(`DELETE FROM procedure_version WHERE number = 1 AND procedure_id = (SELECT id FROM procedure WHERE key = 'frozen')`),
    ).rejects.toThrow(/never deleted/);
    await expect(t.sql(`DELETE FROM signature`)).rejects.toThrow(/immutable/);
  });

  it('refuses approval by the author (403) and with a wrong password (401), signing nothing', async () => {
    await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: sampleDefinition('guarded') })
      .expect(201);
    await t.http
      .post('/api/procedures/guarded/versions/1/submit')
      .set(...bearer(author))
      .expect(200);
    const own = await t.http
      .post('/api/procedures/guarded/versions/1/approve')
      .set(...bearer(author))
      .send({ password: author.password, comment: 'mine' });
    expectProblem(own, 403, 'author_cannot_approve');
    const wrong = await t.http
      .post('/api/procedures/guarded/versions/1/approve')
      .set(...bearer(approver))
      .send({ password: 'not-my-password', comment: 'x' });
    expectProblem(wrong, 401, 'invalid_password');
    const v = await t.http.get('/api/procedures/guarded/versions/1').set(...bearer(author));
    expect(v.body.status).toBe('in_review');
    expect(v.body.signatures).toEqual([]);
    expect(await t.sql(`SELECT 1 FROM signature WHERE record_id = $1`, [v.body.id])).toHaveLength(0);
    const leaderTry = await t.http
      .post('/api/procedures/guarded/versions/1/approve')
      .set(...bearer(leader))
      .send({ password: leader.password, comment: 'x' });
    expectProblem(leaderTry, 403, 'forbidden_role');
  });

  it('lets exactly one of several concurrent approvals win', async () => {
    const approvers = [approver, await t.user(['quality_manager']), await t.user(['quality_manager']), await t.user(['quality_manager'])];
    await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: sampleDefinition('race') })
      .expect(201);
    await t.http
      .post('/api/procedures/race/versions/1/submit')
      .set(...bearer(author))
      .expect(200);
    const results = await Promise.all(
      approvers.map((a) =>
        t.http
          .post('/api/procedures/race/versions/1/approve')
          .set(...bearer(a))
          .send({ password: a.password, comment: 'race' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expectProblem(r, 409, 'transition_not_allowed');
    const v = await t.http.get('/api/procedures/race/versions/1').set(...bearer(author));
    expect(v.body.signatures).toHaveLength(1);
  });

  it('answers which version was in force at a moment, across two approvals', async () => {
    const def = sampleDefinition('in-force');
    await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: def })
      .expect(201);
    const before = new Date().toISOString();
    const none = await t.http.get(`/api/procedures/in-force/effective?at=${encodeURIComponent(before)}`).set(...bearer(leader));
    expectProblem(none, 404, 'not_found');
    const v1 = await approveVersion(t, author, approver, 'in-force', 1);
    await t.http
      .post('/api/procedures/in-force/versions')
      .set(...bearer(author))
      .send({ definition: sampleDefinition('in-force', { ordered: false }), changeSummary: 'x' })
      .expect(201);
    const v2 = await approveVersion(t, author, approver, 'in-force', 2);
    const at = async (iso: string) =>
      (await t.http.get(`/api/procedures/in-force/effective?at=${encodeURIComponent(iso)}`).set(...bearer(leader))).body.number;
    expect(await at(v1.effectiveFrom)).toBe(1);
    expect(await at(new Date(Date.parse(v2.effectiveFrom) - 1).toISOString())).toBe(1);
    expect(await at(v2.effectiveFrom)).toBe(2);
    expect((await t.http.get('/api/procedures/in-force/effective').set(...bearer(leader))).body.number).toBe(2);
    expectProblem(await t.http.get('/api/procedures/in-force/effective?at=yesterday').set(...bearer(leader)), 400, 'validation_failed');
  });

  it('enforces one open draft, and rejection ends a version', async () => {
    await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: sampleDefinition('one-draft') })
      .expect(201);
    const second = await t.http
      .post('/api/procedures/one-draft/versions')
      .set(...bearer(author))
      .send({ definition: sampleDefinition('one-draft'), changeSummary: 'x' });
    expectProblem(second, 409, 'open_draft_exists');
    await t.http
      .post('/api/procedures/one-draft/versions/1/submit')
      .set(...bearer(author))
      .expect(200);
    const rejected = await t.http
      .post('/api/procedures/one-draft/versions/1/reject')
      .set(...bearer(approver))
      .send({ comment: 'Window too short' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', statusReason: 'Window too short', allowedActions: [] });
    const again = await t.http.post('/api/procedures/one-draft/versions/1/submit').set(...bearer(author));
    expectProblem(again, 409, 'transition_not_allowed');
    expect(again.body.allowedActions).toEqual([]);
    const next = await t.http
      .post('/api/procedures/one-draft/versions')
      .set(...bearer(author))
      .send({ definition: sampleDefinition('one-draft'), changeSummary: 'after rejection' });
    expect(next.status).toBe(201);
    expect(next.body.number).toBe(2);
  });

  it('retires the effective version', async () => {
    await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: sampleDefinition('retiring') })
      .expect(201);
    await approveVersion(t, author, approver, 'retiring', 1);
    const retired = await t.http
      .post('/api/procedures/retiring/versions/1/retire')
      .set(...bearer(author))
      .send({ reason: 'Replaced by the group meeting', password: author.password });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', statusReason: 'Replaced by the group meeting' });
    expectProblem(await t.http.get('/api/procedures/retiring/effective').set(...bearer(author)), 404);
    expect(
      (await t.http.get(`/api/procedures/retiring/effective?at=${encodeURIComponent(retired.body.effectiveFrom)}`).set(...bearer(author)))
        .body.number,
    ).toBe(1);
  });

  it('diffs two versions', async () => {
    const def = sampleDefinition('diffed');
    await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: def })
      .expect(201);
    await approveVersion(t, author, approver, 'diffed', 1);
    const changed = sampleDefinition('diffed', {
      window: { anchor: 'programme_start', fromDays: -60, toDays: 0 },
      steps: [
        def.steps[0],
        { ...def.steps[1], fields: [...def.steps[1].fields, { key: 'goal', label: { en: 'Goal' }, type: 'text', required: false }] },
        {
          key: 'follow_up',
          title: { en: 'Follow-up call' },
          required: false,
          fields: [{ key: 'done', label: { en: 'Done' }, type: 'boolean', required: true }],
        },
      ],
    });
    await t.http
      .post('/api/procedures/diffed/versions')
      .set(...bearer(author))
      .send({ definition: changed, changeSummary: 'Goal and follow-up' })
      .expect(201);
    const diff = await t.http.get('/api/procedures/diffed/versions/2/diff?against=1').set(...bearer(leader));
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ procedureKey: 'diffed', from: 1, to: 2 });
    const text = JSON.stringify(diff.body.changes);
    expect(text).toContain('follow_up');
    expect(text).toContain('goal');
    expect(text).toContain('-60');
    const same = await t.http.get('/api/procedures/diffed/versions/1/diff?against=1').set(...bearer(leader));
    expect(same.status).toBe(200);
    expectProblem(await t.http.get('/api/procedures/diffed/versions/2/diff?against=9').set(...bearer(leader)), 404);
    expectProblem(await t.http.get('/api/procedures/diffed/versions/2/diff?against=x').set(...bearer(leader)), 400);
  });

  it('keeps the unit of a number field, in the version, its diff and its document, and refuses a unit on another kind of field', async () => {
    const def = sampleDefinition('units');
    const withUnit = (unit: { en: string; sv?: string; nb?: string }) => ({
      ...def,
      steps: [
        def.steps[0],
        {
          ...def.steps[1],
          fields: [
            ...def.steps[1].fields,
            { key: 'minutes', label: { en: 'Length of the meeting' }, type: 'number' as const, min: 0, unit },
          ],
        },
      ],
    });
    const created = await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: withUnit({ en: 'minutes', sv: 'minuter', nb: 'minutter' }) });
    expect(created.status).toBe(201);
    const v1 = await t.http.get('/api/procedures/units/versions/1').set(...bearer(leader));
    const field = v1.body.definition.steps[1].fields.find((f: { key: string }) => f.key === 'minutes');
    expect(field.unit).toEqual({ en: 'minutes', sv: 'minuter', nb: 'minutter' });
    await approveVersion(t, author, approver, 'units', 1);

    const doc = await fetchReport(t, leader, '/api/procedures/units/versions/1/document.pdf?lang=sv');
    expectShows((await pageTexts(doc.body)).join('\n'), ['enhet: minuter']);

    await t.http
      .post('/api/procedures/units/versions')
      .set(...bearer(author))
      .send({ definition: withUnit({ en: 'hours' }), changeSummary: 'Length in hours' })
      .expect(201);
    const diff = await t.http.get('/api/procedures/units/versions/2/diff?against=1').set(...bearer(leader));
    expect(diff.status).toBe(200);
    expect(JSON.stringify(diff.body.changes)).toContain('unit');

    const bad = sampleDefinition('units-bad');
    (bad.steps[1].fields[0] as { unit?: unknown }).unit = { en: 'words' };
    const refused = await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: bad });
    expectProblem(refused, 422, 'invalid_definition');
    expect(problemFields(refused).some((f) => f.includes('unit'))).toBe(true);
    expect(await t.sql(`SELECT 1 FROM procedure WHERE key = 'units-bad'`)).toHaveLength(0);
  });

  it('refuses invalid definitions listing each problem with its path, and writes nothing', async () => {
    const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`);
    const bad = sampleDefinition('broken-def');
    (bad.steps[1].fields[0] as { options?: unknown }).options = [];
    (bad as { subject: string }).subject = 'family';
    const res = await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: bad });
    expectProblem(res, 422, 'invalid_definition');
    expect(problemFields(res).some((f) => f.startsWith('definition.subject') || f === 'definition.subject')).toBe(true);
    expect(problemFields(res).some((f) => f.includes('steps[1]') || f.includes('steps/1') || f.includes('steps.1'))).toBe(true);
    expectProblem(
      await t.http
        .post('/api/procedures')
        .set(...bearer(author))
        .send({ definition: 'text' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.http
        .post('/api/procedures')
        .set(...bearer(author))
        .send({}),
      400,
      'validation_failed',
    );
    expect(await t.sql(`SELECT 1 FROM procedure WHERE key = 'broken-def'`)).toHaveLength(0);
    expect(await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event`)).toEqual(before);
  });

  it('refuses writes by roles other than quality manager, and bad path parameters', async () => {
    expectProblem(
      await t.http
        .post('/api/procedures')
        .set(...bearer(leader))
        .send({ definition: sampleDefinition('nope') }),
      403,
      'forbidden_role',
    );
    expectProblem(await t.http.get('/api/procedures'), 401, 'unauthenticated');
    expectProblem(await t.http.get('/api/procedures/NOT_A_KEY').set(...bearer(leader)), 404);
    expectProblem(await t.http.get('/api/procedures/missing-one').set(...bearer(leader)), 404);
    expectProblem(await t.http.get('/api/procedures/life-cycle/versions/0').set(...bearer(leader)), 400);
    expectProblem(await t.http.get('/api/procedures/life-cycle/versions/abc').set(...bearer(leader)), 400);
  });
});
