/**
 * The conformance matrix on a programme where every status is present, with totals and rates
 * per procedure and per version checked against the data. This file's library holds exactly the
 * four procedures below, so the programme's plan is known.
 */
import { expectProblem } from './support/expectations.js';
import {
  addPair,
  addParticipant,
  approveNextVersion,
  createStaff,
  executeProcedure,
  procedureDefinition,
  programmeFixture,
  recordStep,
  startExecution,
  textStep,
} from './support/programmes.js';
import type { Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

// Programme 2025-03-03 .. 2025-08-29 (midpoint 2025-05-31), drawn as of 2025-03-10.
const intake = procedureDefinition('mx-intake', { window: { anchor: 'enrolment', fromDays: 0, toDays: 20 } });
const intakeV2 = procedureDefinition('mx-intake', {
  window: { anchor: 'enrolment', fromDays: 0, toDays: 20 },
  steps: [textStep('meet'), textStep('follow_up', { required: false })],
});
const final = procedureDefinition('mx-final', { window: { anchor: 'programme_end', fromDays: -30, toDays: 30 } });
const intro = procedureDefinition('mx-intro', { subject: 'cohort', window: { anchor: 'programme_start', fromDays: -14, toDays: 7 } });
const pairFollowUp = procedureDefinition('mx-pair', {
  subject: 'pair',
  window: { anchor: 'programme_midpoint', fromDays: -30, toDays: 30 },
});
const meet = (day: string) => ({ stepKey: 'meet', values: { summary: 'Met and talked' }, performedAt: `${day}T10:00:00+01:00` });

type Cell = {
  procedureKey: string;
  status: string;
  executionId: string | null;
  versionNumber: number;
  window: { from: string; to: string } | null;
};
type Row = { subject: { type: string; id: string; code: string; status: string }; cells: Cell[] };
type Matrix = {
  programmeId: string;
  today: string;
  procedures: unknown[];
  rows: Row[];
  totals: {
    byStatus: Record<string, number>;
    byProcedure: { procedureKey: string; counts: Record<string, number>; rate: unknown }[];
    byVersion: unknown[];
  };
};

const zero = {
  not_applicable: 0,
  not_yet_due: 0,
  due: 0,
  overdue: 0,
  in_progress: 0,
  conforming: 0,
  conforming_after_correction: 0,
  nonconforming: 0,
  cadence_missed: 0,
};

describe('conformance matrix', () => {
  let t: TestApp;
  let staff: Staff;
  let programmeId: string;
  const a: Record<string, { id: string; code: string; fullName: string }> = {};
  const executions: Record<string, string> = {};
  let pairId: string;

  const matrix = async (today: string, as = staff.qm): Promise<Matrix> => {
    const res = await t.http.get(`/api/programmes/${programmeId}/conformance?today=${today}`).set(...bearer(as));
    expect(res.status).toBe(200);
    return res.body;
  };
  const cell = (m: Matrix, subjectId: string, key: string) =>
    m.rows.find((r) => r.subject.id === subjectId)!.cells.find((c) => c.procedureKey === key)!;
  const statuses = (m: Matrix, key: string) => Object.fromEntries(Object.entries(a).map(([name, p]) => [name, cell(m, p.id, key).status]));

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    const fx = await programmeFixture(t, {
      staff,
      procedures: [intake, final, intro, pairFollowUp],
      startDate: '2025-03-03',
      endDate: '2025-08-29',
    });
    programmeId = fx.programme.id;
    const enrol = async (name: string, enrolledAt: string) =>
      (a[name] = await addParticipant(t, staff.leader, programmeId, { role: 'adept', enrolledAt }));
    for (const name of ['conforming', 'nonconforming', 'overdue', 'withdrawn']) await enrol(name, '2025-01-10'); // window 01-10 .. 01-30
    for (const name of ['due', 'inProgress', 'onV2']) await enrol(name, '2025-03-01'); // window 03-01 .. 03-21
    const mentor = await addParticipant(t, staff.leader, programmeId, { role: 'mentor', enrolledAt: '2025-01-10' });
    pairId = (await addPair(t, staff.leader, programmeId, mentor.id, a.conforming.id, '2025-01-20')).id;

    const run = async (name: string, day: string) =>
      (executions[name] = (
        await executeProcedure(t, staff.leader, programmeId, 'mx-intake', { participantId: a[name].id }, [meet(day)])
      ).id);
    await run('conforming', '2025-01-15');
    await run('nonconforming', '2025-02-05');
    await run('withdrawn', '2025-01-12');
    await t.http
      .post(`/api/programmes/${programmeId}/participants/${a.withdrawn.id}/withdraw`)
      .set(...bearer(staff.leader))
      .send({ date: '2025-03-05', reason: 'Moved away' })
      .expect(200);
    executions.inProgress = (await startExecution(t, staff.leader, programmeId, 'mx-intake', { participantId: a.inProgress.id })).id;
    await recordStep(t, staff.leader, executions.inProgress, meet('2025-03-05'));
    executions.cohort = (await executeProcedure(t, staff.leader, programmeId, 'mx-intro', { cohort: true }, [meet('2025-03-03')])).id;

    await approveNextVersion(t, staff, intakeV2, 'Optional follow-up call');
    await t.http
      .post(`/api/programmes/${programmeId}/procedure-plan/migrate`)
      .set(...bearer(staff.qm))
      .send({ procedureKey: 'mx-intake', toVersion: 2, reason: 'Adopt the follow-up call', moveOpenExecutions: true })
      .expect(200);
    await run('onV2', '2025-03-06');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows every status, with execution and version per cell', async () => {
    const m = await matrix('2025-03-10');
    expect(m).toMatchObject({ programmeId, today: '2025-03-10' });
    expect(m.procedures).toEqual([
      expect.objectContaining({ procedureKey: 'mx-final', versionNumber: 1, subject: 'adept' }),
      expect.objectContaining({ procedureKey: 'mx-intake', versionNumber: 2, subject: 'adept' }),
      expect.objectContaining({ procedureKey: 'mx-intro', versionNumber: 1, subject: 'cohort' }),
      expect.objectContaining({ procedureKey: 'mx-pair', versionNumber: 1, subject: 'pair' }),
    ]);
    expect(statuses(m, 'mx-intake')).toEqual({
      conforming: 'conforming',
      nonconforming: 'nonconforming',
      overdue: 'overdue',
      withdrawn: 'conforming',
      due: 'due',
      inProgress: 'in_progress',
      onV2: 'conforming',
    });
    expect(statuses(m, 'mx-final')).toEqual({
      conforming: 'not_yet_due',
      nonconforming: 'not_yet_due',
      overdue: 'not_yet_due',
      withdrawn: 'not_applicable',
      due: 'not_yet_due',
      inProgress: 'not_yet_due',
      onV2: 'not_yet_due',
    });
    // Cells with an execution show its id and the version it follows; others the plan's version.
    expect(cell(m, a.conforming.id, 'mx-intake')).toEqual({
      procedureKey: 'mx-intake',
      status: 'conforming',
      executionId: executions.conforming,
      pendingCorrection: false,
      versionNumber: 1,
      window: { from: '2025-01-10', to: '2025-01-30' },
    });
    expect(cell(m, a.inProgress.id, 'mx-intake')).toEqual({
      procedureKey: 'mx-intake',
      status: 'in_progress',
      executionId: executions.inProgress,
      pendingCorrection: false,
      versionNumber: 2,
      window: { from: '2025-03-01', to: '2025-03-21' },
    });
    expect(cell(m, a.due.id, 'mx-intake')).toEqual({
      procedureKey: 'mx-intake',
      status: 'due',
      executionId: null,
      pendingCorrection: false,
      versionNumber: 2,
      window: { from: '2025-03-01', to: '2025-03-21' },
    });
    expect(cell(m, a.withdrawn.id, 'mx-final')).toMatchObject({
      status: 'not_applicable',
      executionId: null,
      window: { from: '2025-07-30', to: '2025-09-28' },
    });
    expect(m.rows.find((r) => r.subject.id === a.withdrawn.id)!.subject.status).toBe('withdrawn');

    const pairRow = m.rows.find((r) => r.subject.id === pairId)!;
    expect(pairRow.subject.type).toBe('pair');
    expect(pairRow.cells).toEqual([
      {
        procedureKey: 'mx-pair',
        status: 'not_yet_due',
        executionId: null,
        pendingCorrection: false,
        versionNumber: 1,
        window: { from: '2025-05-01', to: '2025-06-30' },
      },
    ]);
    const cohortRow = m.rows.find((r) => r.subject.type === 'cohort')!;
    expect(cohortRow.subject).toMatchObject({ id: programmeId, code: 'cohort' });
    expect(cohortRow.cells).toEqual([
      {
        procedureKey: 'mx-intro',
        status: 'conforming',
        executionId: executions.cohort,
        pendingCorrection: false,
        versionNumber: 1,
        window: { from: '2025-02-17', to: '2025-03-10' },
      },
    ]);
    // Seven adepts and the pair and the cohort; the mentor owes none of these procedures.
    expect(m.rows).toHaveLength(9);
  });

  it('counts statuses and rates per procedure and per version as the data says', async () => {
    const m = await matrix('2025-03-10');
    expect(m.totals.byStatus).toEqual({
      not_applicable: 1,
      not_yet_due: 7,
      due: 1,
      overdue: 1,
      in_progress: 1,
      conforming: 4,
      conforming_after_correction: 0,
      nonconforming: 1,
      cadence_missed: 0,
    });
    const fromRows = { ...zero } as Record<string, number>;
    for (const r of m.rows) for (const c of r.cells) fromRows[c.status]++;
    expect(m.totals.byStatus).toEqual(fromRows);

    expect(m.totals.byProcedure).toEqual([
      {
        procedureKey: 'mx-final',
        counts: { ...zero, not_yet_due: 6, not_applicable: 1 },
        rate: { conforming: 0, completed: 0, rate: null },
      },
      {
        procedureKey: 'mx-intake',
        counts: { ...zero, conforming: 3, nonconforming: 1, overdue: 1, due: 1, in_progress: 1 },
        rate: { conforming: 3, completed: 4, rate: 0.75 },
      },
      { procedureKey: 'mx-intro', counts: { ...zero, conforming: 1 }, rate: { conforming: 1, completed: 1, rate: 1 } },
      { procedureKey: 'mx-pair', counts: { ...zero, not_yet_due: 1 }, rate: { conforming: 0, completed: 0, rate: null } },
    ]);
    // Per version: the completed executions judged against each version.
    const judged = await t.sql<{ procedure_key: string; version_number: number; conformance: string }>(
      `SELECT e.procedure_key, e.version_number, j.conformance FROM execution e JOIN execution_judgement j ON j.execution_id = e.id WHERE e.programme_id = $1 AND e.state = 'completed'`,
      [programmeId],
    );
    const perVersion = new Map<string, { conforming: number; completed: number }>();
    for (const j of judged) {
      const k = `${j.procedure_key} v${j.version_number}`;
      const r = perVersion.get(k) ?? { conforming: 0, completed: 0 };
      perVersion.set(k, { conforming: r.conforming + (j.conformance === 'conforming' ? 1 : 0), completed: r.completed + 1 });
    }
    expect(Object.fromEntries(perVersion)).toEqual({
      'mx-intake v1': { conforming: 2, completed: 3 },
      'mx-intake v2': { conforming: 1, completed: 1 },
      'mx-intro v1': { conforming: 1, completed: 1 },
    });
    expect(m.totals.byVersion).toEqual([
      { procedureKey: 'mx-intake', versionNumber: 1, rate: { conforming: 2, completed: 3, rate: 0.6667 } },
      { procedureKey: 'mx-intake', versionNumber: 2, rate: { conforming: 1, completed: 1, rate: 1 } },
      { procedureKey: 'mx-intro', versionNumber: 1, rate: { conforming: 1, completed: 1, rate: 1 } },
    ]);
  });

  it('moves due and in-progress subjects to overdue the day after the window closes', async () => {
    const lastDay = await matrix('2025-03-21');
    expect([cell(lastDay, a.due.id, 'mx-intake').status, cell(lastDay, a.inProgress.id, 'mx-intake').status]).toEqual([
      'due',
      'in_progress',
    ]);
    const dayAfter = await matrix('2025-03-22');
    expect([cell(dayAfter, a.due.id, 'mx-intake').status, cell(dayAfter, a.inProgress.id, 'mx-intake').status]).toEqual([
      'overdue',
      'overdue',
    ]);
    expect(dayAfter.totals.byStatus).toMatchObject({ due: 0, in_progress: 0, overdue: 3 });
    const before = await matrix('2025-02-28');
    expect(cell(before, a.due.id, 'mx-intake').status).toBe('not_yet_due');
    expectProblem(
      await t.http.get(`/api/programmes/${programmeId}/conformance?today=2025-02-30`).set(...bearer(staff.qm)),
      400,
      'validation_failed',
    );
  });

  it('shows auditors pseudonymous codes only', async () => {
    const auditor = await t.user(['auditor']);
    const m = await matrix('2025-03-10', auditor);
    expect(m.rows.find((r) => r.subject.id === a.overdue.id)!.subject).toEqual({
      type: 'adept',
      id: a.overdue.id,
      code: a.overdue.code,
      status: 'active',
    });
    const text = JSON.stringify(m);
    for (const p of Object.values(a)) expect(text).not.toContain(p.fullName);
  });

  it('follows the latest judgement after a correction', async () => {
    const view = (await t.http.get(`/api/executions/${executions.nonconforming}`).set(...bearer(staff.leader))).body;
    await t.http
      .post(`/api/executions/${executions.nonconforming}/steps/${view.steps[0].id}/corrections`)
      .set(...bearer(staff.leader))
      .send({
        values: { summary: 'Met and talked' },
        performedAt: '2025-01-28T10:00:00+01:00',
        reason: 'The meeting was on 28 January; the date was mistyped',
      })
      .expect(202);
    // Held until a quality manager approves: the cell stays nonconforming, with the correction pending.
    const held = await matrix('2025-03-10');
    expect(cell(held, a.nonconforming.id, 'mx-intake')).toMatchObject({ status: 'nonconforming', pendingCorrection: true });
    const [pending] = (await t.http.get(`/api/executions/${executions.nonconforming}`).set(...bearer(staff.qm))).body.corrections;
    await t.http
      .post(`/api/executions/${executions.nonconforming}/corrections/${pending.id}/approve`)
      .set(...bearer(staff.qm))
      .send({ reason: 'The calendar shows 28 January', password: staff.qm.password })
      .expect(200);
    const m = await matrix('2025-03-10');
    // Conforming after correction: counted as conforming in rates, shown apart.
    expect(cell(m, a.nonconforming.id, 'mx-intake')).toMatchObject({ status: 'conforming_after_correction', pendingCorrection: false });
    expect(m.totals.byProcedure.find((p) => p.procedureKey === 'mx-intake')!.rate).toEqual({ conforming: 4, completed: 4, rate: 1 });
    expect(m.totals.byVersion[0]).toEqual({ procedureKey: 'mx-intake', versionNumber: 1, rate: { conforming: 3, completed: 3, rate: 1 } });
  });
});
