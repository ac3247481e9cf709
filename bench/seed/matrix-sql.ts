/**
 * The conformance matrix as one hand-written SQL aggregate over the service's tables: per subject
 * (adept, mentor, pair, cohort) and procedure of the programme's current plan, the execution that
 * represents the subject (the latest completed one, else the latest open one), its latest
 * judgement, the pinned version, the time window and the status on `today`. The same rules as
 * src/executions/conformance-matrix.service.ts (buildMatrix), anchors.ts, calendar.ts and
 * subject-status.ts, written straight in SQL.
 *
 * $1 programme id, $2 today (YYYY-MM-DD). One row per cell.
 */
export const MATRIX_SQL = `
WITH prog AS (
  SELECT id, start_date, end_date, time_zone FROM programme WHERE id = $1
),
plan AS (
  SELECT e.procedure_key, e.version_number,
         v.definition->>'subject' AS subject,
         v.definition->'window'->>'anchor' AS anchor,
         v.definition->'window'->>'procedure' AS anchor_procedure,
         (v.definition->'window'->>'fromDays')::int AS from_days,
         (v.definition->'window'->>'toDays')::int AS to_days
  FROM programme_plan_entry e JOIN procedure_version v ON v.id = e.version_id
  WHERE e.programme_id = $1 AND e.replaced_at IS NULL
),
subjects AS (
  SELECT p.role AS type, p.id, p.enrolled_at, p.withdrawn_at AS left_on, ARRAY[p.id] AS related
  FROM participant p WHERE p.programme_id = $1
  UNION ALL
  SELECT 'pair', pr.id, a.enrolled_at, pr.ended_at, ARRAY[pr.id, pr.adept_id, pr.mentor_id]
  FROM pair pr LEFT JOIN participant a ON a.id = pr.adept_id AND a.programme_id = $1
  WHERE pr.programme_id = $1
  UNION ALL
  SELECT 'cohort', id, NULL::date, NULL::date, ARRAY[id] FROM prog
),
ex AS (
  SELECT id, procedure_key, version_number, coalesce(participant_id, pair_id, programme_id) AS subject_key, state, created_at, completed_at
  FROM execution WHERE programme_id = $1
),
chosen AS (
  SELECT DISTINCT ON (procedure_key, subject_key) id, procedure_key, subject_key, state, version_number
  FROM ex ORDER BY procedure_key, subject_key, (state = 'completed') DESC, created_at DESC
),
-- When each completed execution of an anchoring procedure was done: its last current step, else its completion.
current_step AS (
  SELECT r.execution_id, max(r.performed_at) AS at
  FROM execution_step_record r JOIN ex ON ex.id = r.execution_id
  WHERE ex.state = 'completed' AND ex.procedure_key IN (SELECT anchor_procedure FROM plan WHERE anchor = 'procedure_completed')
    AND NOT EXISTS (SELECT 1 FROM execution_step_record c WHERE c.supersedes_id = r.id)
  GROUP BY r.execution_id
),
done AS (
  SELECT ex.procedure_key, ex.subject_key, min((coalesce(cs.at, ex.completed_at) AT TIME ZONE prog.time_zone)::date) AS day
  FROM ex CROSS JOIN prog LEFT JOIN current_step cs ON cs.execution_id = ex.id
  WHERE ex.state = 'completed' AND ex.procedure_key IN (SELECT anchor_procedure FROM plan WHERE anchor = 'procedure_completed')
  GROUP BY 1, 2
),
cells AS (
  SELECT s.type, s.id AS subject_id, s.left_on, pl.procedure_key, pl.version_number AS plan_version,
         CASE pl.anchor
           WHEN 'programme_start' THEN prog.start_date
           WHEN 'programme_end' THEN prog.end_date
           WHEN 'programme_midpoint' THEN prog.start_date + (prog.end_date - prog.start_date) / 2
           WHEN 'enrolment' THEN CASE WHEN s.type = 'cohort' THEN prog.start_date ELSE s.enrolled_at END
           WHEN 'procedure_completed' THEN (SELECT min(d.day) FROM done d WHERE d.procedure_key = pl.anchor_procedure AND d.subject_key = ANY (s.related))
         END AS anchor_day,
         pl.from_days, pl.to_days
  FROM subjects s JOIN plan pl ON pl.subject = s.type CROSS JOIN prog
)
SELECT c.subject_id, c.procedure_key, ch.id AS execution_id,
       coalesce(ch.version_number, c.plan_version) AS version_number,
       to_char(c.anchor_day + c.from_days, 'YYYY-MM-DD') AS window_from,
       to_char(c.anchor_day + c.to_days, 'YYYY-MM-DD') AS window_to,
       CASE
         WHEN ch.id IS NULL AND c.left_on IS NOT NULL AND (c.anchor_day IS NULL OR c.left_on <= c.anchor_day + c.to_days) THEN 'not_applicable'
         WHEN ch.state = 'completed' THEN j.conformance
         WHEN ch.state = 'open' THEN CASE WHEN $2::date > c.anchor_day + c.to_days THEN 'overdue' ELSE 'in_progress' END
         WHEN c.anchor_day IS NULL OR $2::date < c.anchor_day + c.from_days THEN 'not_yet_due'
         WHEN $2::date > c.anchor_day + c.to_days THEN 'overdue'
         ELSE 'due'
       END AS status
FROM cells c
LEFT JOIN chosen ch ON ch.procedure_key = c.procedure_key AND ch.subject_key = c.subject_id
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
export function cellKey(c: { subjectId: string; procedureKey: string; executionId: string | null; versionNumber: number; from: string | null; to: string | null; status: string }): string {
  return [c.subjectId, c.procedureKey, c.executionId ?? '-', c.versionNumber, c.from ?? '-', c.to ?? '-', c.status].join(' ');
}
