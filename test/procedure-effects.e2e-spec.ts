/**
 * Effects through HTTP: an intake decision admits (enrols), wait-lists or rejects an applicant
 * when its execution completes, each change its own audit event naming the execution, step, field
 * and value; a "match ended" value ends the pair and frees the adept for a rematch. Only allowed
 * changes happen: anything else refuses the completion (409 effect_not_allowed, naming the field)
 * and nothing changes. A correction in force (at once, or on a quality manager's approval) makes
 * the new value's effect when allowed, and is refused otherwise. The matrix: applicants owe only
 * what applies to them; someone not admitted owes nothing afterwards.
 */
import type { ProcedureDefinition } from '../src/procedures/procedure-definition.js';
import { auditOf } from './support/audit-events.js';
import { expectProblem } from './support/expectations.js';
import {
  activateProgramme,
  addPair,
  addParticipant,
  completeExecution,
  createProgramme,
  createStaff,
  expectStatus,
  procedureDefinition,
  procedureInForce,
  recordStep,
  startExecution,
} from './support/programmes.js';
import type { Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const TODAY = '2026-02-20';
const PERFORMED = '2026-02-15T10:00:00Z';

const intake: ProcedureDefinition = procedureDefinition('fx-intake', {
  window: { anchor: 'programme_start', fromDays: -60, toDays: -1 },
  appliesWhen: { status: { in: ['applicant', 'waiting_list'] } },
  steps: [
    {
      key: 'decision',
      title: { en: 'Decision' },
      required: true,
      fields: [
        { key: 'consent', label: { en: 'Consent' }, type: 'boolean', required: true, expected: true },
        {
          key: 'decision',
          label: { en: 'Decision' },
          type: 'enum',
          required: true,
          options: [
            { value: 'admitted', label: { en: 'Admitted' } },
            { value: 'waiting_list', label: { en: 'Waiting list' } },
            { value: 'not_admitted', label: { en: 'Not admitted' } },
            { value: 'postponed', label: { en: 'Postponed' } },
          ],
          effects: [
            { when: { equals: 'admitted' }, status: 'active' },
            { when: { equals: 'waiting_list' }, status: 'waiting_list' },
            { when: { in: ['not_admitted'] }, status: 'not_admitted' },
          ],
        },
      ],
    },
  ],
});

const introduction: ProcedureDefinition = procedureDefinition('fx-introduction', {
  window: { anchor: 'programme_start', fromDays: 0, toDays: 7 },
});

const followUp: ProcedureDefinition = procedureDefinition('fx-follow-up', {
  subject: 'pair',
  window: { anchor: 'programme_start', fromDays: -60, toDays: 60 },
  steps: [
    {
      key: 'talk',
      title: { en: 'Talk' },
      required: true,
      fields: [
        {
          key: 'match_ended',
          label: { en: 'The match ended' },
          type: 'boolean',
          required: true,
          effects: [{ when: { equals: true }, status: 'ended' }],
        },
      ],
    },
  ],
});

describe('procedure effects', () => {
  let t: TestApp;
  let staff: Staff;
  let leader: TestUser;
  let programme: string;

  const applicant = async (name: string) =>
    expectStatus(
      await t.http
        .post(`/api/programmes/${programme}/applicants`)
        .set(...bearer(leader))
        .send({ role: 'adept', fullName: name, gender: 'female', profession: 'Dentist', applicationConsentAt: '2026-02-01' }),
      201,
      'registering an applicant',
    ) as { id: string; code: string };
  const participant = async (id: string) =>
    expectStatus(await t.http.get(`/api/programmes/${programme}/participants/${id}`).set(...bearer(leader)), 200, 'reading') as Record<
      string,
      unknown
    >;
  /** Starts the intake for `id` and records its decision; the open execution's id and record id. */
  const decide = async (id: string, decision: string, consent = true) => {
    const e = await startExecution(t, leader, programme, intake.key, { participantId: id });
    const r = await recordStep(t, leader, e.id, { stepKey: 'decision', values: { consent, decision }, performedAt: PERFORMED });
    return { executionId: e.id as string, recordId: r.steps.find((s: { stepKey: string; current: boolean }) => s.current).id as string };
  };
  const complete = (executionId: string) => t.http.post(`/api/executions/${executionId}/complete`).set(...bearer(leader));
  const correct = (executionId: string, recordId: string, values: Record<string, unknown>, as = leader) =>
    t.http
      .post(`/api/executions/${executionId}/steps/${recordId}/corrections`)
      .set(...bearer(as))
      .send({ values, reason: 'The decision was entered wrongly' });
  const matrixRow = async (id: string) => {
    const m = expectStatus(await t.http.get(`/api/programmes/${programme}/conformance`).set(...bearer(leader)), 200, 'the matrix');
    return (
      m.rows as {
        subject: { id: string; status: string };
        cells: { procedureKey: string; status: string; notApplicable?: { reason: string } }[];
      }[]
    ).find((r) => r.subject.id === id)!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.setToday(TODAY);
    staff = await createStaff(t);
    leader = staff.leader;
    for (const d of [intake, introduction, followUp]) await procedureInForce(t, staff, d);
    programme = (
      await activateProgramme(
        t,
        staff.qm,
        (await createProgramme(t, staff.qm, { startDate: '2026-03-02', endDate: '2026-12-18', leaderIds: [leader.id] })).id,
      )
    ).id;
  });

  afterAll(async () => {
    t.setToday(undefined);
    await t.close();
  });

  it('shows an applicant the intake as owed and the procedures for the enrolled as not applicable', async () => {
    const a = await applicant('Matrix Applicant');
    const row = await matrixRow(a.id);
    expect(row.subject.status).toBe('applicant');
    const cell = (key: string) => row.cells.find((c) => c.procedureKey === key)!;
    expect(cell(intake.key).status).toBe('due');
    expect(cell(introduction.key)).toMatchObject({ status: 'not_applicable', notApplicable: { reason: 'applies_when' } });
  });

  it('admits on completion: the applicant is enrolled on the day of the decision, by its own audit event', async () => {
    const a = await applicant('Admitted Applicant');
    const { executionId } = await decide(a.id, 'admitted');
    expect((await participant(a.id)).status).toBe('applicant');
    expectStatus(await complete(executionId), 200, 'completing');
    expect(await participant(a.id)).toMatchObject({
      status: 'active',
      enrolledAt: '2026-02-15',
      consentRecordedAt: '2026-02-15',
      admissionDecidedAt: '2026-02-15',
    });
    const event = (await auditOf(t, a.id)).at(-1)!;
    expect(event.action).toBe('participant.status_changed');
    expect(event.changes.status).toEqual({ old: 'applicant', new: 'active' });
    expect(event.changes.enrolledAt).toEqual({ old: null, new: '2026-02-15' });
    expect(event.changes.cause.new).toEqual({
      kind: 'procedure_effect',
      executionId,
      procedureKey: intake.key,
      stepKey: 'decision',
      fieldKey: 'decision',
      value: 'admitted',
      via: 'completion',
    });
    const row = await matrixRow(a.id);
    expect(row.cells.find((c) => c.procedureKey === intake.key)!.status).toBe('conforming');
    expect(row.cells.find((c) => c.procedureKey === introduction.key)!.status).toBe('not_yet_due');
  });

  it('wait-lists, and a later intake admits from the waiting list', async () => {
    const a = await applicant('Waiting Applicant');
    expectStatus(await complete((await decide(a.id, 'waiting_list')).executionId), 200, 'completing');
    expect(await participant(a.id)).toMatchObject({ status: 'waiting_list', enrolledAt: null, admissionDecidedAt: '2026-02-15' });
    expectStatus(await complete((await decide(a.id, 'waiting_list')).executionId), 200, 'a second waiting-list decision');
    expect((await participant(a.id)).status).toBe('waiting_list');
    expectStatus(await complete((await decide(a.id, 'admitted')).executionId), 200, 'admitting');
    expect((await participant(a.id)).status).toBe('active');
  });

  it('rejects: someone not admitted owes nothing more and nothing more is started for them', async () => {
    const a = await applicant('Rejected Applicant');
    expectStatus(await complete((await decide(a.id, 'not_admitted')).executionId), 200, 'completing');
    expect((await participant(a.id)).status).toBe('not_admitted');
    const row = await matrixRow(a.id);
    expect(row.cells.find((c) => c.procedureKey === intake.key)!.status).toBe('conforming');
    expect(row.cells.find((c) => c.procedureKey === introduction.key)!.status).toBe('not_applicable');
    expectProblem(
      await t.http
        .post(`/api/programmes/${programme}/executions`)
        .set(...bearer(leader))
        .send({ procedureKey: intake.key, subject: { participantId: a.id } }),
      409,
      'subject_inactive',
    );
  });

  it('starts for an applicant only what names their status: the rest is for enrolled participants', async () => {
    const a = await applicant('Waiting Applicant');
    expectStatus(await complete((await decide(a.id, 'waiting_list')).executionId), 200, 'completing');
    const refused = await t.http
      .post(`/api/programmes/${programme}/executions`)
      .set(...bearer(leader))
      .send({ procedureKey: introduction.key, subject: { participantId: a.id } });
    expectProblem(refused, 409, 'subject_inactive');
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'subject.participantId' })]);
    expect(await t.sql(`SELECT id FROM execution WHERE participant_id = $1 AND procedure_key = $2`, [a.id, introduction.key])).toEqual([]);
  });

  it('makes no change for a value without an effect', async () => {
    const a = await applicant('Postponed Applicant');
    expectStatus(await complete((await decide(a.id, 'postponed')).executionId), 200, 'completing');
    expect((await participant(a.id)).status).toBe('applicant');
  });

  it('refuses a change that is not allowed, naming the field, and leaves everything as it was', async () => {
    const enrolled = await addParticipant(t, leader, programme, { role: 'adept', enrolledAt: '2026-02-02' });
    const before = (await auditOf(t, enrolled.id)).length;
    const { executionId } = await decide(enrolled.id, 'not_admitted');
    const res = await complete(executionId);
    expectProblem(res, 409, 'effect_not_allowed');
    expect(res.body).toMatchObject({
      stepKey: 'decision',
      fieldKey: 'decision',
      value: 'not_admitted',
      subjectStatus: 'active',
      targetStatus: 'not_admitted',
    });
    expect(res.body.detail).toMatch(/decision\.decision = not_admitted/);
    expect((await participant(enrolled.id)).status).toBe('active');
    expect((await auditOf(t, enrolled.id)).length).toBe(before);
    const e = expectStatus(await t.http.get(`/api/executions/${executionId}`).set(...bearer(leader)), 200, 'the execution');
    expect(e.state).toBe('open');
    // Admitting someone already enrolled changes nothing and is no reason to refuse.
    const recordId = e.steps.find((x: { current: boolean }) => x.current).id as string;
    expectStatus(await correct(executionId, recordId, { consent: true, decision: 'admitted' }), 201, 'correcting the open record');
    expectStatus(await complete(executionId), 200, 'completing with admitted');
    expect((await participant(enrolled.id)).status).toBe('active');
    expect((await auditOf(t, enrolled.id)).length).toBe(before);
  });

  describe('corrections', () => {
    it('a correction in force makes the new value’s effect (waiting list → admitted)', async () => {
      const a = await applicant('Corrected Applicant');
      const { executionId, recordId } = await decide(a.id, 'waiting_list');
      expectStatus(await complete(executionId), 200, 'completing');
      expectStatus(await correct(executionId, recordId, { consent: true, decision: 'admitted' }), 201, 'correcting');
      expect(await participant(a.id)).toMatchObject({ status: 'active', enrolledAt: '2026-02-15' });
      const event = (await auditOf(t, a.id)).at(-1)!;
      expect(event.changes.cause.new).toMatchObject({ via: 'correction', value: 'admitted', executionId });
    });

    it('refuses a correction whose effect is not allowed (admitted → not admitted), and nothing changes', async () => {
      const a = await applicant('Enrolled Then Corrected');
      const { executionId, recordId } = await decide(a.id, 'admitted');
      expectStatus(await complete(executionId), 200, 'completing');
      const res = await correct(executionId, recordId, { consent: true, decision: 'not_admitted' });
      expectProblem(res, 409, 'effect_not_allowed');
      expect((await participant(a.id)).status).toBe('active');
      const e = expectStatus(await t.http.get(`/api/executions/${executionId}`).set(...bearer(leader)), 200, 'the execution');
      expect(e.steps.filter((s: { current: boolean }) => s.current).map((s: { id: string }) => s.id)).toEqual([recordId]);
    });

    it('does not admit on a record without consent: the completion is refused, naming the value, and nothing changes', async () => {
      const a = await applicant('No Consent Applicant');
      const { executionId } = await decide(a.id, 'admitted', false);
      const refused = await complete(executionId);
      expectProblem(refused, 409, 'effect_not_allowed');
      expect(refused.body.detail).toMatch(/decision\.decision admits the applicant, but the record does not conform/);
      expect(refused.body.detail).toMatch(/consent/);
      const p = await participant(a.id);
      expect(p).toMatchObject({ status: 'applicant', enrolledAt: null, consentRecordedAt: null });
      const e = expectStatus(await t.http.get(`/api/executions/${executionId}`).set(...bearer(leader)), 200, 'the execution');
      expect(e.state).toBe('open');
    });

    it('refuses a correction to a value without an effect that would undo an effect made', async () => {
      const a = await applicant('Undone Applicant');
      const { executionId, recordId } = await decide(a.id, 'waiting_list');
      expectStatus(await complete(executionId), 200, 'completing');
      expectProblem(await correct(executionId, recordId, { consent: true, decision: 'postponed' }), 409, 'effect_not_allowed');
      expect((await participant(a.id)).status).toBe('waiting_list');
    });

    it('a correction held for approval takes effect on approval, and an approval whose effect is not allowed is refused', async () => {
      // Consent "no" makes the execution nonconforming: a correction that clears it waits for a quality manager.
      const a = await applicant('Held Applicant');
      const held = await decide(a.id, 'waiting_list', false);
      expectStatus(await complete(held.executionId), 200, 'completing');
      const asked = await correct(held.executionId, held.recordId, { consent: true, decision: 'admitted' });
      expect(asked.status).toBe(202);
      expect((await participant(a.id)).status).toBe('waiting_list');
      const pending = asked.body.corrections.find((c: { state: string }) => c.state === 'pending').id;
      const approve = (executionId: string, correctionId: string) =>
        t.http
          .post(`/api/executions/${executionId}/corrections/${correctionId}/approve`)
          .set(...bearer(staff.approver))
          .send({ reason: 'Consent form found in the folder', password: staff.approver.password });
      expectStatus(await approve(held.executionId, pending), 200, 'approving');
      expect((await participant(a.id)).status).toBe('active');

      // Not admitted on a record without consent; a correction to the waiting list clears the
      // nonconformity and waits for approval, which is refused: someone not admitted stays so.
      const b = await applicant('Refused Approval');
      const other = await decide(b.id, 'not_admitted', false);
      expectStatus(await complete(other.executionId), 200, 'completing');
      const asked2 = await correct(other.executionId, other.recordId, { consent: true, decision: 'waiting_list' });
      expect(asked2.status).toBe(202);
      const pending2 = asked2.body.corrections.find((c: { state: string }) => c.state === 'pending').id;
      const refused = await approve(other.executionId, pending2);
      expectProblem(refused, 409, 'effect_not_allowed');
      expect((await participant(b.id)).status).toBe('not_admitted');
      const e = expectStatus(await t.http.get(`/api/executions/${other.executionId}`).set(...bearer(leader)), 200, 'the execution');
      expect(e.corrections.find((c: { id: string }) => c.id === pending2).state).toBe('pending');
    });
  });

  it('ends a pair when the match ended, freeing the adept for a rematch', async () => {
    const adept = await addParticipant(t, leader, programme, { role: 'adept', enrolledAt: '2026-02-02' });
    const mentor = await addParticipant(t, leader, programme, { role: 'mentor', enrolledAt: '2026-02-02' });
    const newMentor = await addParticipant(t, leader, programme, { role: 'mentor', enrolledAt: '2026-02-02' });
    const pair = await addPair(t, leader, programme, mentor.id, adept.id, '2026-02-03');
    const e = await startExecution(t, leader, programme, followUp.key, { pairId: pair.id });
    await recordStep(t, leader, e.id, { stepKey: 'talk', values: { match_ended: true }, performedAt: PERFORMED });
    await completeExecution(t, leader, e.id);
    const pairs = expectStatus(await t.http.get(`/api/programmes/${programme}/pairs`).set(...bearer(leader)), 200, 'pairs');
    expect(pairs.find((p: { id: string }) => p.id === pair.id)).toMatchObject({ active: false, endedAt: '2026-02-15' });
    const event = (await auditOf(t, pair.id)).at(-1)!;
    expect(event.action).toBe('pair.status_changed');
    expect(event.changes.cause.new).toMatchObject({ fieldKey: 'match_ended', value: true });
    await addPair(t, leader, programme, newMentor.id, adept.id, '2026-02-16');
  });
});
