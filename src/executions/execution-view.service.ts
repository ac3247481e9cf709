import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { Judgement } from './execution.entity.js';
import { findExecution, loadExecution, subjectLabel } from './execution-loader.js';
import type { ExecutionContext } from './execution-loader.js';
import type { ExecutionResponse, FindingResponse } from './execution.dto.js';
import { boundedWindow, windowEnd } from './anchors.js';
import { userNames } from '../users/users.queries.js';
import { correctionMarks, correctionRows } from './corrections.queries.js';
import type { CorrectionMark } from './corrections.queries.js';

/** Reads one execution as an auditor needs to see it: every record, every judgement. */
@Injectable()
export class ExecutionViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccess,
  ) {}

  async get(ctx: RequestContext, executionId: string): Promise<ExecutionResponse> {
    const m = this.dataSource.manager;
    const execution = await findExecution(m, executionId);
    if (!execution) throw notFound('Execution');
    const programme = await this.access.readable(m, ctx, execution.programmeId, { what: 'Execution' });
    const names = await this.access.identifies(m, ctx, programme.id);
    return this.present(m, await loadExecution(m, executionId, { execution, programme }), { names });
  }

  /**
   * The view of a loaded execution; a write builds its answer with this inside its transaction.
   * A caller that knows the judgements (an open execution has none) or a performer's name (the
   * signed-in actor's) passes them and saves the reads. `names: false` (a reader who may not see
   * who the participants are, `ProgrammeAccess.identifies`) withholds what was written about the
   * subject: the values of text fields and the notes.
   */
  async present(
    m: EntityManager,
    ec: ExecutionContext,
    known: { judgements?: Judgement[]; actor?: { id: string | null; name: string }; names?: boolean } = {},
  ): Promise<ExecutionResponse> {
    const executionId = ec.execution.id;
    const judgements = known.judgements ?? (await m.getRepository(Judgement).find({ where: { executionId }, order: { seq: 'ASC' } }));
    // An open execution has no judgement, so nothing held for approval either.
    const corrections = judgements.length ? await correctionRows(m, { executionId }) : [];
    const marks = judgements.length ? await correctionMarks(m, [executionId]) : new Map<string, CorrectionMark>();
    const mark = marks.get(executionId);
    const staff = new Map<string, string>(known.actor?.id ? [[known.actor.id, known.actor.name]] : []);
    const people = [
      ...ec.records.map((r) => r.performedBy),
      ...corrections.flatMap((c) => [c.requested_by, c.decided_by]),
      mark?.approvedById ?? null,
    ];
    const unknown = [...new Set(people.filter((x): x is string => x !== null && !staff.has(x)))];
    if (unknown.length) {
      for (const [id, name] of await userNames(m, unknown)) staff.set(id, name);
    }
    const supersededBy = new Map(ec.records.filter((r) => r.supersedesId).map((r) => [r.supersedesId!, r.id]));
    const latest = judgements[judgements.length - 1];
    const e = ec.execution;
    const label = await subjectLabel(m, ec);
    const names = known.names !== false;
    return {
      id: e.id,
      programmeId: e.programmeId,
      procedureKey: e.procedureKey,
      versionNumber: e.versionNumber,
      contentHash: e.contentHash,
      subject: {
        type: e.subjectType,
        ...(e.participantId ? { participantId: e.participantId } : {}),
        ...(e.pairId ? { pairId: e.pairId } : {}),
        label,
      },
      state: e.state,
      createdAt: e.createdAt.toISOString(),
      completedAt: e.completedAt ? e.completedAt.toISOString() : null,
      cancelledAt: e.cancelledAt ? e.cancelledAt.toISOString() : null,
      cancelReason: e.cancelReason,
      conformance: latest?.conformance ?? null,
      findings: (latest?.findings ?? []) as FindingResponse[],
      changedByCorrection: mark ? { ...mark, approvedByName: mark.approvedById ? (staff.get(mark.approvedById) ?? null) : null } : null,
      corrections: corrections.map((c) => ({
        id: c.id,
        kind: c.kind,
        state: c.decision ?? 'pending',
        stepKey: c.step_key,
        supersedesId: c.supersedes_id,
        ...(names ? { values: c.values } : pseudonymisedValues(ec, c.step_key, c.values)),
        performedAt: c.performed_at.toISOString(),
        performedById: c.performed_by,
        reason: c.reason,
        requestedById: c.requested_by,
        requestedByName: staff.get(c.requested_by) ?? null,
        requestedAt: c.requested_at.toISOString(),
        decisionReason: c.decision_reason,
        decidedById: c.decided_by,
        decidedByName: c.decided_by ? (staff.get(c.decided_by) ?? null) : null,
        decidedAt: c.decided_at ? c.decided_at.toISOString() : null,
        signatureId: c.signature_id,
        stepRecordId: c.step_record_id,
      })),
      window: ec.anchor ? boundedWindow(ec.anchor, ec.definition.window, windowEnd(ec.definition, ec.programme)) : null,
      steps: ec.records.map((r) => ({
        id: r.id,
        stepKey: r.stepKey,
        ...(names ? { values: r.values, notes: r.notes } : pseudonymisedValues(ec, r.stepKey, r.values)),
        performedAt: r.performedAt.toISOString(),
        performedById: r.performedBy,
        performedByName: r.performedBy ? (staff.get(r.performedBy) ?? null) : null,
        recordedAt: r.recordedAt.toISOString(),
        recordedById: r.recordedBy,
        supersedesId: r.supersedesId,
        supersededById: supersededBy.get(r.id) ?? null,
        correctionReason: r.correctionReason,
        current: !supersededBy.has(r.id),
      })),
      judgements: judgements.map((j) => ({
        seq: j.seq,
        conformance: j.conformance,
        findings: j.findings as FindingResponse[],
        versionNumber: j.versionNumber,
        contentHash: j.contentHash,
        cause: j.cause,
        judgedAt: j.judgedAt.toISOString(),
        judgedBy: j.judgedBy,
      })),
      version: e.version,
    };
  }
}

/**
 * A step's values without what was written in words: text fields (and any value the pinned
 * definition does not type) are left out and named in `withheldFields`; booleans, numbers, dates,
 * choices and scales stay, as the conformance judgement needs them.
 */
function pseudonymisedValues(
  ec: ExecutionContext,
  stepKey: string,
  values: Record<string, unknown>,
): { values: Record<string, unknown>; withheldFields: string[] } {
  const fields = ec.definition.steps.find((s) => s.key === stepKey)?.fields ?? [];
  const kept: Record<string, unknown> = {};
  const withheld: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const type = fields.find((f) => f.key === key)?.type;
    if (type === undefined || type === 'text') withheld.push(key);
    else kept[key] = value;
  }
  return { values: kept, withheldFields: withheld };
}
