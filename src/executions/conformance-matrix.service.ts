import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { localDate } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import type { DateRange } from '../common/calendar.js';
import type { RequestContext } from '../common/request-context.js';
import { APPLICANT_STATUSES } from '../procedures/procedure-definition.js';
import type { ProcedureDefinition, Subject } from '../procedures/procedure-definition.js';
import { versionDefinitionSql } from '../procedures/procedures.queries.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { currentPlanSql, matrixPairs, matrixParticipants } from '../programmes/programmes.queries.js';
import { ENROLLED_STATUSES } from '../programmes/participant-kinds.js';
import type { MatrixPairRow, MatrixParticipantRow } from '../programmes/programmes.queries.js';
import type { Programme } from '../programmes/programme.entity.js';
import { anchorDate, boundedWindow, completionKey, windowEnd } from './anchors.js';
import { evaluateCadence } from './cadence.js';
import type { CadenceGap } from './cadence.js';
import type { AnchorSubject, CompletionIndex } from './anchors.js';
import { conformanceRate, subjectStatus } from './subject-status.js';
import type { ConformanceRate, SubjectStatus } from './subject-status.js';

/**
 * A subject that left before its window closed (withdrawn participant, ended pair) with nothing recorded owes nothing.
 * `cadence_missed`: a recurring activity with a gap longer than its cadence (or a series short of its
 * sessions); in rates it counts as judged and not conforming, like `nonconforming`.
 */
export type MatrixStatus = SubjectStatus | 'not_applicable' | 'cadence_missed';

export interface MatrixCell {
  procedureKey: string;
  status: MatrixStatus;
  executionId: string | null;
  /** A correction of the execution awaits a quality manager's decision (not in force: the status ignores it). */
  pendingCorrection: boolean;
  /** The version the execution is pinned to, or the plan's version when there is none. */
  versionNumber: number;
  window: DateRange | null;
  /** Why the cell is not_applicable; absent for every other status. */
  notApplicable?: NotApplicableReason;
  /** For a recurring procedure: its occurrences and cadence so far (executionId: the latest completed occurrence, else the open one). */
  recurring?: RecurringSummary;
}

/** A recurring procedure's cell: occurrences (completed, cancelled ones left out) judged against the cadence. */
export interface RecurringSummary {
  cadenceDays: number;
  /** A planned series' number of sessions. */
  sessions?: number;
  occurrences: number;
  lastDate: string | null;
  /** An occurrence started and not yet completed. */
  openExecutionId: string | null;
  /** The last day judged: today while the period runs, else its end (or the day the subject left); null before it starts. */
  judgedUntil: string | null;
  longestGapDays: number | null;
  /** Gaps longer than the cadence, oldest first (the last may be open: still growing). */
  gaps: CadenceGap[];
  sessionsShort: { planned: number; held: number } | null;
}

/**
 * `left`: the subject left (withdrawn, pair ended) before the window closed, with nothing recorded.
 * `applies_when`: the procedure's appliesWhen leaves the subject out (its status is not listed).
 */
export interface NotApplicableReason {
  reason: 'left' | 'applies_when';
  /** The subject's status, and for applies_when the statuses the procedure applies to. */
  status: string;
  statuses?: string[];
  /** The reason as an English sentence (the console words it in the user's language). */
  detail: string;
}

export interface MatrixRow {
  subject: { type: Subject; id: string; code: string; status: string };
  cells: MatrixCell[];
}

export interface ConformanceMatrix {
  programmeId: string;
  today: string;
  procedures: { procedureKey: string; versionNumber: number; subject: Subject; title: Record<string, string>; afterClose?: true }[];
  rows: MatrixRow[];
  totals: {
    byStatus: Record<MatrixStatus, number>;
    byProcedure: { procedureKey: string; counts: Record<MatrixStatus, number>; rate: RateView }[];
    byVersion: { procedureKey: string; versionNumber: number; rate: RateView }[];
  };
}

export interface RateView {
  conforming: number;
  completed: number;
  rate: number | null;
}

interface PlanRow {
  procedure_id: string;
  procedure_key: string;
  version_number: number;
  definition: ProcedureDefinition;
}
type ParticipantRow = MatrixParticipantRow;
type PairRow = MatrixPairRow;
interface ExecutionRow {
  id: string;
  procedure_key: string;
  version_number: number;
  subject_key: string;
  state: 'open' | 'completed';
  /** For a completed execution, when its procedure was done (its last step; see DONE_AT_JOIN). */
  completed_at: Date | null;
  conformance: 'conforming' | 'nonconforming' | null;
  ever_nonconforming: boolean;
  pending_correction: boolean;
}

const ALL_STATUSES: MatrixStatus[] = [
  'not_applicable',
  'cadence_missed',
  'not_yet_due',
  'due',
  'overdue',
  'in_progress',
  'conforming',
  'conforming_after_correction',
  'nonconforming',
];

/**
 * Where every subject stands with every procedure in the plan. A fixed number of queries
 * whatever the programme's size (plan, participants, pairs, executions), then pure evaluation.
 */
@Injectable()
export class ConformanceMatrixService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccess,
    private readonly clock: Clock,
  ) {}

  async matrix(ctx: RequestContext, programmeId: string, today?: string): Promise<ConformanceMatrix> {
    const m = this.dataSource.manager;
    // The access check and the reads go side by side, each on a pooled connection (one round trip
    // less to wait for); nothing read leaves unless the check passes.
    const [programme, data] = await Promise.all([this.access.readable(m, ctx, programmeId), loadMatrixData(m, { id: programmeId })]);
    return buildMatrix(data, programme, this.clock.dayUpToToday(today, programme.timeZone));
  }
}

export interface MatrixData {
  plan: PlanRow[];
  participants: ParticipantRow[];
  pairs: PairRow[];
  executions: ExecutionRow[];
}

export async function loadMatrixData(m: EntityManager, programme: Pick<Programme, 'id'>): Promise<MatrixData> {
  const queries: (() => Promise<unknown>)[] = [
    // One statement still: the plan (programmes') with each version's definition (procedures').
    () =>
      m.query(
        `SELECT e.procedure_id, e.procedure_key, e.version_number, ${versionDefinitionSql('e.version_id')} AS definition
         FROM (${currentPlanSql('$1')}) e ORDER BY e.procedure_key`,
        [programme.id],
      ),
    () => matrixParticipants(m, programme.id),
    () => matrixPairs(m, programme.id),
    // Set-wise rather than two lookups per execution: the latest judgement of each execution, and
    // for each completed one when it was done, computed as DONE_AT_JOIN does (its last current
    // step's performed_at, else its completed_at).
    () =>
      m.query(
        `SELECT e.id, e.procedure_key, e.version_number, coalesce(e.participant_id, e.pair_id, e.programme_id) AS subject_key,
                e.state, CASE WHEN e.state = 'completed' THEN coalesce(done.at, e.completed_at) END AS completed_at, j.conformance,
                EXISTS (SELECT 1 FROM execution_judgement n WHERE n.execution_id = e.id AND n.conformance = 'nonconforming') AS ever_nonconforming,
                EXISTS (SELECT 1 FROM execution_correction c WHERE c.execution_id = e.id
                          AND NOT EXISTS (SELECT 1 FROM execution_correction_decision d WHERE d.correction_id = c.id)) AS pending_correction
         FROM execution e
         LEFT JOIN (
           SELECT DISTINCT ON (ej.execution_id) ej.execution_id, ej.conformance
           FROM execution_judgement ej JOIN execution x ON x.id = ej.execution_id
           WHERE x.programme_id = $1
           ORDER BY ej.execution_id, ej.seq DESC
         ) j ON j.execution_id = e.id
         LEFT JOIN (
           SELECT r.execution_id, max(r.performed_at) AS at
           FROM execution_step_record r JOIN execution x ON x.id = r.execution_id
           WHERE x.programme_id = $1 AND x.state = 'completed'
             AND NOT EXISTS (SELECT 1 FROM execution_step_record c WHERE c.supersedes_id = r.id)
           GROUP BY r.execution_id
         ) done ON done.execution_id = e.id
         WHERE e.programme_id = $1 AND e.state <> 'cancelled'
         ORDER BY e.created_at`,
        [programme.id],
      ),
  ];
  // A manager bound to one connection (a transaction) takes one query at a time; otherwise each
  // query draws its own connection from the pool and the four run side by side.
  const [plan, participants, pairs, executions] = (m.queryRunner ? await inTurn(queries) : await Promise.all(queries.map((q) => q()))) as [
    PlanRow[],
    ParticipantRow[],
    PairRow[],
    ExecutionRow[],
  ];
  return { plan, participants, pairs, executions };
}

async function inTurn<T>(queries: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  for (const q of queries) out.push(await q());
  return out;
}

export function buildMatrix(data: MatrixData, programme: Programme, today: string): ConformanceMatrix {
  const { plan, participants, pairs, executions } = data;
  const byId = new Map(participants.map((p) => [p.id, p]));
  // Only completions of procedures that anchor another procedure's window are ever looked up.
  const anchoring = new Set<string>();
  for (const p of plan)
    if (p.definition.window.anchor === 'procedure_completed' && p.definition.window.procedure) anchoring.add(p.definition.window.procedure);
  // The execution that represents a subject: the latest completed one, else the open one.
  // By procedure key, then subject key.
  const chosen = new Map<string, Map<string, ExecutionRow>>();
  const completions: CompletionIndex = new Map();
  // Recurring procedures: every occurrence of each subject, by procedure key then subject key.
  const recurringKeys = new Set(plan.filter((p) => p.definition.recurring).map((p) => p.procedure_key));
  const occurrences = new Map<string, Map<string, Occurrences>>();
  // Many executions share an instant's day: each instant converted once.
  const days = new Map<number | string, string>();
  const dayOf = (at: Date | string): string => {
    const instant = at instanceof Date ? at.getTime() : String(at);
    let day = days.get(instant);
    if (day === undefined) days.set(instant, (day = localDate(at, programme.timeZone)));
    return day;
  };
  for (const e of executions) {
    let bySubject = chosen.get(e.procedure_key);
    if (!bySubject) chosen.set(e.procedure_key, (bySubject = new Map<string, ExecutionRow>()));
    const current = bySubject.get(e.subject_key);
    if (!current || e.state === 'completed' || current.state !== 'completed') bySubject.set(e.subject_key, e);
    if (e.state === 'completed' && e.completed_at && anchoring.has(e.procedure_key)) {
      const day = dayOf(e.completed_at);
      const key = completionKey(e.procedure_key, e.subject_key);
      const earlier = completions.get(key);
      if (!earlier || day < earlier) completions.set(key, day);
    }
    if (recurringKeys.has(e.procedure_key)) {
      let ofProcedure = occurrences.get(e.procedure_key);
      if (!ofProcedure) occurrences.set(e.procedure_key, (ofProcedure = new Map<string, Occurrences>()));
      let o = ofProcedure.get(e.subject_key);
      if (!o) ofProcedure.set(e.subject_key, (o = { days: [], open: null, nonconforming: false, everNonconforming: false }));
      if (e.state === 'open') o.open = e;
      else {
        if (e.completed_at) o.days.push(dayOf(e.completed_at));
        if (e.conformance === 'nonconforming') o.nonconforming = true;
        if (e.ever_nonconforming) o.everNonconforming = true;
      }
    }
  }

  const rows: MatrixRow[] = [];
  const cellsByProcedure = new Map<string, MatrixStatus[]>(plan.map((p) => [p.procedure_key, []]));
  type MatrixSubject = { type: Subject; id: string; code: string; status: string; anchor: AnchorSubject; leftOn: string | null };
  const subjects: MatrixSubject[] = [
    ...participants.map((p): MatrixSubject => ({
      type: p.role,
      id: p.id,
      code: p.code,
      status: p.status,
      anchor: { type: p.role, enrolledAt: p.enrolled_at, relatedKeys: [p.id] },
      leftOn: p.withdrawn_at,
    })),
    ...pairs.map((pair): MatrixSubject => ({
      type: 'pair',
      id: pair.id,
      code: `${byId.get(pair.mentor_id)?.code ?? '?'}/${byId.get(pair.adept_id)?.code ?? '?'}`,
      status: pair.ended_at ? 'ended' : 'active',
      anchor: {
        type: 'pair',
        enrolledAt: byId.get(pair.adept_id)?.enrolled_at ?? null,
        relatedKeys: [pair.id, pair.adept_id, pair.mentor_id],
      },
      leftOn: pair.ended_at,
    })),
    {
      type: 'cohort',
      id: programme.id,
      code: 'cohort',
      status: programme.status,
      anchor: { type: 'cohort', enrolledAt: null, relatedKeys: [programme.id] },
      leftOn: null,
    },
  ];

  // A plan entry's window depends only on its anchor day: worked out once per (entry, anchor day).
  // An anchor that does not depend on the subject (programme start, end, midpoint) once per entry,
  // when first needed.
  const planned = plan.map((p) => {
    const anchor = p.definition.window.anchor;
    return {
      p,
      fixed: anchor === 'programme_start' || anchor === 'programme_end' || anchor === 'programme_midpoint',
      fixedAnchor: undefined as string | null | undefined,
      windows: new Map<string, DateRange>(),
      end: windowEnd(p.definition, programme),
    };
  });

  const byStatus = countStatuses([]);
  for (const s of subjects) {
    const cells: MatrixCell[] = [];
    for (const entry of planned) {
      const p = entry.p;
      if (p.definition.subject !== s.type) continue;
      const execution = chosen.get(p.procedure_key)?.get(s.id) ?? null;
      let anchor: string | null;
      if (!entry.fixed) anchor = anchorDate(p.definition, programme, s.anchor, completions);
      else if (entry.fixedAnchor === undefined) anchor = entry.fixedAnchor = anchorDate(p.definition, programme, s.anchor, completions);
      else anchor = entry.fixedAnchor;
      let window: DateRange | null = null;
      if (anchor) {
        let bounds = entry.windows.get(anchor);
        if (!bounds) entry.windows.set(anchor, (bounds = boundedWindow(anchor, p.definition.window, entry.end)));
        window = { from: bounds.from, to: bounds.to };
      }
      let status: MatrixStatus;
      let notApplicable: NotApplicableReason | null = null;
      let recurring: RecurringSummary | null = null;
      // Without appliesWhen a procedure is for enrolled participants: an applicant owes it nothing.
      const applies: readonly string[] | undefined =
        p.definition.appliesWhen?.status.in ?? (APPLICANT_STATUSES.includes(s.status) ? ENROLLED_STATUSES : undefined);
      const cadence = p.definition.recurring;
      // A subject the procedure does not apply to owes nothing; work recorded anyway is still shown.
      if (!execution && applies && !applies.includes(s.status)) {
        status = 'not_applicable';
        notApplicable = {
          reason: 'applies_when',
          status: s.status,
          statuses: [...applies],
          detail: `Procedure ${p.procedure_key} applies only to subjects whose status is ${applies.join(' or ')}; this ${s.type}'s status is ${s.status}.`,
        };
      }
      // A recurring activity is judged up to the day the subject left (an ended pair still owed its
      // meetings until then); one who left before its period began, with nothing recorded, owes nothing.
      else if (cadence && !(!execution && s.leftOn && (window === null || s.leftOn < window.from))) {
        const o = occurrences.get(p.procedure_key)?.get(s.id);
        ({ status, recurring } = recurringCell(cadence, window, today, s.leftOn, o));
      }
      // Someone who left before the window closed, with nothing recorded, owes nothing more; except
      // to a procedure carried out after the programme closes (outcome follow-up), which follows up
      // those who left too (its appliesWhen says whom).
      else if (!execution && s.leftOn && !p.definition.afterClose && (window === null || s.leftOn <= window.to)) {
        status = 'not_applicable';
        notApplicable = {
          reason: 'left',
          status: s.status,
          detail: `The ${s.type} left on ${s.leftOn}, before the window closed, with nothing recorded.`,
        };
      } else
        status = subjectStatus({
          window,
          today,
          execution: execution
            ? { state: execution.state, conformance: execution.conformance, everNonconforming: execution.ever_nonconforming }
            : null,
        });
      cells.push({
        procedureKey: p.procedure_key,
        status,
        executionId: execution?.id ?? null,
        pendingCorrection: execution?.pending_correction ?? false,
        versionNumber: execution?.version_number ?? p.version_number,
        window,
        ...(notApplicable && { notApplicable }),
        ...(recurring && { recurring }),
      });
      cellsByProcedure.get(p.procedure_key)!.push(status);
      byStatus[status]++;
    }
    if (cells.length) rows.push({ subject: { type: s.type, id: s.id, code: s.code, status: s.status }, cells });
  }

  const byProcedure = plan.map((p) => {
    const statuses = cellsByProcedure.get(p.procedure_key)!;
    return {
      procedureKey: p.procedure_key,
      counts: countStatuses(statuses),
      // A cadence missed is judged and not conforming, as a nonconforming execution is.
      rate: rateView(conformanceRate(statuses.map((s) => (s === 'cadence_missed' ? 'nonconforming' : s)).filter(isSubjectStatus))),
    };
  });
  // Completed executions grouped once by procedure and version.
  const judgedByVersion = new Map<string, ('conforming' | 'nonconforming')[]>();
  for (const e of executions) {
    if (e.state !== 'completed') continue;
    const k = `${e.procedure_key}\u0000${e.version_number}`;
    const group = judgedByVersion.get(k);
    if (group) group.push(e.conformance!);
    else judgedByVersion.set(k, [e.conformance!]);
  }
  const versionKeys = [...judgedByVersion.keys()].sort();
  const byVersion = versionKeys.map((k) => {
    const [procedureKey, n] = k.split('\u0000');
    return { procedureKey, versionNumber: Number(n), rate: rateView(conformanceRate(judgedByVersion.get(k)!)) };
  });
  return {
    programmeId: programme.id,
    today,
    procedures: plan.map((p) => ({
      procedureKey: p.procedure_key,
      versionNumber: p.version_number,
      subject: p.definition.subject,
      title: p.definition.title as unknown as Record<string, string>,
      // Only when set: a closed programme still takes this procedure's records (see executions.service).
      ...(p.definition.afterClose === true && { afterClose: true as const }),
    })),
    rows,
    totals: { byStatus, byProcedure, byVersion },
  };
}

function isSubjectStatus(s: MatrixStatus): s is SubjectStatus {
  return s !== 'not_applicable' && s !== 'cadence_missed';
}

interface Occurrences {
  /** Days of the completed occurrences. */
  days: string[];
  open: ExecutionRow | null;
  /** A completed occurrence is judged nonconforming now. */
  nonconforming: boolean;
  /** A completed occurrence was judged nonconforming once (a correction cleared it). */
  everNonconforming: boolean;
}

/**
 * A recurring procedure's status for one subject: `cadence_missed` when a gap is longer than the
 * cadence (or a series ended short), else `nonconforming` when an occurrence is, else conforming
 * once something was held on cadence; before that `in_progress` (one started) or `due`; before the
 * period (or with its anchor unknown) `not_yet_due`.
 */
export function recurringCell(
  cadence: { cadenceDays: number; sessions?: number },
  window: DateRange | null,
  today: string,
  leftOn: string | null,
  o: Occurrences | undefined,
): { status: MatrixStatus; recurring: RecurringSummary } {
  const judged =
    window && window.to >= window.from
      ? evaluateCadence({
          period: window,
          today,
          cadenceDays: cadence.cadenceDays,
          sessions: cadence.sessions,
          endedOn: leftOn,
          occurrences: o?.days ?? [],
        })
      : null;
  const recurring: RecurringSummary = {
    cadenceDays: cadence.cadenceDays,
    ...(cadence.sessions !== undefined && { sessions: cadence.sessions }),
    occurrences: judged?.occurrences ?? 0,
    lastDate: judged?.lastDate ?? null,
    openExecutionId: o?.open?.id ?? null,
    judgedUntil: judged?.judgedUntil ?? null,
    longestGapDays: judged?.longestGapDays ?? null,
    gaps: judged?.gaps ?? [],
    sessionsShort: judged?.sessionsShort ?? null,
  };
  let status: MatrixStatus;
  if (!judged || judged.state === 'not_started') status = 'not_yet_due';
  else if (judged.gaps.length > 0 || judged.sessionsShort) status = 'cadence_missed';
  else if (o?.nonconforming) status = 'nonconforming';
  else if (judged.occurrences > 0) status = o?.everNonconforming ? 'conforming_after_correction' : 'conforming';
  else status = o?.open ? 'in_progress' : 'due';
  return { status, recurring };
}

function countStatuses(statuses: MatrixStatus[]): Record<MatrixStatus, number> {
  const counts = Object.fromEntries(ALL_STATUSES.map((s) => [s, 0])) as Record<MatrixStatus, number>;
  for (const s of statuses) counts[s]++;
  return counts;
}

function rateView(r: ConformanceRate): RateView {
  return { conforming: r.conforming, completed: r.completed, rate: r.rate === null ? null : Math.round(r.rate * 10000) / 10000 };
}
