/**
 * The constructs the procedure language grew: expected values, conditional fields (requiredWhen),
 * multiselect and checklist fields, applicability (appliesWhen). Schema, rules, normalisation, diff.
 */
import fc from 'fast-check';
import { diffDefinitions } from './definition-diff.js';
import { validateDefinition } from './definition-validation.js';
import type { ProcedureDefinition } from './procedure-definition.js';

type Json = Record<string, unknown>;

function example(): Json & { steps: { key: string; title: string; fields: Json[] }[] } {
  return {
    key: 'intake',
    title: 'Intake',
    purpose: 'Decide on admission.',
    subject: 'adept',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'enrolment', fromDays: 0, toDays: 14 },
    steps: [
      {
        key: 'interview',
        title: 'Interview',
        fields: [
          { key: 'consent', label: 'Consent given', type: 'boolean', expected: true },
          { key: 'motivation', label: 'Motivation', type: 'scale', min: 1, max: 5, expected: { min: 3 } },
          {
            key: 'decision',
            label: 'Decision',
            type: 'enum',
            options: [
              { value: 'admitted', label: 'Admitted' },
              { value: 'not_admitted', label: 'Not admitted' },
            ],
            expected: { oneOf: ['admitted'] },
          },
          { key: 'reason', label: 'Reason', type: 'text', requiredWhen: { field: 'decision', equals: 'not_admitted' } },
          {
            key: 'topics',
            label: 'Topics',
            type: 'multiselect',
            min: 1,
            max: 2,
            options: [
              { value: 'goals', label: 'Goals' },
              { value: 'work', label: 'Work' },
              { value: 'studies', label: 'Studies' },
            ],
          },
          {
            key: 'introduced',
            label: 'Introduced',
            type: 'checklist',
            items: [
              { key: 'premises', label: 'Premises' },
              { key: 'rules', label: 'House rules' },
            ],
          },
        ],
      },
    ],
  };
}

function definitionOf(input: unknown): ProcedureDefinition {
  const r = validateDefinition(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.definition;
}

function expectRefused(input: unknown, path: string, message: RegExp) {
  const r = validateDefinition(input);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problems).toContainEqual({ path, message: expect.stringMatching(message) });
}

const field = (d: ReturnType<typeof example>, key: string) => d.steps[0].fields.find((f) => f.key === key)!;
const at = (d: ReturnType<typeof example>, key: string) => `steps[0].fields[${d.steps[0].fields.findIndex((f) => f.key === key)}]`;

describe('the procedure language: expected values', () => {
  it('accepts the example and keeps what it states', () => {
    const d = definitionOf(example());
    const fields = d.steps[0].fields;
    expect(fields[0].expected).toBe(true);
    expect(fields[1].expected).toEqual({ min: 3 });
    expect(fields[2].expected).toEqual({ oneOf: ['admitted'] });
  });

  it('refuses an expectation that does not fit the field type', () => {
    const d = example();
    field(d, 'consent').expected = { min: 1 };
    expectRefused(d, `${at(d, 'consent')}.expected`, /must be true or false for a boolean field/);
    const e = example();
    field(e, 'motivation').expected = true;
    expectRefused(e, `${at(e, 'motivation')}.expected`, /must be a range for a scale field/);
    const f = example();
    field(f, 'reason').expected = true;
    expectRefused(f, `${at(f, 'reason')}.expected`, /only allowed for boolean, number, scale, enum and checklist fields \(this field is text\)/);
  });

  it('refuses an expected option that is not an option, and a range outside the scale', () => {
    const d = example();
    field(d, 'decision').expected = { oneOf: ['admitted', 'maybe'] };
    expectRefused(d, `${at(d, 'decision')}.expected.oneOf[1]`, /is not an option of this field \(options: admitted, not_admitted\)/);
    const e = example();
    field(e, 'motivation').expected = { min: 4, max: 9 };
    expectRefused(e, `${at(e, 'motivation')}.expected.max`, /within the values the field allows \(1 to 5\)/);
    const f = example();
    field(f, 'motivation').expected = { min: 4, max: 2 };
    expectRefused(f, `${at(f, 'motivation')}.expected.max`, /must not be less than min \(4\)/);
    const g = example();
    field(g, 'motivation').expected = { oneOf: ['x'] };
    expectRefused(g, `${at(g, 'motivation')}.expected.oneOf`, /is not allowed for a scale field/);
  });

  it('refuses an empty expectation (schema)', () => {
    const d = example();
    field(d, 'motivation').expected = {};
    expect(validateDefinition(d).ok).toBe(false);
  });
});

describe('the procedure language: conditional fields', () => {
  it('normalises a conditional field to not always required', () => {
    const d = definitionOf(example());
    expect(d.steps[0].fields[3]).toMatchObject({ key: 'reason', required: false, requiredWhen: { field: 'decision', equals: 'not_admitted' } });
  });

  it('refuses a condition naming an unknown field, itself, or a value the field cannot take', () => {
    const d = example();
    field(d, 'reason').requiredWhen = { field: 'verdict', equals: 'no' };
    expectRefused(d, `${at(d, 'reason')}.requiredWhen.field`, /is not a field of this step \(fields: consent, motivation, decision, topics, introduced\)/);
    const e = example();
    field(e, 'reason').requiredWhen = { field: 'reason', equals: 'x' };
    expectRefused(e, `${at(e, 'reason')}.requiredWhen.field`, /must name another field/);
    const f = example();
    field(f, 'reason').requiredWhen = { field: 'decision', in: ['admitted', 'rejected'] };
    expectRefused(f, `${at(f, 'reason')}.requiredWhen.in[1]`, /is not an option of decision \(options: admitted, not_admitted\)/);
    const g = example();
    field(g, 'reason').requiredWhen = { field: 'motivation', equals: 7 };
    expectRefused(g, `${at(g, 'reason')}.requiredWhen.equals`, /is not a value motivation can take \(a whole number from 1 to 5; got 7\)/);
    const h = example();
    field(h, 'reason').requiredWhen = { field: 'consent', equals: 'no' };
    expectRefused(h, `${at(h, 'reason')}.requiredWhen.equals`, /must be true or false: consent is a boolean field/);
    const i = example();
    field(i, 'motivation').requiredWhen = { field: 'topics', equals: 'goals' };
    expectRefused(i, `${at(i, 'motivation')}.requiredWhen.field`, /names a multiselect field/);
  });

  it('refuses required: true together with requiredWhen', () => {
    const d = example();
    field(d, 'reason').required = true;
    expectRefused(d, `${at(d, 'reason')}.required`, /must not be true together with requiredWhen/);
  });

  it('refuses a condition with both equals and in, or neither (schema)', () => {
    const d = example();
    field(d, 'reason').requiredWhen = { field: 'decision', equals: 'admitted', in: ['admitted'] };
    expect(validateDefinition(d).ok).toBe(false);
    const e = example();
    field(e, 'reason').requiredWhen = { field: 'decision' };
    expect(validateDefinition(e).ok).toBe(false);
  });
});

describe('the procedure language: multiselect and checklist', () => {
  it('requires options for a multiselect and items for a checklist', () => {
    const d = example();
    delete field(d, 'topics').options;
    expectRefused(d, `${at(d, 'topics')}.options`, /is required/);
    const e = example();
    delete field(e, 'introduced').items;
    expectRefused(e, `${at(e, 'introduced')}.items`, /is required/);
  });

  it('refuses selection counts that cannot be met', () => {
    const d = example();
    field(d, 'topics').max = 4;
    expectRefused(d, `${at(d, 'topics')}.max`, /must not exceed the number of options \(3\)/);
    const e = example();
    field(e, 'topics').min = 1.5;
    expectRefused(e, `${at(e, 'topics')}.min`, /whole number of options/);
  });

  it('refuses duplicate checklist items, items on other fields, and unknown expected items', () => {
    const d = example();
    (field(d, 'introduced').items as Json[])[1].key = 'premises';
    expectRefused(d, `${at(d, 'introduced')}.items[1].key`, /duplicates the key of items\[0\]/);
    const e = example();
    field(e, 'topics').items = [{ key: 'a', label: 'A' }];
    expectRefused(e, `${at(e, 'topics')}.items`, /only allowed for checklist fields/);
    const f = example();
    field(f, 'introduced').expected = { ticked: ['premises', 'keys'] };
    expectRefused(f, `${at(f, 'introduced')}.expected.ticked[1]`, /is not an item of this checklist \(items: premises, rules\)/);
  });
});

describe('the procedure language: applicability', () => {
  it('accepts statuses the subject type has', () => {
    const d = { ...example(), appliesWhen: { status: { in: ['active', 'completed'] } } };
    expect(definitionOf(d).appliesWhen).toEqual({ status: { in: ['active', 'completed'] } });
  });

  it('refuses a status the subject type cannot have', () => {
    const d = { ...example(), appliesWhen: { status: { in: ['active', 'ended'] } } };
    expectRefused(d, 'appliesWhen.status.in[1]', /is not a status a adept can have \(statuses: applicant, waiting_list, not_admitted, active, completed, withdrawn\)/);
  });
});

describe('the procedure language: diff', () => {
  it('shows changes to expected values, conditions, items and applicability', () => {
    const a = definitionOf(example());
    const changed = example();
    field(changed, 'consent').expected = false;
    field(changed, 'reason').requiredWhen = { field: 'decision', in: ['not_admitted'] };
    (field(changed, 'introduced').items as Json[]).push({ key: 'keys', label: 'Keys' });
    const b = definitionOf({ ...changed, appliesWhen: { status: { in: ['active'] } } });
    const diff = diffDefinitions(a, b);
    expect(diff.properties).toEqual([{ property: 'appliesWhen', old: null, new: { status: { in: ['active'] } } }]);
    const fields = diff.steps[0].change === 'changed' ? diff.steps[0].fields : [];
    const props = Object.fromEntries(fields.map((f) => [f.key, f.change === 'changed' ? f.properties.map((p) => p.property) : []]));
    expect(props).toEqual({ consent: ['expected'], reason: ['requiredWhen'], introduced: ['items'] });
  });

  it('finds no change between a definition and itself, whatever its expectations (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.boolean(), (min, consent) => {
        const d = example();
        field(d, 'motivation').expected = { min };
        field(d, 'consent').expected = consent;
        const def = definitionOf(d);
        const diff = diffDefinitions(def, definitionOf(JSON.parse(JSON.stringify(def))));
        expect(diff.steps).toEqual([]);
      }),
    );
  });
});
