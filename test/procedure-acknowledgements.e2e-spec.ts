/**
 * "Read and understood" for procedures (ISO 9001 7.5) through HTTP, as for controlled documents: a
 * draft names the roles that acknowledge it, fixed once it leaves draft; holders of those roles
 * acknowledge the version in force once each (a new version in force asks again); quality managers
 * and auditors see who has not; the evidence report counts it. Rows, audit events and the
 * database's refusals are checked alongside.
 */
import { auditOf } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { approveVersion, sampleDefinition } from './support/procedures.js';
import { activateProgramme, createProgramme } from './support/programmes.js';
import { fetchBytes, fetchReport } from './support/report-http.js';
import { pageTexts } from './support/report-pdf.js';
import { tarEntries } from './support/tar.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

interface Summary {
  key: string;
  effectiveVersion: number | null;
  acknowledgementRoles: string[];
  myAcknowledgement: { required: boolean; acknowledgedAt: string | null };
}

describe('procedure acknowledgements', () => {
  let t: TestApp;
  let author: TestUser;
  let approver: TestUser;
  let leader: TestUser;
  let otherLeader: TestUser;
  let leftLeader: TestUser;
  let board: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    author = await t.user(['quality_manager'], 'Anna Author');
    approver = await t.user(['quality_manager'], 'Bertil Approver');
    leader = await t.user(['programme_leader'], 'Leila Leader');
    otherLeader = await t.user(['programme_leader'], 'Olof Other');
    leftLeader = await t.user(['programme_leader'], 'Lars Left');
    board = await t.user(['board_member'], 'Britt Board');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    // A leader who has left is no longer asked.
    const current = await t.http.get(`/api/users/${leftLeader.id}`).set(...bearer(t.admin));
    const left = await t.http
      .patch(`/api/users/${leftLeader.id}`)
      .set(...bearer(t.admin))
      .set('If-Match', current.headers.etag)
      .send({ active: false });
    expect(left.status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (as: TestUser, path: string) => t.http.get(path).set(...bearer(as));
  const acknowledge = (as: TestUser, key: string) => t.http.post(`/api/procedures/${key}/acknowledgements`).set(...bearer(as));
  const versionId = async (key: string, n: number) =>
    (
      await t.sql<{ id: string }>(
        `SELECT v.id FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id WHERE p.key = $1 AND v.number = $2`,
        [key, n],
      )
    )[0].id;
  const acknowledgementRows = (id: string) =>
    t.sql<{ user_id: string }>(`SELECT user_id FROM procedure_acknowledgement WHERE version_id = $1 ORDER BY acknowledged_at`, [id]);

  /** A procedure whose version 1 asks `roles` to acknowledge it, written by `author` and in force (approved by `approver`). */
  async function effectiveProcedure(key: string, roles: string[]) {
    const created = await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: sampleDefinition(key), acknowledgementRoles: roles });
    expect(created.status).toBe(201);
    expect(created.body.acknowledgementRoles).toEqual(roles);
    await approveVersion(t, author, approver, key, 1);
  }

  /** The next version of `key` with the same definition (roles as given, or carried over), approved and in force. */
  async function nextVersion(key: string, n: number, roles?: string[]) {
    const created = await t.http
      .post(`/api/procedures/${key}/versions`)
      .set(...bearer(author))
      .send({ definition: sampleDefinition(key), changeSummary: 'Asks again', ...(roles ? { acknowledgementRoles: roles } : {}) });
    expect(created.status).toBe(201);
    expect(created.body.number).toBe(n);
    await approveVersion(t, author, approver, key, n);
    return created.body as { acknowledgementRoles: string[] };
  }

  it('lets a draft name the roles that acknowledge it, changes them only while it is a draft, and audits them', async () => {
    const created = await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: sampleDefinition('ack-draft'), acknowledgementRoles: ['programme_leader'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 1, status: 'draft', acknowledgementRoles: ['programme_leader'] });
    const id = created.body.id as string;

    const changed = await t.http
      .put('/api/procedures/ack-draft/versions/1')
      .set(...bearer(author))
      .set('If-Match', created.headers.etag)
      .send({ definition: sampleDefinition('ack-draft'), acknowledgementRoles: ['programme_leader', 'board_member'] });
    expect(changed.status).toBe(200);
    expect(changed.body.acknowledgementRoles).toEqual(['programme_leader', 'board_member']);
    // Saving the draft without naming roles keeps them.
    const kept = await t.http
      .put('/api/procedures/ack-draft/versions/1')
      .set(...bearer(author))
      .set('If-Match', changed.headers.etag)
      .send({ definition: sampleDefinition('ack-draft', { purpose: { en: 'Reworded purpose.' } }) });
    expect(kept.body.acknowledgementRoles).toEqual(['programme_leader', 'board_member']);

    const events = await auditOf(t, id);
    expect(events.map((e) => e.action)).toEqual(['procedure_version.create', 'procedure_version.update', 'procedure_version.update']);
    expect(events[0].changes.acknowledgementRoles).toEqual({ old: null, new: ['programme_leader'] });
    expect(events[1].changes.acknowledgementRoles).toEqual({ old: ['programme_leader'], new: ['programme_leader', 'board_member'] });
    expect(events[2].changes.acknowledgementRoles).toBeUndefined();

    // Auditors write nothing, not even an acknowledgement: a version cannot name them, nor an unknown role.
    for (const roles of [['auditor'], ['programme_leader', 'programme_leader'], 'programme_leader']) {
      const bad = await t.http
        .put('/api/procedures/ack-draft/versions/1')
        .set(...bearer(author))
        .set('If-Match', kept.headers.etag)
        .send({ definition: sampleDefinition('ack-draft'), acknowledgementRoles: roles });
      expectProblem(bad, 400, 'validation_failed');
      expect(problemFields(bad)).toEqual(['acknowledgementRoles']);
    }

    expect((await t.http.post('/api/procedures/ack-draft/versions/1/submit').set(...bearer(author))).status).toBe(200);
    const refused = await t.http
      .put('/api/procedures/ack-draft/versions/1')
      .set(...bearer(author))
      .set('If-Match', `"${kept.body.rowVersion}"`)
      .send({ definition: sampleDefinition('ack-draft'), acknowledgementRoles: [] });
    expectProblem(refused, 409, 'version_not_editable');
    // Not even the database lets the roles of a version that left draft change.
    await expect(t.sql(`UPDATE procedure_version SET acknowledgement_roles = '{}' WHERE id = $1`, [id])).rejects.toThrow(/cannot change/);
    expect((await get(leader, '/api/procedures/ack-draft/versions/1')).body.acknowledgementRoles).toEqual([
      'programme_leader',
      'board_member',
    ]);
  });

  it('asks the holders of the named roles to acknowledge the version in force, once each; a replay records nothing new', async () => {
    await effectiveProcedure('ack-intake', ['programme_leader']);
    const id = await versionId('ack-intake', 1);

    const mine = (await get(leader, '/api/procedures/ack-intake')).body as Summary;
    expect(mine).toMatchObject({ effectiveVersion: 1, acknowledgementRoles: ['programme_leader'] });
    expect(mine.myAcknowledgement).toEqual({ required: true, acknowledgedAt: null });
    expect(((await get(leader, '/api/procedures?toAcknowledge=true')).body as Summary[]).map((p) => p.key)).toContain('ack-intake');
    expect((await get(author, '/api/procedures/ack-intake')).body.myAcknowledgement).toEqual({ required: false, acknowledgedAt: null });
    expect(((await get(author, '/api/procedures?toAcknowledge=true')).body as Summary[]).map((p) => p.key)).not.toContain('ack-intake');

    const first = await acknowledge(leader, 'ack-intake');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ procedureKey: 'ack-intake', versionNumber: 1, acknowledgedAt: expect.any(String), recorded: true });
    const again = await acknowledge(leader, 'ack-intake');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, recorded: false });
    // With an idempotency key the answer is replayed as well.
    const keyed = () =>
      t.http
        .post('/api/procedures/ack-intake/acknowledgements')
        .set(...bearer(otherLeader))
        .set('Idempotency-Key', 'ack-intake-olof-1');
    const once = await keyed();
    const replay = await keyed();
    expect(once.body.recorded).toBe(true);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(once.body);

    expect(await acknowledgementRows(id)).toEqual([{ user_id: leader.id }, { user_id: otherLeader.id }]);
    const events = (await auditOf(t, id)).filter((e) => e.action === 'procedure_version.acknowledge');
    expect(events.map((e) => [e.actor_id, e.changes.acknowledgedBy])).toEqual([
      [leader.id, { old: null, new: leader.id }],
      [otherLeader.id, { old: null, new: otherLeader.id }],
    ]);
    expect(events[0].changes.acknowledgedAt).toEqual({ old: null, new: first.body.acknowledgedAt });

    expect((await get(leader, '/api/procedures/ack-intake')).body.myAcknowledgement).toEqual({
      required: true,
      acknowledgedAt: first.body.acknowledgedAt,
    });
    expect(((await get(leader, '/api/procedures?toAcknowledge=true')).body as Summary[]).map((p) => p.key)).not.toContain('ack-intake');

    // Only those asked acknowledge; an auditor writes nothing.
    expectProblem(await acknowledge(author, 'ack-intake'), 403, 'acknowledgement_not_required');
    expectProblem(await acknowledge(board, 'ack-intake'), 403, 'acknowledgement_not_required');
    expectProblem(await acknowledge(auditor, 'ack-intake'), 403, 'forbidden_role');
    expectProblem(await acknowledge(leader, 'no-such-procedure'), 404, 'not_found');
    expect(await acknowledgementRows(id)).toHaveLength(2);
  });

  it('shows quality managers and auditors who has acknowledged the version in force and who has not, by staff name', async () => {
    await effectiveProcedure('ack-matching', ['programme_leader', 'board_member']);
    expect((await acknowledge(otherLeader, 'ack-matching')).status).toBe(200);

    const who = await get(author, '/api/procedures/ack-matching/acknowledgements');
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({
      procedureKey: 'ack-matching',
      versionNumber: 1,
      roles: ['programme_leader', 'board_member'],
      required: 3,
      acknowledged: 1,
    });
    // Those who have not come first; the leader who left is not asked. Names are of staff (users), never of participants.
    expect(
      who.body.people.map((p: { name: string; roles: string[]; acknowledgedAt: string | null }) => [p.name, p.roles, !!p.acknowledgedAt]),
    ).toEqual([
      ['Britt Board', ['board_member'], false],
      ['Leila Leader', ['programme_leader'], false],
      ['Olof Other', ['programme_leader'], true],
    ]);
    const seen = await get(auditor, '/api/procedures/ack-matching/acknowledgements');
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual(who.body);
    expectProblem(await get(leader, '/api/procedures/ack-matching/acknowledgements'), 403, 'forbidden_role');
    expectProblem(await get(board, '/api/procedures/ack-matching/acknowledgements'), 403, 'forbidden_role');
  });

  it('refuses to acknowledge a procedure with nothing in force, and lists nobody for it', async () => {
    const created = await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: sampleDefinition('ack-unapproved'), acknowledgementRoles: ['programme_leader'] });
    expect(created.status).toBe(201);
    expectProblem(await acknowledge(leader, 'ack-unapproved'), 409, 'procedure_version_not_in_force');
    expect((await get(author, '/api/procedures/ack-unapproved/acknowledgements')).body).toEqual({
      procedureKey: 'ack-unapproved',
      versionNumber: null,
      roles: [],
      required: 0,
      acknowledged: 0,
      people: [],
    });
    expect((await get(leader, '/api/procedures/ack-unapproved')).body.myAcknowledgement).toEqual({ required: false, acknowledgedAt: null });
    // The database itself accepts an acknowledgement only of the version in force.
    await expect(
      t.sql(`INSERT INTO procedure_acknowledgement (version_id, user_id) VALUES ($1, $2)`, [created.body.id, leader.id]),
    ).rejects.toThrow(/not in force/);
  });

  it('asks again when a new version comes into force, carrying the roles to the next draft unless it names others', async () => {
    await effectiveProcedure('ack-follow-up', ['programme_leader']);
    const first = await acknowledge(leader, 'ack-follow-up');
    expect(first.body.recorded).toBe(true);

    const v2 = await nextVersion('ack-follow-up', 2);
    expect(v2.acknowledgementRoles).toEqual(['programme_leader']);
    expect((await get(leader, '/api/procedures/ack-follow-up')).body.myAcknowledgement).toEqual({ required: true, acknowledgedAt: null });
    expect(((await get(leader, '/api/procedures?toAcknowledge=true')).body as Summary[]).map((p) => p.key)).toContain('ack-follow-up');
    expect((await get(author, '/api/procedures/ack-follow-up/acknowledgements')).body).toMatchObject({ versionNumber: 2, acknowledged: 0 });
    const second = await acknowledge(leader, 'ack-follow-up');
    expect(second.body).toMatchObject({ versionNumber: 2, recorded: true });
    expect(await acknowledgementRows(await versionId('ack-follow-up', 1))).toEqual([{ user_id: leader.id }]);
    expect(await acknowledgementRows(await versionId('ack-follow-up', 2))).toEqual([{ user_id: leader.id }]);
    // The superseded version is acknowledged no more.
    await expect(
      t.sql(`INSERT INTO procedure_acknowledgement (version_id, user_id) VALUES ($1, $2)`, [
        await versionId('ack-follow-up', 1),
        otherLeader.id,
      ]),
    ).rejects.toThrow(/not in force/);

    // A version that names nobody asks nobody.
    expect((await nextVersion('ack-follow-up', 3, [])).acknowledgementRoles).toEqual([]);
    expect((await get(leader, '/api/procedures/ack-follow-up')).body.myAcknowledgement).toEqual({ required: false, acknowledgedAt: null });
    expectProblem(await acknowledge(leader, 'ack-follow-up'), 403, 'acknowledgement_not_required');
  });

  it('keeps acknowledgements append-only: no update, delete or truncate', async () => {
    await effectiveProcedure('ack-append-only', ['programme_leader']);
    expect((await acknowledge(leader, 'ack-append-only')).status).toBe(200);
    const id = await versionId('ack-append-only', 1);
    await expect(
      t.sql(`UPDATE procedure_acknowledgement SET acknowledged_at = now() - interval '1 day' WHERE version_id = $1`, [id]),
    ).rejects.toThrow(/immutable/);
    await expect(t.sql(`DELETE FROM procedure_acknowledgement WHERE version_id = $1`, [id])).rejects.toThrow(/immutable/);
    await expect(t.sql(`TRUNCATE procedure_acknowledgement`)).rejects.toThrow(/TRUNCATE refused|append-only/);
    expect(await acknowledgementRows(id)).toEqual([{ user_id: leader.id }]);
  });

  it('counts read and understood per procedure in the evidence report, beside the documents', async () => {
    await effectiveProcedure('ack-final', ['programme_leader']);
    expect((await acknowledge(leader, 'ack-final')).status).toBe(200);
    const programme = (
      await activateProgramme(
        t,
        author,
        (await createProgramme(t, author, { startDate: '2026-01-12', endDate: '2026-12-18', leaderIds: [leader.id] })).id,
      )
    ).id;
    const json = await get(author, `/api/programmes/${programme}/reports/evidence.json`);
    expect(json.status).toBe(200);
    expect(json.body.model.procedureAcknowledgements).toContainEqual({
      key: 'ack-final',
      title: sampleDefinition('ack-final').title,
      version: 1,
      effectiveFrom: expect.any(String),
      required: 2,
      acknowledged: 1,
    });
    // The evidence bundle carries the same model, so an auditor verifies the counts offline.
    const bundle = await fetchBytes(t, author, `/api/programmes/${programme}/reports/evidence-bundle`);
    expect(bundle.status).toBe(200);
    const model = JSON.parse(
      tarEntries(bundle.body)
        .find((e) => e.name === 'report-model.json')!
        .data.toString('utf8'),
    );
    expect(model.procedureAcknowledgements).toContainEqual(expect.objectContaining({ key: 'ack-final', required: 2, acknowledged: 1 }));
    const pdf = await fetchReport(t, author, `/api/programmes/${programme}/reports/evidence.pdf`);
    const text = (await pageTexts(pdf.body)).join('\n');
    expect(text).toContain('Controlled documents: read and understood');
    expect(text).toContain('Procedure ack-final (ack-final)');
    expect(text).toContain('1 of 2');
  });
});
