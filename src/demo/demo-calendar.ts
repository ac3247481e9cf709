/**
 * The demo's calendar. The script is written for a programme that runs 2026-01-12 .. 2026-12-18,
 * seen on 2026-11-29, near its end. Run on another day, every date moves by whole weeks (so
 * weekdays stay weekdays) to keep the programme near its end and every recorded step in the past.
 */
import { addDays, daysBetween, localDate } from '../common/calendar.js';

export const DEMO_TIME_ZONE = 'Europe/Stockholm';
/** The day the script is written for. */
const SCRIPT_TODAY = '2026-11-29';

export class DemoCalendar {
  /** Days every scripted date moves (a multiple of 7). */
  readonly shift: number;
  readonly today: string;

  constructor(now: Date) {
    this.today = localDate(now, DEMO_TIME_ZONE);
    this.shift = 7 * Math.floor(daysBetween(SCRIPT_TODAY, this.today) / 7);
  }

  /** A scripted date (YYYY-MM-DD) as it falls in this run. */
  day(scripted: string): string {
    return addDays(scripted, this.shift);
  }

  /** A scripted local time (`HH:MM` in Stockholm) on a scripted date, as an ISO instant. */
  at(scripted: string, time: string): string {
    return stockholmInstant(this.day(scripted), time);
  }

  /** The year the programme starts in this run (for its name). */
  year(scripted: string): number {
    return Number(this.day(scripted).slice(0, 4));
  }
}

/** A wall-clock time in Stockholm as a UTC instant (correct on both sides of the summer-time change). */
export function stockholmInstant(day: string, time: string): string {
  const wall = Date.parse(`${day}T${time}:00Z`);
  let instant = wall - offsetMinutes(wall) * 60_000;
  // Near a change of offset the first guess can land on the other side of it.
  instant = wall - offsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: DEMO_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Stockholm is ahead of UTC at `ms`. */
function offsetMinutes(ms: number): number {
  const parts = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}
