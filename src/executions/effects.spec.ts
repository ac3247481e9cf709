import fc from 'fast-check';
import type { ProcedureDefinition } from '../procedures/procedure-definition.js';
import { changedEffectFields, dueEffects } from './effects.js';
import type { RecordForEffects } from './effects.js';

const definition = {
  key: 'intake',
  title: { en: 'Intake' },
  purpose: { en: 'Decide' },
  subject: 'adept',
  responsibleRoles: ['programme_leader'],
  window: { anchor: 'programme_start', fromDays: -60, toDays: -1 },
  ordered: false,
  steps: [
    {
      key: 'interview',
      title: { en: 'Interview' },
      required: true,
      fields: [{ key: 'notes', label: { en: 'Notes' }, type: 'text', required: true }],
    },
    {
      key: 'decision',
      title: { en: 'Decision' },
      required: true,
      fields: [
        {
          key: 'decision',
          label: { en: 'Decision' },
          type: 'enum',
          required: true,
          options: ['admitted', 'waiting_list', 'not_admitted', 'undecided'].map((value) => ({ value, label: { en: value } })),
          effects: [
            { when: { equals: 'admitted' }, status: 'active' },
            { when: { in: ['waiting_list'] }, status: 'waiting_list' },
            { when: { equals: 'not_admitted' }, status: 'not_admitted' },
          ],
        },
      ],
    },
  ],
} as ProcedureDefinition;

const record = (id: string, decision: string, supersedesId: string | null = null): RecordForEffects => ({
  id,
  stepKey: 'decision',
  values: { decision },
  performedAt: new Date('2026-01-10T10:00:00Z'),
  supersedesId,
});

describe('due effects', () => {
  it('finds the status a recorded decision calls for', () => {
    expect(dueEffects(definition, [record('r1', 'admitted')])).toEqual([
      expect.objectContaining({ stepKey: 'decision', fieldKey: 'decision', value: 'admitted', status: 'active', recordId: 'r1' }),
    ]);
    expect(dueEffects(definition, [record('r1', 'waiting_list')])[0].status).toBe('waiting_list');
  });

  it('makes none for a value without an effect, or with nothing recorded', () => {
    expect(dueEffects(definition, [record('r1', 'undecided')])).toEqual([]);
    expect(dueEffects(definition, [])).toEqual([]);
  });

  it('reads the record in force, not the one a correction superseded', () => {
    expect(dueEffects(definition, [record('r1', 'admitted'), record('r2', 'not_admitted', 'r1')]).map((e) => e.status)).toEqual([
      'not_admitted',
    ]);
  });

  it('tells which effect-bearing values a correction changed', () => {
    const before = [record('r1', 'waiting_list')];
    const after = [...before, record('r2', 'admitted', 'r1')];
    expect(changedEffectFields(definition, before, after)).toEqual([
      expect.objectContaining({
        fieldKey: 'decision',
        before: expect.objectContaining({ status: 'waiting_list' }),
        after: expect.objectContaining({ status: 'active' }),
      }),
    ]);
    expect(changedEffectFields(definition, before, [...before, record('r3', 'waiting_list', 'r1')])).toEqual([]);
  });

  it('calls for exactly the status of the value recorded last (property)', () => {
    const values = ['admitted', 'waiting_list', 'not_admitted', 'undecided'];
    const status: Record<string, string | undefined> = { admitted: 'active', waiting_list: 'waiting_list', not_admitted: 'not_admitted' };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 5 }), (chain) => {
        const records = chain.map((v, i) => record(`r${i}`, v, i === 0 ? null : `r${i - 1}`));
        const due = dueEffects(definition, records);
        expect(due.map((e) => e.status)).toEqual(status[chain[chain.length - 1]] ? [status[chain[chain.length - 1]]] : []);
      }),
    );
  });
});
