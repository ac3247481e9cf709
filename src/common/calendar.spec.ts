import fc from 'fast-check';
import { addDays, daysBetween, endOfDay, isCalendarDate, isWithin, localDate, parseInstant, windowBounds } from './calendar.js';

const STOCKHOLM = 'Europe/Stockholm';

describe('isCalendarDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01'])('accepts %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });
  it.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    ' 2026-01-01',
    '2026-01-01T00:00:00Z',
    '0000-01-01',
    20260101,
    null,
  ])('refuses %p', (d) => {
    expect(isCalendarDate(d)).toBe(false);
  });
});

describe('parseInstant', () => {
  it('reads offsets in every form PostgreSQL and JSON produce', () => {
    const utc = Date.UTC(2026, 2, 1, 10, 0, 0);
    expect(parseInstant('2026-03-01T10:00:00Z')).toBe(utc);
    expect(parseInstant('2026-03-01T10:00:00.000Z')).toBe(utc);
    expect(parseInstant('2026-03-01T11:00:00+01:00')).toBe(utc);
    expect(parseInstant('2026-03-01 11:00:00+01')).toBe(utc);
    expect(parseInstant('2026-03-01T05:30-04:30')).toBe(utc);
    expect(parseInstant(new Date(utc))).toBe(utc);
  });
  it('keeps microseconds so close records still sort apart', () => {
    expect(parseInstant('2026-03-01T10:00:00.000002Z')).toBeGreaterThan(parseInstant('2026-03-01T10:00:00.000001Z'));
  });
  it.each(['2026-03-01T10:00:00', '2026-02-30T10:00:00Z', '2026-03-01T24:00:00Z', '2026-03-01', 'yesterday', ''])('refuses %p', (s) => {
    expect(() => parseInstant(s)).toThrow(RangeError);
  });
  it('refuses an invalid Date', () => {
    expect(() => parseInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('localDate', () => {
  it('gives the next day in Stockholm for 23:30 UTC (winter, UTC+1)', () => {
    expect(localDate('2026-01-15T23:30:00Z', STOCKHOLM)).toBe('2026-01-16');
    expect(localDate('2026-01-15T23:30:00Z', 'UTC')).toBe('2026-01-15');
  });
  it('is exact at local midnight', () => {
    expect(localDate('2026-01-15T22:59:59.999Z', STOCKHOLM)).toBe('2026-01-15');
    expect(localDate('2026-01-15T23:00:00Z', STOCKHOLM)).toBe('2026-01-16');
    // Summer time: UTC+2
    expect(localDate('2026-07-15T21:59:59Z', STOCKHOLM)).toBe('2026-07-15');
    expect(localDate('2026-07-15T22:00:00Z', STOCKHOLM)).toBe('2026-07-16');
  });
  it('follows the spring DST change (2026-03-29 02:00 -> 03:00 local)', () => {
    expect(localDate('2026-03-28T22:59:00Z', STOCKHOLM)).toBe('2026-03-28');
    expect(localDate('2026-03-28T23:30:00Z', STOCKHOLM)).toBe('2026-03-29');
    expect(localDate('2026-03-29T01:30:00Z', STOCKHOLM)).toBe('2026-03-29'); // 03:30 CEST
    expect(localDate('2026-03-29T21:59:00Z', STOCKHOLM)).toBe('2026-03-29'); // 23:59 CEST
    expect(localDate('2026-03-29T22:00:00Z', STOCKHOLM)).toBe('2026-03-30');
  });
  it('follows the autumn DST change (2026-10-25 03:00 -> 02:00 local)', () => {
    expect(localDate('2026-10-24T21:59:00Z', STOCKHOLM)).toBe('2026-10-24'); // 23:59 CEST
    expect(localDate('2026-10-24T22:00:00Z', STOCKHOLM)).toBe('2026-10-25');
    expect(localDate('2026-10-25T22:59:00Z', STOCKHOLM)).toBe('2026-10-25'); // 23:59 CET
    expect(localDate('2026-10-25T23:00:00Z', STOCKHOLM)).toBe('2026-10-26');
  });
  it('uses the offset written in the timestamp, not the process time zone', () => {
    expect(localDate('2026-01-16T00:30:00+01:00', STOCKHOLM)).toBe('2026-01-16');
    expect(localDate('2026-01-16T00:30:00+01:00', 'UTC')).toBe('2026-01-15');
    expect(localDate('2026-01-15T20:00:00-05:00', 'Asia/Tokyo')).toBe('2026-01-16');
  });
  it('accepts a Date', () => {
    expect(localDate(new Date(Date.UTC(2026, 0, 15, 23, 30)), STOCKHOLM)).toBe('2026-01-16');
  });
  it('refuses an unknown time zone', () => {
    expect(() => localDate('2026-01-15T10:00:00Z', 'Europe/Atlantis')).toThrow(RangeError);
  });
  it('agrees with the written offset for any instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: -12, max: 14 }), (ms, hours) => {
        const shifted = new Date(ms + hours * 3_600_000).toISOString().slice(0, 10);
        const zone = hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
        return localDate(new Date(ms), zone) === shifted;
      }),
    );
  });
});

describe('endOfDay', () => {
  it('is the last millisecond of the local day, in winter, in summer, and on the days the clocks change', () => {
    expect(endOfDay('2026-03-01', 'Europe/Stockholm').toISOString()).toBe('2026-03-01T22:59:59.999Z');
    expect(endOfDay('2026-07-01', 'Europe/Stockholm').toISOString()).toBe('2026-07-01T21:59:59.999Z');
    // 29 March 2026: clocks go forward at 02:00; the day ends at midnight CEST.
    expect(endOfDay('2026-03-29', 'Europe/Stockholm').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfDay('2026-10-25', 'Europe/Stockholm').toISOString()).toBe('2026-10-25T22:59:59.999Z');
    expect(endOfDay('2026-03-01', 'UTC').toISOString()).toBe('2026-03-01T23:59:59.999Z');
    expect(endOfDay('2026-03-01', 'Pacific/Kiritimati').toISOString()).toBe('2026-03-01T09:59:59.999Z');
    expect(localDate(endOfDay('2026-03-01', 'America/Los_Angeles'), 'America/Los_Angeles')).toBe('2026-03-01');
    expect(localDate(new Date(endOfDay('2026-03-01', 'America/Los_Angeles').getTime() + 1), 'America/Los_Angeles')).toBe('2026-03-02');
  });
});

describe('addDays and daysBetween', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-15', 0)).toBe('2026-03-15');
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02'); // two-digit years stay where they are
  });
  it('ignores DST: a day is a day', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
  it('counts signed days', () => {
    expect(daysBetween('2026-01-01', '2026-01-03')).toBe(2);
    expect(daysBetween('2026-01-03', '2026-01-01')).toBe(-2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
  it('refuses malformed input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-01-01', 'tomorrow')).toThrow(RangeError);
  });
  it('addDays and daysBetween are inverse (property)', () => {
    const date = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
        const moved = addDays(d, n);
        return isCalendarDate(moved) && daysBetween(d, moved) === n && addDays(moved, -n) === d;
      }),
    );
  });
});

describe('windowBounds and isWithin', () => {
  const window = { fromDays: 7, toDays: 14 };
  const bounds = windowBounds('2026-03-25', window);

  it('measures both ends from the anchor, inclusive', () => {
    expect(bounds).toEqual({ from: '2026-04-01', to: '2026-04-08' });
    expect(windowBounds('2026-03-25', { fromDays: -3, toDays: 0 })).toEqual({ from: '2026-03-22', to: '2026-03-25' });
    expect(windowBounds('2026-03-25', { fromDays: 0, toDays: 0 })).toEqual({ from: '2026-03-25', to: '2026-03-25' });
  });
  it('includes the first and last allowed day, not the days around them', () => {
    expect(isWithin('2026-03-31', bounds)).toBe(false);
    expect(isWithin('2026-04-01', bounds)).toBe(true);
    expect(isWithin('2026-04-08', bounds)).toBe(true);
    expect(isWithin('2026-04-09', bounds)).toBe(false);
  });
  it('refuses an inverted or fractional window and malformed dates', () => {
    expect(() => windowBounds('2026-03-25', { fromDays: 5, toDays: 4 })).toThrow(RangeError);
    expect(() => windowBounds('2026-03-25', { fromDays: 0.5, toDays: 4 })).toThrow(RangeError);
    expect(() => windowBounds('2026-02-30', window)).toThrow(RangeError);
    expect(() => isWithin('2026-4-01', bounds)).toThrow(RangeError);
  });
  it('contains exactly toDays - fromDays + 1 days (property)', () => {
    const anchor = fc
      .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(anchor, fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 400 }), (a, fromDays, length) => {
        const toDays = fromDays + length;
        const b = windowBounds(a, { fromDays, toDays });
        let count = 0;
        for (let d = addDays(b.from, -2); d <= addDays(b.to, 2); d = addDays(d, 1)) if (isWithin(d, b)) count++;
        return count === toDays - fromDays + 1 && daysBetween(b.from, b.to) === length;
      }),
      { numRuns: 200 },
    );
  });
});
