import { endOfDay, localDate } from '../common/calendar.js';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { canonicalJson } from '../common/canonical.js';
import { randomUUID } from 'node:crypto';
import { hasAnyRole } from '../common/roles.js';
import { conflict, forbidden, notFound, unprocessable, validationFailed } from '../common/problem.js';
import { Clock } from '../common/clock.js';
import type { RequestContext } from '../common/request-context.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { versionsById } from '../procedures/procedures.queries.js';
import { requireBaselineAdopted } from '../procedures/baseline-gate.js';
import { StepRecord } from './execution.entity.js';
import { completeExecutionContext, judge, loadExecution, subjectLabel } from './execution-loader.js';
import { EXECUTION_SURROUNDINGS, LOCK_EXECUTION, executionFromRow, stepRecordFromJson } from './executions.queries.js';
import type { ExecutionRow, SurroundingsRow } from './executions.queries.js';
import {
  pairById,
  pairFromJson,
  participantById,
  participantCodes,
  participantFromJson,
  planEntryFor,
  programmeFromJson,
} from '../programmes/programmes.queries.js';
import { isActiveUser } from '../users/users.queries.js';
import { ExecutionViewService } from './execution-view.service.js';
import type { ExecutionResponse } from './execution.dto.js';
import type { ExecutionContext } from './execution-loader.js';
import { validateStepValues } from './step-values.js';
import type { ConformanceResult } from './conformance.js';
import { DeviationDetector } from '../deviations/deviation-detector.js';
import { withArticle } from '../common/wording.js';
import { APPLICANT_STATUSES } from '../procedures/procedure-definition.js';
import type { ProcedureDefinition } from '../procedures/procedure-definition.js';
import { StatusEffects } from '../programmes/status-effects.service.js';
import { changedEffectFields, dueEffects } from './effects.js';

export interface SubjectInput {
  participantId?: string;
  pairId?: string;
  cohort?: true;
}

@Injectable()
export class ExecutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly detector: DeviationDetector,
    private readonly views: ExecutionViewService,
    private readonly clock: Clock,
    private readonly effects: StatusEffects,
  ) {}

  async start(
    ctx: RequestContext,
    programmeId: string,
    input: { procedureKey: string; subject: SubjectInput },
  ): Promise<ExecutionResponse> {
    const given = [input.subject.participantId, input.subject.pairId, input.subject.cohort].filter((x) => x !== undefined);
    if (given.length !== 1)
      throw validationFailed([{ field: 'subject', message: 'must name exactly one of participantId, pairId, cohort' }]);
    const id = await this.dataSource.transaction(async (m) => {
      const programme = await this.access.writable(m, ctx, programmeId, { lock: true });
      await requireBaselineAdopted(m);
      if (programme.status === 'planned')
        throw conflict('programme_not_active', `The programme is ${programme.status}; executions are recorded while it is active`);
      const entry = await planEntryFor(m, programmeId, input.procedureKey);
      if (!entry) {
        throw unprocessable('procedure_not_in_plan', `The programme's procedure plan has no ${input.procedureKey}`, {
          errors: [{ field: 'procedureKey', message: 'is not in the programme plan' }],
        });
      }
      const version = (await versionsById(m, [entry.versionId])).get(entry.versionId)!;
      if (programme.status === 'closed') refuseClosed(version.definition, 'started');
      const expected = version.definition.subject;
      const subject = await this.resolveSubject(m, programmeId, input.subject, expected, version.definition);
      const open = await m.query<{ id: string }[]>(
        `SELECT id FROM execution WHERE programme_id = $1 AND procedure_id = $2 AND state = 'open' AND coalesce(participant_id, pair_id, programme_id) = $3`,
        [programmeId, entry.procedureId, subject.participantId ?? subject.pairId ?? programmeId],
      );
      if (open.length)
        throw conflict('execution_open', 'An open execution of this procedure exists for this subject; continue it', {
          executionId: open[0].id,
        });
      // The programme's row lock (taken above) serialises starts in it: of two starts at once for
      // one subject, the second sees the first's execution here.
      if (version.definition.oncePerSubject) {
        const [done] = await m.query<{ id: string }[]>(
          `SELECT id FROM execution WHERE programme_id = $1 AND procedure_id = $2 AND state = 'completed'
             AND coalesce(participant_id, pair_id, programme_id) = $3 ORDER BY completed_at LIMIT 1`,
          [programmeId, entry.procedureId, subject.participantId ?? subject.pairId ?? programmeId],
        );
        if (done)
          throw conflict(
            'execution_once_per_subject',
            `${entry.procedureKey} is carried out once per subject, and was carried out for ${subject.label} (execution ${done.id}); cancel that execution with a reason before starting another`,
            { executionId: done.id },
          );
      }
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO execution (programme_id, procedure_id, procedure_key, version_id, version_number, content_hash, subject_type, participant_id, pair_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          programmeId,
          entry.procedureId,
          entry.procedureKey,
          entry.versionId,
          entry.versionNumber,
          entry.contentHash,
          expected,
          subject.participantId ?? null,
          subject.pairId ?? null,
          ctx.actor.id,
        ],
      );
      await this.audit.append(m, ctx, {
        action: 'execution.start',
        entityType: 'execution',
        entityId: row.id,
        entityVersion: 1,
        changes: {
          programmeId: { old: null, new: programmeId },
          procedureKey: { old: null, new: entry.procedureKey },
          versionNumber: { old: null, new: entry.versionNumber },
          contentHash: { old: null, new: entry.contentHash },
          subject: { old: null, new: subject.label },
        },
      });
      return row.id;
    });
    return this.views.get(ctx, id);
  }

  async recordStep(
    ctx: RequestContext,
    executionId: string,
    input: { stepKey: string; values: Record<string, unknown>; performedAt: string; performedById?: string; notes?: string },
  ): Promise<ExecutionResponse> {
    return this.dataSource.transaction(async (m) => {
      const ec = await this.writableExecution(m, ctx, executionId);
      refuseCancelled(ec);
      if (ec.execution.state !== 'open')
        throw conflict(
          'execution_completed',
          'The execution is completed; correct a recorded step, or add a forgotten one as a correction, instead (with a reason)',
        );
      if (ec.programme.status === 'closed') refuseClosed(ec.definition, 'recorded');
      const step = ec.definition.steps.find((s) => s.key === input.stepKey);
      if (!step) {
        throw unprocessable(
          'unknown_step',
          `Version ${ec.execution.versionNumber} of ${ec.execution.procedureKey} has no step ${input.stepKey}`,
          {
            errors: [{ field: 'stepKey', message: `must be one of: ${ec.definition.steps.map((s) => s.key).join(', ')}` }],
          },
        );
      }
      const values = checkValues(step, input.values);
      checkPerformedAt(this.clock, input.performedAt, ec.programme.timeZone);
      // The signed-in actor was read (and found active) for this request: only another performer is looked up.
      const performer = input.performedById ? await this.performer(m, input.performedById) : ctx.actor.id!;
      if (ec.records.some((r) => r.stepKey === input.stepKey && !ec.records.some((c) => c.supersedesId === r.id))) {
        throw conflict('step_already_recorded', `Step ${input.stepKey} is already recorded; correct that record instead`);
      }
      const [row] = await m.query<StepRecordRow[]>(
        `INSERT INTO execution_step_record (execution_id, step_key, "values", performed_at, performed_by, notes, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [executionId, input.stepKey, JSON.stringify(values), input.performedAt, performer, input.notes ?? null, ctx.actor.id],
      );
      // The answer is built in this transaction, from what it read. (The audit head's lock, which every
      // write waits for, is taken only when the events are written, right before the commit.)
      // The execution's row lock kept its records as they were loaded; the new one joins them in
      // the order a read gives (recorded_at, id). An open execution has no judgements yet.
      const records = withRecord(ec.records, stepRecordFromRow(row));
      const view = await this.views.present(m, { ...ec, records }, { judgements: [], actor: ctx.actor });
      await this.audit.append(m, ctx, {
        action: 'execution.record_step',
        entityType: 'execution',
        entityId: executionId,
        entityVersion: ec.execution.version,
        changes: {
          stepRecordId: { old: null, new: row.id },
          stepKey: { old: null, new: input.stepKey },
          // Values can hold what participants told us: the trail keeps a keyed hash (a plain hash of a
          // few enum and scale answers could be reversed by trying them all), the record keeps them.
          valuesHash: { old: null, new: await this.audit.personal(canonicalJson(values), m) },
          performedAt: { old: null, new: new Date(input.performedAt).toISOString() },
          performedBy: { old: null, new: performer },
        },
      });
      return view;
    });
  }

  /**
   * A correction is a new record that supersedes the old one; a completed execution is judged
   * again. One that would turn a nonconforming execution into a conforming one is held as a
   * pending correction until a quality manager decides on it (see CorrectionsService).
   */
  async correct(
    ctx: RequestContext,
    executionId: string,
    recordId: string,
    input: { values: Record<string, unknown>; reason: string; performedAt?: string; performedById?: string },
  ): Promise<CorrectionAnswer> {
    const outcome = await this.dataSource.transaction(async (m): Promise<CorrectionOutcome> => {
      const ec = await this.writableExecution(m, ctx, executionId);
      refuseCancelled(ec);
      const old = ec.records.find((r) => r.id === recordId);
      if (!old) throw notFound('Step record');
      const replacement = ec.records.find((r) => r.supersedesId === old.id);
      if (replacement)
        throw conflict('record_superseded', 'This record has already been corrected; correct the newest record (currentRecordId) instead', {
          currentRecordId: replacement.id,
        });
      await refusePending(m, executionId, old.stepKey);
      const step = ec.definition.steps.find((s) => s.key === old.stepKey);
      const values = step ? checkValues(step, input.values) : input.values;
      if (input.performedAt) checkPerformedAt(this.clock, input.performedAt, ec.programme.timeZone);
      const performer = input.performedById ? await this.performer(m, input.performedById) : old.performedBy;
      const performedAt = input.performedAt ?? old.performedAt.toISOString();
      const proposal: Proposal = {
        kind: 'correction',
        stepKey: old.stepKey,
        supersedesId: old.id,
        values,
        performedAt,
        performedBy: performer,
        notes: old.notes,
        reason: input.reason,
      };
      const held = await this.holdIfItClearsNonconformity(m, ctx, ec, proposal);
      const changes = {
        stepKey: { old: old.stepKey, new: old.stepKey },
        valuesHash: {
          old: await this.audit.personal(canonicalJson(old.values), m),
          new: await this.audit.personal(canonicalJson(values), m),
        },
        // Compared and recorded as UTC instants, as execution.record_step records them.
        ...(new Date(performedAt).toISOString() !== old.performedAt.toISOString()
          ? { performedAt: { old: old.performedAt.toISOString(), new: new Date(performedAt).toISOString() } }
          : {}),
        ...(performer !== old.performedBy ? { performedBy: { old: old.performedBy, new: performer } } : {}),
      };
      if (held) {
        await this.audit.append(m, ctx, {
          action: 'execution.request_correction',
          entityType: 'execution',
          entityId: executionId,
          entityVersion: ec.execution.version,
          changes: { correctionId: { old: null, new: held }, stepRecordId: { old: old.id, new: null }, ...changes },
          reason: input.reason,
        });
        return { pendingCorrectionId: held };
      }
      const applied = await this.apply(m, ctx, ec, proposal);
      await this.audit.append(m, ctx, {
        action: 'execution.correct_step',
        entityType: 'execution',
        entityId: executionId,
        entityVersion: ec.execution.version,
        changes: { stepRecordId: { old: old.id, new: applied.recordId }, ...changes, ...applied.judgementChanges },
        reason: input.reason,
      });
      await applied.detect();
      return { recordId: applied.recordId };
    });
    return { held: 'pendingCorrectionId' in outcome, execution: await this.views.get(ctx, executionId) };
  }

  /**
   * A step forgotten before completion, added to the completed execution as a correction (with a
   * reason); the execution is judged again, and held for approval like any correction when that
   * would turn it from nonconforming into conforming.
   */
  async addMissingStep(
    ctx: RequestContext,
    executionId: string,
    input: {
      stepKey: string;
      values: Record<string, unknown>;
      performedAt: string;
      performedById?: string;
      notes?: string;
      reason: string;
    },
  ): Promise<CorrectionAnswer> {
    const outcome = await this.dataSource.transaction(async (m): Promise<CorrectionOutcome> => {
      const ec = await this.writableExecution(m, ctx, executionId);
      refuseCancelled(ec);
      if (ec.execution.state === 'open')
        throw conflict('execution_not_completed', 'The execution is still open: record the step in it (no reason needed)');
      const step = ec.definition.steps.find((s) => s.key === input.stepKey);
      if (!step) {
        throw unprocessable(
          'unknown_step',
          `Version ${ec.execution.versionNumber} of ${ec.execution.procedureKey} has no step ${input.stepKey}`,
          { errors: [{ field: 'stepKey', message: `must be one of: ${ec.definition.steps.map((s) => s.key).join(', ')}` }] },
        );
      }
      const values = checkValues(step, input.values);
      checkPerformedAt(this.clock, input.performedAt, ec.programme.timeZone);
      const performer = input.performedById ? await this.performer(m, input.performedById) : ctx.actor.id!;
      if (ec.records.some((r) => r.stepKey === input.stepKey && !ec.records.some((c) => c.supersedesId === r.id)))
        throw conflict('step_already_recorded', `Step ${input.stepKey} is already recorded; correct that record instead`);
      await refusePending(m, executionId, input.stepKey);
      const proposal: Proposal = {
        kind: 'added_step',
        stepKey: input.stepKey,
        supersedesId: null,
        values,
        performedAt: input.performedAt,
        performedBy: performer,
        notes: input.notes ?? null,
        reason: input.reason,
      };
      const changes = {
        stepKey: { old: null, new: input.stepKey },
        valuesHash: { old: null, new: await this.audit.personal(canonicalJson(values), m) },
        performedAt: { old: null, new: new Date(input.performedAt).toISOString() },
        performedBy: { old: null, new: performer },
      };
      const held = await this.holdIfItClearsNonconformity(m, ctx, ec, proposal);
      if (held) {
        await this.audit.append(m, ctx, {
          action: 'execution.request_correction',
          entityType: 'execution',
          entityId: executionId,
          entityVersion: ec.execution.version,
          changes: { correctionId: { old: null, new: held }, ...changes },
          reason: input.reason,
        });
        return { pendingCorrectionId: held };
      }
      const applied = await this.apply(m, ctx, ec, proposal);
      await this.audit.append(m, ctx, {
        action: 'execution.add_missing_step',
        entityType: 'execution',
        entityId: executionId,
        entityVersion: ec.execution.version,
        changes: { stepRecordId: { old: null, new: applied.recordId }, ...changes, ...applied.judgementChanges },
        reason: input.reason,
      });
      await applied.detect();
      return { recordId: applied.recordId };
    });
    return { held: 'pendingCorrectionId' in outcome, execution: await this.views.get(ctx, executionId) };
  }

  /**
   * Held when the execution is completed, its judgement now is nonconforming and the proposal
   * would make it conforming: the pending correction's id, else null (the caller applies it).
   */
  private async holdIfItClearsNonconformity(
    m: EntityManager,
    ctx: RequestContext,
    ec: ExecutionContext,
    p: Proposal,
  ): Promise<string | null> {
    if (ec.execution.state !== 'completed') return null;
    const prior = await latestJudgement(m, ec.execution.id);
    if (prior?.conformance !== 'nonconforming') return null;
    const trial = Object.assign(new StepRecord(), {
      id: randomUUID(),
      executionId: ec.execution.id,
      stepKey: p.stepKey,
      values: p.values,
      performedAt: new Date(p.performedAt),
      performedBy: p.performedBy,
      notes: p.notes,
      recordedBy: ctx.actor.id,
      recordedAt: new Date(),
      supersedesId: p.supersedesId,
      correctionReason: p.reason,
    });
    const result = await judge(m, { ...ec, records: [...ec.records, trial] });
    if (result.status !== 'conforming') return null;
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO execution_correction (execution_id, kind, supersedes_id, step_key, "values", performed_at, performed_by, notes, reason, findings_before, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        ec.execution.id,
        p.kind,
        p.supersedesId,
        p.stepKey,
        JSON.stringify(p.values),
        p.performedAt,
        p.performedBy,
        p.notes,
        p.reason,
        JSON.stringify(prior.findings),
        ctx.actor.id,
      ],
    );
    return row.id;
  }

  /**
   * Puts a correction in force: its step record, then (for a completed execution) a new judgement.
   * `detect` opens the deviations of a nonconforming result; the caller runs it after its audit event.
   */
  async apply(
    m: EntityManager,
    ctx: RequestContext,
    ec: ExecutionContext,
    p: Proposal,
  ): Promise<{
    recordId: string;
    judgement?: ConformanceResult;
    judgementChanges: Record<string, { old: unknown; new: unknown }>;
    detect: () => Promise<void>;
  }> {
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO execution_step_record (execution_id, step_key, "values", performed_at, performed_by, notes, recorded_by, supersedes_id, correction_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [ec.execution.id, p.stepKey, JSON.stringify(p.values), p.performedAt, p.performedBy, p.notes, ctx.actor.id, p.supersedesId, p.reason],
    );
    if (ec.execution.state !== 'completed') return { recordId: row.id, judgementChanges: {}, detect: async () => {} };
    const prior = await latestJudgement(m, ec.execution.id);
    const fresh = await loadExecution(m, ec.execution.id);
    await this.effectsOfCorrection(m, ctx, ec, fresh);
    const judgement = await judge(m, fresh);
    await this.storeJudgement(m, ctx, fresh, judgement, 'correction');
    return {
      recordId: row.id,
      judgement,
      judgementChanges: {
        conformance: { old: prior?.conformance ?? null, new: judgement.status },
        findings: { old: prior?.findings.length ?? null, new: judgement.findings.length },
      },
      detect: async () => {
        if (judgement.status === 'nonconforming') await this.detectDeviations(m, ctx, await loadExecution(m, ec.execution.id), judgement);
      },
    };
  }

  /**
   * Cancels an execution with a reason: an open one (nothing more is recorded in it), or a
   * completed one (a quality manager only: it stops counting, and a procedure carried out once per
   * subject can be carried out again). Its records and judgements stay; its deviations follow their
   * own life cycle.
   */
  async cancel(ctx: RequestContext, executionId: string, input: { reason: string }): Promise<ExecutionResponse> {
    await this.dataSource.transaction(async (m) => {
      const ec = await this.writableExecution(m, ctx, executionId);
      refuseCancelled(ec);
      if (ec.execution.state === 'completed' && !hasAnyRole(ctx.actor.roles, ['quality_manager']))
        throw forbidden('forbidden_role', 'Only a quality manager may cancel a completed execution');
      await m.query(
        `UPDATE execution SET state = 'cancelled', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3, version = version + 1 WHERE id = $1`,
        [executionId, ctx.actor.id, input.reason],
      );
      await this.audit.append(m, ctx, {
        action: 'execution.cancel',
        entityType: 'execution',
        entityId: executionId,
        entityVersion: ec.execution.version + 1,
        changes: { state: { old: ec.execution.state, new: 'cancelled' } },
        reason: input.reason,
      });
    });
    return this.views.get(ctx, executionId);
  }

  async complete(ctx: RequestContext, executionId: string): Promise<ExecutionResponse> {
    await this.dataSource.transaction(async (m) => {
      const ec = await this.writableExecution(m, ctx, executionId);
      refuseCancelled(ec);
      if (ec.execution.state !== 'open') throw conflict('execution_completed', 'The execution is already completed');
      if (ec.programme.status === 'closed') refuseClosed(ec.definition, 'completed');
      const result = await judge(m, ec);
      await m.query(
        `UPDATE execution SET state = 'completed', completed_at = now(), completed_by = $2, version = version + 1 WHERE id = $1`,
        [executionId, ctx.actor.id],
      );
      const completed = await loadExecution(m, executionId);
      await this.storeJudgement(m, ctx, completed, result, 'completion');
      await this.audit.append(m, ctx, {
        action: 'execution.complete',
        entityType: 'execution',
        entityId: executionId,
        entityVersion: completed.execution.version,
        changes: {
          state: { old: 'open', new: 'completed' },
          conformance: { old: null, new: result.status },
          findings: {
            old: null,
            new: result.findings.map((f) => ({ rule: f.rule, stepKey: f.stepKey ?? null, fieldKey: f.fieldKey ?? null })),
          },
          versionNumber: { old: null, new: completed.execution.versionNumber },
        },
      });
      // The recorded decision takes effect whatever the judgement (a nonconformity is its own
      // finding), except an admission: it enrols with consent, which a record showing a value
      // outside what conforms (consent "no") cannot give.
      for (const effect of dueEffects(completed.definition, completed.records)) {
        if (effect.status === 'active') refuseAdmissionOn(result, `${effect.stepKey}.${effect.fieldKey}`);
        await this.effects.apply(m, ctx, completed.execution, effect.status, localDate(effect.performedAt, completed.programme.timeZone), {
          executionId,
          procedureKey: completed.execution.procedureKey,
          stepKey: effect.stepKey,
          fieldKey: effect.fieldKey,
          value: effect.value,
          via: 'completion',
        });
      }
      if (result.status === 'nonconforming') await this.detectDeviations(m, ctx, completed, result);
    });
    return this.views.get(ctx, executionId);
  }

  /**
   * A correction in force that changes an effect-bearing value of a completed execution makes the
   * new value's effect, if the subject's status may change so; else the correction (or its
   * approval) is refused, naming why, and nothing changes. A status change is never undone: a
   * correction to a value without effect, after one with an effect, is refused too.
   */
  private async effectsOfCorrection(
    m: EntityManager,
    ctx: RequestContext,
    before: ExecutionContext,
    after: ExecutionContext,
  ): Promise<void> {
    for (const change of changedEffectFields(after.definition, before.records, after.records)) {
      if (!change.after) {
        if (change.before)
          throw conflict(
            'effect_not_allowed',
            `${change.stepKey}.${change.fieldKey} = ${String(change.before.value)} changed the subject's status to ${change.before.status}; a correction to a value without an effect cannot undo that`,
            { stepKey: change.stepKey, fieldKey: change.fieldKey },
          );
        continue;
      }
      if (change.after.status === 'active') refuseAdmissionOn(await judge(m, after), `${change.stepKey}.${change.fieldKey}`);
      await this.effects.apply(
        m,
        ctx,
        after.execution,
        change.after.status,
        localDate(change.after.performedAt, after.programme.timeZone),
        {
          executionId: after.execution.id,
          procedureKey: after.execution.procedureKey,
          stepKey: change.stepKey,
          fieldKey: change.fieldKey,
          value: change.after.value,
          via: 'correction',
        },
      );
    }
  }

  /** Automatic detection: a deviation per finding rule (listing its steps), in the same transaction. */
  private async detectDeviations(m: EntityManager, ctx: RequestContext, ec: ExecutionContext, result: ConformanceResult): Promise<void> {
    const e = ec.execution;
    // When each finding occurred: its step's performance, or (a step missing) the window's end.
    const performed = new Map(ec.records.map((r) => [r.id, r.performedAt.toISOString()]));
    const windowEnd = result.window ? endOfDay(result.window.to, ec.programme.timeZone).toISOString() : undefined;
    const findings = result.findings.map((f) => ({ ...f, occurredAt: f.recordId ? performed.get(f.recordId) : windowEnd }));
    await this.detector.fromExecution(
      m,
      ctx,
      {
        executionId: e.id,
        programmeId: e.programmeId,
        procedureKey: e.procedureKey,
        versionNumber: e.versionNumber,
        participantId: e.participantId,
        subjectId: e.participantId ?? e.pairId ?? e.programmeId,
        subjectLabel: await subjectLabel(m, ec),
      },
      { findings },
    );
  }

  async storeJudgement(
    m: EntityManager,
    ctx: RequestContext,
    ec: ExecutionContext,
    r: ConformanceResult,
    cause: 'completion' | 'correction',
  ) {
    await m.query(
      `INSERT INTO execution_judgement (execution_id, seq, conformance, findings, version_number, content_hash, cause, judged_by)
       SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7 FROM execution_judgement WHERE execution_id = $1`,
      [ec.execution.id, r.status, JSON.stringify(r.findings), ec.execution.versionNumber, ec.execution.contentHash, cause, ctx.actor.id],
    );
  }

  /** The execution locked for a write (until commit), after the actor's right to write in its programme. */
  async writableExecution(m: EntityManager, ctx: RequestContext, executionId: string): Promise<ExecutionContext> {
    // Two plain reads: the lock, then (seeing whatever the writes it waited for committed) the rest.
    const [locked] = await m.query<ExecutionRow[]>(LOCK_EXECUTION, [executionId]);
    if (!locked) throw notFound('Execution');
    const execution = executionFromRow(locked);
    const [around] = await m.query<SurroundingsRow[]>(EXECUTION_SURROUNDINGS, [
      execution.programmeId,
      ctx.actor.id,
      execution.participantId,
      execution.pairId,
      executionId,
    ]);
    const programme = this.access.writableFrom(ctx, around.programme && programmeFromJson(around.programme), around.leads, 'Execution');
    return completeExecutionContext(m, {
      execution,
      programme,
      participant: around.participant && participantFromJson(around.participant),
      pair: around.pair && pairFromJson(around.pair),
      adeptEnrolledAt: around.pair_adept_enrolled_at,
      records: around.records.map(stepRecordFromJson),
    });
  }

  private async performer(m: EntityManager, userId: string): Promise<string> {
    if (!(await isActiveUser(m, userId)))
      throw unprocessable('unknown_performer', 'The performer is not an active user', {
        errors: [{ field: 'performedById', message: 'must be an active user' }],
      });
    return userId;
  }

  private async resolveSubject(
    m: EntityManager,
    programmeId: string,
    s: SubjectInput,
    expected: string,
    definition: Pick<ProcedureDefinition, 'afterClose' | 'appliesWhen'>,
  ): Promise<{ participantId?: string; pairId?: string; label: string }> {
    // A procedure carried out after the programme closes follows up those who left as well.
    const afterClose = definition.afterClose === true;
    const mismatch = (given: string) =>
      unprocessable('subject_mismatch', `The procedure is carried out for ${withArticle(expected)}, not for ${withArticle(given)}`, {
        errors: [{ field: 'subject', message: `must name ${withArticle(expected)}` }],
      });
    if (s.participantId) {
      const p = await participantById(m, s.participantId, programmeId);
      if (!p)
        throw unprocessable('unknown_subject', 'No such participant in this programme', {
          errors: [{ field: 'subject.participantId', message: 'is not a participant of this programme' }],
        });
      if (p.role !== expected) throw mismatch(p.role);
      if (p.status === 'withdrawn' && !afterClose)
        throw conflict('subject_inactive', `The participant withdrew on ${p.withdrawnAt}; nothing more is carried out for them`);
      if (p.status === 'not_admitted')
        throw conflict(
          'subject_inactive',
          `The applicant was not admitted on ${p.admissionDecidedAt}; nothing more is carried out for them`,
        );
      // An applicant owes only what names their status (the expression of interest, the intake
      // interview); everything else is for enrolled participants, as the matrix judges it.
      if (APPLICANT_STATUSES.includes(p.status) && !(definition.appliesWhen?.status.in ?? []).includes(p.status))
        throw conflict(
          'subject_inactive',
          `The participant is not enrolled (${p.status}): this procedure is carried out for enrolled participants`,
          {
            errors: [{ field: 'subject.participantId', message: `must be an enrolled participant, not one whose status is ${p.status}` }],
          },
        );
      return { participantId: p.id, label: p.code };
    }
    if (s.pairId) {
      const pair = await pairById(m, s.pairId, programmeId);
      if (!pair)
        throw unprocessable('unknown_subject', 'No such pair in this programme', {
          errors: [{ field: 'subject.pairId', message: 'is not a pair of this programme' }],
        });
      if (expected !== 'pair') throw mismatch('pair');
      if (pair.endedAt !== null && !afterClose)
        throw conflict('subject_inactive', `The pair ended on ${pair.endedAt}; nothing more is carried out for it`);
      const codes = await participantCodes(m, [pair.mentorId, pair.adeptId]);
      return {
        pairId: pair.id,
        label: `${codes.get(pair.mentorId)}/${codes.get(pair.adeptId)}`,
      };
    }
    if (expected !== 'cohort') throw mismatch('cohort');
    return { label: 'cohort' };
  }
}

/** A row of execution_step_record as the driver returns it (timestamps as Date, jsonb parsed). */
interface StepRecordRow {
  id: string;
  execution_id: string;
  step_key: string;
  values: Record<string, unknown>;
  performed_at: Date;
  performed_by: string | null;
  notes: string | null;
  recorded_by: string | null;
  recorded_at: Date;
  supersedes_id: string | null;
  correction_reason: string | null;
}

function stepRecordFromRow(r: StepRecordRow): StepRecord {
  return Object.assign(new StepRecord(), {
    id: r.id,
    executionId: r.execution_id,
    stepKey: r.step_key,
    values: r.values,
    performedAt: r.performed_at,
    performedBy: r.performed_by,
    notes: r.notes,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
    supersedesId: r.supersedes_id,
    correctionReason: r.correction_reason,
  });
}

/**
 * `records` (in the database's order: recorded_at, id) with `added` in its place. The new record
 * is almost always last; it goes earlier only when a write that began after this one committed
 * first. Lower-case UUID text sorts as PostgreSQL sorts uuid values.
 */
function withRecord(records: readonly StepRecord[], added: StepRecord): StepRecord[] {
  const after = (r: StepRecord) =>
    r.recordedAt.getTime() > added.recordedAt.getTime() || (r.recordedAt.getTime() === added.recordedAt.getTime() && r.id > added.id);
  const at = records.findIndex(after);
  return at < 0 ? [...records, added] : [...records.slice(0, at), added, ...records.slice(at)];
}

/** What a correction or an added step would record (in force at once, or held for approval). */
export interface Proposal {
  kind: 'correction' | 'added_step';
  stepKey: string;
  supersedesId: string | null;
  values: Record<string, unknown>;
  performedAt: string;
  performedBy: string | null;
  notes: string | null;
  reason: string;
}

/** Either the step record now in force, or the pending correction awaiting a quality manager. */
type CorrectionOutcome = { recordId: string } | { pendingCorrectionId: string };

/** The execution after a correction, and whether the correction was held for approval (202). */
export interface CorrectionAnswer {
  held: boolean;
  execution: ExecutionResponse;
}

/**
 * A closed programme records nothing more, except the procedures carried out after it closes
 * (`afterClose`, an outcome follow-up): those are started, recorded and completed as before.
 * Corrections with a reason are taken either way (see correct()).
 */
function refuseClosed(definition: ProcedureDefinition, what: 'started' | 'recorded' | 'completed'): void {
  if (definition.afterClose === true) return;
  const detail =
    what === 'completed'
      ? 'its open executions stay open, as they were left'
      : what === 'started'
        ? `${definition.key} is not carried out after the programme closes; only procedures marked afterClose (an outcome follow-up) are still started`
        : 'nothing more is recorded in it, except procedures carried out after it closes (corrections with a reason still are)';
  throw conflict('programme_closed', `The programme is closed: ${detail}`, { procedureKey: definition.key });
}

export function refuseCancelled(ec: ExecutionContext): void {
  if (ec.execution.state === 'cancelled')
    throw conflict('execution_cancelled', 'The execution was cancelled: nothing more is recorded or corrected in it');
}

/** A second correction of a step while one awaits a quality manager's decision is refused. */
async function refusePending(m: EntityManager, executionId: string, stepKey: string): Promise<void> {
  const [pending] = await m.query<{ id: string }[]>(
    `SELECT c.id FROM execution_correction c WHERE c.execution_id = $1 AND c.step_key = $2
       AND NOT EXISTS (SELECT 1 FROM execution_correction_decision d WHERE d.correction_id = c.id)`,
    [executionId, stepKey],
  );
  if (pending)
    throw conflict('correction_pending', `A correction of step ${stepKey} awaits a quality manager's decision; it is decided first`, {
      correctionId: pending.id,
    });
}

export async function latestJudgement(
  m: EntityManager,
  executionId: string,
): Promise<{ conformance: 'conforming' | 'nonconforming'; findings: unknown[] } | undefined> {
  const [row] = await m.query<{ conformance: 'conforming' | 'nonconforming'; findings: unknown[] }[]>(
    `SELECT conformance, findings FROM execution_judgement WHERE execution_id = $1 ORDER BY seq DESC LIMIT 1`,
    [executionId],
  );
  return row;
}

function checkValues(step: Parameters<typeof validateStepValues>[0], values: unknown): Record<string, unknown> {
  const r = validateStepValues(step, values);
  if (!r.ok) throw validationFailed(r.errors);
  return r.values;
}

function checkPerformedAt(clock: Clock, performedAt: string, timeZone: string): void {
  if (clock.isFuture(new Date(performedAt), timeZone)) {
    throw unprocessable('performed_in_future', 'A step cannot be recorded as performed in the future', {
      errors: [{ field: 'performedAt', message: 'must not be in the future' }],
    });
  }
}

/**
 * Admission enrols the applicant with consent to enrolment: refused while the execution records a
 * value outside what conforms (consent "no", the application not read), naming that value.
 */
function refuseAdmissionOn(result: ConformanceResult, decision: string): void {
  const wrong = result.findings.filter((f) => f.rule === 'unexpected_value');
  if (wrong.length === 0) return;
  throw conflict(
    'effect_not_allowed',
    `${decision} admits the applicant, but the record does not conform: ${wrong.map((f) => f.detail).join(' ')} Correct the record or the decision first.`,
    { fields: wrong.map((f) => `${f.stepKey ?? ''}.${f.fieldKey ?? ''}`) },
  );
}
