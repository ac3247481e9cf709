import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, EnumField, IntField, QueryBoolField, TextField, UuidField, UuidListField } from '../common/fields.js';
import { PageQuery } from '../common/pagination.js';
import { SignatureResponse } from '../signatures/signature.dto.js';
import { ACTION_SOURCES, ACTION_STATES, ACTION_TYPES, VERDICTS } from './action-states.js';
import type { ActionSource, ActionState, ActionType, Verdict } from './action-states.js';
import { BOARD_DECISIONS } from './action-states.js';
import type { BoardDecision } from './action-states.js';

export class CreateCorrectiveActionRequest {
  @UuidListField({ min: 1, max: 50, description: 'The deviations this action addresses' }) deviationIds: string[];
  @EnumField(ACTION_TYPES) type: ActionType;
  @TextField({ max: 5000 }) description: string;
  @UuidField({ description: 'Who carries it out' }) ownerId: string;
  @DateField({ description: 'Today or later, and within two years' }) dueDate: string;
  @TextField({ max: 2000, description: 'How we will know it worked (checked after implementation by someone other than the owner)' })
  effectivenessCriterion: string;
  @IntField({
    optional: true,
    min: 0,
    max: 730,
    description:
      'When the criterion can be judged: days after implementation before an effectiveness verdict is accepted (default 30; 0 when the criterion can be judged at once, e.g. a document in use)',
  })
  effectivenessCheckAfterDays?: number;
}

export class ActionTransitionRequest {
  @EnumField(ACTION_STATES) to: ActionState;
  @TextField({
    max: 5000,
    pattern: /\S/,
    patternMessage: 'comment must not be blank',
    description: 'Why; for cancel the reason, for an effectiveness verdict its summary',
  })
  comment: string;
  @EnumField(VERDICTS, {
    optional: true,
    description: 'Leaving effectiveness_check: effective (to closed) or not_effective (back to in_progress)',
  })
  verdict?: Verdict;
  @TextField({ optional: true, max: 5000, description: 'Evidence for the effectiveness verdict' }) evidence?: string;
  @TextField({ optional: true, max: 256, description: 'Your password, to sign the closure electronically' }) password?: string;
}

export class BoardReviewRequest {
  @EnumField(BOARD_DECISIONS) decision: BoardDecision;
  @TextField({ max: 5000, pattern: /\S/, patternMessage: 'comment must not be blank' }) comment: string;
  @TextField({ max: 256, description: 'Your password: the review is signed electronically' }) password: string;
}

export class ActionQuery extends PageQuery {
  @EnumField(ACTION_STATES, { optional: true }) state?: ActionState;
  @QueryBoolField({ description: 'true: due date passed and not yet implemented' }) overdue?: boolean;
  @QueryBoolField({
    description: 'true: actions that stand (not cancelled) and that the signed-in user has not reviewed as a board member yet',
  })
  awaitingMyBoardReview?: boolean;
  @QueryBoolField({
    description: 'true: open actions whose latest board review requests changes (waiting for a quality manager to act on them)',
  })
  changesRequested?: boolean;
  @UuidField({ optional: true }) ownerId?: string;
  @UuidField({ optional: true }) deviationId?: string;
  @EnumField(ACTION_SOURCES, { optional: true, description: 'Actions from this source (deviation: those answering deviations)' })
  source?: ActionSource;
  @UuidField({
    optional: true,
    description: 'Actions addressing deviations of this programme (for a leader, a programme they do not lead matches nothing)',
  })
  programmeId?: string;
}

export class ActionTransitionResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, type: String, enum: VERDICTS }) verdict: string | null;
  @ApiProperty({ nullable: true, type: String }) evidence: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) signatureId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The board review that caused it (a request for changes)' })
  boardReviewId: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class BoardReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: BOARD_DECISIONS }) decision: string;
  @ApiProperty() comment: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ format: 'uuid' }) signatureId: string;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
}

export class ActionSourceResponse {
  @ApiProperty({
    enum: ACTION_SOURCES,
    description: 'deviation (it answers its deviations), or without one: management_review, risk, internal_audit, objective, other',
  })
  kind: ActionSource;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The review, risk, audit or objective it comes from' })
  id: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The source in words (always for other)' }) text: string | null;
}

export class CorrectiveActionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CA-2027-0001' }) reference: string;
  @ApiProperty({ enum: ACTION_TYPES }) type: ActionType;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() effectivenessCriterion: string;
  @ApiProperty({ enum: ACTION_STATES }) state: ActionState;
  @ApiProperty({
    enum: ACTION_STATES,
    isArray: true,
    description:
      "The states the caller may move it to now: the owner's steps for the owner or a quality manager, the effectiveness verdict " +
      'for a quality manager who is not the owner, cancelling for a quality manager',
  })
  allowedTransitions: ActionState[];
  @ApiProperty({ description: 'Due date passed and not yet implemented' }) overdue: boolean;
  @ApiProperty({ description: 'Days past the due date (0 when not overdue)' }) daysLate: number;
  @ApiProperty({ description: 'Open, and its latest board review requests changes: waiting for a quality manager' })
  boardChangesRequested: boolean;
  @ApiProperty({ nullable: true, type: String, enum: VERDICTS, description: 'The latest effectiveness verdict' }) verdict: Verdict | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Linked deviations: id, reference, state (for a programme leader, only those of the programmes they lead)',
  })
  deviations: {
    id: string;
    reference: string;
    state: string;
  }[];
  @ApiProperty({ description: 'Linked deviations of programmes the reader does not lead: counted, not shown (0 for other roles)' })
  hiddenDeviations: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The management review decision it tracks' }) reviewDecisionId:
    string | null;
  @ApiProperty({ type: ActionSourceResponse, description: 'Where it comes from' }) source: ActionSourceResponse;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) implementedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Days after implementation before effectiveness can be judged, as planned (null: planned before this was recorded)',
  })
  effectivenessCheckAfterDays: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'The first day an effectiveness verdict is accepted (null until implemented)',
  })
  effectivenessCheckFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ type: [ActionTransitionResponse] }) history?: ActionTransitionResponse[];
  @ApiPropertyOptional({ type: [BoardReviewResponse] }) boardReviews?: BoardReviewResponse[];
  @ApiPropertyOptional({ type: [SignatureResponse] }) signatures?: SignatureResponse[];
}

export class CorrectiveActionPage {
  @ApiProperty({ type: [CorrectiveActionResponse] }) items: CorrectiveActionResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
