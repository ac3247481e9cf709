import fc from 'fast-check';
import type { FieldDefinition, StepDefinition } from '../procedures/procedure-definition.js';
import { MAX_TEXT_LENGTH, missingRequiredFields, validateStepValues } from './step-values.js';

function field(key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { key, label: { en: key }, type, required: false, ...extra };
}

function stepWith(...fields: FieldDefinition[]): StepDefinition {
  return { key: 'interview', title: { en: 'Intake interview' }, required: true, fields };
}

function errorsOf(step: StepDefinition, values: unknown) {
  const result = validateStepValues(step, values);
  return result.ok ? [] : result.errors;
}

function accepts(f: FieldDefinition, value: unknown): unknown {
  const result = validateStepValues(stepWith(f), { [f.key]: value });
  if (!result.ok) throw new Error(`refused ${JSON.stringify(value)}: ${JSON.stringify(result.errors)}`);
  return result.values[f.key];
}

function refuses(f: FieldDefinition, value: unknown): string {
  const errors = errorsOf(stepWith(f), { [f.key]: value });
  expect(errors).toHaveLength(1);
  expect(errors[0].field).toBe(`values.${f.key}`);
  return errors[0].message;
}

describe('validateStepValues: the object', () => {
  const step = stepWith(field('notes', 'text'));
  it.each([null, undefined, 'text', 3, [], [{ notes: 'x' }], new Date(), new Map()])('refuses %p as values', (v) => {
    expect(errorsOf(step, v)).toEqual([{ field: 'values', message: 'must be an object of field values' }]);
  });
  it('refuses class instances', () => {
    class Values {
      notes = 'x';
    }
    expect(errorsOf(step, new Values())).toEqual([{ field: 'values', message: 'must be an object of field values' }]);
  });
  it('accepts an object from another realm (structuredClone)', () => {
    expect(validateStepValues(step, structuredClone({ notes: 'x' }))).toEqual({ ok: true, values: { notes: 'x' } });
  });
  it('accepts an empty object when nothing is required, and a null-prototype object', () => {
    expect(validateStepValues(step, {})).toEqual({ ok: true, values: {} });
    const bare = Object.assign(Object.create(null) as object, { notes: 'ok' });
    expect(validateStepValues(step, bare)).toEqual({ ok: true, values: { notes: 'ok' } });
  });
  it('refuses unknown keys, each by path, sorted', () => {
    expect(errorsOf(step, { zeta: 1, notes: 'fine', alpha: true })).toEqual([
      { field: 'values.alpha', message: 'is not a field of this step' },
      { field: 'values.zeta', message: 'is not a field of this step' },
    ]);
  });
  it('refuses a __proto__ key from JSON without touching any prototype', () => {
    const values: unknown = JSON.parse('{"__proto__": {"polluted": true}, "notes": "x"}');
    expect(errorsOf(step, values)).toEqual([{ field: 'values.__proto__', message: 'is not a field of this step' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('reports every field error at once, in definition order', () => {
    const s = stepWith(field('a', 'number', { required: true }), field('b', 'boolean'), field('c', 'text', { required: true }));
    expect(errorsOf(s, { b: 'yes', extra: 1 }).map((e) => e.field)).toEqual(['values.a', 'values.b', 'values.c', 'values.extra']);
  });
});

describe('validateStepValues: required and empty', () => {
  const s = stepWith(field('goals', 'text', { required: true }), field('notes', 'text'), field('score', 'number'));
  it.each([[{}], [{ goals: null }], [{ goals: '' }], [{ goals: '   \n\t' }]])('refuses a missing or blank required text: %p', (values) => {
    expect(errorsOf(s, values)).toEqual([{ field: 'values.goals', message: 'is required' }]);
  });
  it('omits optional fields that are null or blank', () => {
    expect(validateStepValues(s, { goals: 'Grow', notes: '  ', score: null })).toEqual({ ok: true, values: { goals: 'Grow' } });
  });
  it('counts false and 0 as answers', () => {
    const t = stepWith(field('agreed', 'boolean', { required: true }), field('n', 'number', { required: true }));
    expect(validateStepValues(t, { agreed: false, n: 0 })).toEqual({ ok: true, values: { agreed: false, n: 0 } });
  });
});

describe('validateStepValues: text', () => {
  const f = field('notes', 'text');
  it('trims', () => expect(accepts(f, '  Goals set  \n')).toBe('Goals set'));
  it('keeps inner whitespace and non-Latin letters', () => expect(accepts(f, 'Åsa  ja\nČ ŋ')).toBe('Åsa  ja\nČ ŋ'));
  it('accepts exactly the maximum length (counted in characters, an emoji is one)', () => {
    expect(accepts(f, 'x'.repeat(MAX_TEXT_LENGTH))).toHaveLength(MAX_TEXT_LENGTH);
    expect(accepts(f, '😀'.repeat(MAX_TEXT_LENGTH))).toHaveLength(2 * MAX_TEXT_LENGTH);
  });
  it('refuses one character more', () => {
    expect(refuses(f, 'x'.repeat(MAX_TEXT_LENGTH + 1))).toMatch(/at most 10000/);
  });
  it('measures the length after trimming', () => expect(accepts(f, ` ${'x'.repeat(MAX_TEXT_LENGTH)} `)).toHaveLength(MAX_TEXT_LENGTH));
  it('refuses NUL and lone surrogates', () => {
    expect(refuses(f, 'a\u0000b')).toMatch(/NUL/);
    expect(refuses(f, 'a\uD800b')).toMatch(/Unicode/);
    expect(refuses(f, '\uDC00')).toMatch(/Unicode/);
  });
  it.each([3, true, ['a'], { a: 1 }])('refuses non-text %p', (v) => expect(refuses(f, v)).toBe('must be text'));
});

describe('validateStepValues: number', () => {
  const bounded = field('hours', 'number', { min: 0.5, max: 40 });
  it('accepts min and max inclusive and values between', () => {
    expect(accepts(bounded, 0.5)).toBe(0.5);
    expect(accepts(bounded, 40)).toBe(40);
    expect(accepts(bounded, 12.25)).toBe(12.25);
  });
  it('refuses just outside the bounds', () => {
    expect(refuses(bounded, 0.49)).toBe('must be a number between 0.5 and 40');
    expect(refuses(bounded, 40.0001)).toBe('must be a number between 0.5 and 40');
  });
  it('honours a single bound', () => {
    expect(refuses(field('n', 'number', { min: 1 }), 0)).toBe('must be a number of at least 1');
    expect(refuses(field('n', 'number', { max: 1 }), 2)).toBe('must be a number of at most 1');
    expect(accepts(field('n', 'number'), -1e9)).toBe(-1e9);
  });
  it('normalises -0', () => expect(Object.is(accepts(field('n', 'number'), -0), 0)).toBe(true));
  it.each([Number.NaN, Infinity, -Infinity, '5', true])('refuses %p', (v) => {
    expect(refuses(field('n', 'number'), v)).toBe('must be a finite number');
  });
});

describe('validateStepValues: boolean', () => {
  const f = field('agreed', 'boolean');
  it('accepts true and false', () => {
    expect(accepts(f, true)).toBe(true);
    expect(accepts(f, false)).toBe(false);
  });
  it.each(['true', 1, 0])('refuses %p', (v) => expect(refuses(f, v)).toBe('must be true or false'));
});

describe('validateStepValues: date', () => {
  const f = field('met', 'date');
  it.each(['2026-02-28', '2024-02-29', '2026-12-31'])('accepts %s', (d) => expect(accepts(f, d)).toBe(d));
  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-2-3', '2026-02-03T10:00:00Z', '03/02/2026', 20260203])('refuses %p', (d) => {
    expect(refuses(f, d)).toBe('must be a calendar date YYYY-MM-DD that exists');
  });
});

describe('validateStepValues: enum', () => {
  const f = field('outcome', 'enum', {
    options: [
      { value: 'continue', label: { en: 'Continue' } },
      { value: 'stop', label: { en: 'Stop' } },
    ],
  });
  it('accepts an option value', () => expect(accepts(f, 'stop')).toBe('stop'));
  it.each(['Stop', 'pause', 1, ['stop']])('refuses %p and names the options', (v) => {
    expect(refuses(f, v)).toBe('must be one of: continue, stop');
  });
  it('refuses every value when the definition has no options', () => {
    expect(refuses(field('x', 'enum'), 'anything')).toBe('has no options defined in this procedure version');
  });
});

describe('validateStepValues: scale', () => {
  const f = field('satisfaction', 'scale', { min: 1, max: 5 });
  it('accepts the ends inclusive', () => {
    expect(accepts(f, 1)).toBe(1);
    expect(accepts(f, 5)).toBe(5);
  });
  it.each([0, 6, 2.5, 4.0000001, '3', Number.NaN])('refuses %p', (v) => {
    expect(refuses(f, v)).toBe('must be a whole number between 1 and 5');
  });
  it('accepts 3.0 (the same number as 3 in JSON)', () => expect(accepts(f, 3.0)).toBe(3));
});

describe('validateStepValues: never throws (property)', () => {
  const step = stepWith(
    field('t', 'text', { required: true }),
    field('n', 'number', { min: 0, max: 10 }),
    field('b', 'boolean'),
    field('d', 'date'),
    field('e', 'enum', { options: [{ value: 'a', label: { en: 'A' } }] }),
    field('s', 'scale', { min: 1, max: 5, required: true }),
  );
  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = validateStepValues(step, v);
        return r.ok ? typeof r.values === 'object' : r.errors.length > 0;
      }),
      { numRuns: 500 },
    );
  });
  it('on objects with the known keys and arbitrary values, and accepted output validates again unchanged', () => {
    const values = fc.record(
      {
        t: fc.jsonValue(),
        n: fc.jsonValue(),
        b: fc.jsonValue(),
        d: fc.jsonValue(),
        e: fc.jsonValue(),
        s: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(values, (v) => {
        const r = validateStepValues(step, v);
        if (!r.ok) return r.errors.every((e) => e.field.startsWith('values.'));
        return JSON.stringify(validateStepValues(step, r.values)) === JSON.stringify(r);
      }),
      { numRuns: 500 },
    );
  });
});

describe('missingRequiredFields', () => {
  const s = stepWith(field('goals', 'text', { required: true }), field('notes', 'text'), field('agreed', 'boolean', { required: true }));
  it('is empty when every required field holds an answer', () => {
    expect(missingRequiredFields(s, { goals: 'Grow', agreed: false })).toEqual([]);
  });
  it('names absent, null and blank required fields in definition order, ignoring optional ones', () => {
    expect(missingRequiredFields(s, { goals: '  ', notes: '' })).toEqual(['goals', 'agreed']);
    expect(missingRequiredFields(s, { agreed: null, goals: 'x' })).toEqual(['agreed']);
  });
  it('treats non-object stored values as holding nothing', () => {
    expect(missingRequiredFields(s, null)).toEqual(['goals', 'agreed']);
    expect(missingRequiredFields(s, [])).toEqual(['goals', 'agreed']);
  });
});
