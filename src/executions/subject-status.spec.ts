import fc from 'fast-check';
import { conformanceRate, SUBJECT_STATUSES, type SubjectStatus, type SubjectStatusInput, subjectStatus } from './subject-status.js';

const window = { from: '2026-03-08', to: '2026-03-29' };
const open = { state: 'open' as const, conformance: null };
const conforming = { state: 'completed' as const, conformance: 'conforming' as const };
const nonconforming = { state: 'completed' as const, conformance: 'nonconforming' as const };

describe('subjectStatus', () => {
  const cases: [string, SubjectStatusInput, SubjectStatus][] = [
    ['no execution, window unknown', { window: null, today: '2026-03-10', execution: null }, 'not_yet_due'],
    ['no execution, the day before the window', { window, today: '2026-03-07', execution: null }, 'not_yet_due'],
    ['no execution, the first day of the window', { window, today: '2026-03-08', execution: null }, 'due'],
    ['no execution, the last day of the window', { window, today: '2026-03-29', execution: null }, 'due'],
    ['no execution, the day after the window', { window, today: '2026-03-30', execution: null }, 'overdue'],
    ['open execution before the window', { window, today: '2026-03-01', execution: open }, 'in_progress'],
    ['open execution on the last day', { window, today: '2026-03-29', execution: open }, 'in_progress'],
    ['open execution after the window', { window, today: '2026-03-30', execution: open }, 'overdue'],
    ['open execution, window unknown', { window: null, today: '2030-01-01', execution: open }, 'in_progress'],
    ['completed conforming, even after the window', { window, today: '2027-01-01', execution: conforming }, 'conforming'],
    ['completed nonconforming, inside the window', { window, today: '2026-03-10', execution: nonconforming }, 'nonconforming'],
    ['completed conforming, window unknown', { window: null, today: '2026-03-10', execution: conforming }, 'conforming'],
    [
      'completed conforming after an earlier nonconforming judgement',
      { window, today: '2026-03-10', execution: { ...conforming, everNonconforming: true } },
      'conforming_after_correction',
    ],
    [
      'completed nonconforming, also earlier',
      { window, today: '2026-03-10', execution: { ...nonconforming, everNonconforming: true } },
      'nonconforming',
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(subjectStatus(input)).toBe(expected);
  });

  it('refuses a completed execution without a judgement', () => {
    expect(() => subjectStatus({ window, today: '2026-03-10', execution: { state: 'completed', conformance: null } })).toThrow(
      /conformance judgement/,
    );
  });
  it('refuses malformed dates', () => {
    expect(() => subjectStatus({ window, today: '2026-3-10', execution: null })).toThrow(RangeError);
    expect(() => subjectStatus({ window: { from: '2026-03-08', to: '2026-02-30' }, today: '2026-03-10', execution: null })).toThrow(
      RangeError,
    );
  });
});

describe('conformanceRate', () => {
  it('is conforming / completed, ignoring cells with nothing completed', () => {
    const statuses: SubjectStatus[] = [
      'conforming',
      'conforming',
      'conforming',
      'nonconforming',
      'overdue',
      'overdue',
      'due',
      'in_progress',
      'not_yet_due',
    ];
    expect(conformanceRate(statuses)).toEqual({
      conforming: 3,
      completed: 4,
      rate: 0.75,
      counts: { not_yet_due: 1, due: 1, overdue: 2, in_progress: 1, conforming: 3, conforming_after_correction: 0, nonconforming: 1 },
    });
  });
  it('counts an execution conforming after correction as conforming, and apart', () => {
    expect(conformanceRate(['conforming_after_correction', 'nonconforming', 'conforming'])).toMatchObject({
      conforming: 2,
      completed: 3,
      counts: { conforming: 1, conforming_after_correction: 1, nonconforming: 1 },
    });
  });
  it('is null, not 0, when nothing is completed', () => {
    expect(conformanceRate(['overdue', 'due'])).toMatchObject({ conforming: 0, completed: 0, rate: null });
    expect(conformanceRate([])).toMatchObject({ completed: 0, rate: null });
  });
  it('reaches 0 and 1', () => {
    expect(conformanceRate(['nonconforming']).rate).toBe(0);
    expect(conformanceRate(['conforming', 'overdue']).rate).toBe(1);
  });
  it('refuses an unknown status', () => {
    expect(() => conformanceRate(['conforming', 'late' as SubjectStatus])).toThrow(RangeError);
  });
  it('counts every cell once and stays within 0..1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SUBJECT_STATUSES)), (statuses) => {
        const r = conformanceRate(statuses);
        const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
        return (
          total === statuses.length &&
          (r.rate === null ? r.completed === 0 : r.rate >= 0 && r.rate <= 1 && Math.abs(r.rate * r.completed - r.conforming) < 1e-9)
        );
      }),
    );
  });
});
