/**
 * Recorded values against the grown procedure language: expected values (finding unexpected_value),
 * conditional requirements, multiselect and checklist values.
 */
import fc from 'fast-check';
import type { FieldDefinition, ProcedureDefinition, StepDefinition } from '../procedures/procedure-definition.js';
import { evaluateConformance, type StepRecordInput } from './conformance.js';
import { conditionHolds, isUnexpected, missingRequiredFields, validateStepValues } from './step-values.js';

const consent: FieldDefinition = { key: 'consent', label: { en: 'Consent given' }, type: 'boolean', required: true, expected: true };
const motivation: FieldDefinition = {
  key: 'motivation',
  label: { en: 'Motivation' },
  type: 'scale',
  required: true,
  min: 1,
  max: 5,
  expected: { min: 3 },
};
const decision: FieldDefinition = {
  key: 'decision',
  label: { en: 'Decision' },
  type: 'enum',
  required: true,
  options: [
    { value: 'admitted', label: { en: 'Admitted' } },
    { value: 'waiting_list', label: { en: 'Waiting list' } },
    { value: 'not_admitted', label: { en: 'Not admitted' } },
  ],
  expected: { oneOf: ['admitted', 'waiting_list'] },
};
const reason: FieldDefinition = {
  key: 'reason',
  label: { en: 'Reason' },
  type: 'text',
  required: false,
  requiredWhen: { field: 'decision', equals: 'not_admitted' },
};
const topics: FieldDefinition = {
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
};
const introduced: FieldDefinition = {
  key: 'introduced',
  label: { en: 'Introduced' },
  type: 'checklist',
  required: true,
  items: [
    { key: 'premises', label: { en: 'Premises' } },
    { key: 'rules', label: { en: 'House rules' } },
  ],
};

const step: StepDefinition = {
  key: 'interview',
  title: { en: 'Interview' },
  required: true,
  fields: [consent, motivation, decision, reason, topics, introduced],
};
const definition: ProcedureDefinition = {
  key: 'intake',
  title: { en: 'Intake' },
  purpose: { en: 'Admission' },
  subject: 'adept',
  responsibleRoles: ['programme_leader'],
  window: { anchor: 'enrolment', fromDays: 0, toDays: 30 },
  ordered: true,
  steps: [step],
};
const GOOD = { consent: true, motivation: 4, decision: 'admitted', topics: ['goals'], introduced: ['premises', 'rules'] };

function judge(values: Record<string, unknown>) {
  const record: StepRecordInput = {
    id: 'r1',
    stepKey: 'interview',
    values,
    performedAt: '2026-02-03T10:00:00Z',
    performedBy: { id: 'u1', roles: ['programme_leader'] },
    performerTraining: [],
    supersededById: null,
  };
  return evaluateConformance({
    definition,
    effectiveFrom: null,
    anchorDate: '2026-02-01',
    timeZone: 'Europe/Stockholm',
    records: [record],
  });
}

describe('recorded values: multiselect and checklist', () => {
  it('accepts option values and item keys, kept in the definition’s order', () => {
    const r = validateStepValues(step, { ...GOOD, topics: ['work', 'goals'], introduced: ['rules'] });
    expect(r).toEqual({ ok: true, values: { ...GOOD, topics: ['goals', 'work'], introduced: ['rules'] } });
  });

  it('refuses values that are not lists of known options or items, repeats, and counts out of bounds', () => {
    const errors = (values: Record<string, unknown>) => {
      const r = validateStepValues(step, { ...GOOD, ...values });
      return r.ok ? [] : r.errors.map(({ field, message }) => ({ field, message }));
    };
    expect(errors({ topics: 'goals' })).toEqual([
      { field: 'values.topics', message: 'must be a list of options from: goals, work, studies' },
    ]);
    expect(errors({ topics: ['goals', 'sports'] })).toEqual([
      { field: 'values.topics', message: 'must be a list of options from: goals, work, studies' },
    ]);
    expect(errors({ topics: ['goals', 'goals'] })).toEqual([{ field: 'values.topics', message: 'must name each option only once' }]);
    expect(errors({ topics: ['goals', 'work', 'studies'] })).toEqual([{ field: 'values.topics', message: 'must choose 1 to 2 options' }]);
    expect(errors({ topics: [] })).toEqual([{ field: 'values.topics', message: 'is required' }]);
    expect(errors({ introduced: ['keys'] })).toEqual([
      { field: 'values.introduced', message: 'must be a list of the items ticked, from: premises, rules' },
    ]);
    expect(errors({ introduced: { premises: true } })).toHaveLength(1);
    // With the rule broken, so that the console says it in the user's language.
    const rules = (values: Record<string, unknown>) => {
      const r = validateStepValues(step, { ...GOOD, ...values });
      return r.ok ? [] : r.errors.map(({ rule, params }) => ({ rule, params }));
    };
    expect(rules({ topics: ['sports'] })).toEqual([{ rule: 'only_values', params: { values: ['goals', 'work', 'studies'] } }]);
    expect(rules({ topics: ['goals', 'work', 'studies'] })).toEqual([{ rule: 'max_items', params: { max: 2 } }]);
    expect(rules({ introduced: ['rules', 'rules'] })).toEqual([{ rule: 'no_repeats', params: undefined }]);
  });

  it('takes an empty checklist as an answer: nothing ticked', () => {
    expect(validateStepValues(step, { ...GOOD, introduced: [] })).toEqual({ ok: true, values: { ...GOOD, introduced: [] } });
  });

  it('never throws and never accepts a selection outside the options (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const r = validateStepValues(step, { ...GOOD, topics: value });
        if (r.ok) {
          const chosen = r.values.topics as string[];
          expect(chosen.length).toBeGreaterThanOrEqual(1);
          expect(chosen.length).toBeLessThanOrEqual(2);
          expect(chosen.every((v) => ['goals', 'work', 'studies'].includes(v))).toBe(true);
        }
      }),
    );
  });
});

describe('conditional requirement', () => {
  it('requires the reason only when the decision is not_admitted', () => {
    expect(validateStepValues(step, GOOD).ok).toBe(true);
    expect(validateStepValues(step, { ...GOOD, decision: 'not_admitted' })).toEqual({
      ok: false,
      errors: [{ field: 'values.reason', message: 'is required when decision is "not_admitted"', rule: 'required' }],
    });
    expect(validateStepValues(step, { ...GOOD, decision: 'not_admitted', reason: 'No place' }).ok).toBe(true);
  });

  it('judges a stored record that lacks it as a missing field', () => {
    expect(missingRequiredFields(step, { ...GOOD, decision: 'not_admitted' })).toEqual(['reason']);
    expect(judge({ ...GOOD, decision: 'not_admitted' }).findings.map((f) => [f.rule, f.fieldKey])).toEqual([
      ['missing_field', 'reason'],
      ['unexpected_value', 'decision'],
    ]);
  });

  it('holds exactly when the value is the one named or one listed (property)', () => {
    const values = fc.oneof(fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', 'c'));
    fc.assert(
      fc.property(values, fc.array(values, { minLength: 1, maxLength: 4 }), values, (equals, list, recorded) => {
        expect(conditionHolds({ field: 'x', equals }, { x: recorded })).toBe(recorded === equals);
        expect(conditionHolds({ field: 'x', in: list }, { x: recorded })).toBe(list.includes(recorded));
        expect(conditionHolds({ field: 'x', equals }, {})).toBe(false);
      }),
    );
  });
});

describe('expected values', () => {
  it('finds nothing in values that meet every expectation', () => {
    expect(judge(GOOD)).toMatchObject({ status: 'conforming', findings: [] });
  });

  it('finds each value outside its expectation, naming step, field and what was expected in words', () => {
    const r = judge({ consent: false, motivation: 2, decision: 'admitted', topics: ['goals'], introduced: ['rules'] });
    expect(r.status).toBe('nonconforming');
    expect(r.findings).toEqual([
      {
        rule: 'unexpected_value',
        stepKey: 'interview',
        fieldKey: 'consent',
        recordId: 'r1',
        detail:
          'Record r1 of step "Interview" (interview), performed on 2026-02-03, records "Consent given" (consent) as no; the procedure expects yes.',
      },
      expect.objectContaining({ fieldKey: 'motivation', detail: expect.stringContaining('as 2; the procedure expects at least 3.') }),
      expect.objectContaining({
        fieldKey: 'introduced',
        detail: expect.stringContaining(
          'as "House rules" (rules); the procedure expects "Premises" (premises) and "House rules" (rules) ticked.',
        ),
      }),
    ]);
    const enumFinding = judge({ ...GOOD, decision: 'not_admitted', reason: 'x' }).findings[0];
    expect(enumFinding.detail).toContain(
      'as "Not admitted" (not_admitted); the procedure expects one of "Admitted" (admitted) or "Waiting list" (waiting_list).',
    );
  });

  it('leaves a missing value to missing_field, never unexpected_value', () => {
    expect(judge({ ...GOOD, consent: undefined }).findings.map((f) => f.rule)).toEqual(['missing_field']);
  });

  it('a checklist with expected { ticked: [] } expects nothing', () => {
    expect(isUnexpected({ ...introduced, expected: { ticked: [] } }, [])).toBe(false);
    expect(isUnexpected(introduced, ['premises'])).toBe(true);
  });

  it('judges a number unexpected exactly when it lies outside the range (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }),
        fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (min, max, value) => {
          fc.pre(min !== undefined || max !== undefined);
          const f: FieldDefinition = { key: 'n', label: { en: 'N' }, type: 'number', required: true, expected: { min, max } };
          const outside = (min !== undefined && value < min) || (max !== undefined && value > max);
          expect(isUnexpected(f, value)).toBe(outside);
        },
      ),
    );
  });

  it('a judgement has one unexpected_value per field outside its expectation, whatever the values (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 1, max: 5 }), fc.subarray(['premises', 'rules']), (c, m, ticked) => {
        const r = judge({ ...GOOD, consent: c, motivation: m, introduced: ticked });
        const fields = r.findings.filter((f) => f.rule === 'unexpected_value').map((f) => f.fieldKey);
        const expected = [...(c ? [] : ['consent']), ...(m >= 3 ? [] : ['motivation']), ...(ticked.length === 2 ? [] : ['introduced'])];
        expect(fields).toEqual(expected);
        expect(r.status).toBe(expected.length === 0 ? 'conforming' : 'nonconforming');
      }),
    );
  });
});
