import { ApiProperty } from '@nestjs/swagger';
import { DateField, DateTimeField, EnumField, QueryBoolField, UuidField } from '../common/fields.js';
import { ACTION_STATES } from '../corrective-actions/action-states.js';
import type { ActionState } from '../corrective-actions/action-states.js';
import { REPORT_LANGUAGES } from './models/codes.js';
import type { ReportLanguage } from './models/codes.js';
import type { EvidenceReportModel } from './models/evidence-report.js';

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
