import { stale } from '../common/etag.js';
import { actionContent } from './action-signed-content.js';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { hasAnyRole } from '../common/roles.js';
import { localDate } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import { conflict, forbidden, unprocessable, validationFailed } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { allocateReference } from '../common/references.js';
import { isUniqueViolation } from '../common/sql.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { lockDeviations } from '../deviations/deviations.queries.js';
import type { LockedDeviation } from '../deviations/deviations.queries.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { SignaturesService, signatureForAudit } from '../signatures/signatures.service.js';
import type { Signer } from '../signatures/signatures.service.js';
import { userById } from '../users/users.queries.js';
import {
  DEFAULT_EFFECTIVENESS_CHECK_AFTER_DAYS,
  checkDueDatePlausible,
  checkOwnerCanAct,
  checkVerdictNotEarly,
} from './action-plausibility.js';
import { actionTransition, allowedActionTargets } from './action-states.js';
import { findVisibleAction } from './action-visibility.js';
import type { CorrectiveActionResponse } from './corrective-action.dto.js';
import { CorrectiveActionQueriesService } from './corrective-action-queries.service.js';
import type { ActionSource, ActionState, ActionTransitionRule, ActionType, ImprovementSource, Verdict } from './action-states.js';
import { CorrectiveAction } from './corrective-action.entity.js';
import type { BoardDecision } from './action-states.js';

export interface NewAction {
  deviationIds: string[];
  type: ActionType;
  description: string;
  ownerId: string;
  dueDate: string;
  effectivenessCriterion: string;
  /** Days after implementation before its effectiveness can be judged (default 30). */
  effectivenessCheckAfterDays?: number;
  reviewDecisionId?: string;
  /** Without deviations: where the action comes from (an id the caller has checked, and/or words). Default: other. */
  source?: { kind: ImprovementSource; id?: string | null; text?: string | null };
  /** The earliest day it may be due besides its deviations' detection (a review decision: the day held). */
  dueNotBefore?: { day: string; field: string; why: string };
  /** Where the action's fields sit in the request, for problems naming them (a review decision: `action.`). */
  fieldPrefix?: string;
}

export interface ActionTransitionInput {
  to: ActionState;
  comment: string;
  verdict?: Verdict;
  evidence?: string;
  password?: string;
}

@Injectable()
export class CorrectiveActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly signatures: SignaturesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly queries: CorrectiveActionQueriesService,
  ) {}

  today(): string {
    return this.clock.today(this.config.timeZone);
  }

  timeZone(): string {
    return this.config.timeZone;
  }

  /** The organisation's calendar day of an instant (reports are dated by when they are generated). */
  dayOf(instant: string): string {
    return localDate(instant, this.config.timeZone);
  }

  /** Plans an action; answers with it as the caller reads it. */
  async create(ctx: RequestContext, input: NewAction): Promise<CorrectiveActionResponse> {
    const action = await this.dataSource.transaction((m) => this.insert(m, ctx, input));
    return this.queries.detail(ctx, action.id);
  }

  /** Inside the caller's transaction (also used for management review decisions). */
  async insert(m: EntityManager, ctx: RequestContext, input: NewAction): Promise<CorrectiveAction> {
    const locked = await lockDeviations(m, input.deviationIds);
    const missing = input.deviationIds.filter((id) => !locked.some((d) => d.id === id));
    if (missing.length)
      throw unprocessable('unknown_deviation', `No deviation has the id ${missing.join(', ')}`, {
        errors: [{ field: 'deviationIds', message: `names deviations that do not exist: ${missing.join(', ')}` }],
      });
    const deviations: (LockedDeviation & { timeZone: string })[] = [];
    for (const d of locked) deviations.push({ ...d, timeZone: (await this.access.writable(m, ctx, d.programmeId)).timeZone });
    const finished = deviations.filter((d) => d.state === 'closed' || d.state === 'cancelled');
    if (finished.length) {
      throw conflict('deviation_closed', `Actions cannot be added to ${finished.map((d) => `${d.reference} (${d.state})`).join(', ')}`);
    }
    checkDueDate(input, deviations);
    const owner = await userById(m, input.ownerId);
    checkOwnerCanAct(owner ?? undefined, `${input.fieldPrefix ?? ''}ownerId`);
    checkDueDatePlausible(input.dueDate, this.today(), `${input.fieldPrefix ?? ''}dueDate`);
    const checkAfterDays = input.effectivenessCheckAfterDays ?? DEFAULT_EFFECTIVENESS_CHECK_AFTER_DAYS;
    const source = actionSource(input);
    const reference = await allocateReference(m, 'CA', new Date().getUTCFullYear());
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO corrective_action (reference, type, description, owner_id, due_date, effectiveness_criterion, review_decision_id, created_by,
         effectiveness_check_after_days, source, source_id, source_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        reference,
        input.type,
        input.description,
        input.ownerId,
        input.dueDate,
        input.effectivenessCriterion,
        input.reviewDecisionId ?? null,
        ctx.actor.id,
        checkAfterDays,
        source.kind,
        source.id,
        source.text,
      ],
    );
    for (const d of deviations)
      await m.query(`INSERT INTO corrective_action_deviation (corrective_action_id, deviation_id) VALUES ($1, $2)`, [row.id, d.id]);
    await this.recordTransition(m, ctx, row.id, null, 'planned', null, {});
    const action = await m.getRepository(CorrectiveAction).findOneByOrFail({ id: row.id });
    await this.audit.append(m, ctx, {
      action: 'corrective_action.create',
      entityType: 'corrective_action',
      entityId: action.id,
      entityVersion: action.version,
      changes: {
        reference: { old: null, new: reference },
        type: { old: null, new: action.type },
        description: { old: null, new: action.description },
        ownerId: { old: null, new: action.ownerId },
        dueDate: { old: null, new: action.dueDate },
        effectivenessCriterion: { old: null, new: action.effectivenessCriterion },
        effectivenessCheckAfterDays: { old: null, new: checkAfterDays },
        deviations: { old: null, new: deviations.map((d) => d.reference).sort() },
        source: { old: null, new: source },
        ...(input.reviewDecisionId ? { reviewDecisionId: { old: null, new: input.reviewDecisionId } } : {}),
      },
    });
    return action;
  }

  async transition(
    ctx: RequestContext,
    id: string,
    input: ActionTransitionInput,
    expectedVersion?: number,
  ): Promise<CorrectiveActionResponse> {
    const peek = await this.find(this.dataSource.manager, ctx, id);
    const rule = this.check(ctx, peek, input);
    let signer: Signer | null = null;
    if (rule.needsSignature) signer = await this.signatures.confirmSigner(ctx, input.password!);
    await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT 1 FROM corrective_action WHERE id = $1 FOR UPDATE`, [id]);
      const before = await this.find(m, ctx, id);
      if (expectedVersion !== undefined && before.version !== expectedVersion) throw stale(before.version);
      this.check(ctx, before, input);
      await m.query(
        `UPDATE corrective_action SET state = $2, version = version + 1,
           implemented_at = CASE WHEN $2 = 'implemented' THEN $3::timestamptz ELSE implemented_at END,
           closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END
         WHERE id = $1`,
        [id, input.to, this.clock.now()],
      );
      const closed = signer ? await m.getRepository(CorrectiveAction).findOneByOrFail({ id }) : null;
      const signature =
        signer && closed
          ? await this.signatures.sign(
              m,
              signer,
              {
                recordType: 'corrective_action',
                recordId: id,
                recordVersion: closed.version,
                // Only closing is signed, and it always carries the verdict "effective".
                content: await actionContent(m, closed, {
                  verdict: rule.verdict!,
                  evidence: input.evidence ?? null,
                  comment: input.comment ?? null,
                }),
              },
              'closed',
              input.comment,
            )
          : null;
      await this.recordTransition(m, ctx, id, before.state, input.to, input.comment, {
        verdict: rule.verdict ?? null,
        evidence: input.evidence ?? null,
        signatureId: signature?.id ?? null,
      });
      const after = await m.getRepository(CorrectiveAction).findOneByOrFail({ id });
      await this.audit.append(m, ctx, {
        // Closing carries the effective verdict too; it is audited as the closure (the verdict is in its changes).
        action:
          input.to === 'closed'
            ? 'corrective_action.close'
            : rule.verdict
              ? 'corrective_action.verify'
              : input.to === 'cancelled'
                ? 'corrective_action.cancel'
                : 'corrective_action.transition',
        entityType: 'corrective_action',
        entityId: id,
        entityVersion: after.version,
        changes: {
          state: { old: before.state, new: after.state },
          ...(rule.verdict ? { verdict: { old: null, new: rule.verdict }, evidence: { old: null, new: input.evidence } } : {}),
          ...(signature ? { signature: { old: null, new: signatureForAudit(signature) } } : {}),
        },
        reason: input.comment,
      });
      return after;
    });
    return this.queries.detail(ctx, id);
  }

  /**
   * The board's signed review. One per reviewer and action (a unique index keeps it under
   * concurrency), and only of an action that stands: a cancelled one is not reviewed.
   */
  async boardReview(
    ctx: RequestContext,
    id: string,
    input: { decision: BoardDecision; comment: string; password: string },
    expectedVersion?: number,
  ): Promise<CorrectiveActionResponse> {
    // Refuse early what cannot succeed, so the password is not checked (nor counted) for nothing.
    await this.reviewable(this.dataSource.manager, ctx, id);
    const signer = await this.signatures.confirmSigner(ctx, input.password);
    try {
      await this.dataSource.transaction(async (m) => {
        await m.query(`SELECT 1 FROM corrective_action WHERE id = $1 FOR UPDATE`, [id]);
        const action = await this.reviewable(m, ctx, id);
        if (expectedVersion !== undefined && action.version !== expectedVersion) throw stale(action.version);
        const signature = await this.signatures.sign(
          m,
          signer,
          {
            recordType: 'corrective_action',
            recordId: id,
            recordVersion: action.version,
            content: await actionContent(m, action, { decision: input.decision, comment: input.comment }),
          },
          `board review: ${input.decision}`,
          input.comment,
        );
        const [row] = await m.query<{ id: string }[]>(
          `INSERT INTO board_review (corrective_action_id, decision, comment, reviewer_id, signature_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [id, input.decision, input.comment, ctx.actor.id, signature.id],
        );
        await this.audit.append(m, ctx, {
          action: 'corrective_action.board_review',
          entityType: 'corrective_action',
          entityId: id,
          entityVersion: action.version,
          changes: { boardReview: { old: null, new: { id: row.id, decision: input.decision, signature: signatureForAudit(signature) } } },
          reason: input.comment,
        });
        if (input.decision === 'changes_requested' && REOPENED_BY_BOARD.includes(action.state))
          await this.reopen(m, ctx, action, row.id, input.comment);
        return action;
      });
    } catch (e) {
      if (isUniqueViolation(e, 'board_review_one_per_reviewer')) throw alreadyReviewed();
      throw e;
    }
    return this.queries.detail(ctx, id);
  }

  /**
   * The board asks for changes to an action its owner considers done: it goes back to in_progress,
   * by a transition that names the board review, audited. Its implementation date stays as it was
   * (the history keeps both), and the next effectiveness check follows a new implementation.
   */
  private async reopen(m: EntityManager, ctx: RequestContext, action: CorrectiveAction, boardReviewId: string, comment: string) {
    await m.query(`UPDATE corrective_action SET state = 'in_progress', version = version + 1 WHERE id = $1`, [action.id]);
    await this.recordTransition(m, ctx, action.id, action.state, 'in_progress', `Changes requested by the board: ${comment}`, {
      boardReviewId,
    });
    await this.audit.append(m, ctx, {
      action: 'corrective_action.reopen',
      entityType: 'corrective_action',
      entityId: action.id,
      entityVersion: action.version + 1,
      changes: { state: { old: action.state, new: 'in_progress' }, boardReviewId: { old: null, new: boardReviewId } },
      reason: comment,
    });
  }

  private async reviewable(m: EntityManager, ctx: RequestContext, id: string): Promise<CorrectiveAction> {
    const action = await this.find(m, ctx, id);
    if (action.state === 'cancelled')
      throw conflict('action_not_reviewable', `${action.reference} is cancelled: the board reviews only actions that stand`, {
        state: action.state,
      });
    const given = await m.query<unknown[]>(`SELECT 1 FROM board_review WHERE corrective_action_id = $1 AND reviewer_id = $2`, [
      id,
      ctx.actor.id,
    ]);
    if (given.length) throw alreadyReviewed();
    return action;
  }

  /** Reads an action the actor may see: programme leaders only those they own or that address their programmes. */
  find(m: EntityManager, ctx: RequestContext, id: string): Promise<CorrectiveAction> {
    return findVisibleAction(m, this.access, ctx, id);
  }

  private check(ctx: RequestContext, action: CorrectiveAction, input: ActionTransitionInput): ActionTransitionRule {
    const rule = actionTransition(action.state, input.to);
    if (!rule) {
      const allowed = allowedActionTargets(action.state);
      throw conflict(
        'transition_not_allowed',
        `${action.reference} is ${action.state}; it can move to: ${allowed.join(', ') || 'nothing (final)'}`,
        { state: action.state, allowed },
      );
    }
    const isQm = hasAnyRole(ctx.actor.roles, ['quality_manager']);
    const isOwner = action.ownerId === ctx.actor.id;
    if (rule.by === 'owner_or_quality_manager' && !isOwner && !isQm)
      throw forbidden('not_owner', 'Only the owner or a quality manager can take this step');
    if (rule.by === 'quality_manager' && !isQm) throw forbidden('forbidden_role', 'Only a quality manager can cancel a corrective action');
    if (rule.by === 'not_owner') {
      if (isOwner)
        throw forbidden('owner_cannot_verify', 'The owner cannot judge the effectiveness of their own action; someone else must');
      if (!isQm) throw forbidden('forbidden_role', 'The effectiveness verdict is given by a quality manager');
    }
    const errors = [];
    if (rule.verdict && input.verdict !== rule.verdict)
      errors.push({ field: 'verdict', message: `must be ${rule.verdict} to move to ${input.to}` });
    if (!rule.verdict && input.verdict) errors.push({ field: 'verdict', message: 'can only be given when leaving effectiveness_check' });
    if (rule.needsEvidence && !input.evidence) errors.push({ field: 'evidence', message: 'is required for an effectiveness verdict' });
    if (rule.needsSignature && !input.password)
      errors.push({ field: 'password', message: 'is required: closing is signed with your password' });
    if (errors.length) throw validationFailed(errors);
    if (rule.verdict && action.implementedAt)
      checkVerdictNotEarly(
        action.reference,
        this.dayOf(action.implementedAt.toISOString()),
        action.effectivenessCheckAfterDays,
        this.today(),
      );
    return rule;
  }

  private async recordTransition(
    m: EntityManager,
    ctx: RequestContext,
    id: string,
    from: ActionState | null,
    to: ActionState,
    comment: string | null,
    extra: { verdict?: Verdict | null; evidence?: string | null; signatureId?: string | null; boardReviewId?: string },
  ) {
    await m.query(
      `INSERT INTO corrective_action_transition
         (corrective_action_id, seq, from_state, to_state, comment, verdict, evidence, signature_id, actor_id, board_review_id)
       SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9 FROM corrective_action_transition WHERE corrective_action_id = $1`,
      [
        id,
        from,
        to,
        comment,
        extra.verdict ?? null,
        extra.evidence ?? null,
        extra.signatureId ?? null,
        ctx.actor.id,
        extra.boardReviewId ?? null,
      ],
    );
  }
}

/** States from which a board's request for changes sends an action back to in_progress (a closed one is a record and stays closed). */
const REOPENED_BY_BOARD: ActionState[] = ['implemented', 'effectiveness_check'];

function alreadyReviewed() {
  return conflict('board_review_exists', 'You have already reviewed this corrective action; each board member reviews it once');
}

/**
 * An action with deviations comes from them; one without names its source (a review decision's
 * action comes from the review, unless the caller says otherwise), "other" with words by default.
 */
function actionSource(input: NewAction): { kind: ActionSource; id: string | null; text: string | null } {
  if (input.deviationIds.length) return { kind: 'deviation', id: null, text: null };
  const s = input.source ?? { kind: 'other' as const, text: 'Planned without a named source' };
  return { kind: s.kind, id: s.id ?? null, text: s.text?.trim() || null };
}

/** An action is not due before the problem it addresses was found (nor before the review that decided it). */
function checkDueDate(input: NewAction, deviations: { reference: string; detectedAt: Date; timeZone: string }[]): void {
  const floors = deviations.map((d) => ({
    day: localDate(d.detectedAt, d.timeZone),
    field: 'dueDate',
    why: `${d.reference} was detected`,
  }));
  if (input.dueNotBefore) floors.push(input.dueNotBefore);
  const latest = floors.reduce<(typeof floors)[number] | null>((a, b) => (a === null || b.day > a.day ? b : a), null);
  if (latest && input.dueDate < latest.day) {
    throw unprocessable('due_before_cause', `The due date is before ${latest.day}, when ${latest.why}`, {
      errors: [{ field: latest.field, message: `must be on or after ${latest.day} (${latest.why})` }],
    });
  }
}
