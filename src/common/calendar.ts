/**
 * Calendar arithmetic for procedure time windows. A day is a calendar date `YYYY-MM-DD` in the
 * programme's time zone; instants are turned into days once (localDate) and everything after that
 * is day arithmetic, so DST changes cannot make a day 23 or 25 hours long here.
 * Pure functions: no clock, no I/O; malformed input throws RangeError (it is a programming error,
 * user input is validated before it gets here).
 */

/** Inclusive range of calendar dates. */
export interface DateRange {
  from: string;
  to: string;
}

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 with an explicit offset. A timestamp without one would be read in the process's own
// time zone, which makes the result depend on the machine: refuse it. `+HH` and `+HHMM` are the
// forms PostgreSQL prints.
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** True for a string `YYYY-MM-DD` naming a day that exists (2026-02-30 does not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  return m !== null && validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function requireDate(value: string, name: string): string {
  if (!isCalendarDate(value)) throw new RangeError(`${name} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

// Date.UTC maps years 0..99 to 19xx; setUTCFullYear does not.
function utcMs(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

function toEpochDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(utcMs(y, m, d) / MS_PER_DAY);
}

function fromEpochDay(day: number): string {
  const t = new Date(day * MS_PER_DAY);
  const y = t.getUTCFullYear();
  if (y < 1 || y > 9999) throw new RangeError(`date out of range (year ${y})`);
  return `${String(y).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

/**
 * Milliseconds since the epoch for an RFC 3339 timestamp with an explicit offset. Sub-millisecond
 * digits are kept as a fraction (PostgreSQL stores microseconds; two records a few microseconds
 * apart must still sort apart). Date.parse is not used: it accepts 2026-02-30 as 2 March.
 */
export function parseInstant(instant: string | Date): number {
  if (instant instanceof Date) {
    const t = instant.getTime();
    if (!Number.isFinite(t)) throw new RangeError('invalid Date');
    return t;
  }
  const m = typeof instant === 'string' ? INSTANT_RE.exec(instant) : null;
  if (!m) throw new RangeError(`not an ISO timestamp with offset: ${JSON.stringify(instant)}`);
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const offH = m[10] === undefined ? 0 : Number(m[10]);
  const offM = m[11] === undefined ? 0 : Number(m[11]);
  if (!validYmd(y, mo, d) || h > 23 || mi > 59 || s > 59 || offH > 23 || offM > 59) {
    throw new RangeError(`not a valid timestamp: ${JSON.stringify(instant)}`);
  }
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  const offsetMs = (m[9] === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  return utcMs(y, mo, d) + ((h * 60 + mi) * 60 + s) * 1000 + fraction - offsetMs;
}

// Building an Intl.DateTimeFormat is costly (a conformance matrix converts thousands of instants).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date an instant falls on in `timeZone` (an IANA name such as Europe/Stockholm). */
export function localDate(instant: string | Date, timeZone: string): string {
  const ms = Math.floor(parseInstant(instant));
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const era = part('era');
  const year = Number(part('year'));
  // Before year 1 the Gregorian calendar counts eras backwards; no programme lives there.
  if (era !== 'AD' || !(year >= 1 && year <= 9999)) throw new RangeError(`instant out of range: ${String(instant)}`);
  return `${String(year).padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * The last instant (to the millisecond) of calendar day `day` in `timeZone`: when a window that
 * ends that day closed. Found by bisection on `localDate`, so it holds across summer-time changes.
 */
export function endOfDay(day: string, timeZone: string): Date {
  const next = addDays(day, 1);
  const midnightUtc = Date.parse(`${next}T00:00:00Z`);
  // Local midnight lies within 14 hours either side of UTC midnight; the first instant on `next`.
  let lo = midnightUtc - 14 * 3_600_000;
  let hi = midnightUtc + 14 * 3_600_000;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(new Date(mid), timeZone) >= next) hi = mid;
    else lo = mid + 1;
  }
  return new Date(lo - 1);
}

/** `date` moved by `n` whole days (n may be negative). */
export function addDays(date: string, n: number): string {
  requireDate(date, 'date');
  if (!Number.isSafeInteger(n)) throw new RangeError(`days must be an integer, got ${n}`);
  return fromEpochDay(toEpochDay(date) + n);
}

/** Signed number of days from `a` to `b`: daysBetween('2026-01-01', '2026-01-03') === 2. */
export function daysBetween(a: string, b: string): number {
  return toEpochDay(requireDate(b, 'b')) - toEpochDay(requireDate(a, 'a'));
}

/** The allowed days, both ends inclusive: anchor + fromDays .. anchor + toDays. */
export function windowBounds(anchorDate: string, window: { fromDays: number; toDays: number }): DateRange {
  requireDate(anchorDate, 'anchorDate');
  if (!Number.isSafeInteger(window.fromDays) || !Number.isSafeInteger(window.toDays) || window.fromDays > window.toDays) {
    // An empty or fractional window would make every execution nonconforming: a broken definition.
    throw new RangeError(`invalid window: fromDays ${window.fromDays}, toDays ${window.toDays}`);
  }
  return { from: addDays(anchorDate, window.fromDays), to: addDays(anchorDate, window.toDays) };
}

/** True when `date` lies within `bounds`, both ends included. */
export function isWithin(date: string, bounds: DateRange): boolean {
  requireDate(date, 'date');
  requireDate(bounds.from, 'bounds.from');
  requireDate(bounds.to, 'bounds.to');
  // Zero-padded YYYY-MM-DD strings sort as dates do.
  return bounds.from <= date && date <= bounds.to;
}

/** The day halfway through a programme (rounded down): the anchor `programme_midpoint`. */
export function midpoint(start: string, end: string): string {
  return addDays(start, Math.floor(daysBetween(start, end) / 2));
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Today in a time zone, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDate(now, timeZone);
}
