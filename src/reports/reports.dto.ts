import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_SEED } from './builders/sampling.js';
import { DateField, DateTimeField, EnumField, QueryBoolField, UuidField } from '../common/fields.js';
import { ACTION_STATES } from '../corrective-actions/action-states.js';
import type { ActionState } from '../corrective-actions/action-states.js';
import { REPORT_LANGUAGES } from './models/codes.js';
import type { ReportLanguage } from './models/codes.js';
import type { EvidenceReportModel } from './models/evidence-report.js';

/** Largest sample of case files asked for at once. */
export const MAX_SAMPLE = 100_000;

/** A query-string integer written in digits ("12", "-3"); anything else ("1.5", "ten", "") stays as given and fails `IsInt`. */
function wholeNumber({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
}

export class ReportQuery {
  @EnumField(REPORT_LANGUAGES, { optional: true, description: 'Language of the labels: en (default), sv or nb' }) lang?: ReportLanguage;
  @DateTimeField({
    optional: true,
    description: 'Generation time printed on the report (default: now); the same data and time give the same bytes',
  })
  generatedAt?: string;
}

export class EvidenceQuery extends ReportQuery {
  @DateField({
    optional: true,
    description: 'Start of the period (default: programme start); deviations and actions detected from this day',
  })
  from?: string;
  @DateField({ optional: true, description: 'End of the period (default: programme end)' }) to?: string;
  @QueryBoolField({
    description: 'Print participant names (quality managers and the leaders of this programme only; default false: pseudonymous codes)',
  })
  includeNames?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_SAMPLE,
    description:
      'Case files for this many subjects drawn at random (as an auditor samples), instead of every subject; the seed used is printed in the report',
  })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_SAMPLE, { message: `must be at most ${MAX_SAMPLE}` })
  sample?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_SEED,
    description: 'Seed of the random sample (with sample): the same seed draws the same subjects again; default a new random seed',
  })
  @IsOptional()
  @Transform(wholeNumber)
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be at least 0' })
  @Max(MAX_SEED, { message: `must be at most ${MAX_SEED}` })
  seed?: number;
}

export class RegisterQuery extends ReportQuery {
  @EnumField(ACTION_STATES, { optional: true }) state?: ActionState;
  @QueryBoolField({ description: 'Only actions past their due date and not implemented' }) overdue?: boolean;
  @UuidField({ optional: true, description: 'Only actions addressing deviations of this programme' }) programmeId?: string;
}

export class RiskRegisterQuery extends ReportQuery {
  @UuidField({ optional: true, description: "One programme's risks, with the organisation's; omit for every risk" }) programmeId?: string;
}

export class EvidenceJsonResponse {
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the model, as printed on every page of the PDF' })
  fingerprint: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The evidence report model: the data the PDF is rendered from (programme, procedures, matrix, deviations, actions, indicators, audit trail)',
  })
  model: EvidenceReportModel;
}
