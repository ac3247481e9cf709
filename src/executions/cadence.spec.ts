import fc from 'fast-check';
import { addDays, daysBetween } from '../common/calendar.js';
import { describeGap, evaluateCadence, gapBrokenOn } from './cadence.js';
import type { CadenceInput } from './cadence.js';

const FROM = '2026-01-05';

describe('evaluateCadence', () => {
  const base = { period: { from: FROM, to: '2026-06-30' }, cadenceDays: 30 };

  it('finds nothing for a pair meeting every 30 days', () => {
    const r = evaluateCadence({ ...base, today: '2026-03-10', occurrences: ['2026-01-20', '2026-02-19', '2026-03-05'] });
    expect(r).toMatchObject({
      state: 'running',
      judgedUntil: '2026-03-10',
      occurrences: 3,
      lastDate: '2026-03-05',
      gaps: [],
      longestGapDays: 30,
    });
  });

  it('names a gap between two meetings longer than the cadence', () => {
    const r = evaluateCadence({ ...base, today: '2026-04-01', occurrences: ['2026-01-10', '2026-02-28', '2026-03-20'] });
    expect(r.gaps).toEqual([{ kind: 'between', from: '2026-01-10', to: '2026-02-28', days: 49, open: false }]);
    expect(r.longestGapDays).toBe(49);
  });

  it('finds the quiet pair with no meeting at all, the gap still open and growing from the period start', () => {
    const day40 = evaluateCadence({ ...base, today: addDays(FROM, 40), occurrences: [] });
    const day50 = evaluateCadence({ ...base, today: addDays(FROM, 50), occurrences: [] });
    expect(day40.gaps).toEqual([{ kind: 'start', from: FROM, to: addDays(FROM, 40), days: 40, open: true }]);
    expect(day50.gaps[0]).toMatchObject({ from: FROM, days: 50, open: true });
    expect(evaluateCadence({ ...base, today: addDays(FROM, 30), occurrences: [] }).gaps).toEqual([]);
  });

  it('judges a period that has ended up to its last day, and an ended pair up to the day it ended', () => {
    const ended = evaluateCadence({ ...base, today: '2026-09-01', occurrences: ['2026-05-01'] });
    expect(ended.state).toBe('ended');
    expect(ended.gaps.at(-1)).toEqual({ kind: 'end', from: '2026-05-01', to: '2026-06-30', days: 60, open: false });
    const left = evaluateCadence({ ...base, today: '2026-09-01', endedOn: '2026-05-20', occurrences: ['2026-05-01', '2026-06-01'] });
    expect(left).toMatchObject({ state: 'ended', judgedUntil: '2026-05-20', occurrences: 1 });
    expect(left.gaps.filter((g) => g.kind === 'end')).toEqual([]);
  });

  it('owes nothing before the period starts', () => {
    expect(evaluateCadence({ ...base, today: '2026-01-01', occurrences: [] })).toMatchObject({
      state: 'not_started',
      gaps: [],
      judgedUntil: null,
    });
  });

  it('judges a series against its planned sessions once the period has ended', () => {
    const weekly = ['2026-01-10', '2026-02-05', '2026-03-01'];
    const series = { period: { from: FROM, to: '2026-03-31' }, cadenceDays: 35, sessions: 4, occurrences: weekly };
    expect(evaluateCadence({ ...series, today: '2026-03-20' }).sessionsShort).toBeNull();
    expect(evaluateCadence({ ...series, today: '2026-04-01' }).sessionsShort).toEqual({ planned: 4, held: 3 });
  });

  it('says what the gap is in a sentence and when it broke the cadence', () => {
    const [gap] = evaluateCadence({ ...base, today: addDays(FROM, 45), occurrences: [] }).gaps;
    expect(describeGap(gap, 30, 'mentor-meeting', 'M-01/A-01')).toBe(
      `No mentor-meeting for M-01/A-01 for 45 days from the start of the period on ${FROM} to today (${addDays(FROM, 45)}), with none since; the cadence is at most every 30 days.`,
    );
    expect(gapBrokenOn(gap, 30)).toBe(addDays(FROM, 31));
  });
});

describe('evaluateCadence properties', () => {
  const input = fc
    .record({
      length: fc.integer({ min: 0, max: 200 }),
      cadenceDays: fc.integer({ min: 1, max: 60 }),
      todayOffset: fc.integer({ min: -10, max: 260 }),
      endedOffset: fc.option(fc.integer({ min: 0, max: 220 }), { nil: null }),
      offsets: fc.array(fc.integer({ min: -20, max: 240 }), { maxLength: 25 }),
      sessions: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    })
    .map((r): CadenceInput => ({
      period: { from: FROM, to: addDays(FROM, r.length) },
      today: addDays(FROM, r.todayOffset),
      cadenceDays: r.cadenceDays,
      endedOn: r.endedOffset === null ? null : addDays(FROM, r.endedOffset),
      occurrences: r.offsets.map((o) => addDays(FROM, o)),
      ...(r.sessions !== undefined && { sessions: r.sessions }),
    }));

  it('finds no gap when no interval is longer than the cadence', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = evaluateCadence(i);
        if (r.longestGapDays !== null && r.longestGapDays <= i.cadenceDays) expect(r.gaps).toEqual([]);
        else if (r.longestGapDays !== null) expect(r.gaps.length).toBeGreaterThan(0);
      }),
    );
  });

  it('gives gaps that are disjoint, in order, within the judged period, each longer than the cadence', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = evaluateCadence(i);
        let previousTo: string | null = null;
        for (const g of r.gaps) {
          expect(g.days).toBe(daysBetween(g.from, g.to));
          expect(g.days).toBeGreaterThan(i.cadenceDays);
          expect(g.from >= i.period.from && g.to <= r.judgedUntil!).toBe(true);
          if (previousTo !== null) expect(g.from >= previousTo).toBe(true);
          previousTo = g.to;
        }
        expect(r.gaps.filter((g) => g.open).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never adds a breach by adding an occurrence: every gap after lies within a gap before, and no more sessions are missing', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: -20, max: 240 }), (i, extra) => {
        const before = evaluateCadence(i);
        const after = evaluateCadence({ ...i, occurrences: [...i.occurrences, addDays(FROM, extra)] });
        for (const g of after.gaps) expect(before.gaps.some((b) => b.from <= g.from && g.to <= b.to)).toBe(true);
        const overdue = (r: typeof before) => r.gaps.reduce((n, g) => n + g.days - i.cadenceDays, 0);
        expect(overdue(after)).toBeLessThanOrEqual(overdue(before));
        if (before.sessionsShort === null) expect(after.sessionsShort).toBeNull();
      }),
    );
  });

  it('keeps a growing gap the same gap: a later day without occurrences keeps every gap start', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 30 }), (i, later) => {
        const now = evaluateCadence(i);
        const next = evaluateCadence({ ...i, today: addDays(i.today, later) });
        for (const g of now.gaps) expect(next.gaps.some((n) => n.from === g.from)).toBe(true);
      }),
    );
  });
});
