/**
 * Effects in the procedure language: a field's value changes the subject's status when the
 * execution completes. Schema, rules, normalisation, diff.
 */
import fc from 'fast-check';
import { diffDefinitions } from './definition-diff.js';
import { validateDefinition } from './definition-validation.js';
import type { ProcedureDefinition } from './procedure-definition.js';

type Json = Record<string, unknown>;

function decisionField(): Json {
  return {
    key: 'decision',
    label: 'Decision',
    type: 'enum',
    options: [
      { value: 'admitted', label: 'Admitted' },
      { value: 'waiting_list', label: 'Waiting list' },
      { value: 'not_admitted', label: 'Not admitted' },
    ],
    effects: [
      { when: { equals: 'admitted' }, status: 'active' },
      { when: { equals: 'waiting_list' }, status: 'waiting_list' },
      { when: { in: ['not_admitted'] }, status: 'not_admitted' },
    ],
  };
}

function example(subject = 'adept', fields: Json[] = [decisionField()]): Json {
  return {
    key: 'intake',
    title: 'Intake',
    purpose: 'Decide on admission.',
    subject,
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'programme_start', fromDays: -60, toDays: -1 },
    appliesWhen: subject === 'adept' ? { status: { in: ['applicant', 'waiting_list'] } } : undefined,
    steps: [{ key: 'decision', title: 'Decision', fields }],
  };
}

function definitionOf(input: unknown): ProcedureDefinition {
  const r = validateDefinition(JSON.parse(JSON.stringify(input)));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.definition;
}

function expectRefused(input: unknown, path: string, message: RegExp) {
  const r = validateDefinition(JSON.parse(JSON.stringify(input)));
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.problems).toContainEqual({ path, message: expect.stringMatching(message) });
}

describe('the procedure language: effects', () => {
  it('accepts an intake decision that admits, wait-lists or rejects, and keeps it as written', () => {
    const d = definitionOf(example());
    expect(d.steps[0].fields[0].effects).toEqual([
      { when: { equals: 'admitted' }, status: 'active' },
      { when: { equals: 'waiting_list' }, status: 'waiting_list' },
      { when: { in: ['not_admitted'] }, status: 'not_admitted' },
    ]);
    expect(d.appliesWhen).toEqual({ status: { in: ['applicant', 'waiting_list'] } });
  });

  it('accepts a boolean that ends a pair', () => {
    const d = definitionOf(
      example('pair', [{ key: 'match_ended', label: 'The match ended', type: 'boolean', effects: [{ when: { equals: true }, status: 'ended' }] }]),
    );
    expect(d.steps[0].fields[0].effects).toEqual([{ when: { equals: true }, status: 'ended' }]);
  });

  it('refuses a status the subject type cannot have', () => {
    const f = decisionField();
    (f.effects as Json[])[0] = { when: { equals: 'admitted' }, status: 'ended' };
    expectRefused(example('adept', [f]), 'steps[0].fields[0].effects[0].status', /is not a status a adept can have/);
  });

  it('refuses a value that is not an option of the field', () => {
    const f = decisionField();
    (f.effects as Json[])[0] = { when: { in: ['admitted', 'accepted'] }, status: 'active' };
    expectRefused(example('adept', [f]), 'steps[0].fields[0].effects[0].when.in[1]', /is not a value of decision \(values: admitted, waiting_list, not_admitted\)/);
  });

  it('refuses two effects for one value', () => {
    const f = decisionField();
    (f.effects as Json[])[1] = { when: { equals: 'admitted' }, status: 'waiting_list' };
    expectRefused(example('adept', [f]), 'steps[0].fields[0].effects[1].when.equals', /already has an effect \(effects\[0\]\)/);
  });

  it('refuses effects on a text field and in a cohort procedure', () => {
    expectRefused(
      example('adept', [{ key: 'note', label: 'Note', type: 'text', effects: [{ when: { equals: 'x' }, status: 'active' }] }]),
      'steps[0].fields[0].effects',
      /only allowed on enum and boolean fields/,
    );
    expectRefused(example('cohort'), 'steps[0].fields[0].effects[0].status', /cannot be set by a cohort procedure/);
  });

  it('refuses an effect with neither or both of equals and in (schema)', () => {
    const f = decisionField();
    (f.effects as Json[])[0] = { when: {}, status: 'active' };
    const r = validateDefinition(JSON.parse(JSON.stringify(example('adept', [f]))));
    expect(r.ok).toBe(false);
  });

  it('shows a changed effect in the diff, and none between a definition and itself (property)', () => {
    const a = definitionOf(example());
    const f = decisionField();
    (f.effects as Json[]).pop();
    const b = definitionOf(example('adept', [f]));
    const diff = diffDefinitions(a, b);
    const fields = diff.steps[0].change === 'changed' ? diff.steps[0].fields : [];
    expect(fields.map((x) => (x.change === 'changed' ? x.properties.map((p) => p.property) : []))).toEqual([['effects']]);
    fc.assert(
      fc.property(fc.subarray(['admitted', 'waiting_list', 'not_admitted'], { minLength: 1 }), (values) => {
        const g = decisionField();
        g.effects = [{ when: { in: values }, status: 'not_admitted' }];
        const def = definitionOf(example('adept', [g]));
        expect(diffDefinitions(def, definitionOf(def)).steps).toEqual([]);
      }),
    );
  });
});
