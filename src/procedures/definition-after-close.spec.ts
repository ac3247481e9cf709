/**
 * The procedure language: work carried out after the programme closes (afterClose), such as the
 * outcome follow-up 6 and 12 months after the programme ends. Schema, rules, normalisation, diff.
 */
import fc from 'fast-check';
import { diffDefinitions } from './definition-diff.js';
import { validateDefinition } from './definition-validation.js';
import type { ProcedureDefinition } from './procedure-definition.js';

type Json = Record<string, unknown>;

function followUp(overrides: Json = {}): Json {
  return {
    key: 'outcome-follow-up',
    title: 'Outcome follow-up',
    purpose: 'Learn where former adepts stand after the programme.',
    subject: 'adept',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'programme_end', fromDays: 168, toDays: 196 },
    afterClose: true,
    appliesWhen: { status: { in: ['completed', 'withdrawn'] } },
    steps: [{ key: 'contact', title: 'Contact', fields: [{ key: 'reached', label: 'Reached', type: 'boolean', expected: true }] }],
    ...overrides,
  };
}

function definitionOf(input: unknown): ProcedureDefinition {
  const r = validateDefinition(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.definition;
}

function problemsOf(input: unknown) {
  const r = validateDefinition(input);
  return r.ok ? [] : r.problems;
}

describe('the procedure language: afterClose', () => {
  it('accepts a window anchored at programme_end that ends after it, and keeps the flag', () => {
    expect(definitionOf(followUp()).afterClose).toBe(true);
    // A window that opens before the end and closes after it is work that may run past the close.
    expect(definitionOf(followUp({ window: { anchor: 'programme_end', fromDays: -10, toDays: 30 } })).afterClose).toBe(true);
  });

  it('leaves the property out when it was not written, so older definitions keep their content hash', () => {
    const d = followUp();
    delete d.afterClose;
    expect(definitionOf(d)).not.toHaveProperty('afterClose');
    expect(definitionOf(followUp({ afterClose: false })).afterClose).toBe(false);
  });

  it.each(['enrolment', 'programme_start', 'programme_midpoint'])('refuses afterClose with a window anchored at %s, naming the path', (anchor) => {
    expect(problemsOf(followUp({ window: { anchor, fromDays: 168, toDays: 196 } }))).toEqual([
      { path: 'afterClose', message: expect.stringMatching(`only allowed with a window anchored at programme_end \\(the anchor is ${anchor}\\)`) },
    ]);
  });

  it('refuses afterClose with a window anchored on another procedure', () => {
    const problems = problemsOf(followUp({ window: { anchor: 'procedure_completed', procedure: 'final-evaluation', fromDays: 0, toDays: 30 } }));
    expect(problems).toContainEqual({ path: 'afterClose', message: expect.stringMatching(/the anchor is procedure_completed/) });
  });

  it('refuses afterClose with a window that ends on or before the programme end', () => {
    expect(problemsOf(followUp({ window: { anchor: 'programme_end', fromDays: -30, toDays: 0 } }))).toEqual([
      { path: 'window.toDays', message: 'must be after the programme\'s end (more than 0, not 0) when afterClose is true' },
    ]);
  });

  it('refuses an afterClose that is not a boolean (schema)', () => {
    expect(problemsOf(followUp({ afterClose: 'yes' }))).toContainEqual({ path: 'afterClose', message: expect.stringMatching(/must be/) });
  });

  it('imposes nothing on the window when afterClose is false or absent (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('enrolment', 'programme_start', 'programme_midpoint', 'programme_end'),
        fc.integer({ min: -400, max: 0 }),
        fc.integer({ min: 0, max: 400 }),
        fc.boolean(),
        (anchor, from, to, written) => {
          const d = followUp({ window: { anchor, fromDays: from, toDays: to }, ...(written ? { afterClose: false } : {}) });
          if (!written) delete d.afterClose;
          expect(problemsOf(d)).toEqual([]);
        },
      ),
    );
  });

  it('accepts exactly the programme_end windows that end after the programme (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 400 }), (to, length) => {
        const problems = problemsOf(followUp({ window: { anchor: 'programme_end', fromDays: to - length, toDays: to } }));
        expect(problems.length === 0).toBe(to > 0);
      }),
    );
  });

  it('shows a change of afterClose in the diff between versions', () => {
    const before = followUp();
    delete before.afterClose;
    const diff = diffDefinitions(definitionOf(before), definitionOf(followUp()));
    expect(diff.properties).toEqual([{ property: 'afterClose', old: null, new: true }]);
    expect(diff.window).toBeNull();
  });
});
