import { localDate } from '../common/calendar.js';
import type { Clock } from '../common/clock.js';
import { unprocessable } from '../common/problem.js';
import type { ProgrammeCalendar } from '../programmes/programme-dates.js';

/**
 * The rules a deviation's dates keep, checked on creation and on every edit alike: it was detected
 * neither in the future nor before its programme's preparation began, and its target date is not
 * before the day it was detected. Returns the day of detection in the programme's time zone.
 */
export function checkDeviationDates(detectedAt: Date, targetDate: string, programme: ProgrammeCalendar, clock: Clock): string {
  if (clock.isFuture(detectedAt, programme.timeZone)) {
    throw unprocessable('detected_in_future', 'A deviation cannot be detected in the future', {
      errors: [{ field: 'detectedAt', message: 'must not be in the future' }],
    });
  }
  const detectedDay = localDate(detectedAt, programme.timeZone);
  if (detectedDay < programme.preparationBegan) {
    throw unprocessable(
      'detected_before_programme',
      `A deviation cannot be detected before the programme's preparation began (${programme.preparationBegan})`,
      {
        errors: [
          { field: 'detectedAt', message: `must be on or after ${programme.preparationBegan}, when the programme's preparation began` },
        ],
      },
    );
  }
  if (targetDate < detectedDay) {
    throw unprocessable('target_before_detection', 'The target date cannot be before the day the deviation was detected', {
      errors: [{ field: 'targetDate', message: `must be on or after the day of detection (${detectedDay})` }],
    });
  }
  return detectedDay;
}

/**
 * When a nonconformity occurred: not in the future, and not after it was detected (nothing is
 * found before it happens).
 */
export function checkOccurred(occurredAt: Date, detectedAt: Date, timeZone: string, clock: Clock): void {
  if (clock.isFuture(occurredAt, timeZone)) {
    throw unprocessable('occurred_in_future', 'A nonconformity cannot have occurred in the future', {
      errors: [{ field: 'occurredAt', message: 'must not be in the future' }],
    });
  }
  if (occurredAt.getTime() > detectedAt.getTime()) {
    throw unprocessable('occurred_after_detection', 'A nonconformity cannot have occurred after it was detected', {
      errors: [{ field: 'occurredAt', message: `must not be after detectedAt (${detectedAt.toISOString()})` }],
    });
  }
}
