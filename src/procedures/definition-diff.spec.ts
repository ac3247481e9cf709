import { diffDefinitions, isEmptyDiff } from './definition-diff.js';
import type { FieldDefinition, ProcedureDefinition, StepDefinition } from './procedure-definition.js';

const field = (key: string, extra: Partial<FieldDefinition> = {}): FieldDefinition => ({ key, label: { en: key }, type: 'text', required: true, ...extra });
const step = (key: string, fields: FieldDefinition[] = [field('note')], extra: Partial<StepDefinition> = {}): StepDefinition => ({
  key,
  title: { en: key },
  required: true,
  fields,
  ...extra,
});

function version(steps: StepDefinition[] = [step('a'), step('b'), step('c')], extra: Partial<ProcedureDefinition> = {}): ProcedureDefinition {
  return {
    key: 'check-in',
    title: { en: 'Check-in' },
    purpose: { en: 'Make sure the pair meets.' },
    subject: 'pair',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'programme_start', fromDays: 0, toDays: 30 },
    ordered: true,
    steps,
    ...extra,
  };
}

const clone = <T>(v: T): T => structuredClone(v);

describe('diffDefinitions', () => {
  it('finds nothing between equal versions, whatever the key order', () => {
    const from = version();
    const to = Object.fromEntries(Object.entries(clone(from)).reverse()) as unknown as ProcedureDefinition;
    const diff = diffDefinitions(from, to);
    expect(diff).toEqual({ properties: [], window: null, steps: [] });
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('reports top-level properties with old and new values, null when not set', () => {
    const to = version(undefined, {
      title: { en: 'Check-in call', sv: 'Avstämning' },
      responsibleRoles: ['programme_leader', 'quality_manager'],
      ordered: false,
      references: ['ISO 9001:2015 8.5.1'],
    });
    expect(diffDefinitions(version(), to).properties).toEqual([
      { property: 'title', old: { en: 'Check-in' }, new: { en: 'Check-in call', sv: 'Avstämning' } },
      { property: 'responsibleRoles', old: ['programme_leader'], new: ['programme_leader', 'quality_manager'] },
      { property: 'ordered', old: true, new: false },
      { property: 'references', old: null, new: ['ISO 9001:2015 8.5.1'] },
    ]);
  });

  it('reports a changed window as a whole, old and new', () => {
    const to = version(undefined, { window: { anchor: 'procedure_completed', procedure: 'intake-interview', fromDays: 0, toDays: 45 } });
    const diff = diffDefinitions(version(), to);
    expect(diff.window).toEqual({ old: version().window, new: to.window });
    expect(diff.properties).toEqual([]);
    expect(diff.steps).toEqual([]);
  });

  it('reports an added step at its new index', () => {
    const added = step('x');
    const diff = diffDefinitions(version(), version([step('a'), added, step('b'), step('c')]));
    expect(diff.steps).toEqual([{ change: 'added', key: 'x', index: 1, value: added }]);
  });

  it('reports a removed step after the step that preceded it', () => {
    const diff = diffDefinitions(version(), version([step('a'), step('c')]));
    expect(diff.steps).toEqual([{ change: 'removed', key: 'b', index: 1, value: step('b') }]);
    const first = diffDefinitions(version(), version([step('b'), step('c'), step('y')]));
    expect(first.steps.map((s) => [s.change, s.key])).toEqual([
      ['removed', 'a'],
      ['added', 'y'],
    ]);
  });

  it('reports only the step that moved, not the ones it passed', () => {
    const diff = diffDefinitions(version(), version([step('c'), step('a'), step('b')]));
    expect(diff.steps).toEqual([{ change: 'moved', key: 'c', index: 0, moved: { from: 2, to: 0 }, title: { en: 'c' }, properties: [], fields: [] }]);
  });

  it('does not count a shift caused by an insertion or removal as a move', () => {
    const diff = diffDefinitions(version(), version([step('new'), step('a'), step('c')]));
    expect(diff.steps.map((s) => s.change).sort()).toEqual(['added', 'removed']);
  });

  it('reports step properties and field changes within a changed step', () => {
    const to = version([
      step('a', [field('note', { required: false, help: { en: 'Keep it short.' } }), field('score', { type: 'scale', min: 1, max: 5 })], {
        title: { en: 'First call' },
        performerRoles: ['programme_leader'],
      }),
      step('b'),
      step('c'),
    ]);
    expect(diffDefinitions(version(), to).steps).toEqual([
      {
        change: 'changed',
        key: 'a',
        index: 0,
        title: { en: 'First call' },
        properties: [
          { property: 'title', old: { en: 'a' }, new: { en: 'First call' } },
          { property: 'performerRoles', old: null, new: ['programme_leader'] },
        ],
        fields: [
          {
            change: 'changed',
            key: 'note',
            index: 0,
            label: { en: 'note' },
            properties: [
              { property: 'required', old: true, new: false },
              { property: 'help', old: null, new: { en: 'Keep it short.' } },
            ],
          },
          { change: 'added', key: 'score', index: 1, value: field('score', { type: 'scale', min: 1, max: 5 }) },
        ],
      },
    ]);
  });

  it('marks a step that both moved and changed', () => {
    const diff = diffDefinitions(version(), version([step('b'), step('c'), step('a', [field('note'), field('extra')])]));
    expect(diff.steps).toEqual([
      expect.objectContaining({ change: 'changed', key: 'a', index: 2, moved: { from: 0, to: 2 }, properties: [], fields: [expect.objectContaining({ change: 'added', key: 'extra' })] }),
    ]);
  });

  it('reports moved and removed fields', () => {
    const from = version([step('a', [field('one'), field('two'), field('three')])]);
    const to = version([step('a', [field('three'), field('one')])]);
    expect(diffDefinitions(from, to).steps[0]).toMatchObject({
      change: 'changed',
      properties: [],
      fields: [
        { change: 'moved', key: 'three', index: 0, moved: { from: 2, to: 0 }, label: { en: 'three' }, properties: [] },
        { change: 'removed', key: 'two', index: 1 },
      ],
    });
  });

  it('summarises option changes by value beside the old and new lists', () => {
    const options = (...values: string[]) => values.map((v) => ({ value: v, label: { en: v } }));
    const from = version([step('a', [field('fit', { type: 'enum', options: options('good', 'unsure', 'bad') })])]);
    const toOptions = [{ value: 'bad', label: { en: 'Not a good fit' } }, ...options('good', 'still_deciding')];
    const to = version([step('a', [field('fit', { type: 'enum', options: toOptions })])]);
    const fieldDiff = diffDefinitions(from, to).steps[0];
    expect(fieldDiff.change === 'changed' && fieldDiff.fields[0]).toEqual({
      change: 'changed',
      key: 'fit',
      index: 0,
      label: { en: 'fit' },
      properties: [{ property: 'options', old: options('good', 'unsure', 'bad'), new: toOptions }],
      options: { added: ['still_deciding'], removed: ['unsure'], relabelled: ['bad'], reordered: true },
    });
  });

  it('treats a renamed key as one step removed and one added, in that order', () => {
    const diff = diffDefinitions(version(), version([step('a'), step('b2'), step('c')]));
    expect(diff.steps.map((s) => [s.change, s.key])).toEqual([
      ['removed', 'b'],
      ['added', 'b2'],
    ]);
  });

  it('is plain JSON', () => {
    const diff = diffDefinitions(version(), version([step('c'), step('a', [field('x')])], { ordered: false }));
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});
