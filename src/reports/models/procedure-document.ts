/**
 * The controlled procedure document: one version of one procedure, as approved, with its
 * revision history and signatures. Built by the service from the stored version (its definition
 * is stored whole) and its signatures.
 */
import type { LocalisedText, ProcedureDefinition } from '../../procedures/procedure-definition.js';
import type { Instant, ProcedureVersionStatus, ReportHeader, SignatureEntry } from './codes.js';

export interface ProcedureDocumentModel extends ReportHeader {
  /** Which report this is; part of the fingerprint, so two kinds of report never share one. */
  kind: 'procedure_document';
  /** The version this document is. */
  version: ProcedureDocumentVersion;
  /** The definition exactly as stored in the version (key, title, purpose, window, steps...). */
  definition: ProcedureDefinition;
  /** Title of the procedure that anchors the time window (`definition.window.procedure`), if any. */
  anchorProcedureTitle: LocalisedText | null;
  /** Every version of the procedure, oldest first, this one included. */
  revisions: ProcedureRevision[];
  /** Signatures on this version, in the order they were given. */
  signatures: SignatureEntry[];
}

export interface ProcedureDocumentVersion {
  number: number;
  status: ProcedureVersionStatus;
  effectiveFrom: Instant | null;
  supersededAt: Instant | null;
  retiredAt: Instant | null;
  /** SHA-256 of the canonical JSON of the definition. */
  contentHash: string;
  changeSummary: string | null;
  /** Everyone who wrote the version's content, first contribution first (none of them may approve it). */
  contributors: ProcedureContributor[];
}

export type ProcedureContribution = 'created' | 'edited' | 'imported';

export interface ProcedureContributor {
  name: string;
  contributions: ProcedureContribution[];
}

export interface ProcedureRevision {
  number: number;
  status: ProcedureVersionStatus;
  effectiveFrom: Instant | null;
  supersededAt: Instant | null;
  changeSummary: string | null;
  /** Printed names of everyone who wrote the version (the system's name for the shipped baseline). */
  authorNames: string[];
}
