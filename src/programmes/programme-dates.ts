import type { EntityManager } from 'typeorm';

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
  const [row] = await m.query<{ time_zone: string; began: string }[]>(
    `WITH first AS (SELECT min(enrolled_at) AS day FROM participant WHERE programme_id = $1),
          win AS (SELECT v.definition->'window'->>'anchor' AS anchor, (v.definition->'window'->>'fromDays')::int AS from_days
                  FROM programme_plan_entry e JOIN procedure_version v ON v.id = e.version_id WHERE e.programme_id = $1)
     SELECT p.time_zone,
            least(p.start_date, first.day,
                  p.start_date + (SELECT min(from_days) FROM win WHERE anchor = 'programme_start'),
                  first.day + (SELECT min(from_days) FROM win WHERE anchor = 'enrolment'))::text AS began
     FROM programme p, first WHERE p.id = $1`,
    [programmeId],
  );
  return { timeZone: row.time_zone, preparationBegan: row.began };
}
