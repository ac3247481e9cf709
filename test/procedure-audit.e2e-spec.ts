/**
 * Document control leaves one audit event per step (create, update, submit, approve, supersede,
 * reject, retire), by the person who took it, and refused steps leave none.
 */
import { auditOf, auditedBy } from './support/audit-events.js';
import { expectProblem } from './support/expectations.js';
import { sampleDefinition } from './support/procedures.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('audit events of document control', () => {
  let t: TestApp;
  let author: TestUser;
  let approver: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    author = await t.user(['quality_manager'], 'Anna Author');
    approver = await t.user(['quality_manager'], 'Bertil Approver');
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (as: TestUser, path: string, body: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/procedures/audited${path}`)
      .set(...bearer(as))
      .send(body);
  /** Runs one step and returns its events as [action, entity, actor]. */
  const step = async (change: () => Promise<{ status: number; body: unknown }>, status = 200) => {
    const events = await auditedBy(t, async () => {
      const res = await change();
      if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    });
    return events;
  };

  it('records each step once, with its actor, changes and reason', async () => {
    const [created] = await step(
      () =>
        t.http
          .post('/api/procedures')
          .set(...bearer(author))
          .send({ definition: sampleDefinition('audited') }),
      201,
    );
    const v1 = (await t.http.get('/api/procedures/audited/versions/1').set(...bearer(author))).body;
    expect(created).toMatchObject({
      action: 'procedure_version.create',
      entity_type: 'procedure_version',
      entity_id: v1.id,
      entity_version: 1,
      actor_id: author.id,
    });
    expect(created.changes).toEqual({
      procedureKey: { old: null, new: 'audited' },
      number: { old: null, new: 1 },
      status: { old: null, new: 'draft' },
      contentHash: { old: null, new: expect.stringMatching(/^[0-9a-f]{64}$/) },
      acknowledgementRoles: { old: null, new: [] },
    });

    const updated = await step(() =>
      t.http
        .put('/api/procedures/audited/versions/1')
        .set(...bearer(author))
        .set('If-Match', '"1"')
        .send({ definition: sampleDefinition('audited', { ordered: false }), changeSummary: 'Steps in any order' }),
    );
    const edited = (await t.http.get('/api/procedures/audited/versions/1').set(...bearer(author))).body;
    expect(updated.map((e) => [e.action, e.entity_id, e.actor_id])).toEqual([['procedure_version.update', v1.id, author.id]]);
    expect(updated[0].changes).toEqual({
      contentHash: { old: v1.contentHash, new: edited.contentHash },
      changeSummary: { old: null, new: 'Steps in any order' },
    });

    const submitted = await step(() => post(author, '/versions/1/submit'));
    expect(submitted.map((e) => [e.action, e.actor_id, e.changes])).toEqual([
      ['procedure_version.submit', author.id, { status: { old: 'draft', new: 'in_review' } }],
    ]);

    const approved = await step(() =>
      post(approver, '/versions/1/approve', { password: approver.password, comment: 'Fits the programme' }),
    );
    expect(approved.map((e) => [e.action, e.entity_id, e.actor_id, e.reason])).toEqual([
      ['procedure_version.approve', v1.id, approver.id, 'Fits the programme'],
    ]);
    expect(approved[0].changes).toEqual({
      status: { old: 'in_review', new: 'effective' },
      effectiveFrom: { old: null, new: expect.any(String) },
      signature: {
        old: null,
        new: expect.objectContaining({
          signerId: approver.id,
          signerName: 'Bertil Approver',
          meaning: 'approved',
          contentHash: edited.contentHash,
        }),
      },
    });

    await step(
      () =>
        post(author, '/versions', {
          definition: sampleDefinition('audited', { window: { anchor: 'programme_start', fromDays: -20, toDays: 0 } }),
          changeSummary: 'Shorter window',
        }),
      201,
    );
    await step(() => post(author, '/versions/2/submit'));
    const rejected = await step(() => post(approver, '/versions/2/reject', { comment: 'Twenty days is too short for the interpreters' }));
    expect(rejected.map((e) => [e.action, e.actor_id, e.reason, e.changes])).toEqual([
      [
        'procedure_version.reject',
        approver.id,
        'Twenty days is too short for the interpreters',
        { status: { old: 'in_review', new: 'rejected' } },
      ],
    ]);

    await step(
      () =>
        post(author, '/versions', {
          definition: sampleDefinition('audited', { window: { anchor: 'programme_start', fromDays: -40, toDays: 0 } }),
          changeSummary: 'Longer window',
        }),
      201,
    );
    await step(() => post(author, '/versions/3/submit'));
    const v3 = (await t.http.get('/api/procedures/audited/versions/3').set(...bearer(author))).body;
    // Approving version 3 is two changes: version 1 superseded, version 3 in force.
    const superseding = await step(() =>
      post(approver, '/versions/3/approve', { password: approver.password, comment: 'Longer window agreed' }),
    );
    expect(superseding.map((e) => [e.action, e.entity_id, e.actor_id])).toEqual([
      ['procedure_version.supersede', v1.id, approver.id],
      ['procedure_version.approve', v3.id, approver.id],
    ]);
    expect(superseding[0].changes).toEqual({
      status: { old: 'effective', new: 'superseded' },
      supersededAt: { old: null, new: superseding[1].changes.effectiveFrom.new },
      supersededBy: { old: null, new: 3 },
    });

    // Retiring is signed, as approving is.
    const retired = await step(() =>
      post(author, '/versions/3/retire', { reason: 'Replaced by the group intake', password: author.password }),
    );
    expect(retired.map((e) => [e.action, e.entity_id, e.actor_id, e.reason])).toEqual([
      ['procedure_version.retire', v3.id, author.id, 'Replaced by the group intake'],
    ]);
    expect(retired[0].changes).toEqual({
      status: { old: 'effective', new: 'retired' },
      signature: {
        old: null,
        new: expect.objectContaining({
          signerId: author.id,
          signerName: 'Anna Author',
          meaning: 'retirement',
          contentHash: v3.contentHash,
        }),
      },
    });

    expect((await auditOf(t, v1.id)).map((e) => e.action)).toEqual([
      'procedure_version.create',
      'procedure_version.update',
      'procedure_version.submit',
      'procedure_version.approve',
      'procedure_version.supersede',
    ]);
  });

  it('leaves no event for a refused step', async () => {
    await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: sampleDefinition('refused') })
      .expect(201);
    const events = await auditedBy(t, async () => {
      expectProblem(
        await t.http
          .post('/api/procedures/refused/versions/1/approve')
          .set(...bearer(approver))
          .send({ password: approver.password, comment: 'x' }),
        409,
        'transition_not_allowed',
      );
      expectProblem(
        await t.http
          .post('/api/procedures/refused/versions/1/retire')
          .set(...bearer(author))
          .send({ reason: 'x', password: author.password }),
        409,
        'transition_not_allowed',
      );
      expectProblem(
        await t.http
          .put('/api/procedures/refused/versions/1')
          .set(...bearer(author))
          .set('If-Match', '"9"')
          .send({ definition: sampleDefinition('refused') }),
        412,
        'version_mismatch',
      );
      await t.http
        .post('/api/procedures/refused/versions/1/submit')
        .set(...bearer(author))
        .expect(200);
      expectProblem(
        await t.http
          .post('/api/procedures/refused/versions/1/approve')
          .set(...bearer(author))
          .send({ password: author.password, comment: 'x' }),
        403,
        'author_cannot_approve',
      );
      expectProblem(
        await t.http
          .post('/api/procedures/refused/versions/1/approve')
          .set(...bearer(approver))
          .send({ password: 'wrong-password', comment: 'x' }),
        401,
        'invalid_password',
      );
      expectProblem(
        await t.http
          .put('/api/procedures/refused/versions/1')
          .set(...bearer(author))
          .set('If-Match', '"1"')
          .send({ definition: sampleDefinition('refused') }),
        409,
        'version_not_editable',
      );
    });
    expect(events.map((e) => e.action)).toEqual(['procedure_version.submit']);
  });
});
