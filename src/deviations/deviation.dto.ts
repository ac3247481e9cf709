import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateField, DateTimeField, EnumField, QueryBoolField, TextField, UuidField } from '../common/fields.js';
import { PageQuery } from '../common/pagination.js';
import { SignatureResponse } from '../signatures/signature.dto.js';
import { DEVIATION_SOURCES, DEVIATION_STATES, MANUAL_SOURCES, SEVERITIES } from './deviation-states.js';
import type { DeviationSource, DeviationState, Severity } from './deviation-states.js';

export class CreateDeviationRequest {
  @UuidField() programmeId: string;
  @TextField({ max: 300 }) title: string;
  @TextField({ max: 10_000, description: 'What happened, where, and how it was found' }) description: string;
  @EnumField(SEVERITIES) severity: Severity;
  @EnumField(MANUAL_SOURCES, { description: 'How it was found (system is reserved for automatic detection)' }) source: Exclude<
    DeviationSource,
    'system'
  >;
  @DateTimeField({ description: "When it was detected: not in the future, nor before the programme's preparation began" })
  detectedAt: string;
  @DateTimeField({
    optional: true,
    description: 'When the nonconformity occurred (default: when it was detected): not in the future, nor after detectedAt',
  })
  occurredAt?: string;
  @UuidField({
    optional: true,
    description: 'The execution in which it occurred; the deviation then records its procedure and pinned version',
  })
  executionId?: string;
  @TextField({ optional: true, max: 63, description: 'The step of that execution' }) stepKey?: string;
  @UuidField({ optional: true, description: 'The participant concerned' }) participantId?: string;
  @TextField({ optional: true, max: 5000, description: 'Immediate action taken to contain it' }) containment?: string;
  @DateField({ optional: true, description: 'Target date for closure (default by severity: critical 14, major 30, minor 60 days)' })
  targetDate?: string;
}

export class UpdateDeviationRequest {
  @TextField({ optional: true, max: 300, description: 'Not of a system-detected deviation, except by a quality manager' }) title?: string;
  @TextField({ optional: true, max: 10_000 }) description?: string;
  @EnumField(SEVERITIES, {
    optional: true,
    description: 'Of a system-detected deviation only by a quality manager, with a reason',
  })
  severity?: Severity;
  @TextField({ optional: true, max: 5000 }) containment?: string;
  @TextField({ optional: true, max: 10_000 }) rootCause?: string;
  @DateField({ optional: true, description: 'On or after the day of detection' }) targetDate?: string;
  @TextField({
    optional: true,
    max: 2000,
    pattern: /\S/,
    patternMessage: 'reason must not be blank',
    description: 'Why; needed to change the severity of a system-detected deviation, and kept in the audit trail',
  })
  reason?: string;
}

export class DeviationTransitionRequest {
  @EnumField(DEVIATION_STATES, { description: 'The state to move to' }) to: DeviationState;
  @TextField({
    max: 5000,
    pattern: /\S/,
    patternMessage: 'comment must not be blank',
    description: 'Why; for cancel and reopen this is the reason, for close the closing comment',
  })
  comment: string;
  @TextField({ optional: true, max: 10_000, description: 'Root cause (needed to enter action_plan, if not recorded before)' })
  rootCause?: string;
  @TextField({
    optional: true,
    max: 5000,
    description: 'For a minor deviation: why a correction alone suffices, without a corrective action',
  })
  correctionOnlyJustification?: string;
  @TextField({ optional: true, max: 256, description: 'Your password, to sign the closure electronically' }) password?: string;
}

export class DeviationQuery extends PageQuery {
  @UuidField({ optional: true }) programmeId?: string;
  @EnumField(DEVIATION_STATES, { optional: true }) state?: DeviationState;
  @EnumField(SEVERITIES, { optional: true }) severity?: Severity;
  @EnumField(DEVIATION_SOURCES, { optional: true }) source?: DeviationSource;
  @TextField({ optional: true, max: 63, description: 'Procedure key' }) procedure?: string;
  @QueryBoolField({ description: 'true: only open deviations past their target date' }) overdue?: boolean;
}

export class DeviationTransitionResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ nullable: true, type: String }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) signatureId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorId: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class LinkedActionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
  @ApiProperty() type: string;
  @ApiProperty() state: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
}

export class DeviationStepResponse {
  @ApiProperty({ format: 'uuid', description: 'The execution the step belongs to' }) executionId: string;
  @ApiProperty({ description: 'The step of that execution' }) stepKey: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The step record judged, when one was (none for a missing step)',
  })
  recordId: string | null;
  @ApiProperty({ description: 'What was found in this step, an English sentence for the auditor' }) detail: string;
  @ApiProperty({ format: 'date-time', description: 'When the step was added to the deviation (at detection, or by a later judgement)' })
  addedAt: string;
}

export class DeviationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'DEV-2027-0001' }) reference: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ enum: DEVIATION_SOURCES }) source: DeviationSource;
  @ApiProperty({
    format: 'date-time',
    description:
      "When the nonconformity occurred: for automatic detection the step's performedAt, or the end of the missed window (its last day's last moment in the programme's time zone); never after detectedAt. Deviations recorded before this was kept have their detection here",
  })
  occurredAt: string;
  @ApiProperty({
    format: 'date-time',
    description:
      'When it was detected: given by whoever records it, or for automatic detection when the system judged it (completion, correction, scan)',
  })
  detectedAt: string;
  @ApiProperty({ format: 'date' }) targetDate: string;
  @ApiProperty({ description: 'Open past its target date' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) executionId: string | null;
  @ApiProperty({ nullable: true, type: String }) procedureKey: string | null;
  @ApiProperty({ nullable: true, type: Number }) versionNumber: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'The step, when the deviation concerns exactly one (see steps)' })
  stepKey: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The conformance rule behind an automatic deviation, or overdue' }) rule:
    string | null;
  @ApiProperty({
    type: [DeviationStepResponse],
    description:
      'The steps an automatic deviation concerns: one deviation per execution and rule lists every step the rule found (empty for an overdue procedure or a manual deviation)',
  })
  steps: DeviationStepResponse[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) participantId: string | null;
  @ApiProperty({ nullable: true, type: String }) participantCode: string | null;
  @ApiProperty({ nullable: true, type: String }) containment: string | null;
  @ApiProperty({ nullable: true, type: String }) rootCause: string | null;
  @ApiProperty({ nullable: true, type: String }) correctionOnlyJustification: string | null;
  @ApiProperty({ enum: DEVIATION_STATES }) state: DeviationState;
  @ApiProperty({
    enum: DEVIATION_STATES,
    isArray: true,
    description:
      'The states the caller may move it to now (quality managers only); a transition may still need a root cause, a reason or a signature',
  })
  allowedTransitions: DeviationState[];
  @ApiProperty({ format: 'date-time', description: 'When it was recorded in the system' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ type: [DeviationTransitionResponse] }) history?: DeviationTransitionResponse[];
  @ApiPropertyOptional({ type: [LinkedActionResponse] }) actions?: LinkedActionResponse[];
  @ApiPropertyOptional({ type: [SignatureResponse] }) signatures?: SignatureResponse[];
}

export class DeviationPage {
  @ApiProperty({ type: [DeviationResponse] }) items: DeviationResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
