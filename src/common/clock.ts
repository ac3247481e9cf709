import { localDate, todayIn } from './calendar.js';
import { unprocessable } from './problem.js';

/** Clock skew tolerated between a client and the service for instants "now". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The settings the clock reads (the application's configuration, read at every call, so a test
 * that fixes another day sees it at once). AppModule builds the clock from APP_CONFIG: common/
 * depends on no other folder.
 */
export interface ClockSettings {
  /** The organisation's time zone (`TIME_ZONE`). */
  readonly timeZone: string;
  /** The fixed day (`CLOCK_TODAY`), if any. */
  readonly clockToday: string | undefined;
}

/**
 * What "now" and "today" are for due dates, overdue judgements and dates that must not lie in the
 * future. The system clock, unless the configuration fixes a day (`CLOCK_TODAY`, for tests and
 * demonstrations): then today is that day in every time zone and now is its midday (UTC). Never
 * taken from a request: a client that could move the clock could open findings for steps not yet
 * due, or hide overdue ones.
 */
export class Clock {
  constructor(private readonly config: ClockSettings) {}

  /** The organisation's time zone (`TIME_ZONE`): reports and days not tied to a programme use it. */
  get timeZone(): string {
    return this.config.timeZone;
  }

  now(): Date {
    const fixed = this.config.clockToday;
    return fixed ? new Date(`${fixed}T12:00:00Z`) : new Date();
  }

  /**
   * With a fixed day, that day at the present UTC time of day (successive calls keep their
   * order, which `now()`'s fixed midday would not); null on the system clock. For stamps such as
   * the moment a version becomes effective, which records dated around the fixed day are judged against.
   */
  fixedInstant(): Date | null {
    const fixed = this.config.clockToday;
    if (!fixed) return null;
    const time = new Date().toISOString().slice(10);
    return new Date(`${fixed}${time}`);
  }

  /** Today as `YYYY-MM-DD` in a time zone (default: the organisation's). */
  today(timeZone: string = this.config.timeZone): string {
    return this.config.clockToday ?? todayIn(timeZone, this.now());
  }

  /**
   * Whether an instant that records something done lies in the future: after now, allowing a few
   * minutes of clock skew between the client and the service; with a fixed day, on a later day
   * (in `timeZone`).
   */
  isFuture(instant: Date, timeZone: string = this.config.timeZone): boolean {
    const fixed = this.config.clockToday;
    if (fixed) return localDate(instant, timeZone) > fixed;
    return instant.getTime() > Date.now() + CLOCK_SKEW_MS;
  }

  /**
   * The day a judgement is asked for (`?today=` of a read): any day up to today, today when none
   * is given. A day after today is refused: nothing is due or overdue on a day that has not come.
   */
  dayUpToToday(requested: string | undefined, timeZone: string, field = 'today'): string {
    const today = this.today(timeZone);
    if (requested === undefined) return today;
    if (requested > today) throw dayInFuture(field, requested, today);
    return requested;
  }
}

export function dayInFuture(field: string, day: string, today: string) {
  return unprocessable('day_in_future', `${day} has not come yet (today is ${today})`, {
    errors: [{ field, message: `must not be after today (${today})` }],
  });
}
