/**
 * Every conformance rule, each way, through the API: a conforming execution and a nonconforming
 * one per rule, judged when the execution is completed. (Window edges and competence gating on
 * exact days are in conformance-windows.e2e-spec.ts.)
 */
import {
  approveNextVersion,
  completeExecution,
  createStaff,
  executeProcedure,
  procedureDefinition,
  programmeFixture,
  recordStep,
  startExecution,
  textStep,
} from './support/programmes.js';
import type { ProgrammeFixture, Staff, StepInput } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

// The programme starts 2025-03-03 (Stockholm); these procedures' window is day -30..0 = 2025-02-01..2025-03-03.
const WINDOW = { anchor: 'programme_start' as const, fromDays: -30, toDays: 0 };
const at = (hour: number) => `2025-02-20T${String(hour).padStart(2, '0')}:00:00+01:00`;
const summary = { summary: 'Talked about goals and the CV' };

const missing = procedureDefinition('rule-missing', {
  window: WINDOW,
  ordered: false,
  steps: [textStep('prepare'), textStep('interview'), textStep('follow_up', { required: false })],
});
const ordered = procedureDefinition('rule-order', { window: WINDOW, ordered: true, steps: [textStep('prepare'), textStep('interview')] });
const role = procedureDefinition('rule-role', { window: WINDOW, steps: [textStep('interview', { performerRoles: ['programme_leader'] })] });
const fields = procedureDefinition('rule-fields', { window: WINDOW, steps: [textStep('interview')] });
const fieldsV2 = procedureDefinition('rule-fields', {
  window: WINDOW,
  steps: [
    textStep('interview', {
      fields: [...textStep('x').fields, { key: 'goal', label: { en: 'Professional goal' }, type: 'text', required: true }],
    }),
  ],
});

type Finding = { rule: string; stepKey?: string; fieldKey?: string; recordId?: string; detail: string };
const brief = (findings: Finding[]) => findings.map((f) => ({ rule: f.rule, stepKey: f.stepKey, fieldKey: f.fieldKey }));

describe('conformance rules, each way', () => {
  let t: TestApp;
  let staff: Staff;
  let fx: ProgrammeFixture;
  let nextAdept = 0;
  const adept = () => ({ participantId: fx.adepts[nextAdept++].id });
  const run = (procedureKey: string, steps: StepInput[]) =>
    executeProcedure(t, staff.leader, fx.programme.id, procedureKey, adept(), steps);

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    fx = await programmeFixture(t, {
      staff,
      procedures: [missing, ordered, role, fields],
      startDate: '2025-03-03',
      endDate: '2025-12-19',
      adepts: 16,
      enrolledAt: '2025-01-15',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectConforming = (e: { conformance: string; findings: Finding[]; judgements: { cause: string; conformance: string }[] }) => {
    expect(e.findings).toEqual([]);
    expect(e.conformance).toBe('conforming');
    expect(e.judgements).toEqual([expect.objectContaining({ seq: 1, cause: 'completion', conformance: 'conforming' })]);
  };

  it('missing_step: every required step recorded conforms (optional ones may be left out); a required step without a record does not', async () => {
    const complete = await run('rule-missing', [
      { stepKey: 'prepare', values: summary, performedAt: at(9) },
      { stepKey: 'interview', values: summary, performedAt: at(10) },
    ]);
    expectConforming(complete);
    expect(complete).toMatchObject({
      state: 'completed',
      procedureKey: 'rule-missing',
      versionNumber: 1,
      window: { from: '2025-02-01', to: '2025-03-03' },
    });

    const partial = await run('rule-missing', [{ stepKey: 'prepare', values: summary, performedAt: at(9) }]);
    expect(partial.conformance).toBe('nonconforming');
    expect(brief(partial.findings)).toEqual([{ rule: 'missing_step', stepKey: 'interview' }]);
    expect(partial.findings[0].detail).toContain('interview');
    expect(partial.judgements).toEqual([
      expect.objectContaining({ seq: 1, cause: 'completion', conformance: 'nonconforming', versionNumber: 1 }),
    ]);
  });

  it('order: steps performed in the defined order conform, in whatever order they were entered; performed out of order they do not', async () => {
    expectConforming(
      await run('rule-order', [
        { stepKey: 'prepare', values: summary, performedAt: at(9) },
        { stepKey: 'interview', values: summary, performedAt: at(10) },
      ]),
    );
    // Entered afterwards in another order: what counts is when each step was performed.
    expectConforming(
      await run('rule-order', [
        { stepKey: 'interview', values: summary, performedAt: at(10) },
        { stepKey: 'prepare', values: summary, performedAt: at(9) },
      ]),
    );
    const reversed = await run('rule-order', [
      { stepKey: 'prepare', values: summary, performedAt: at(10) },
      { stepKey: 'interview', values: summary, performedAt: at(9) },
    ]);
    expect(reversed.conformance).toBe('nonconforming');
    expect(brief(reversed.findings)).toEqual([{ rule: 'order', stepKey: 'interview' }]);
    const interview = reversed.steps.find((s: { stepKey: string }) => s.stepKey === 'interview');
    expect(reversed.findings[0].recordId).toBe(interview.id);

    // The same reversal where the procedure does not fix the order.
    expectConforming(
      await run('rule-missing', [
        { stepKey: 'interview', values: summary, performedAt: at(9) },
        { stepKey: 'prepare', values: summary, performedAt: at(10) },
      ]),
    );
  });

  it('performer_role: a performer holding an allowed role conforms, whoever enters the record; another role does not', async () => {
    expectConforming(await run('rule-role', [{ stepKey: 'interview', values: summary, performedAt: at(10) }]));
    // Entered by the quality manager on behalf of the leader who held the interview.
    const onBehalf = await startExecution(t, staff.qm, fx.programme.id, 'rule-role', adept());
    await recordStep(t, staff.qm, onBehalf.id, {
      stepKey: 'interview',
      values: summary,
      performedAt: at(10),
      performedById: staff.leader.id,
    });
    const entered = await completeExecution(t, staff.qm, onBehalf.id);
    expectConforming(entered);
    expect(entered.steps[0]).toMatchObject({
      performedById: staff.leader.id,
      performedByName: staff.leader.name,
      recordedById: staff.qm.id,
    });

    const byQm = await run('rule-role', [{ stepKey: 'interview', values: summary, performedAt: at(10), performedById: staff.qm.id }]);
    expect(byQm.conformance).toBe('nonconforming');
    expect(brief(byQm.findings)).toEqual([{ rule: 'performer_role', stepKey: 'interview' }]);
    expect(byQm.findings[0].detail).toMatch(/programme_leader.*quality_manager/);
  });

  it('missing_field: an open execution moved to a version with a new required field lacks it; one recorded under that version conforms', async () => {
    const before = await startExecution(t, staff.leader, fx.programme.id, 'rule-fields', adept());
    await recordStep(t, staff.leader, before.id, { stepKey: 'interview', values: summary, performedAt: at(10) });
    await approveNextVersion(t, staff, fieldsV2, 'The professional goal is recorded in the interview');
    const migrated = await t.http
      .post(`/api/programmes/${fx.programme.id}/procedure-plan/migrate`)
      .set(...bearer(staff.qm))
      .send({ procedureKey: 'rule-fields', toVersion: 2, reason: 'Adopt the goal field now', moveOpenExecutions: true });
    expect(migrated.status).toBe(200);

    const lacking = await completeExecution(t, staff.leader, before.id);
    expect(lacking.versionNumber).toBe(2);
    expect(lacking.conformance).toBe('nonconforming');
    expect(brief(lacking.findings)).toEqual([{ rule: 'missing_field', stepKey: 'interview', fieldKey: 'goal' }]);
    expect(lacking.findings[0].recordId).toBe(lacking.steps[0].id);

    const after = await run('rule-fields', [
      { stepKey: 'interview', values: { ...summary, goal: 'Work as a pharmacist in a hospital' }, performedAt: at(10) },
    ]);
    expect(after.versionNumber).toBe(2);
    expectConforming(after);
  });

  it('outside_window: a step performed inside the window conforms, one performed after it closed does not', async () => {
    expectConforming(await run('rule-role', [{ stepKey: 'interview', values: summary, performedAt: '2025-03-03T12:00:00+01:00' }]));
    const late = await run('rule-role', [{ stepKey: 'interview', values: summary, performedAt: '2025-03-10T12:00:00+01:00' }]);
    expect(late.conformance).toBe('nonconforming');
    expect(brief(late.findings)).toEqual([{ rule: 'outside_window', stepKey: 'interview' }]);
    expect(late.findings[0].detail).toContain('7 days after the window closed');
  });

  it('judges several rules at once, and the judgement is stored with the version it was made against', async () => {
    const bad = await run('rule-order', [
      { stepKey: 'interview', values: summary, performedAt: '2025-04-01T10:00:00+02:00', performedById: staff.qm.id },
    ]);
    expect(brief(bad.findings)).toEqual([
      { rule: 'missing_step', stepKey: 'prepare' },
      { rule: 'outside_window', stepKey: 'interview' },
    ]);
    const [stored] = await t.sql<{ conformance: string; version_number: number; content_hash: string; findings: Finding[] }>(
      `SELECT conformance, version_number, content_hash, findings FROM execution_judgement WHERE execution_id = $1`,
      [bad.id],
    );
    expect(stored).toMatchObject({ conformance: 'nonconforming', version_number: 1, content_hash: bad.contentHash });
    expect(brief(stored.findings)).toEqual(brief(bad.findings));
  });
});
