/**
 * The grown procedure language over HTTP: a value other than expected is a finding that opens one
 * deviation per execution, rule and field (not again on rescans or re-judgements); a field required
 * under a condition; multiselect and checklist values; a procedure that applies only to some
 * subjects (not_applicable in the matrix, with its reason, and never overdue); definitions refused
 * with problems naming the path.
 */
import { expectProblem, problemFields } from './support/expectations.js';
import { createStaff, procedureDefinition, programmeFixture, recordStep, startExecution } from './support/programmes.js';
import type { Staff } from './support/programmes.js';
import type { ProcedureDefinition } from '../src/procedures/procedure-definition.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const intake = procedureDefinition('pl-intake', {
  window: { anchor: 'enrolment', fromDays: 0, toDays: 730 },
  steps: [
    {
      key: 'interview',
      title: { en: 'Interview' },
      required: true,
      fields: [
        { key: 'consent', label: { en: 'Consent given' }, type: 'boolean', required: true, expected: true },
        { key: 'motivation', label: { en: 'Motivation' }, type: 'scale', required: true, min: 1, max: 5, expected: { min: 3 } },
        {
          key: 'decision',
          label: { en: 'Decision' },
          type: 'enum',
          required: true,
          options: [
            { value: 'admitted', label: { en: 'Admitted' } },
            { value: 'not_admitted', label: { en: 'Not admitted' } },
          ],
        },
        {
          key: 'reason',
          label: { en: 'Reason' },
          type: 'text',
          required: false,
          requiredWhen: { field: 'decision', equals: 'not_admitted' },
        },
        {
          key: 'topics',
          label: { en: 'Topics' },
          type: 'multiselect',
          required: true,
          min: 1,
          max: 2,
          options: [
            { value: 'goals', label: { en: 'Goals' } },
            { value: 'work', label: { en: 'Work' } },
            { value: 'studies', label: { en: 'Studies' } },
          ],
        },
        {
          key: 'introduced',
          label: { en: 'Introduced' },
          type: 'checklist',
          required: true,
          items: [
            { key: 'premises', label: { en: 'Premises' } },
            { key: 'rules', label: { en: 'House rules' } },
          ],
        },
      ],
    },
  ],
});
// Due around the programme end; only for adepts who did not leave.
const final = procedureDefinition('pl-final', {
  window: { anchor: 'programme_end', fromDays: -30, toDays: 30 },
  appliesWhen: { status: { in: ['active', 'completed'] } },
});
const plain = procedureDefinition('pl-plain', { window: { anchor: 'programme_end', fromDays: -30, toDays: 30 } });

const GOOD = { consent: true, motivation: 4, decision: 'admitted', topics: ['goals'], introduced: ['premises', 'rules'] };
const AT = '2025-03-05T10:00:00+01:00';

interface Deviation {
  id: string;
  title: string;
  rule: string | null;
  executionId: string | null;
  stepKey: string | null;
  description: string;
  participantId: string | null;
}

describe('the procedure language over HTTP', () => {
  let t: TestApp;
  let staff: Staff;
  let programmeId: string;
  let adepts: { id: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    const fx = await programmeFixture(t, {
      staff,
      procedures: [intake, final, plain],
      startDate: '2025-03-03',
      endDate: '2025-08-29',
      adepts: 4,
    });
    programmeId = fx.programme.id;
    adepts = fx.adepts;
    // Left before the window of pl-final closed (and before any scan ran).
    await t.http
      .post(`/api/programmes/${programmeId}/participants/${adepts[3].id}/withdraw`)
      .set(...bearer(staff.leader))
      .send({ date: '2025-08-20', reason: 'Moved away' })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const deviations = async () => {
    const res = await t.http
      .get('/api/deviations')
      .query({ programmeId, limit: '500' })
      .set(...bearer(staff.qm));
    expect(res.status).toBe(200);
    return res.body.items as Deviation[];
  };
  const post = (executionId: string, values: Record<string, unknown>) =>
    t.http
      .post(`/api/executions/${executionId}/steps`)
      .set(...bearer(staff.leader))
      .send({ stepKey: 'interview', values, performedAt: AT });

  it('judges values other than expected as findings and opens one deviation per field, not again on rescans or corrections', async () => {
    const ex = await startExecution(t, staff.leader, programmeId, 'pl-intake', { participantId: adepts[0].id });
    await recordStep(t, staff.leader, ex.id, { stepKey: 'interview', values: { ...GOOD, consent: false, motivation: 2 }, performedAt: AT });
    const done = await t.http.post(`/api/executions/${ex.id}/complete`).set(...bearer(staff.leader));
    expect(done.status).toBe(200);
    expect(done.body.conformance).toBe('nonconforming');
    const findings = (done.body.findings as { rule: string; stepKey: string; fieldKey: string; detail: string }[]).filter(
      (f) => f.rule === 'unexpected_value',
    );
    expect(findings.map((f) => [f.stepKey, f.fieldKey])).toEqual([
      ['interview', 'consent'],
      ['interview', 'motivation'],
    ]);
    expect(findings[0].detail).toContain('records "Consent given" (consent) as no; the procedure expects yes.');
    expect(findings[1].detail).toContain('as 2; the procedure expects at least 3.');

    const opened = (await deviations()).filter((d) => d.executionId === ex.id);
    expect(opened).toHaveLength(2);
    expect(opened.every((d) => d.rule === 'unexpected_value' && d.stepKey === 'interview' && d.participantId === adepts[0].id)).toBe(true);
    expect(opened.map((d) => d.title).sort()).toEqual([
      expect.stringContaining('unexpected value in field consent of step interview'),
      expect.stringContaining('unexpected value in field motivation of step interview'),
    ]);
    const keys = await t.sql<{ detection_key: string }>(
      `SELECT detection_key FROM deviation WHERE execution_id = $1 ORDER BY detection_key`,
      [ex.id],
    );
    expect(keys.map((k) => k.detection_key)).toEqual([
      `finding:${ex.id}:unexpected_value:interview.consent`,
      `finding:${ex.id}:unexpected_value:interview.motivation`,
    ]);

    // A rescan and a correction that leaves the values outside: no second deviation.
    for (let i = 0; i < 2; i++) {
      expect(
        (
          await t.http
            .post(`/api/programmes/${programmeId}/deviations/scan`)
            .set(...bearer(staff.leader))
            .send({})
        ).status,
      ).toBe(200);
    }
    const view = (await t.http.get(`/api/executions/${ex.id}`).set(...bearer(staff.leader))).body as { steps: { id: string }[] };
    const corrected = await t.http
      .post(`/api/executions/${ex.id}/steps/${view.steps[0].id}/corrections`)
      .set(...bearer(staff.leader))
      .send({ values: { ...GOOD, consent: false, motivation: 1 }, performedAt: AT, reason: 'Motivation was noted one point too high' });
    expect(corrected.status).toBe(201);
    expect(corrected.body.findings.filter((f: { rule: string }) => f.rule === 'unexpected_value')).toHaveLength(2);
    expect((await deviations()).filter((d) => d.executionId === ex.id)).toHaveLength(2);
  });

  it('requires a field while its condition holds, and refuses bad multiselect and checklist values naming the field', async () => {
    const ex = await startExecution(t, staff.leader, programmeId, 'pl-intake', { participantId: adepts[1].id });
    const missing = await post(ex.id, { ...GOOD, decision: 'not_admitted' });
    expectProblem(missing, 400, 'validation_failed');
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'values.reason', message: 'is required when decision is "not_admitted"', rule: 'required' }),
    ]);

    for (const [values, field] of [
      [{ ...GOOD, topics: ['goals', 'sports'] }, 'values.topics'],
      [{ ...GOOD, topics: ['goals', 'work', 'studies'] }, 'values.topics'],
      [{ ...GOOD, topics: [] }, 'values.topics'],
      [{ ...GOOD, introduced: 'premises' }, 'values.introduced'],
      [{ ...GOOD, introduced: ['premises', 'premises'] }, 'values.introduced'],
    ] as const) {
      const res = await post(ex.id, values);
      expectProblem(res, 400, 'validation_failed');
      expect(problemFields(res)).toEqual([field]);
    }
    expect(await t.sql(`SELECT 1 FROM execution_step_record WHERE execution_id = $1`, [ex.id])).toHaveLength(0);

    const ok = await post(ex.id, {
      ...GOOD,
      decision: 'not_admitted',
      reason: 'No place left this term',
      topics: ['work', 'goals'],
      introduced: [],
    });
    expect(ok.status).toBe(201);
    const [stored] = await t.sql<{ values: Record<string, unknown> }>(`SELECT values FROM execution_step_record WHERE execution_id = $1`, [
      ex.id,
    ]);
    expect(stored.values).toMatchObject({ topics: ['goals', 'work'], introduced: [], reason: 'No place left this term' });
    const done = await t.http.post(`/api/executions/${ex.id}/complete`).set(...bearer(staff.leader));
    // Nothing ticked: every item was expected.
    expect((done.body.findings as { rule: string; fieldKey: string }[]).map((f) => [f.rule, f.fieldKey])).toEqual([
      ['unexpected_value', 'introduced'],
    ]);
  });

  it('shows subjects outside a procedure’s applicability as not_applicable with the reason, and opens nothing for them', async () => {
    const gone = adepts[3];
    const res = await t.http.get(`/api/programmes/${programmeId}/conformance?today=2025-10-01`).set(...bearer(staff.qm));
    expect(res.status).toBe(200);
    type Cell = {
      procedureKey: string;
      status: string;
      notApplicable?: { reason: string; status: string; statuses?: string[]; detail: string };
    };
    const row = (res.body.rows as { subject: { id: string }; cells: Cell[] }[]).find((r) => r.subject.id === gone.id)!;
    const cell = (key: string) => row.cells.find((c) => c.procedureKey === key)!;
    expect(cell('pl-final')).toMatchObject({
      status: 'not_applicable',
      notApplicable: { reason: 'applies_when', status: 'withdrawn', statuses: ['active', 'completed'] },
    });
    expect(cell('pl-final').notApplicable!.detail).toBe(
      "Procedure pl-final applies only to subjects whose status is active or completed; this adept's status is withdrawn.",
    );
    // Without applicability the same adept, who left before the window closed, owes nothing either.
    expect(cell('pl-plain')).toMatchObject({ status: 'not_applicable', notApplicable: { reason: 'left', status: 'withdrawn' } });
    // The others are overdue and carry no reason.
    const other = (res.body.rows as { subject: { id: string }; cells: Cell[] }[]).find((r) => r.subject.id === adepts[2].id)!;
    expect(other.cells.find((c) => c.procedureKey === 'pl-final')).toMatchObject({ status: 'overdue' });
    expect(other.cells.find((c) => c.procedureKey === 'pl-final')!.notApplicable).toBeUndefined();

    const scan = await t.http
      .post(`/api/programmes/${programmeId}/deviations/scan`)
      .set(...bearer(staff.leader))
      .send({});
    expect(scan.status).toBe(200);
    const overdue = (await deviations()).filter((d) => d.rule === 'overdue' && d.title.includes('pl-final'));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.some((d) => d.participantId === gone.id)).toBe(false);
  });

  it('refuses definitions whose new constructs break the rules, naming the path', async () => {
    const bad: ProcedureDefinition = {
      ...procedureDefinition('pl-bad'),
      appliesWhen: { status: { in: ['ended'] } },
      steps: [
        {
          key: 'meet',
          title: { en: 'Meet' },
          required: true,
          fields: [
            { key: 'decision', label: { en: 'Decision' }, type: 'boolean', required: true, expected: { min: 1 } },
            { key: 'reason', label: { en: 'Reason' }, type: 'text', required: false, requiredWhen: { field: 'verdict', equals: true } },
          ],
        },
      ],
    };
    const res = await t.http
      .post('/api/procedures')
      .set(...bearer(staff.qm))
      .send({ definition: bad });
    expectProblem(res, 422, 'invalid_definition');
    expect(problemFields(res).sort()).toEqual(
      [
        'definition.appliesWhen.status.in[0]',
        'definition.steps[0].fields[0].expected',
        'definition.steps[0].fields[1].requiredWhen.field',
      ].sort(),
    );
  });
});
