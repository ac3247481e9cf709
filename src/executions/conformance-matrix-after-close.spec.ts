/**
 * The matrix and work carried out after the programme closes (afterClose): someone who left
 * before the window closed owes nothing to an ordinary procedure, but is still followed up by an
 * afterClose one (its appliesWhen says whom). Pure: buildMatrix on hand-made data.
 */
import fc from 'fast-check';
import { addDays } from '../common/calendar.js';
import type { Programme } from '../programmes/programme.entity.js';
import type { ProcedureDefinition } from '../procedures/procedure-definition.js';
import { buildMatrix } from './conformance-matrix.service.js';
import type { MatrixData } from './conformance-matrix.service.js';

const START = '2025-01-13';
const END = '2025-12-19';
const programme = { id: 'p', startDate: START, endDate: END, timeZone: 'Europe/Stockholm', status: 'closed' } as Programme;

function definition(key: string, afterClose: boolean, appliesTo?: string[]): ProcedureDefinition {
  return {
    key,
    title: { en: key },
    purpose: { en: key },
    subject: 'adept',
    responsibleRoles: ['programme_leader'],
    window: { anchor: 'programme_end', fromDays: 152, toDays: 213 },
    ordered: true,
    ...(afterClose && { afterClose: true }),
    ...(appliesTo && { appliesWhen: { status: { in: appliesTo } } }),
    steps: [
      {
        key: 'contact',
        title: { en: 'Contact' },
        required: true,
        fields: [{ key: 'made', label: { en: 'Made' }, type: 'boolean', required: true }],
      },
    ],
  };
}

function data(leftOn: string | null, status: 'active' | 'completed' | 'withdrawn'): MatrixData {
  return {
    plan: [
      { procedure_id: '1', procedure_key: 'follow-up', version_number: 1, definition: definition('follow-up', true) },
      { procedure_id: '2', procedure_key: 'ordinary', version_number: 1, definition: definition('ordinary', false) },
    ],
    participants: [{ id: 'a', code: 'A-001', role: 'adept', status, enrolled_at: addDays(START, -30), withdrawn_at: leftOn }],
    pairs: [],
    executions: [],
  };
}

const cells = (d: MatrixData, today: string) =>
  Object.fromEntries(buildMatrix(d, programme, today).rows[0].cells.map((c) => [c.procedureKey, c]));

describe('the matrix and procedures carried out after the programme closes', () => {
  it('follows up an adept who left early for work, where an ordinary procedure excuses them', () => {
    const c = cells(data('2025-04-01', 'withdrawn'), addDays(END, 160));
    expect(c['follow-up']).toMatchObject({ status: 'due', window: { from: addDays(END, 152), to: addDays(END, 213) } });
    expect(c.ordinary).toMatchObject({ status: 'not_applicable', notApplicable: { reason: 'left' } });
  });

  it('judges the follow-up by its window whoever left and whenever (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -30, max: 500 }),
        fc.integer({ min: 0, max: 600 }),
        fc.boolean(),
        (leftAfterStart, todayAfterEnd, left) => {
          const leftOn = left ? addDays(START, leftAfterStart) : null;
          const today = addDays(END, todayAfterEnd);
          const followUp = cells(data(leftOn, left ? 'withdrawn' : 'completed'), today)['follow-up'];
          const expected = todayAfterEnd < 152 ? 'not_yet_due' : todayAfterEnd <= 213 ? 'due' : 'overdue';
          expect(followUp.status).toBe(expected);
          expect(followUp.notApplicable).toBeUndefined();
        },
      ),
    );
  });

  it('still leaves out those its appliesWhen does not name', () => {
    const d = data(null, 'active');
    d.plan[0].definition = definition('follow-up', true, ['completed', 'withdrawn']);
    expect(cells(d, addDays(END, 160))['follow-up']).toMatchObject({ status: 'not_applicable', notApplicable: { reason: 'applies_when' } });
  });

  it('says which procedures a closed programme still takes', () => {
    expect(buildMatrix(data(null, 'completed'), programme, END).procedures.map((p) => [p.procedureKey, p.afterClose])).toEqual([
      ['follow-up', true],
      ['ordinary', undefined],
    ]);
  });
});
