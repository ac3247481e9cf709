import { isCalendarDate, isPlainJson, isTimestamp } from './fields.js';

describe('isCalendarDate', () => {
  it.each(['2026-03-03', '2024-02-29', '2000-02-29', '1900-01-01', '2200-12-31', '2026-12-31'])('accepts %s', (v) => {
    expect(isCalendarDate(v)).toBe(true);
  });

  it.each([
    ['a day that does not exist', '2026-02-30'],
    ['29 February outside a leap year', '2023-02-29'],
    ['29 February 1900 (not a leap year)', '1900-02-29'],
    ['month 13', '2026-13-01'],
    ['month 0', '2026-00-10'],
    ['day 0', '2026-01-00'],
    ['day 32', '2026-01-32'],
    ['31 April', '2026-04-31'],
    ['no zero padding', '2026-3-3'],
    ['a time part', '2026-03-03T00:00:00Z'],
    ['slashes', '2026/03/03'],
    ['a year before 1900', '1899-12-31'],
    ['a year after 2200', '2201-01-01'],
    ['surrounding space', ' 2026-03-03'],
    ['an empty string', ''],
  ])('refuses %s (%s)', (_what, v) => {
    expect(isCalendarDate(v)).toBe(false);
  });

  it.each([null, undefined, 20260303, new Date('2026-03-03'), ['2026-03-03']])('refuses the non-string %p', (v) => {
    expect(isCalendarDate(v)).toBe(false);
  });
});

describe('isTimestamp', () => {
  it.each([
    '2026-03-03T09:30:00Z',
    '2026-03-03T09:30Z',
    '2026-03-03T09:30:00.123Z',
    '2026-03-03T09:30:00.123456Z',
    '2026-03-03T09:30:00+01:00',
    '2026-03-03T23:59:59-05:30',
    '2024-02-29T00:00:00Z',
  ])('accepts %s', (v) => {
    expect(isTimestamp(v)).toBe(true);
  });

  it.each([
    ['no time zone', '2026-03-03T09:30:00'],
    ['a date only', '2026-03-03'],
    ['a day that does not exist', '2026-02-30T10:00:00Z'],
    ['hour 24', '2026-03-03T24:00:00Z'],
    ['hour 24 without seconds', '2026-03-03T24:00Z'],
    ['minute 60', '2026-03-03T09:60:00Z'],
    ['a leap second', '2026-03-03T23:59:60Z'],
    ['an offset beyond any zone', '2026-03-03T09:30:00+25:00'],
    ['an offset minute of 60', '2026-03-03T09:30:00+01:60'],
    ['an offset without a colon', '2026-03-03T09:30:00+0100'],
    ['more than microseconds', '2026-03-03T09:30:00.1234567Z'],
    ['a space for T', '2026-03-03 09:30:00Z'],
    ['a lower-case z', '2026-03-03T09:30:00z'],
    ['free text', 'tomorrow'],
  ])('refuses %s (%s)', (_what, v) => {
    expect(isTimestamp(v)).toBe(false);
  });

  it.each([null, 1772530200000, new Date()])('refuses the non-string %p', (v) => {
    expect(isTimestamp(v)).toBe(false);
  });
});

describe('isPlainJson', () => {
  it('accepts plain JSON values', () => {
    expect(isPlainJson({ a: [1, 'two', null, true, { b: 2.5 }] })).toBe(true);
  });

  it.each([
    ['a NUL in a string', { a: 'x\u0000y' }],
    ['a NUL in a key', { ['k\u0000']: 1 }],
    ['a prototype key', JSON.parse('{"__proto__": {"admin": true}}')],
    ['a constructor key', { constructor: 1 }],
    ['a non-finite number', { n: Infinity }],
    ['NaN', [NaN]],
    ['undefined', { u: undefined }],
    ['a function', { f: () => 1 }],
  ])('refuses %s', (_what, v) => {
    expect(isPlainJson(v)).toBe(false);
  });

  it('refuses nesting deeper than 16 levels, and accepts 16', () => {
    const nest = (depth: number): unknown => (depth === 0 ? 1 : { d: nest(depth - 1) });
    expect(isPlainJson(nest(16))).toBe(true);
    expect(isPlainJson(nest(17))).toBe(false);
  });
});
