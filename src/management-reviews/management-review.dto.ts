import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, NestedField, TextField, UuidField, UuidListField } from '../common/fields.js';
import { SignatureResponse } from '../signatures/signature.dto.js';

export class CreateManagementReviewRequest {
  @DateField({ description: 'Day of the meeting' }) heldOn: string;
  @TextField({ max: 300, example: 'Management review, spring 2027' }) title: string;
  @UuidListField({ min: 1, max: 50, description: 'Users who attend' }) attendeeIds: string[];
}

export class DecisionActionInput {
  @UuidField({ description: 'Who carries out the action' }) ownerId: string;
  @DateField() dueDate: string;
  @TextField({ max: 5000 }) description: string;
  @TextField({ optional: true, max: 2000, description: 'How we will know it worked (default: followed up at the next management review)' })
  effectivenessCriterion?: string;
}

export class CreateDecisionRequest {
  @TextField({ max: 5000, description: 'The decision as minuted' }) text: string;
  @NestedField(() => DecisionActionInput, {
    optional: true,
    description: 'An action to track: becomes a corrective action of type improvement',
  })
  action?: DecisionActionInput;
}

export class CloseReviewRequest {
  @TextField({ max: 256, description: 'Your password: closing is signed electronically by a board member' }) password: string;
  @TextField({ optional: true, max: 2000 }) comment?: string;
}

export class DecisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() seq: number;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: Object, description: 'The tracked action: id, reference, state, due date' })
  action: { id: string; reference: string; state: string; dueDate: string } | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ManagementReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Counts the changes to the review (1 + decisions minuted, + 1 once closed); sent as its ETag' })
  version: number;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['open', 'closed'] }) state: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Attendees: id and name' }) attendees: {
    id: string;
    name: string;
  }[];
  @ApiProperty({ type: [DecisionResponse] }) decisions: DecisionResponse[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: SignatureResponse }) signature: SignatureResponse | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;

export class OldestOpenDeviation {
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'date-time', description: 'When its nonconformity occurred' }) occurredAt: string;
  @ApiProperty({ format: 'date-time', description: 'When it was detected' }) detectedAt: string;
}

export class ReviewDeviationInputs {
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ ...COUNTS, description: 'Open deviations by severity' }) openBySeverity: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'Open deviations by source' }) openBySource: Record<string, number>;
  @ApiPropertyOptional({
    type: OldestOpenDeviation,
    nullable: true,
    description:
      'The open deviation that has stood longest, counted from when its nonconformity occurred; null when none is open (absent from reviews closed before it was kept)',
  })
  oldestOpen?: OldestOpenDeviation | null;
}

export class ReviewActionInputs {
  @ApiProperty({ ...COUNTS, description: 'Corrective actions by state' }) byState: Record<string, number>;
  @ApiProperty() overdue: number;
  @ApiProperty({ type: [String] }) overdueReferences: string[];
}

export class ReviewConformanceInput {
  @ApiProperty() procedureKey: string;
  @ApiProperty() conforming: number;
  @ApiProperty() completed: number;
  @ApiProperty({ type: Number, nullable: true, description: 'conforming / completed; null when none completed' }) rate: number | null;
}

export class ReviewDecisionActionInput {
  @ApiProperty() reference: string;
  @ApiProperty() state: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty() overdue: boolean;
}

export class ReviewEarlierDecisionInput {
  @ApiProperty({ format: 'uuid' }) reviewId: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty() title: string;
  @ApiProperty() seq: number;
  @ApiProperty() text: string;
  @ApiProperty({ type: ReviewDecisionActionInput, nullable: true }) action: ReviewDecisionActionInput | null;
}

/** What top management reviews (ISO 9001 9.3.2), composed from the records. */
export class ManagementReviewInputsResponse {
  @ApiProperty({ format: 'date-time' }) composedAt: string;
  @ApiProperty({ format: 'date' }) asOf: string;
  @ApiProperty({ type: ReviewDeviationInputs }) deviations: ReviewDeviationInputs;
  @ApiProperty({ type: ReviewActionInputs }) correctiveActions: ReviewActionInputs;
  @ApiProperty({ type: [ReviewConformanceInput] }) conformance: ReviewConformanceInput[];
  @ApiProperty({ type: [ReviewEarlierDecisionInput] }) earlierDecisions: ReviewEarlierDecisionInput[];
}
