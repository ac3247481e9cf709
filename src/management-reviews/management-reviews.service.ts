import { stale } from '../common/etag.js';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { actionsOfDecisions } from '../corrective-actions/corrective-actions.queries.js';
import { CorrectiveActionsService } from '../corrective-actions/corrective-actions.service.js';
import { SignaturesService, signatureForAudit } from '../signatures/signatures.service.js';
import type { Signature } from '../signatures/signature.entity.js';
import { activeUsersByIds, userNames, usersByIds } from '../users/users.queries.js';
import { ManagementReview, ManagementReviewDecision } from './management-review.entity.js';
import type { DecisionCategory, NoteTopic } from './management-review.entity.js';
import { addDays } from '../common/calendar.js';
import type { ManagementReviewResponse } from './management-review.dto.js';
import { toReviewResponse } from './management-review.mapper.js';
import { attendeeIds, guestsOf, notesOf } from './management-reviews.queries.js';
import type { GuestRow, NoteRow } from './management-reviews.queries.js';
import { ReviewInputsService } from './review-inputs.service.js';
import type { ManagementReviewInputs } from './review-inputs.service.js';
import { QualityObjectivesService } from '../indicators/quality-objectives.service.js';
import type { ClosingMeasurement } from '../indicators/quality-objectives.service.js';

export interface ReviewView {
  review: ManagementReview;
  attendees: { id: string; name: string }[];
  guests: GuestRow[];
  notes: (NoteRow & { recordedByName: string | null })[];
  decisions: { decision: ManagementReviewDecision; action: { id: string; reference: string; state: string; dueDate: string } | null }[];
  signature: Signature | null;
  /**
   * The objectives' measurements of the quarter the review was closed in, as signed with it
   * (recorded by the closing, or recorded before and kept); empty while open and for reviews
   * closed before closing measured the objectives.
   */
  measurements: ClosingMeasurement[];
}

@Injectable()
export class ManagementReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly signatures: SignaturesService,
    private readonly actions: CorrectiveActionsService,
    private readonly inputs: ReviewInputsService,
    private readonly objectives: QualityObjectivesService,
  ) {}

  async create(
    ctx: RequestContext,
    input: {
      heldOn: string;
      title: string;
      attendeeIds: string[];
      periodFrom?: string;
      periodTo?: string;
      guests?: { name: string; role: string }[];
    },
  ): Promise<ManagementReviewResponse> {
    return this.dataSource.transaction(async (m) => {
      const period = await this.period(m, input);
      const guests = (input.guests ?? []).map((g) => ({ name: g.name.trim(), role: g.role.trim() }));
      const users = await activeUsersByIds(m, input.attendeeIds);
      const missing = input.attendeeIds.filter((id) => !users.some((u) => u.id === id));
      if (missing.length)
        throw unprocessable('unknown_attendee', 'Attendees must be active users', {
          errors: [{ field: 'attendeeIds', message: `must name active users; these are not: ${missing.join(', ')}` }],
        });
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO management_review (held_on, title, created_by, period_from, period_to) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [input.heldOn, input.title, ctx.actor.id, period.from, period.to],
      );
      for (const id of input.attendeeIds)
        await m.query(`INSERT INTO management_review_attendee (management_review_id, user_id) VALUES ($1, $2)`, [row.id, id]);
      for (const [i, g] of guests.entries())
        await m.query(`INSERT INTO management_review_guest (management_review_id, seq, name, role) VALUES ($1, $2, $3, $4)`, [
          row.id,
          i + 1,
          g.name,
          g.role,
        ]);
      await this.audit.append(m, ctx, {
        action: 'management_review.create',
        entityType: 'management_review',
        entityId: row.id,
        changes: {
          heldOn: { old: null, new: input.heldOn },
          title: { old: null, new: input.title },
          attendeeIds: { old: null, new: [...input.attendeeIds].sort() },
          periodFrom: { old: null, new: period.from },
          periodTo: { old: null, new: period.to },
          ...(guests.length ? { guests: { old: null, new: guests } } : {}),
        },
      });
      return this.response(m, row.id);
    });
  }

  async list(): Promise<ManagementReviewResponse[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
      }[]
    >(`SELECT id FROM management_review ORDER BY held_on DESC, created_at DESC`);
    return Promise.all(rows.map((r) => this.response(this.dataSource.manager, r.id)));
  }

  /** A review as the API answers it. */
  detail(id: string): Promise<ManagementReviewResponse> {
    return this.response(this.dataSource.manager, id);
  }

  /** A review with its rows (the minutes are built from them). */
  get(id: string): Promise<ReviewView> {
    return this.view(this.dataSource.manager, id);
  }

  /**
   * Live while the review is open; the frozen snapshot once it is closed. `at` (an instant) composes
   * the live inputs as of then (its day decides what is overdue): the minutes pass their generation
   * time, so the same data and time give the same minutes.
   */
  async inputsFor(id: string, at?: string): Promise<ManagementReviewInputs> {
    const review = await this.find(this.dataSource.manager, id);
    if (review.state === 'closed') return review.inputsSnapshot as ManagementReviewInputs;
    if (at) return this.inputs.compose(this.dataSource.manager, review, this.actions.dayOf(at), new Date(at).toISOString());
    return this.inputs.compose(this.dataSource.manager, review, this.actions.today());
  }

  /**
   * Records an issue or the adequacy of resources as the review states it: a row that is never
   * changed (a later note corrects an earlier one), audited.
   */
  async addNote(ctx: RequestContext, id: string, input: { topic: NoteTopic; text: string }): Promise<ManagementReviewResponse> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT 1 FROM management_review WHERE id = $1 FOR UPDATE`, [id]);
      const review = await this.find(m, id);
      if (review.state === 'closed') throw conflict('review_closed', 'A closed management review never changes');
      const text = input.text.trim();
      const [row] = await m.query<{ id: string; seq: number }[]>(
        `INSERT INTO management_review_note (management_review_id, topic, seq, text, recorded_by)
         SELECT $1, $2, coalesce(max(seq), 0) + 1, $3, $4 FROM management_review_note WHERE management_review_id = $1 AND topic = $2
         RETURNING id, seq`,
        [id, input.topic, text, ctx.actor.id],
      );
      await this.audit.append(m, ctx, {
        action: 'management_review.note',
        entityType: 'management_review',
        entityId: id,
        changes: { note: { old: null, new: { id: row.id, topic: input.topic, seq: row.seq, text } } },
      });
      return this.response(m, id);
    });
  }

  async addDecision(
    ctx: RequestContext,
    id: string,
    input: {
      text: string;
      category?: DecisionCategory;
      action?: { ownerId: string; dueDate: string; description: string; effectivenessCriterion?: string };
    },
  ): Promise<ManagementReviewResponse> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT 1 FROM management_review WHERE id = $1 FOR UPDATE`, [id]);
      const review = await this.find(m, id);
      if (review.state === 'closed') throw conflict('review_closed', 'A closed management review never changes');
      const category: DecisionCategory = input.category ?? (input.action ? 'improvement' : 'other');
      const [row] = await m.query<{ id: string; seq: number }[]>(
        `INSERT INTO management_review_decision (management_review_id, seq, text, created_by, category)
         SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4 FROM management_review_decision WHERE management_review_id = $1 RETURNING id, seq`,
        [id, input.text, ctx.actor.id, category],
      );
      let reference: string | null = null;
      if (input.action) {
        const action = await this.actions.insert(m, ctx, {
          deviationIds: [],
          type: 'improvement',
          description: input.action.description,
          ownerId: input.action.ownerId,
          dueDate: input.action.dueDate,
          effectivenessCriterion:
            input.action.effectivenessCriterion ?? `Followed up at the next management review (decision ${row.seq} of "${review.title}")`,
          reviewDecisionId: row.id,
          source: { kind: 'management_review', id, text: `Decision ${row.seq} of "${review.title}"` },
          dueNotBefore: { day: review.heldOn, field: 'action.dueDate', why: 'the review was held' },
          fieldPrefix: 'action.',
        });
        // The action points at the decision (review_decision_id); the decision itself never changes.
        reference = action.reference;
      }
      await this.audit.append(m, ctx, {
        action: 'management_review.decide',
        entityType: 'management_review',
        entityId: id,
        changes: { decision: { old: null, new: { id: row.id, seq: row.seq, text: input.text, category, action: reference } } },
      });
      return this.response(m, id);
    });
  }

  async close(
    ctx: RequestContext,
    id: string,
    password: string,
    comment?: string,
    expectedVersion?: number,
  ): Promise<ManagementReviewResponse> {
    const peek = await this.find(this.dataSource.manager, id);
    if (peek.state === 'closed') throw conflict('review_closed', 'The management review is already closed');
    const attended = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM management_review_attendee WHERE management_review_id = $1 AND user_id = $2`,
      [id, ctx.actor.id],
    );
    if (attended.length === 0) throw forbidden('not_attendee', 'Only a board member who attended the review can sign its minutes');
    const signer = await this.signatures.confirmSigner(ctx, password);
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT 1 FROM management_review WHERE id = $1 FOR UPDATE`, [id]);
      const review = await this.find(m, id);
      if (review.state === 'closed') throw conflict('review_closed', 'The management review is already closed');
      const draft = await this.view(m, id);
      if (expectedVersion !== undefined && reviewVersion(draft) !== expectedVersion) throw stale(reviewVersion(draft));
      const today = this.actions.today();
      // Every objective is measured for the quarter the period ends in, as of its last day (as of
      // today while that day is still to come), before the inputs are frozen, so they show it.
      const measurements = await this.objectives.recordAtReviewClose(
        m,
        ctx,
        { id, title: review.title },
        review.periodTo <= today ? review.periodTo : today,
      );
      const inputs = await this.inputs.compose(m, review, today);
      // What the attendee signs: the minutes as they will stand (attendees, decisions with the
      // actions they opened, the objectives' measurements and the inputs frozen at this moment),
      // kept with the signature and hashed.
      const content = {
        record: 'management_review',
        title: review.title,
        heldOn: review.heldOn,
        period: { from: review.periodFrom, to: review.periodTo },
        attendees: draft.attendees.map((a) => ({ id: a.id, name: a.name })),
        guests: draft.guests,
        notes: draft.notes.map((n) => ({ topic: n.topic, seq: n.seq, text: n.text })),
        decisions: draft.decisions.map((d) => ({
          seq: d.decision.seq,
          category: d.decision.category,
          text: d.decision.text,
          action: d.action?.reference ?? null,
        })),
        inputs: JSON.parse(JSON.stringify(inputs)) as unknown,
        objectiveMeasurements: measurements,
        comment: comment ?? null,
      };
      const signature = await this.signatures.sign(
        m,
        signer,
        { recordType: 'management_review', recordId: id, recordVersion: null, content },
        'closed',
        comment ?? null,
      );
      await m.query(
        `UPDATE management_review SET state = 'closed', closed_at = now(), signature_id = $2, inputs_snapshot = $3 WHERE id = $1`,
        [id, signature.id, JSON.stringify(inputs)],
      );
      await this.audit.append(m, ctx, {
        action: 'management_review.close',
        entityType: 'management_review',
        entityId: id,
        changes: { state: { old: 'open', new: 'closed' }, signature: { old: null, new: signatureForAudit(signature) } },
        reason: comment ?? null,
      });
      return this.response(m, id);
    });
  }

  /**
   * The period reviewed: as given, or from the day after the latest earlier review (a year before
   * the meeting for the first) to the day of the meeting. It ends on or before the meeting and spans
   * at most two years.
   */
  private async period(m: EntityManager, input: { heldOn: string; periodFrom?: string; periodTo?: string }) {
    const to = input.periodTo ?? input.heldOn;
    let from = input.periodFrom;
    if (!from) {
      const [prev] = await m.query<{ day: string | null }[]>(`SELECT max(held_on)::text AS day FROM management_review WHERE held_on < $1`, [
        to,
      ]);
      from = prev?.day ? addDays(prev.day, 1) : addDays(to, -364);
    }
    const invalid = (field: string, message: string) =>
      unprocessable('period_invalid', `The period ${from} to ${to} cannot be reviewed on ${input.heldOn}: it ${message}`, {
        errors: [{ field, message }],
      });
    if (to > input.heldOn) throw invalid('periodTo', `must end on or before the day of the meeting (${input.heldOn})`);
    if (from > to) throw invalid('periodFrom', `must start on or before the end of the period (${to})`);
    if (from < addDays(to, -731)) throw invalid('periodFrom', 'must span at most two years');
    return { from, to };
  }

  private async notes(m: EntityManager, id: string): Promise<ReviewView['notes']> {
    const notes = await notesOf(m, id);
    const names = await userNames(m, [...new Set(notes.flatMap((n) => (n.recordedBy ? [n.recordedBy] : [])))]);
    return notes.map((n) => ({ ...n, recordedByName: n.recordedBy ? (names.get(n.recordedBy) ?? null) : null }));
  }

  private async response(m: EntityManager, id: string): Promise<ManagementReviewResponse> {
    return toReviewResponse(await this.view(m, id));
  }

  private async find(m: EntityManager, id: string): Promise<ManagementReview> {
    const r = await m.getRepository(ManagementReview).findOneBy({ id });
    if (!r) throw notFound('Management review');
    return r;
  }

  private async view(m: EntityManager, id: string): Promise<ReviewView> {
    const review = await this.find(m, id);
    const attendees = (await usersByIds(m, await attendeeIds(m, id))).map((u) => ({ id: u.id, name: u.name }));
    const decisions = await m.getRepository(ManagementReviewDecision).find({ where: { managementReviewId: id }, order: { seq: 'ASC' } });
    const actions = await actionsOfDecisions(
      m,
      decisions.map((d) => d.id),
    );
    const signature = review.signatureId
      ? ((await this.signatures.listFor('management_review', [id], m)).find((s) => s.id === review.signatureId) ?? null)
      : null;
    return {
      review,
      attendees,
      guests: await guestsOf(m, id),
      notes: await this.notes(m, id),
      decisions: decisions.map((d) => {
        const a = actions.find((x) => x.reviewDecisionId === d.id);
        return { decision: d, action: a ? { id: a.id, reference: a.reference, state: a.state, dueDate: a.dueDate } : null };
      }),
      signature,
      measurements: closingMeasurements(signature),
    };
  }
}

/** The measurements signed with the review's closing (none in a signature made before they were kept). */
function closingMeasurements(signature: Signature | null): ClosingMeasurement[] {
  const kept = signature?.signedContent?.objectiveMeasurements;
  return Array.isArray(kept) ? (kept as ClosingMeasurement[]) : [];
}

/**
 * A review's version, for ETag and If-Match: its title, day and attendees never change after it is
 * created and decisions are only ever added, so 1 + the decisions minuted counts every change to an
 * open review (closing adds one more).
 */
export function reviewVersion(v: ReviewView): number {
  return 1 + v.decisions.length + v.notes.length + (v.review.state === 'closed' ? 1 : 0);
}
