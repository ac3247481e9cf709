import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { RequestContext } from '../common/request-context.js';
import { deviationIdsSql, deviationsByIds } from '../deviations/deviations.queries.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { programmesLedBy } from '../programmes/programmes.queries.js';
import { SignaturesService } from '../signatures/signatures.service.js';
import type { Signature } from '../signatures/signature.entity.js';
import { userNames } from '../users/users.queries.js';
import type { ActionSource, ActionState } from './action-states.js';
import { ActionTransition, BoardReview, CorrectiveAction } from './corrective-action.entity.js';
import { deviationLinks } from './corrective-actions.queries.js';
import { findVisibleAction } from './action-visibility.js';
import type { CorrectiveActionPage, CorrectiveActionResponse } from './corrective-action.dto.js';
import { toActionDetailResponse, toActionResponse } from './corrective-action.mapper.js';

export interface ActionFilter {
  state?: ActionState;
  overdue?: boolean;
  /** Not cancelled and not yet reviewed by the signed-in user as a board member. */
  awaitingMyBoardReview?: boolean;
  ownerId?: string;
  deviationId?: string;
  source?: ActionSource;
  programmeId?: string;
  /** true: open actions whose latest board review requests changes (they wait for a quality manager). */
  changesRequested?: boolean;
  /** The day overdue is judged on (default: today). */
  today?: string;
  offset: number;
  limit: number;
}

export interface ActionSummary {
  action: CorrectiveAction;
  ownerName: string;
  /** The linked deviations the reader may see. */
  deviations: { id: string; reference: string; state: string }[];
  /** Linked deviations of programmes the reader does not lead: counted, not shown. */
  hiddenDeviations: number;
  verdict: string | null;
  /** The action is open and its latest board review requests changes. */
  boardChangesRequested: boolean;
}

export interface ActionDetail extends ActionSummary {
  history: ActionTransition[];
  boardReviews: (BoardReview & { reviewerName: string })[];
  signatures: Signature[];
}

/**
 * An action waits for a quality manager when the board asked for changes: it is open (neither
 * closed nor cancelled) and its latest board review requests changes. Closing it again, after a
 * new effectiveness check, answers the request.
 */
const CHANGES_REQUESTED = `(a.state NOT IN ('closed', 'cancelled') AND (SELECT r.decision FROM board_review r WHERE r.corrective_action_id = a.id
  ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1) = 'changes_requested')`;

@Injectable()
export class CorrectiveActionQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccess,
    private readonly signatures: SignaturesService,
    private readonly clock: Clock,
  ) {}

  /** A page of actions as the caller reads them. */
  async page(ctx: RequestContext, f: ActionFilter): Promise<CorrectiveActionPage> {
    const page = await this.list(ctx, f);
    const today = this.clock.today();
    return { items: page.items.map((s) => toActionResponse(s, today, ctx.actor, this.clock.timeZone)), nextCursor: page.nextCursor };
  }

  /** An action with its history, board reviews and signatures, as the caller reads it. */
  async detail(ctx: RequestContext, id: string): Promise<CorrectiveActionResponse> {
    return toActionDetailResponse(await this.get(ctx, id), this.clock.today(), ctx.actor, this.clock.timeZone);
  }

  /** The rows of a page of actions (for reports). */
  async list(ctx: RequestContext, f: ActionFilter): Promise<{ items: ActionSummary[]; nextCursor: string | null }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      let s = sql;
      for (const v of values) {
        params.push(v);
        s = s.replace('?', `$${params.length}`);
      }
      where.push(s);
    };
    const led = await this.ledProgrammes(ctx);
    if (led) {
      add(
        `(a.owner_id = ? OR a.id IN (SELECT l.corrective_action_id FROM corrective_action_deviation l
          WHERE l.deviation_id IN (${deviationIdsSql({ programmes: '?' })})))`,
        ctx.actor.id,
        led,
      );
    }
    if (f.state) add('a.state = ?', f.state);
    if (f.ownerId) add('a.owner_id = ?', f.ownerId);
    if (f.source) add('a.source = ?', f.source);
    // For a leader, a deviation or programme they cannot see matches nothing, exactly as one that
    // does not exist: the filters must not tell whether an action they own touches it.
    if (f.deviationId) {
      add(
        `a.id IN (SELECT l.corrective_action_id FROM corrective_action_deviation l
          WHERE l.deviation_id = ?${led ? ` AND l.deviation_id IN (${deviationIdsSql({ programmes: '?' })})` : ''})`,
        ...(led ? [f.deviationId, led] : [f.deviationId]),
      );
    }
    if (f.programmeId) {
      add(
        `a.id IN (SELECT l.corrective_action_id FROM corrective_action_deviation l
          WHERE l.deviation_id IN (${deviationIdsSql(led ? { programme: '?', programmes: '?' } : { programme: '?' })}))`,
        ...(led ? [f.programmeId, led] : [f.programmeId]),
      );
    }
    if (f.awaitingMyBoardReview !== undefined) {
      const awaiting = `(a.state <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM board_review r WHERE r.corrective_action_id = a.id AND r.reviewer_id = ?))`;
      add(f.awaitingMyBoardReview ? awaiting : `NOT ${awaiting}`, ctx.actor.id);
    }
    if (f.changesRequested !== undefined) add(`${f.changesRequested ? '' : 'NOT '}${CHANGES_REQUESTED}`);
    if (f.overdue !== undefined) {
      const overdue = `(a.state IN ('planned', 'in_progress') AND a.due_date < ?)`;
      add(f.overdue ? overdue : `NOT ${overdue}`, f.today ?? this.clock.today());
    }
    params.push(f.limit + 1, f.offset);
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT a.id FROM corrective_action a ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY a.created_at DESC, a.reference DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const page = rows.slice(0, f.limit).map((r) => r.id);
    return { items: await this.summaries(page, led), nextCursor: rows.length > f.limit ? String(f.offset + f.limit) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<ActionDetail> {
    await findVisibleAction(this.dataSource.manager, this.access, ctx, id);
    const [summary] = await this.summaries([id], await this.ledProgrammes(ctx));
    const history = await this.dataSource
      .getRepository(ActionTransition)
      .find({ where: { correctiveActionId: id }, order: { seq: 'ASC' } });
    const reviews = await this.dataSource
      .getRepository(BoardReview)
      .find({ where: { correctiveActionId: id }, order: { reviewedAt: 'ASC', id: 'ASC' } });
    const reviewers = await userNames(
      this.dataSource.manager,
      reviews.map((r) => r.reviewerId),
    );
    return {
      ...summary,
      history,
      boardReviews: reviews.map((r) => ({
        id: r.id,
        correctiveActionId: id,
        decision: r.decision,
        comment: r.comment,
        reviewerId: r.reviewerId,
        signatureId: r.signatureId,
        reviewedAt: r.reviewedAt,
        reviewerName: reviewers.get(r.reviewerId)!,
      })),
      signatures: await this.signatures.listFor('corrective_action', [id]),
    };
  }

  /**
   * The programmes whose deviations a reader sees inside actions: null for readers of every
   * programme, the programmes they lead for a programme leader.
   */
  private async ledProgrammes(ctx: RequestContext): Promise<string[] | null> {
    if (!this.access.visibilityFilter(ctx)) return null;
    return ctx.actor.id === null ? [] : programmesLedBy(this.dataSource.manager, ctx.actor.id);
  }

  /**
   * Actions with owner names, linked deviations and latest verdict: a fixed number of queries for
   * any page. With `visible`, only deviations of those programmes are shown; the others are counted.
   */
  async summaries(ids: string[], visible: string[] | null = null): Promise<ActionSummary[]> {
    if (ids.length === 0) return [];
    const actions = await this.dataSource.getRepository(CorrectiveAction).findBy(ids.map((id) => ({ id })));
    const m = this.dataSource.manager;
    const owners = await userNames(
      m,
      actions.map((a) => a.ownerId),
    );
    const linked = await deviationLinks(m, ids);
    // By deviation reference, as each action lists them.
    const deviations = await deviationsByIds(
      m,
      linked.map((l) => l.deviationId),
    );
    const links = deviations.flatMap((d) =>
      linked.filter((l) => l.deviationId === d.id).map((l) => ({ corrective_action_id: l.correctiveActionId, ...d })),
    );
    const shown = (l: { programmeId: string }) => visible === null || visible.includes(l.programmeId);
    const verdicts = await this.dataSource.query<{ corrective_action_id: string; verdict: string }[]>(
      `SELECT DISTINCT ON (corrective_action_id) corrective_action_id, verdict FROM corrective_action_transition
       WHERE corrective_action_id = ANY($1) AND verdict IS NOT NULL ORDER BY corrective_action_id, seq DESC`,
      [ids],
    );
    const requested = await this.dataSource.query<{ id: string }[]>(
      `SELECT a.id FROM corrective_action a WHERE a.id = ANY($1) AND ${CHANGES_REQUESTED}`,
      [ids],
    );
    const byId = new Map(actions.map((a) => [a.id, a]));
    return ids.map((id) => ({
      action: byId.get(id)!,
      ownerName: owners.get(byId.get(id)!.ownerId) ?? '',
      deviations: links
        .filter((l) => l.corrective_action_id === id && shown(l))
        .map((l) => ({ id: l.id, reference: l.reference, state: l.state })),
      hiddenDeviations: links.filter((l) => l.corrective_action_id === id && !shown(l)).length,
      verdict: verdicts.find((v) => v.corrective_action_id === id)?.verdict ?? null,
      boardChangesRequested: requested.some((r) => r.id === id),
    }));
  }
}
