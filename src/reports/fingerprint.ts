/**
 * The report fingerprint: SHA-256 of the canonical JSON (RFC 8785) of the whole model, its
 * `generatedAt` included. Printed in full on the cover and shortened in every page footer; the
 * service can store it with the audit event recording that the report was produced.
 */
import { canonicalHash } from '../common/canonical.js';
import type { CorrectiveActionRegisterModel } from './models/corrective-action-register.js';
import type { EvidenceReportModel } from './models/evidence-report.js';
import type { InternalAuditReportModel } from './models/internal-audit-report.js';
import type { ManagementReviewMinutesModel } from './models/management-review-minutes.js';
import type { ProcedureDocumentModel } from './models/procedure-document.js';
import type { RiskRegisterModel } from './models/risk-register.js';

export type ReportModel =
  | ProcedureDocumentModel
  | EvidenceReportModel
  | CorrectiveActionRegisterModel
  | ManagementReviewMinutesModel
  | RiskRegisterModel
  | InternalAuditReportModel;

export function reportFingerprint(model: ReportModel): string {
  return canonicalHash(model);
}

/** The first 16 hex digits (64 bits): enough to tell reports apart at a glance. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, 16);
}
