/**
 * The conformance matrix as one hand-written SQL aggregate over the service's tables: per subject
 * (adept, mentor, pair, cohort) and procedure of the programme's current plan, the execution that
 * represents the subject (the latest completed one, else the latest open one), its latest
 * judgement, the pinned version, the time window and the status on `today`. The same rules as
 * src/executions/conformance-matrix.service.ts (buildMatrix: appliesWhen, applicants, those who left,
 * afterClose), anchors.ts, calendar.ts and subject-status.ts, written straight in SQL; for a recurring procedure (issue 17) the cadence rule of
 * cadence.ts and recurringCell: the period judged up to today, the day the subject left or its end,
 * the intervals between its start, the occurrences and that end, `cadence_missed` for one longer
 * than the cadence or a series short of its sessions.
 *
 * $1 programme id, $2 today (YYYY-MM-DD). One row per cell.
 */
export const MATRIX_SQL = `
WITH prog AS (
  SELECT id, start_date, end_date, time_zone, status FROM programme WHERE id = $1
),
plan AS (
  SELECT e.procedure_key, e.version_number,
         v.definition->>'subject' AS subject,
         v.definition->'window'->>'anchor' AS anchor,
         v.definition->'window'->>'procedure' AS anchor_procedure,
         (v.definition->'window'->>'fromDays')::int AS from_days,
         (v.definition->'window'->>'toDays')::int AS to_days,
         v.definition->'window'->'until'->>'anchor' AS until_anchor,
         (v.definition->'window'->'until'->>'days')::int AS until_days,
         (v.definition->'recurring'->>'cadenceDays')::int AS cadence_days,
         (v.definition->'recurring'->>'sessions')::int AS sessions,
         v.definition->'appliesWhen'->'status'->'in' AS applies_in,
         coalesce((v.definition->>'afterClose')::boolean, false) AS after_close
  FROM programme_plan_entry e JOIN procedure_version v ON v.id = e.version_id
  WHERE e.programme_id = $1 AND e.replaced_at IS NULL
),
subjects AS (
  SELECT p.role AS type, p.id, p.enrolled_at, p.withdrawn_at AS left_on, p.status
  FROM participant p WHERE p.programme_id = $1
  UNION ALL
  SELECT 'pair', pr.id, a.enrolled_at, pr.ended_at, CASE WHEN pr.ended_at IS NULL THEN 'active' ELSE 'ended' END
  FROM pair pr LEFT JOIN participant a ON a.id = pr.adept_id AND a.programme_id = $1
  WHERE pr.programme_id = $1
  UNION ALL
  SELECT 'cohort', id, NULL::date, NULL::date, status FROM prog
),
-- The execution that represents a subject: the latest completed one, else the latest open one
-- (a cancelled execution stands for nothing).
chosen AS (
  SELECT DISTINCT ON (procedure_key, coalesce(participant_id, pair_id, programme_id))
         id, procedure_key, coalesce(participant_id, pair_id, programme_id) AS subject_key, state, version_number
  FROM execution WHERE programme_id = $1 AND state <> 'cancelled'
  ORDER BY procedure_key, coalesce(participant_id, pair_id, programme_id), (state = 'completed') DESC, created_at DESC
),
-- When each completed execution was done: its last current step (else its completion).
last_step AS (
  SELECT r.execution_id, max(r.performed_at) AS at
  FROM execution_step_record r JOIN execution x ON x.id = r.execution_id
  WHERE x.programme_id = $1 AND x.state = 'completed'
    AND NOT EXISTS (SELECT 1 FROM execution_step_record c WHERE c.supersedes_id = r.id)
  GROUP BY r.execution_id
),
-- The first such day per procedure and subject, in the programme's time zone, for procedures that anchor another.
done AS (
  SELECT e.procedure_key, coalesce(e.participant_id, e.pair_id, e.programme_id) AS subject_key,
         min((coalesce(last.at, e.completed_at) AT TIME ZONE prog.time_zone)::date) AS day
  FROM execution e
  JOIN prog ON prog.id = e.programme_id
  LEFT JOIN last_step last ON last.execution_id = e.id
  WHERE e.state = 'completed' AND e.procedure_key IN (SELECT anchor_procedure FROM plan WHERE anchor = 'procedure_completed')
  GROUP BY 1, 2
),
-- A completion anchors the subject's window when it is the subject's own or, for a pair, its adept's or mentor's.
related AS (
  SELECT id AS subject_id, id AS subject_key FROM participant WHERE programme_id = $1
  UNION ALL SELECT id, id FROM pair WHERE programme_id = $1
  UNION ALL SELECT id, adept_id FROM pair WHERE programme_id = $1
  UNION ALL SELECT id, mentor_id FROM pair WHERE programme_id = $1
  UNION ALL SELECT id, id FROM prog
),
completed_anchor AS (
  SELECT r.subject_id, d.procedure_key, min(d.day) AS day
  FROM related r JOIN done d ON d.subject_key = r.subject_key
  GROUP BY 1, 2
),
anchored AS (
  SELECT s.type, s.id AS subject_id, s.left_on, s.status, pl.applies_in, pl.after_close, pl.procedure_key, pl.version_number AS plan_version,
         CASE pl.anchor
           WHEN 'programme_start' THEN prog.start_date
           WHEN 'programme_end' THEN prog.end_date
           WHEN 'programme_midpoint' THEN prog.start_date + (prog.end_date - prog.start_date) / 2
           WHEN 'enrolment' THEN CASE WHEN s.type = 'cohort' THEN prog.start_date ELSE s.enrolled_at END
           WHEN 'procedure_completed' THEN ca.day
         END AS anchor_day,
         pl.from_days, pl.to_days, pl.cadence_days, pl.sessions,
         CASE pl.until_anchor
           WHEN 'programme_start' THEN prog.start_date
           WHEN 'programme_end' THEN prog.end_date
           WHEN 'programme_midpoint' THEN prog.start_date + (prog.end_date - prog.start_date) / 2
         END + pl.until_days AS until_day
  FROM subjects s JOIN plan pl ON pl.subject = s.type CROSS JOIN prog
  LEFT JOIN completed_anchor ca ON ca.subject_id = s.id AND ca.procedure_key = pl.anchor_procedure
),
-- The window: anchor + fromDays .. the earlier of anchor + toDays and the window's until day.
cells AS (
  SELECT a.*, a.anchor_day + a.from_days AS w_from,
         CASE WHEN a.anchor_day IS NOT NULL THEN least(a.anchor_day + a.to_days, a.until_day) END AS w_to
  FROM anchored a
),
-- Recurring procedures: every occurrence (execution not cancelled) with its day, latest judgement and whether it was ever nonconforming.
occ AS (
  SELECT e.procedure_key, coalesce(e.participant_id, e.pair_id, e.programme_id) AS subject_key, e.state,
         (coalesce(last.at, e.completed_at) AT TIME ZONE prog.time_zone)::date AS day,
         (SELECT j.conformance FROM execution_judgement j WHERE j.execution_id = e.id ORDER BY j.seq DESC LIMIT 1) AS conformance,
         EXISTS (SELECT 1 FROM execution_judgement n WHERE n.execution_id = e.id AND n.conformance = 'nonconforming') AS ever_nc
  FROM execution e
  JOIN prog ON prog.id = e.programme_id
  LEFT JOIN last_step last ON last.execution_id = e.id
  WHERE e.programme_id = $1 AND e.state <> 'cancelled'
    AND e.procedure_key IN (SELECT procedure_key FROM plan WHERE cadence_days IS NOT NULL)
),
occ_summary AS (
  SELECT procedure_key, subject_key,
         bool_or(state = 'completed' AND conformance = 'nonconforming') AS any_nc,
         bool_or(state = 'completed' AND ever_nc) AS ever_nc,
         bool_or(state = 'open') AS has_open
  FROM occ GROUP BY 1, 2
),
-- The part of the period judged: up to the earliest of its end, the day the subject left and today.
judged AS (
  SELECT c.subject_id, c.procedure_key, c.w_from, c.cadence_days,
         least(c.w_to, c.left_on) AS period_end,
         $2::date <= least(c.w_to, c.left_on) AS running,
         CASE WHEN $2::date <= least(c.w_to, c.left_on) THEN $2::date ELSE least(c.w_to, c.left_on) END AS until_day
  FROM cells c
  WHERE c.cadence_days IS NOT NULL AND c.anchor_day IS NOT NULL AND c.w_to >= c.w_from AND $2::date >= c.w_from
),
in_period AS (
  SELECT DISTINCT j.subject_id, j.procedure_key, o.day
  FROM judged j JOIN occ o ON o.procedure_key = j.procedure_key AND o.subject_key = j.subject_id
  WHERE o.state = 'completed' AND o.day BETWEEN j.w_from AND j.until_day
),
-- Intervals: period start -> each occurrence -> the end judged; a gap is one longer than the cadence.
points AS (
  SELECT subject_id, procedure_key, w_from AS day FROM judged WHERE until_day >= w_from
  UNION SELECT subject_id, procedure_key, day FROM in_period
  UNION SELECT subject_id, procedure_key, until_day FROM judged WHERE until_day >= w_from
),
intervals AS (
  SELECT subject_id, procedure_key, day - lag(day) OVER (PARTITION BY subject_id, procedure_key ORDER BY day) AS len FROM points
),
cadence AS (
  SELECT j.subject_id, j.procedure_key, j.running,
         (SELECT count(*) FROM in_period i WHERE i.subject_id = j.subject_id AND i.procedure_key = j.procedure_key) AS occurrences,
         (SELECT count(*) FROM intervals v WHERE v.subject_id = j.subject_id AND v.procedure_key = j.procedure_key AND v.len > j.cadence_days)
           AS gaps
  FROM judged j
)
SELECT c.subject_id, c.procedure_key, ch.id AS execution_id,
       coalesce(ch.version_number, c.plan_version) AS version_number,
       to_char(c.w_from, 'YYYY-MM-DD') AS window_from,
       to_char(c.w_to, 'YYYY-MM-DD') AS window_to,
       CASE
         -- appliesWhen leaves the subject out (without it, applicants owe nothing: it is for the enrolled).
         WHEN ch.id IS NULL AND c.applies_in IS NOT NULL AND NOT (c.applies_in ? c.status) THEN 'not_applicable'
         WHEN ch.id IS NULL AND c.applies_in IS NULL AND c.status IN ('applicant', 'waiting_list', 'not_admitted') THEN 'not_applicable'
         WHEN c.cadence_days IS NOT NULL THEN CASE
           WHEN ch.id IS NULL AND c.left_on IS NOT NULL AND (c.anchor_day IS NULL OR c.left_on < c.w_from) THEN 'not_applicable'
           WHEN cd.subject_id IS NULL THEN 'not_yet_due'
           WHEN cd.gaps > 0 OR (c.sessions IS NOT NULL AND NOT cd.running AND cd.occurrences < c.sessions) THEN 'cadence_missed'
           WHEN os.any_nc THEN 'nonconforming'
           WHEN cd.occurrences > 0 THEN CASE WHEN os.ever_nc THEN 'conforming_after_correction' ELSE 'conforming' END
           WHEN os.has_open THEN 'in_progress'
           ELSE 'due'
         END
         -- Someone who left owes nothing more, except to work after the close (afterClose).
         WHEN ch.id IS NULL AND NOT c.after_close AND c.left_on IS NOT NULL AND (c.anchor_day IS NULL OR c.left_on <= c.w_to) THEN 'not_applicable'
         WHEN ch.state = 'completed' THEN j.conformance
         WHEN ch.state = 'open' THEN CASE WHEN $2::date > c.w_to THEN 'overdue' ELSE 'in_progress' END
         WHEN c.anchor_day IS NULL OR $2::date < c.w_from THEN 'not_yet_due'
         WHEN $2::date > c.w_to THEN 'overdue'
         ELSE 'due'
       END AS status
FROM cells c
LEFT JOIN chosen ch ON ch.procedure_key = c.procedure_key AND ch.subject_key = c.subject_id
LEFT JOIN cadence cd ON cd.subject_id = c.subject_id AND cd.procedure_key = c.procedure_key
LEFT JOIN occ_summary os ON os.subject_key = c.subject_id AND os.procedure_key = c.procedure_key
LEFT JOIN LATERAL (
  SELECT conformance FROM execution_judgement WHERE execution_id = ch.id AND ch.state = 'completed' ORDER BY seq DESC LIMIT 1
) j ON true
`;

export interface SqlCell {
  subject_id: string;
  procedure_key: string;
  execution_id: string | null;
  version_number: number;
  window_from: string | null;
  window_to: string | null;
  status: string;
}

/** One comparable line per cell, for checking that the service and the SQL agree cell by cell. */
export function cellKey(c: {
  subjectId: string;
  procedureKey: string;
  executionId: string | null;
  versionNumber: number;
  from: string | null;
  to: string | null;
  status: string;
}): string {
  return [c.subjectId, c.procedureKey, c.executionId ?? '-', c.versionNumber, c.from ?? '-', c.to ?? '-', c.status].join(' ');
}
