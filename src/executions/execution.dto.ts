import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsOptional } from 'class-validator';
import { DateTimeField, NestedField, ObjectField, TextField, UuidField, PROCEDURE_KEY_FORM } from '../common/fields.js';
import { SUBJECTS } from '../procedures/procedure-definition.js';
import { FINDING_RULES } from './conformance.js';

export class ExecutionSubjectInput {
  @UuidField({ optional: true, description: 'For procedures per adept or per mentor' }) participantId?: string;
  @UuidField({ optional: true, description: 'For procedures per mentor-adept pair' }) pairId?: string;
  @ApiPropertyOptional({ description: 'true for procedures per cohort (the whole programme)', enum: [true] })
  @IsOptional()
  @Equals(true, { message: 'cohort must be true when given' })
  cohort?: true;
}

export class StartExecutionRequest {
  @TextField({ max: 63, pattern: /^[a-z][a-z0-9-]{1,62}$/, patternMessage: PROCEDURE_KEY_FORM, example: 'intake-interview' })
  procedureKey: string;
  @NestedField(() => ExecutionSubjectInput, { description: 'Exactly one of participantId, pairId, cohort' }) subject: ExecutionSubjectInput;
}

export class RecordStepRequest {
  @TextField({ max: 63, example: 'interview' }) stepKey: string;
  @ObjectField({ description: "The step's field values, keyed by field key" }) values: Record<string, unknown>;
  @DateTimeField({ description: 'When the step was performed' }) performedAt: string;
  @UuidField({ optional: true, description: 'Who performed it (default: you)' }) performedById?: string;
  @TextField({ optional: true, max: 5000 }) notes?: string;
}

export class CorrectStepRequest {
  @ObjectField({ description: 'The corrected values (all of them)' }) values: Record<string, unknown>;
  @TextField({ max: 2000, description: 'Why the record is corrected' }) reason: string;
  @DateTimeField({ optional: true, description: 'Corrected time of performance (default: as recorded)' }) performedAt?: string;
  @UuidField({ optional: true, description: 'Corrected performer (default: as recorded)' }) performedById?: string;
}

export class AddMissingStepRequest {
  @TextField({ max: 63, example: 'interview' }) stepKey: string;
  @ObjectField({ description: "The step's field values, keyed by field key" }) values: Record<string, unknown>;
  @DateTimeField({ description: 'When the step was performed' }) performedAt: string;
  @UuidField({ optional: true, description: 'Who performed it (default: you)' }) performedById?: string;
  @TextField({ optional: true, max: 5000 }) notes?: string;
  @TextField({ max: 2000, description: 'Why the step is added after completion (e.g. it was done but not recorded)' }) reason: string;
}

export class CancelExecutionRequest {
  @TextField({ max: 2000, description: 'Why the execution is cancelled (e.g. started for the wrong adept)' }) reason: string;
}

export class ApproveCorrectionRequest {
  @TextField({ max: 2000, description: 'Why the correction may change the judgement (what was checked)' }) reason: string;
  @TextField({
    max: 256,
    description: 'Your password, re-entered: approving is an electronic signature (meaning `correction approval`)',
  })
  password: string;
}

export class RejectCorrectionRequest {
  @TextField({ max: 2000, description: 'Why the correction is refused (the record stays as it was)' }) reason: string;
}

export class FindingResponse {
  @ApiProperty({
    enum: FINDING_RULES,
    description: 'before_effective: the step was performed before the pinned version became effective',
  })
  rule: string;
  @ApiPropertyOptional() stepKey?: string;
  @ApiPropertyOptional() fieldKey?: string;
  @ApiPropertyOptional() recordId?: string;
  @ApiProperty() detail: string;
}

export class JudgementResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['conforming', 'nonconforming'] }) conformance: string;
  @ApiProperty({ type: [FindingResponse] }) findings: FindingResponse[];
  @ApiProperty({ description: 'The procedure version judged against' }) versionNumber: number;
  @ApiProperty() contentHash: string;
  @ApiProperty({ enum: ['completion', 'correction'] }) cause: string;
  @ApiProperty({ format: 'date-time' }) judgedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) judgedBy: string | null;
}

export class StepRecordResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() stepKey: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'For a reader who may not see who the participants are (not a quality manager or a leader of this programme), without text fields',
  })
  values: Record<string, unknown>;
  @ApiPropertyOptional({
    type: [String],
    description: 'Only in the pseudonymised view: the fields whose values were withheld (free text written about the subject)',
  })
  withheldFields?: string[];
  @ApiProperty({ format: 'date-time' }) performedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) performedById: string | null;
  @ApiProperty({ nullable: true, type: String }) performedByName: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Only for quality managers and the leaders of this programme (it is written about the subject)',
  })
  notes?: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) recordedById: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The record this one corrects' }) supersedesId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The correction that replaced this record' }) supersededById:
    string | null;
  @ApiProperty({ nullable: true, type: String }) correctionReason: string | null;
  @ApiProperty({ description: 'false when a correction replaced it' }) current: boolean;
}

export class CorrectionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['correction', 'added_step'], description: 'A correction of a record, or a step added after completion' })
  kind: string;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'], description: 'pending: awaiting a quality manager; not in force' })
  state: string;
  @ApiProperty() stepKey: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The record it would replace (a correction)' })
  supersedesId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'As for step records: without text fields for a pseudonymised reader',
  })
  values: Record<string, unknown>;
  @ApiPropertyOptional({ type: [String] }) withheldFields?: string[];
  @ApiProperty({ format: 'date-time' }) performedAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) performedById: string | null;
  @ApiProperty({ description: 'Why the correction was asked for' }) reason: string;
  @ApiProperty({ format: 'uuid' }) requestedById: string;
  @ApiProperty({ nullable: true, type: String }) requestedByName: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was approved or rejected' }) decisionReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) decidedById: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The approval signature (meaning `correction approval`)' })
  signatureId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The step record the approval put in force' })
  stepRecordId: string | null;
}

export class ChangedByCorrectionResponse {
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The approved correction; null when the judgement changed before such corrections needed approval',
  })
  correctionId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) approvedById: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedByName: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) approvedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The quality manager's reason" }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) signatureId: string | null;
}

export class PendingCorrectionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) executionId: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() procedureKey: string;
  @ApiProperty({ description: "The participant's pseudonymous code, or the kind of subject (pair, cohort)" }) subjectLabel: string;
  @ApiProperty({ enum: ['correction', 'added_step'] }) kind: string;
  @ApiProperty() stepKey: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) requestedById: string;
  @ApiProperty({ nullable: true, type: String }) requestedByName: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
}

export class ExecutionSubjectResponse {
  @ApiProperty({ enum: SUBJECTS }) type: string;
  @ApiPropertyOptional({ format: 'uuid' }) participantId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) pairId?: string;
  @ApiProperty({ description: 'Pseudonymous codes (e.g. A-7K3Q9X, or M-... / A-... for a pair), or "cohort"' }) label: string;
}

export class ExecutionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() procedureKey: string;
  @ApiProperty({ description: 'The pinned procedure version' }) versionNumber: number;
  @ApiProperty() contentHash: string;
  @ApiProperty({ type: ExecutionSubjectResponse }) subject: ExecutionSubjectResponse;
  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] }) state: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the execution was cancelled' }) cancelReason: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['conforming', 'nonconforming'],
    description: 'The latest judgement (null while open)',
  })
  conformance: string | null;
  @ApiProperty({ type: [FindingResponse] }) findings: FindingResponse[];
  @ApiProperty({
    nullable: true,
    type: ChangedByCorrectionResponse,
    description: 'Set when the latest judgement is conforming and an earlier one was nonconforming: "conforming after correction"',
  })
  changedByCorrection: ChangedByCorrectionResponse | null;
  @ApiProperty({
    type: [CorrectionResponse],
    description: 'Corrections that would have cleared a nonconformity: pending ones (not in force) and decided ones',
  })
  corrections: CorrectionResponse[];
  @ApiProperty({ nullable: true, type: Object, description: 'The time window of the pinned version for this subject' }) window: {
    from: string;
    to: string;
  } | null;
  @ApiProperty({ type: [StepRecordResponse], description: 'Every record, corrected ones included' }) steps: StepRecordResponse[];
  @ApiProperty({ type: [JudgementResponse], description: 'Every judgement, oldest first' }) judgements: JudgementResponse[];
  @ApiProperty() version: number;
}
