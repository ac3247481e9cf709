import { deviationSteps } from './deviation-steps.js';
import { deviationClosureContent } from './deviation-signed-content.js';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService, diffChanges } from '../audit/audit.service.js';
import { addDays, localDate } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import { stale } from '../common/etag.js';
import { conflict, forbidden, notFound, unprocessable, validationFailed } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { allocateReference } from '../common/references.js';
import { modifyReturning } from '../common/sql.js';
import { hasAnyRole } from '../common/roles.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { programmeCalendar } from '../programmes/programme-dates.js';
import { isParticipantOf } from '../programmes/programmes.queries.js';
import { SignaturesService, signatureForAudit } from '../signatures/signatures.service.js';
import type { Signer } from '../signatures/signatures.service.js';
import { DEFAULT_TARGET_DAYS, allowedDeviationTargets, deviationTransition } from './deviation-states.js';
import type { DeviationSource, DeviationState, Severity } from './deviation-states.js';
import { checkDeviationDates, checkOccurred } from './deviation-dates.js';
import { DeviationExecutions, LinkedActions } from './deviation-ports.js';
import { Deviation } from './deviation.entity.js';
import type { DeviationResponse } from './deviation.dto.js';
import { DeviationQueriesService } from './deviation-queries.service.js';
import { addDeviationSteps } from './deviation-steps.js';
import type { NewDeviationStep } from './deviation-steps.js';

export interface NewDeviation {
  programmeId: string;
  title: string;
  description: string;
  severity: Severity;
  source: DeviationSource;
  detectedAt: string;
  /** When the nonconformity occurred; the detection when not given. */
  occurredAt?: string;
  executionId?: string;
  stepKey?: string;
  participantId?: string;
  containment?: string;
  targetDate?: string;
  /** For a finding without an execution (an overdue procedure): the procedure and plan version it concerns. */
  procedureKey?: string;
  versionNumber?: number;
  rule?: string;
  detectionKey?: string;
}

export interface TransitionInput {
  to: DeviationState;
  comment: string;
  rootCause?: string;
  correctionOnlyJustification?: string;
  password?: string;
}

const EDITABLE = ['title', 'description', 'severity', 'containment', 'rootCause', 'targetDate'] as const;

@Injectable()
export class DeviationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly signatures: SignaturesService,
    private readonly clock: Clock,
    private readonly linkedActions: LinkedActions,
    private readonly executions: DeviationExecutions,
    private readonly queries: DeviationQueriesService,
  ) {}

  /** Records a deviation; answers with it as the caller reads it. */
  async create(ctx: RequestContext, input: NewDeviation): Promise<DeviationResponse> {
    const created = await this.dataSource.transaction(async (m) => {
      await this.access.writable(m, ctx, input.programmeId);
      return this.insert(m, ctx, input);
    });
    return this.queries.detail(ctx, created.id);
  }

  /** Records a deviation inside the caller's transaction. */
  async insert(m: EntityManager, ctx: RequestContext, input: NewDeviation): Promise<Deviation> {
    return (await this.write(m, ctx, input, [], false))!;
  }

  /**
   * Records an automatically detected deviation with the steps it concerns, or nothing (null) when
   * the database's unique index already holds a standing deviation under its detection key: the
   * insert gives way instead of failing the caller's transaction, and its reference number is
   * given back (the counter moves in the same savepoint).
   */
  async insertDetected(
    m: EntityManager,
    ctx: RequestContext,
    input: NewDeviation,
    steps: readonly NewDeviationStep[],
  ): Promise<Deviation | null> {
    return this.write(m, ctx, input, steps, true);
  }

  /** Adds the steps a detection found again to the deviation that stands for it (none added: no change, no event). */
  async addSteps(m: EntityManager, ctx: RequestContext, deviationId: string, steps: readonly NewDeviationStep[]): Promise<void> {
    const added = await addDeviationSteps(m, deviationId, steps);
    if (added.length === 0) return;
    const d = await m.getRepository(Deviation).findOneByOrFail({ id: deviationId });
    await this.audit.append(m, ctx, {
      action: 'deviation.add_steps',
      entityType: 'deviation',
      entityId: d.id,
      entityVersion: d.version,
      changes: { steps: { old: null, new: added.map((x) => ({ executionId: x.executionId, stepKey: x.stepKey })) } },
    });
  }

  private async write(
    m: EntityManager,
    ctx: RequestContext,
    input: NewDeviation,
    steps: readonly NewDeviationStep[],
    giveWay: boolean,
  ): Promise<Deviation | null> {
    const calendar = await programmeCalendar(m, input.programmeId);
    let procedureKey: string | null = input.procedureKey ?? null;
    let versionNumber: number | null = input.versionNumber ?? null;
    if (input.executionId) {
      const e = await this.executions.facts(m, input.executionId);
      if (!e || e.programmeId !== input.programmeId)
        throw unprocessable('unknown_execution', 'No such execution in this programme', {
          errors: [{ field: 'executionId', message: 'is not an execution of this programme' }],
        });
      procedureKey = e.procedureKey;
      versionNumber = e.versionNumber;
    } else if (input.stepKey) {
      throw validationFailed([{ field: 'stepKey', message: 'can only be given together with executionId' }]);
    }
    if (input.participantId) {
      if (!(await isParticipantOf(m, input.participantId, input.programmeId)))
        throw unprocessable('unknown_participant', 'No such participant in this programme', {
          errors: [{ field: 'participantId', message: 'is not a participant of this programme' }],
        });
    }
    const detectedAt = new Date(input.detectedAt);
    const targetDate = input.targetDate ?? addDays(localDate(detectedAt, calendar.timeZone), DEFAULT_TARGET_DAYS[input.severity]);
    checkDeviationDates(detectedAt, targetDate, calendar, this.clock);
    const occurredAt = input.occurredAt ?? input.detectedAt;
    checkOccurred(new Date(occurredAt), detectedAt, calendar.timeZone, this.clock);
    if (giveWay) await m.query(`SAVEPOINT deviation_detection`);
    const reference = await allocateReference(m, 'DEV', new Date().getUTCFullYear());
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO deviation (reference, programme_id, title, description, severity, source, detected_at, target_date, execution_id, procedure_key,
         version_number, step_key, rule, participant_id, detection_key, containment, created_by, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ${giveWay ? 'ON CONFLICT DO NOTHING' : ''} RETURNING id`,
      [
        reference,
        input.programmeId,
        input.title,
        input.description,
        input.severity,
        input.source,
        input.detectedAt,
        targetDate,
        input.executionId ?? null,
        procedureKey,
        versionNumber,
        input.stepKey ?? null,
        input.rule ?? null,
        input.participantId ?? null,
        input.detectionKey ?? null,
        input.containment ?? null,
        ctx.actor.id,
        occurredAt,
      ],
    );
    if (giveWay) {
      await m.query(row ? `RELEASE SAVEPOINT deviation_detection` : `ROLLBACK TO SAVEPOINT deviation_detection`);
      if (!row) return null;
    }
    await this.recordTransition(m, ctx, row.id, null, 'open', null, {}, null);
    await addDeviationSteps(m, row.id, steps);
    const d = await m.getRepository(Deviation).findOneByOrFail({ id: row.id });
    await this.audit.append(m, ctx, {
      action: 'deviation.create',
      entityType: 'deviation',
      entityId: d.id,
      entityVersion: d.version,
      changes: {
        reference: { old: null, new: d.reference },
        programmeId: { old: null, new: d.programmeId },
        title: { old: null, new: d.title },
        severity: { old: null, new: d.severity },
        source: { old: null, new: d.source },
        occurredAt: { old: null, new: d.occurredAt.toISOString() },
        detectedAt: { old: null, new: d.detectedAt.toISOString() },
        targetDate: { old: null, new: d.targetDate },
        state: { old: null, new: 'open' },
        ...(d.executionId ? { executionId: { old: null, new: d.executionId } } : {}),
        ...(d.procedureKey ? { procedureKey: { old: null, new: d.procedureKey }, versionNumber: { old: null, new: d.versionNumber } } : {}),
        ...(d.stepKey ? { stepKey: { old: null, new: d.stepKey } } : {}),
        ...(d.rule ? { rule: { old: null, new: d.rule } } : {}),
        ...(d.participantId ? { participantId: { old: null, new: d.participantId } } : {}),
        ...(steps.length ? { steps: { old: null, new: steps.map((x) => ({ executionId: x.executionId, stepKey: x.stepKey })) } } : {}),
      },
    });
    return d;
  }

  async update(
    ctx: RequestContext,
    id: string,
    expected: number,
    patch: Partial<Record<(typeof EDITABLE)[number], string>>,
    reason?: string,
  ): Promise<DeviationResponse> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.lock(m, ctx, id);
      if (before.version !== expected) throw stale(before.version);
      if (before.state === 'closed' || before.state === 'cancelled')
        throw conflict('deviation_closed', `${before.reference} is ${before.state} and cannot change`);
      const next = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
      const changes = diffChanges(before, next, EDITABLE);
      // An edit that changes nothing is no change: no new version, no audit event.
      if (Object.keys(changes).length === 0) return before;
      if (before.source === 'system') checkSystemFindingEdit(ctx, changes, reason);
      checkDeviationDates(before.detectedAt, next.targetDate, await programmeCalendar(m, before.programmeId), this.clock);
      const rows = await modifyReturning(
        m,
        `UPDATE deviation SET title = $3, description = $4, severity = $5, containment = $6, root_cause = $7, target_date = $8, version = version + 1
         WHERE id = $1 AND version = $2 RETURNING id`,
        [id, expected, next.title, next.description, next.severity, next.containment, next.rootCause, next.targetDate],
      );
      if (rows.length === 0) throw stale(undefined);
      const after = await m.getRepository(Deviation).findOneByOrFail({ id });
      await this.audit.append(m, ctx, {
        action: 'deviation.update',
        entityType: 'deviation',
        entityId: id,
        entityVersion: after.version,
        changes: diffChanges(before, after, EDITABLE),
        reason: reason ?? null,
      });
      return after;
    });
    return this.queries.detail(ctx, id);
  }

  async transition(ctx: RequestContext, id: string, input: TransitionInput, expectedVersion?: number): Promise<DeviationResponse> {
    const peek = await this.lock(this.dataSource.manager, ctx, id, false);
    const rule = this.ruleFor(peek, input.to);
    // Recorded only where the table asks for it: elsewhere it would be stored without showing in
    // the transition's audit event, and on a reopen the database refuses the change (500).
    if (input.rootCause !== undefined && !rule.guards.includes('root_cause')) {
      throw validationFailed([
        { field: 'rootCause', message: 'can only be given when moving to action_plan; at other times, edit the deviation (PATCH)' },
      ]);
    }
    let signer: Signer | null = null;
    if (rule.guards.includes('signature')) {
      if (!input.password)
        throw validationFailed([{ field: 'password', message: 'is required: closing a deviation is signed with your password' }]);
      signer = await this.signatures.confirmSigner(ctx, input.password);
    }
    await this.dataSource.transaction(async (m) => {
      const before = await this.lock(m, ctx, id);
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw stale(before.version);
      this.ruleFor(before, input.to);
      const details: Record<string, unknown> = {};
      const rootCause = input.rootCause ?? before.rootCause;
      let justification = before.correctionOnlyJustification;
      if (rule.guards.includes('root_cause')) {
        if (!rootCause)
          throw unprocessable('root_cause_required', 'Record the root cause before planning actions', {
            errors: [{ field: 'rootCause', message: 'is required to move to action_plan' }],
          });
        if (input.rootCause) details.rootCause = input.rootCause;
      }
      const actions = (await this.linkedActions.of(m, id)).filter((a) => a.state !== 'cancelled');
      if (rule.guards.includes('action_or_justification') && actions.length === 0) {
        justification = input.correctionOnlyJustification ?? justification;
        if (before.severity !== 'minor' || !justification) {
          throw unprocessable(
            'corrective_action_required',
            before.severity === 'minor'
              ? 'Link a corrective action, or justify why a correction alone suffices'
              : `A ${before.severity} deviation needs at least one linked corrective action`,
            {
              errors: [
                before.severity === 'minor'
                  ? { field: 'correctionOnlyJustification', message: 'is required when no corrective action is linked' }
                  : { field: 'to', message: `needs a linked corrective action first: the deviation is ${before.severity}` },
              ],
            },
          );
        }
        details.correctionOnlyJustification = justification;
      }
      if (input.to === 'cancelled' && actions.length) {
        throw conflict(
          'actions_open',
          `Cancel or finish the linked corrective actions first: ${actions.map((a) => `${a.reference} (${a.state})`).join(', ')}`,
          {
            pendingActions: actions.map((a) => a.reference),
          },
        );
      }
      if (rule.guards.includes('actions_closed')) {
        const pending = actions.filter((a) => a.state !== 'closed');
        if (pending.length) {
          throw conflict(
            'actions_not_closed',
            `Close every linked corrective action first: ${pending.map((a) => `${a.reference} (${a.state})`).join(', ')}`,
            {
              pendingActions: pending.map((a) => a.reference),
            },
          );
        }
      }
      await m.query(
        `UPDATE deviation SET state = $2, root_cause = $3, correction_only_justification = $4, version = version + 1,
           closed_at = CASE WHEN $2 = 'closed' THEN now() WHEN $2 = 'in_progress' THEN NULL ELSE closed_at END
         WHERE id = $1`,
        [id, input.to, rootCause, justification],
      );
      const after = await m.getRepository(Deviation).findOneByOrFail({ id });
      const signature = signer
        ? await this.signatures.sign(
            m,
            signer,
            {
              recordType: 'deviation',
              recordId: id,
              recordVersion: after.version,
              content: deviationClosureContent(
                after,
                actions,
                ((await deviationSteps(m, [id])).get(id) ?? []).map((s) => s.stepKey),
                input.comment ?? null,
              ),
            },
            'closed',
            input.comment,
          )
        : null;
      await this.recordTransition(m, ctx, id, before.state, input.to, input.comment, details, signature?.id ?? null);
      await this.audit.append(m, ctx, {
        action:
          input.to === 'in_progress' && before.state === 'closed'
            ? 'deviation.reopen'
            : `deviation.${input.to === 'cancelled' ? 'cancel' : input.to === 'closed' ? 'close' : 'transition'}`,
        entityType: 'deviation',
        entityId: id,
        entityVersion: after.version,
        changes: {
          state: { old: before.state, new: after.state },
          ...(details.rootCause ? { rootCause: { old: before.rootCause, new: after.rootCause } } : {}),
          ...(details.correctionOnlyJustification && before.correctionOnlyJustification !== justification
            ? { correctionOnlyJustification: { old: before.correctionOnlyJustification, new: justification } }
            : {}),
          ...(signature ? { signature: { old: null, new: signatureForAudit(signature) } } : {}),
        },
        reason: input.comment,
      });
      return after;
    });
    return this.queries.detail(ctx, id);
  }

  private ruleFor(d: Deviation, to: DeviationState) {
    const rule = deviationTransition(d.state, to);
    if (!rule) {
      const allowed = allowedDeviationTargets(d.state);
      throw conflict('transition_not_allowed', `${d.reference} is ${d.state}; it can move to: ${allowed.join(', ') || 'nothing (final)'}`, {
        state: d.state,
        allowed,
      });
    }
    return rule;
  }

  /** The deviation, if the actor may change it (programme scoping), locked when in a transaction. */
  private async lock(m: EntityManager, ctx: RequestContext, id: string, forUpdate = true): Promise<Deviation> {
    const found = await m.getRepository(Deviation).findOneBy({ id });
    if (!found) throw notFound('Deviation');
    await this.access.writable(m, ctx, found.programmeId, { what: 'Deviation' });
    if (forUpdate) await m.query(`SELECT 1 FROM deviation WHERE id = $1 FOR UPDATE`, [id]);
    return forUpdate ? m.getRepository(Deviation).findOneByOrFail({ id }) : found;
  }

  private async recordTransition(
    m: EntityManager,
    ctx: RequestContext,
    id: string,
    from: DeviationState | null,
    to: DeviationState,
    comment: string | null,
    details: Record<string, unknown>,
    signatureId: string | null,
  ) {
    await m.query(
      `INSERT INTO deviation_transition (deviation_id, seq, from_state, to_state, comment, details, signature_id, actor_id)
       SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7 FROM deviation_transition WHERE deviation_id = $1`,
      [id, from, to, comment, JSON.stringify(details), signatureId, ctx.actor.id],
    );
  }
}

/**
 * What the system found stays what it found: its title is not rewritten, and its severity changes
 * only by a quality manager's decision, with a reason (kept in the audit trail).
 */
function checkSystemFindingEdit(ctx: RequestContext, changes: Record<string, unknown>, reason: string | undefined): void {
  const qm = hasAnyRole(ctx.actor.roles, ['quality_manager']);
  if ('title' in changes && !qm)
    throw forbidden(
      'system_finding_title',
      "The title of a system-detected deviation states the system's finding; describe more in the description",
    );
  if ('severity' in changes) {
    if (!qm) throw forbidden('system_finding_severity', 'Only a quality manager changes the severity of a system-detected deviation');
    if (!reason?.trim())
      throw validationFailed([{ field: 'reason', message: 'is needed to change the severity of a system-detected deviation' }]);
  }
}
