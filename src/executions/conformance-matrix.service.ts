import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { localDate, todayIn, windowBounds } from '../common/calendar.js';
import type { DateRange } from '../common/calendar.js';
import type { RequestContext } from '../common/request-context.js';
import type { ProcedureDefinition, Subject } from '../procedures/procedure-definition.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import type { Programme } from '../programmes/programme.entity.js';
import { anchorDate, completionKey } from './anchors.js';
import type { AnchorSubject, CompletionIndex } from './anchors.js';
import { conformanceRate, subjectStatus } from './subject-status.js';
import type { ConformanceRate, SubjectStatus } from './subject-status.js';

/** A subject that left before its window closed (withdrawn participant, ended pair) with nothing recorded owes nothing. */
export type MatrixStatus = SubjectStatus | 'not_applicable';

export interface MatrixCell {
  procedureKey: string;
  status: MatrixStatus;
  executionId: string | null;
  /** The version the execution is pinned to, or the plan's version when there is none. */
  versionNumber: number;
  window: DateRange | null;
}

export interface MatrixRow {
  subject: { type: Subject; id: string; code: string; status: string };
  cells: MatrixCell[];
}

export interface ConformanceMatrix {
  programmeId: string;
  today: string;
  procedures: { procedureKey: string; versionNumber: number; subject: Subject; title: Record<string, string> }[];
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
interface ParticipantRow {
  id: string;
  code: string;
  role: 'adept' | 'mentor';
  status: string;
  enrolled_at: string;
  withdrawn_at: string | null;
}
interface PairRow {
  id: string;
  mentor_id: string;
  adept_id: string;
  ended_at: string | null;
}
interface ExecutionRow {
  id: string;
  procedure_key: string;
  version_number: number;
  subject_key: string;
  state: 'open' | 'completed';
  /** For a completed execution, when its procedure was done (its last step; see DONE_AT_JOIN). */
  completed_at: Date | null;
  conformance: 'conforming' | 'nonconforming' | null;
}

const ALL_STATUSES: MatrixStatus[] = ['not_applicable', 'not_yet_due', 'due', 'overdue', 'in_progress', 'conforming', 'nonconforming'];

/**
 * Where every subject stands with every procedure in the plan. A fixed number of queries
 * whatever the programme's size (plan, participants, pairs, executions), then pure evaluation.
 */
@Injectable()
export class ConformanceMatrixService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccess,
  ) {}

  async matrix(ctx: RequestContext, programmeId: string, today?: string): Promise<ConformanceMatrix> {
    const m = this.dataSource.manager;
    const programme = await this.access.readable(m, ctx, programmeId);
    return buildMatrix(await loadMatrixData(m, programme), programme, today ?? todayIn(programme.timeZone));
  }
}

export interface MatrixData {
  plan: PlanRow[];
  participants: ParticipantRow[];
  pairs: PairRow[];
  executions: ExecutionRow[];
}

export async function loadMatrixData(m: EntityManager, programme: Programme): Promise<MatrixData> {
  const queries = [
    () =>
      m.query(
        `SELECT e.procedure_id, e.procedure_key, e.version_number, v.definition
         FROM programme_plan_entry e JOIN procedure_version v ON v.id = e.version_id
         WHERE e.programme_id = $1 AND e.replaced_at IS NULL ORDER BY e.procedure_key`,
        [programme.id],
      ),
    () => m.query(`SELECT id, code, role, status, enrolled_at, withdrawn_at FROM participant WHERE programme_id = $1 ORDER BY role, code`, [programme.id]),
    () => m.query(`SELECT id, mentor_id, adept_id, ended_at FROM pair WHERE programme_id = $1 ORDER BY matched_at, id`, [programme.id]),
    // Set-wise rather than two lookups per execution: the latest judgement of each execution, and
    // for each completed one when it was done, computed as DONE_AT_JOIN does (its last current
    // step's performed_at, else its completed_at).
    () =>
      m.query(
        `SELECT e.id, e.procedure_key, e.version_number, coalesce(e.participant_id, e.pair_id, e.programme_id) AS subject_key,
                e.state, CASE WHEN e.state = 'completed' THEN coalesce(done.at, e.completed_at) END AS completed_at, j.conformance
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
         WHERE e.programme_id = $1
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
  // The execution that represents a subject: the latest completed one, else the open one.
  const chosen = new Map<string, ExecutionRow>();
  const completions: CompletionIndex = new Map();
  for (const e of executions) {
    const key = completionKey(e.procedure_key, e.subject_key);
    const current = chosen.get(key);
    if (!current || e.state === 'completed' || current.state !== 'completed') chosen.set(key, e);
    if (e.state === 'completed' && e.completed_at) {
      const day = localDate(e.completed_at, programme.timeZone);
      const earlier = completions.get(key);
      if (!earlier || day < earlier) completions.set(key, day);
    }
  }

  const rows: MatrixRow[] = [];
  const cellsByProcedure = new Map<string, MatrixStatus[]>(plan.map((p) => [p.procedure_key, []]));
  const subjects: { type: Subject; id: string; code: string; status: string; anchor: AnchorSubject; leftOn: string | null }[] = [
    ...participants.map((p) => ({
      type: p.role as Subject,
      id: p.id,
      code: p.code,
      status: p.status,
      anchor: { type: p.role as Subject, enrolledAt: p.enrolled_at, relatedKeys: [p.id] },
      leftOn: p.withdrawn_at,
    })),
    ...pairs.map((pair) => ({
      type: 'pair' as Subject,
      id: pair.id,
      code: `${byId.get(pair.mentor_id)?.code ?? '?'}/${byId.get(pair.adept_id)?.code ?? '?'}`,
      status: pair.ended_at ? 'ended' : 'active',
      anchor: { type: 'pair' as Subject, enrolledAt: byId.get(pair.adept_id)?.enrolled_at ?? null, relatedKeys: [pair.id, pair.adept_id, pair.mentor_id] },
      leftOn: pair.ended_at,
    })),
    { type: 'cohort', id: programme.id, code: 'cohort', status: programme.status, anchor: { type: 'cohort', enrolledAt: null, relatedKeys: [programme.id] }, leftOn: null },
  ];

  for (const s of subjects) {
    const cells: MatrixCell[] = [];
    for (const p of plan) {
      if (p.definition.subject !== s.type) continue;
      const execution = chosen.get(completionKey(p.procedure_key, s.id)) ?? null;
      const anchor = anchorDate(p.definition, programme, s.anchor, completions);
      const window = anchor ? windowBounds(anchor, p.definition.window) : null;
      let status: MatrixStatus;
      // Someone who left before the window closed, with nothing recorded, owes nothing more.
      if (!execution && s.leftOn && (window === null || s.leftOn <= window.to)) status = 'not_applicable';
      else status = subjectStatus({ window, today, execution: execution ? { state: execution.state, conformance: execution.conformance } : null });
      cells.push({ procedureKey: p.procedure_key, status, executionId: execution?.id ?? null, versionNumber: execution?.version_number ?? p.version_number, window });
      cellsByProcedure.get(p.procedure_key)!.push(status);
    }
    if (cells.length) rows.push({ subject: { type: s.type, id: s.id, code: s.code, status: s.status }, cells });
  }

  const byStatus = countStatuses(rows.flatMap((r) => r.cells.map((c) => c.status)));
  const byProcedure = plan.map((p) => {
    const statuses = cellsByProcedure.get(p.procedure_key)!;
    return { procedureKey: p.procedure_key, counts: countStatuses(statuses), rate: rateView(conformanceRate(statuses.filter(isSubjectStatus))) };
  });
  const versionKeys = [...new Set(executions.filter((e) => e.state === 'completed').map((e) => `${e.procedure_key}\u0000${e.version_number}`))].sort();
  const byVersion = versionKeys.map((k) => {
    const [procedureKey, n] = k.split('\u0000');
    const judged = executions.filter((e) => e.state === 'completed' && e.procedure_key === procedureKey && e.version_number === Number(n));
    return { procedureKey, versionNumber: Number(n), rate: rateView(conformanceRate(judged.map((e) => e.conformance!))) };
  });
  return {
    programmeId: programme.id,
    today,
    procedures: plan.map((p) => ({
      procedureKey: p.procedure_key,
      versionNumber: p.version_number,
      subject: p.definition.subject,
      title: p.definition.title as unknown as Record<string, string>,
    })),
    rows,
    totals: { byStatus, byProcedure, byVersion },
  };
}

function isSubjectStatus(s: MatrixStatus): s is SubjectStatus {
  return s !== 'not_applicable';
}

function countStatuses(statuses: MatrixStatus[]): Record<MatrixStatus, number> {
  const counts = Object.fromEntries(ALL_STATUSES.map((s) => [s, 0])) as Record<MatrixStatus, number>;
  for (const s of statuses) counts[s]++;
  return counts;
}

function rateView(r: ConformanceRate): RateView {
  return { conforming: r.conforming, completed: r.completed, rate: r.rate === null ? null : Math.round(r.rate * 10000) / 10000 };
}
