import { validateDefinition } from './definition-validation.js';
import { definitionRuleProblems } from './definition-rules.js';
import type { ProcedureDefinition } from './procedure-definition.js';

/** A definition as an author writes it: loose enough that each test can break one thing. */
interface DraftField {
  key: string;
  label: string;
  type: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
}
interface DraftStep {
  key: string;
  title?: string;
  performerRoles?: string[];
  required?: boolean;
  evidence?: string;
  colour?: string;
  fields?: DraftField[];
}
interface Draft {
  key: string;
  title?: string | Record<string, string>;
  purpose: string;
  subject: string;
  responsibleRoles: string[];
  window: { anchor: string; procedure?: string; fromDays: number; toDays: number };
  ordered?: unknown;
  steps: [DraftStep & { fields: DraftField[] }, ...DraftStep[]];
}

/** A small valid definition as an author would write it; each test breaks one thing. */
function example(): Draft {
  return {
    key: 'check-in',
    title: 'Check-in',
    purpose: 'Make sure the pair meets.',
    subject: 'pair',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'programme_start', fromDays: 0, toDays: 30 },
    steps: [
      {
        key: 'call',
        title: 'Call',
        performerRoles: ['programme_leader'],
        fields: [
          { key: 'reached', label: 'Pair reached', type: 'boolean' },
          { key: 'mood', label: 'Mood', type: 'enum', options: [{ value: 'fine', label: 'Fine' }, { value: 'worried', label: 'Worried' }] },
          { key: 'rating', label: 'Rating', type: 'scale', min: 1, max: 5 },
          { key: 'meetings', label: 'Meetings', type: 'number', min: 0, max: 50 },
        ],
      },
      { key: 'note', title: 'Note', required: false },
    ],
  };
}

function problemsOf(input: unknown) {
  const result = validateDefinition(input);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.problems;
}

/** Refused with a problem at `path` whose message matches. */
function expectRefused(input: unknown, path: string, message: RegExp) {
  const problems = problemsOf(input);
  expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
}

describe('definition rules', () => {
  it('accepts the example', () => {
    expect(validateDefinition(example()).ok).toBe(true);
  });

  it('refuses duplicate step keys at the second occurrence', () => {
    const d = example();
    d.steps[1].key = 'call';
    expectRefused(d, 'steps[1].key', /duplicates the key of steps\[0\]/);
  });

  it('refuses duplicate field keys within a step', () => {
    const d = example();
    d.steps[0].fields[2].key = 'reached';
    expectRefused(d, 'steps[0].fields[2].key', /duplicates the key of fields\[0\]/);
  });

  it('allows the same field key in different steps', () => {
    const d = example();
    d.steps[1].fields = [{ key: 'reached', label: 'Reached again', type: 'boolean' }];
    expect(validateDefinition(d).ok).toBe(true);
  });

  it('refuses an enum with fewer than two options', () => {
    const d = example();
    d.steps[0].fields[1].options!.pop();
    expectRefused(d, 'steps[0].fields[1].options', /at least 2/);
  });

  it('refuses an enum without options', () => {
    const d = example();
    delete d.steps[0].fields[1].options;
    expectRefused(d, 'steps[0].fields[1].options', /required for an enum field/);
  });

  it('refuses repeated option values', () => {
    const d = example();
    d.steps[0].fields[1].options![1].value = 'fine';
    expectRefused(d, 'steps[0].fields[1].options[1].value', /duplicates the value of options\[0\]/);
  });

  it('refuses options on a field that is not an enum', () => {
    const d = example();
    d.steps[0].fields[0].options = d.steps[0].fields[1].options;
    expectRefused(d, 'steps[0].fields[0].options', /only allowed for enum and multiselect fields \(this field is boolean\)/);
  });

  it('refuses a scale whose max is not above its min', () => {
    const d = example();
    d.steps[0].fields[2].max = 1;
    expectRefused(d, 'steps[0].fields[2].max', /greater than min \(1\)/);
  });

  it('refuses a scale with a fractional limit', () => {
    const d = example();
    d.steps[0].fields[2].min = 0.5;
    expectRefused(d, 'steps[0].fields[2].min', /whole number/);
  });

  it('refuses a scale without max', () => {
    const d = example();
    delete d.steps[0].fields[2].max;
    expectRefused(d, 'steps[0].fields[2].max', /required for a scale field/);
  });

  it('refuses a number range that ends before it starts, but allows min = max', () => {
    const d = example();
    d.steps[0].fields[3].min = 60;
    expectRefused(d, 'steps[0].fields[3].max', /not be less than min \(60\)/);
    d.steps[0].fields[3].min = 50;
    expect(validateDefinition(d).ok).toBe(true);
  });

  it('refuses min or max on a field that is neither number nor scale', () => {
    const d = example();
    d.steps[0].fields[0].min = 0;
    expectRefused(d, 'steps[0].fields[0].min', /only allowed for number, scale and multiselect fields/);
  });

  it('requires procedure with the procedure_completed anchor', () => {
    const d = example();
    d.window = { anchor: 'procedure_completed', fromDays: 0, toDays: 10 };
    expectRefused(d, 'window.procedure', /required when the anchor is procedure_completed/);
  });

  it('refuses procedure with any other anchor', () => {
    const d = example();
    d.window.procedure = 'intake-interview';
    expectRefused(d, 'window.procedure', /only allowed when the anchor is procedure_completed \(the anchor is programme_start\)/);
  });

  it('refuses a procedure anchored on its own completion', () => {
    const d = example();
    d.window = { anchor: 'procedure_completed', procedure: 'check-in', fromDays: 0, toDays: 10 };
    expectRefused(d, 'window.procedure', /must name another procedure/);
  });

  it('refuses a window that ends before it starts, but allows a single day', () => {
    const d = example();
    d.window.fromDays = 31;
    expectRefused(d, 'window.toDays', /not be earlier than fromDays \(31\)/);
    d.window.fromDays = 30;
    expect(validateDefinition(d).ok).toBe(true);
  });

  it('refuses unknown roles, naming the known ones', () => {
    const d = example();
    d.responsibleRoles = ['programme_leader', 'coach'];
    expectRefused(d, 'responsibleRoles[1]', /must be one of: admin, quality_manager, programme_leader, auditor, board_member/);
    const e = example();
    e.steps[0].performerRoles = ['mentor'];
    expectRefused(e, 'steps[0].performerRoles[0]', /must be one of/);
  });

  it('checks roles on a definition that did not pass through the schema', () => {
    const d = validateDefinition(example());
    if (!d.ok) throw new Error('example must be valid');
    const forged = { ...d.definition, steps: [{ ...d.definition.steps[0], performerRoles: ['janitor'] }] } as unknown as ProcedureDefinition;
    expect(definitionRuleProblems(forged)).toEqual([{ path: 'steps[0].performerRoles[0]', message: expect.stringMatching(/not a known role/) }]);
  });

  it('refuses a required step that records nothing, and accepts it with evidence', () => {
    const d = example();
    d.steps[1].required = true;
    expectRefused(d, 'steps[1]', /records nothing/);
    d.steps[1].evidence = 'The signed minutes.';
    expect(validateDefinition(d).ok).toBe(true);
  });

  it('refuses a procedure without any required step', () => {
    const d = example();
    d.steps[0].required = false;
    expectRefused(d, 'steps', /at least one required step/);
  });

  it('reports every rule problem of a definition at once', () => {
    const d = example();
    d.steps[1].key = 'call';
    d.window.fromDays = 99;
    d.steps[0].fields[2].max = 0;
    expect(problemsOf(d).map((p) => p.path).sort()).toEqual(['steps[0].fields[2].max', 'steps[1].key', 'window.toDays']);
  });
});

describe('schema problems', () => {
  it('names unknown properties and languages', () => {
    const d = example();
    d.steps[0].colour = 'blue';
    d.title = { en: 'Check-in', de: 'Eincheck' };
    const problems = problemsOf(d);
    expect(problems).toContainEqual({ path: 'steps[0].colour', message: 'is not a known property' });
    expect(problems).toContainEqual({ path: 'title.de', message: 'is not a known language (use en, sv or nb)' });
  });

  it('names missing properties at their own path', () => {
    const d = example();
    delete d.steps[0].title;
    delete (d as Partial<Draft>).window;
    const problems = problemsOf(d);
    expect(problems).toContainEqual({ path: 'steps[0].title', message: 'is required' });
    expect(problems).toContainEqual({ path: 'window', message: 'is required' });
  });

  it('explains key patterns', () => {
    const d = example();
    d.key = 'Check_In';
    d.steps[0].key = 'make-call';
    expectRefused(d, 'key', /kebab-case/);
    expectRefused(d, 'steps[0].key', /snake_case/);
  });

  it('refuses blank texts and wrong types', () => {
    const d = example();
    d.purpose = '   ';
    d.title = { en: 'Check-in', sv: '' };
    d.window.fromDays = 1.5;
    d.ordered = 'yes';
    expectRefused(d, 'purpose', /must not be blank/);
    expectRefused(d, 'title.sv', /must not be blank/);
    expectRefused(d, 'window.fromDays', /must be a whole number/);
    expectRefused(d, 'ordered', /must be true or false/);
  });

  it('points a repeated role at the repetition', () => {
    const d = example();
    d.responsibleRoles = ['programme_leader', 'quality_manager', 'programme_leader'];
    expect(problemsOf(d)).toEqual([{ path: 'responsibleRoles[2]', message: 'repeats entry [0]; each entry may appear only once' }]);
  });

  it('refuses something that is not a mapping at the root', () => {
    expect(problemsOf(['a'])).toEqual([{ path: '', message: 'must be a mapping' }]);
    expect(problemsOf(null)).toEqual([{ path: '', message: 'must be a mapping' }]);
  });
});
