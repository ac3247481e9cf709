import type { EntityManager } from 'typeorm';
import { addDays } from '../common/calendar.js';
import { versionWindowStarts } from '../procedures/procedures.queries.js';

export interface ProgrammeCalendar {
  timeZone: string;
  /** The day its preparation began (see `programmeCalendar`). */
  preparationBegan: string;
}

/**
 * The days a programme's records are measured against. Its preparation began on the earliest of:
 * its start date; its first enrolment (adepts are admitted before the start); and the first day a
 * window of its procedure plan opens before the start or before enrolment (intake interviews are
 * held months ahead). Nothing about the programme can have been found before that day.
 */
export async function programmeCalendar(m: EntityManager, programmeId: string): Promise<ProgrammeCalendar> {
  const [row] = await m.query<{ time_zone: string; start_date: string; first_enrolment: string | null; version_ids: string[] }[]>(
    `SELECT p.time_zone, p.start_date::text AS start_date,
            (SELECT min(enrolled_at)::text FROM participant WHERE programme_id = $1) AS first_enrolment,
            ARRAY(SELECT version_id::text FROM programme_plan_entry WHERE programme_id = $1) AS version_ids
     FROM programme p WHERE p.id = $1`,
    [programmeId],
  );
  const windows = await versionWindowStarts(m, row.version_ids);
  const earliest = (anchor: string) => {
    const days = windows.filter((w) => w.anchor === anchor).map((w) => w.fromDays);
    return days.length ? Math.min(...days) : null;
  };
  const fromStart = earliest('programme_start');
  const fromEnrolment = earliest('enrolment');
  const first = row.first_enrolment;
  const candidates = [
    row.start_date,
    first,
    fromStart === null ? null : addDays(row.start_date, fromStart),
    first === null || fromEnrolment === null ? null : addDays(first, fromEnrolment),
  ].filter((d): d is string => d !== null);
  return { timeZone: row.time_zone, preparationBegan: candidates.reduce((a, b) => (b < a ? b : a)) };
}
