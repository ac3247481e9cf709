import { ApiProperty } from '@nestjs/swagger';
import { DateField, EnumField, IntField, QueryBoolField, TextField, UuidField, UuidListField } from '../common/fields.js';
import { PageQuery } from '../common/pagination.js';
import { RATING_MAX, RATING_MIN, RISK_CHANGES, RISK_KINDS, RISK_STATUSES } from './risk-rating.js';
import type { RiskChange, RiskKind, RiskStatus } from './risk-rating.js';

const rating = (what: string, optional = false) =>
  IntField({ min: RATING_MIN, max: RATING_MAX, optional, description: `${what}, 1 (lowest) to 5 (highest)` });

export class CreateRiskRequest {
  @EnumField(RISK_KINDS, { enumName: 'RiskKind', description: 'A risk (something that may go wrong) or an opportunity' })
  kind: RiskKind;
  @UuidField({ optional: true, description: 'The programme the risk belongs to; omit for a risk of the whole organisation' })
  programmeId?: string;
  @TextField({ max: 200, example: 'No mentor in the adept’s profession' }) title: string;
  @TextField({ max: 4000, description: 'What could cause it' }) cause: string;
  @TextField({ max: 4000, description: 'What would follow if it happened' }) consequence: string;
  @rating('How likely it is') likelihood: number;
  @rating('How much it would matter') impact: number;
  @TextField({
    optional: true,
    max: 4000,
    description: 'How it is treated (avoided, reduced, shared, accepted; for an opportunity: pursued)',
  })
  treatment?: string;
  @UuidListField({ optional: true, max: 20, description: 'Corrective or improvement actions that carry out the treatment' })
  actionIds?: string[];
  @rating('Likelihood once treated', true) residualLikelihood?: number;
  @rating('Impact once treated', true) residualImpact?: number;
  @UuidField({ description: 'Who owns the risk: a quality manager, programme leader or board member' }) ownerId: string;
  @DateField({ description: 'When the owner reviews it next: today or later, within two years' }) nextReviewOn: string;
}

/**
 * A new revision of a risk. Fields left out keep their value; `reason` says why it changed. A
 * review that finds nothing to change moves `nextReviewOn` alone; closing sets `status`.
 */
export class ReviseRiskRequest {
  @TextField({ min: 3, max: 2000, description: 'Why the risk changes (or what the review found)' }) reason: string;
  @TextField({ optional: true, max: 200 }) title?: string;
  @TextField({ optional: true, max: 4000 }) cause?: string;
  @TextField({ optional: true, max: 4000 }) consequence?: string;
  @rating('How likely it is', true) likelihood?: number;
  @rating('How much it would matter', true) impact?: number;
  @TextField({ optional: true, nullable: true, max: 4000 }) treatment?: string | null;
  @UuidListField({ optional: true, max: 20 }) actionIds?: string[];
  @IntField({ min: RATING_MIN, max: RATING_MAX, optional: true, nullable: true, description: 'null: not assessed' })
  residualLikelihood?: number | null;
  @IntField({ min: RATING_MIN, max: RATING_MAX, optional: true, nullable: true, description: 'null: not assessed' })
  residualImpact?: number | null;
  @UuidField({ optional: true }) ownerId?: string;
  @DateField({ optional: true }) nextReviewOn?: string;
  @EnumField(RISK_STATUSES, { optional: true, enumName: 'RiskStatus', description: 'closed: the risk no longer applies' })
  status?: RiskStatus;
}

/** What a treatment action is: a preventive action for a risk, an improvement for an opportunity (or either). */
export const TREATMENT_ACTION_TYPES = ['preventive', 'improvement'] as const;

/**
 * Plans an action that carries out the treatment: a corrective-action record without a deviation,
 * with the same life cycle and effectiveness check, linked to the risk by a new revision.
 */
export class PlanRiskActionRequest {
  @EnumField(TREATMENT_ACTION_TYPES, { description: 'preventive (a risk) or improvement (an opportunity)' })
  type: (typeof TREATMENT_ACTION_TYPES)[number];
  @TextField({ max: 5000 }) description: string;
  @UuidField({ description: 'Who carries it out: a quality manager or programme leader' }) ownerId: string;
  @DateField({ description: 'Today or later, and within two years' }) dueDate: string;
  @TextField({ max: 2000, description: 'How we will know it worked (checked after implementation by someone other than the owner)' })
  effectivenessCriterion: string;
  @IntField({
    optional: true,
    min: 0,
    max: 730,
    description: 'Days after implementation before its effectiveness can be judged (default 30)',
  })
  effectivenessCheckAfterDays?: number;
}

export class RiskQuery extends PageQuery {
  @UuidField({ optional: true, description: "A programme's risks (with organisation=true, also the organisation's)" })
  programmeId?: string;
  @QueryBoolField({ description: 'true: only risks of the whole organisation' }) organisation?: boolean;
  @EnumField(RISK_KINDS, { optional: true, enumName: 'RiskKind' }) kind?: RiskKind;
  @EnumField(RISK_STATUSES, { optional: true, enumName: 'RiskStatus', description: 'Default: every status' }) status?: RiskStatus;
  @UuidField({ optional: true, description: 'Risks this user owns' }) ownerId?: string;
  @QueryBoolField({ description: 'true: only open risks whose review date has passed' }) overdue?: boolean;
  @TextField({ optional: true, max: 200, description: 'Part of the reference, title, cause or consequence, any case' }) q?: string;
}

export class HeatMapQuery {
  @UuidField({ optional: true, description: "A programme's open risks (and the organisation's); omit for all the caller sees" })
  programmeId?: string;
  @EnumField(RISK_KINDS, { optional: true, enumName: 'RiskKind', description: 'Default: risk' }) kind?: RiskKind;
}

export class PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class RiskRevisionResponse {
  @ApiProperty() revision: number;
  @ApiProperty({ enum: RISK_CHANGES, enumName: 'RiskChange' }) change: RiskChange;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() title: string;
  @ApiProperty() cause: string;
  @ApiProperty() consequence: string;
  @ApiProperty() likelihood: number;
  @ApiProperty() impact: number;
  @ApiProperty({ description: 'likelihood × impact, 1 to 25' }) score: number;
  @ApiProperty({ enum: ['low', 'medium', 'high'] }) band: string;
  @ApiProperty({ nullable: true, type: String }) treatment: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) actionIds: string[];
  @ApiProperty({ nullable: true, type: Number }) residualLikelihood: number | null;
  @ApiProperty({ nullable: true, type: Number }) residualImpact: number | null;
  @ApiProperty({ nullable: true, type: Number }) residualScore: number | null;
  @ApiProperty({ type: PersonRef }) owner: PersonRef;
  @ApiProperty({ format: 'date' }) nextReviewOn: string;
  @ApiProperty({ enum: RISK_STATUSES, enumName: 'RiskStatus' }) status: RiskStatus;
  @ApiProperty({ type: PersonRef }) recordedBy: PersonRef;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class RiskResponse extends RiskRevisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'RISK-2026-0001' }) reference: string;
  @ApiProperty({ enum: RISK_KINDS, enumName: 'RiskKind' }) kind: RiskKind;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) programmeId: string | null;
  @ApiProperty({ nullable: true, type: String }) programmeName: string | null;
  @ApiProperty({ description: 'Open, and the review date has passed' }) reviewOverdue: boolean;
  @ApiProperty({ description: 'Optimistic-locking version (the revision), also sent as the ETag' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Whether the caller may revise it' }) mayRevise: boolean;
}

export class RiskPage {
  @ApiProperty({ type: [RiskResponse], description: 'Overdue first, then by next review date and reference' }) items: RiskResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
  @ApiProperty({ description: 'Risks matching the filters, on every page' }) total: number;
}

export class RiskHistoryResponse {
  @ApiProperty({ type: [RiskRevisionResponse], description: 'Every revision, oldest first' }) revisions: RiskRevisionResponse[];
}

export class HeatMapResponse {
  @ApiProperty({ enum: RISK_KINDS, enumName: 'RiskKind' }) kind: RiskKind;
  @ApiProperty({ description: 'Open risks counted' }) total: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
    description: 'Counts before treatment: inherent[likelihood - 1][impact - 1]',
  })
  inherent: number[][];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
    description: 'Counts after treatment: residual[likelihood - 1][impact - 1]',
  })
  residual: number[][];
  @ApiProperty({ description: 'Open risks whose residual rating is not yet assessed' }) residualNotAssessed: number;
}
