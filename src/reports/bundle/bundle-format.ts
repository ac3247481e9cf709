import { fileURLToPath } from 'node:url';

/**
 * The evidence bundle: one tar archive an auditor can verify without the database.
 *
 *   manifest.json            canonical JSON: what is in the bundle, with the SHA-256 of every file
 *   report.pdf               the programme evidence report
 *   report-model.json        the report model (canonical JSON); its SHA-256 is the report fingerprint
 *   audit-events.jsonl       the audit events that concern the programme, one per line
 *   procedures/<key>-v<n>.json   the procedure versions the report cites
 *   verify.mjs               the standalone verifier (plain `node`, no install), see docs/EVIDENCE-BUNDLE.md
 *   README.txt               how to verify
 *
 * Every manifest member can be checked against another file, and JSON files must be in canonical
 * form, so no byte can change unnoticed.
 */
export const BUNDLE_FORMAT = 'mentoring-qms-evidence-bundle/1';
export const MANIFEST = 'manifest.json';
export const REPORT_PDF = 'report.pdf';
export const REPORT_MODEL = 'report-model.json';
export const AUDIT_EVENTS = 'audit-events.jsonl';
export const README = 'README.txt';
/**
 * The standalone verifier, shipped in every bundle and listed in its manifest like any other
 * file, so the copy an auditor runs can be compared with the repository's.
 */
export const VERIFIER = 'verify.mjs';
/** Where the service finds the verifier to ship: beside this module (the build copies it into dist/). */
export const VERIFIER_SOURCE = fileURLToPath(new URL('./verify.mjs', import.meta.url));

export interface BundleFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  programme: { id: string; name: string };
  lang: string;
  generatedAt: string;
  generatedBy: string;
  /** SHA-256 of the canonical JSON of the report model. */
  fingerprint: string;
  auditChain: {
    headSeq: number;
    headHash: string;
    eventsInScope: number;
    valid: boolean;
    /** Present when the verification found the chain broken: the first event it cannot trust. */
    firstInvalidSeq?: number;
    /** The report's verification covered events 1 to this one. */
    verifiedThroughSeq: number;
  };
  files: BundleFile[];
}

/** A cited procedure version, as stored. */
export interface CitedProcedureVersion {
  key: string;
  number: number;
  status: string;
  contentHash: string;
  effectiveFrom: string | null;
  supersededAt: string | null;
  definition: unknown;
  signatures: { signerName: string; meaning: string; comment: string | null; signedAt: string; contentHash: string | null }[];
}

export function procedureFileName(key: string, n: number): string {
  return `procedures/${key}-v${n}.json`;
}

export const README_TEXT = `Mentoring QMS evidence bundle
==============================

This archive holds a programme evidence report and the records it was built from:

  manifest.json           what is in the bundle, with the SHA-256 of every other file
  report.pdf              the evidence report
  report-model.json       the data the report was rendered from; its SHA-256 (of this
                          canonical JSON, RFC 8785) is the report fingerprint printed on
                          every page of the PDF
  audit-events.jsonl      the audit events concerning the programme, one per line; each
                          event's hash covers all its other members and the hash of the
                          event before it in the chain
  procedures/*.json       the procedure versions in force, with their approval signatures
  verify.mjs              a verifier that needs only Node.js 20 or later (no install)

To verify it without the database, with nothing but Node.js:

  tar -xf THIS-FILE.tar verify.mjs
  node verify.mjs THIS-FILE.tar

(or, with the service's source code installed: npm run qms -- verify THIS-FILE.tar). The
verifier is short and can be read; compare it with src/reports/bundle/verify.mjs of the
published source, or re-implement the checks from docs/EVIDENCE-BUNDLE.md there.

The verifier checks every file hash, the fingerprint, every audit event hash and chain link,
the procedure content hashes, and that the manifest agrees with the model. It names the first
problem it finds. The audit chain head (sequence number and hash) in the manifest can also be
compared with a full audit export (GET /api/audit-events/export) or a later report.
`;

/** What the manifest records of the report's chain verification; the offline verifier checks it against the model. */
export function auditChainVerification(v: {
  valid: boolean;
  firstInvalidSeq?: number;
  throughSeq?: number;
}): Pick<BundleManifest['auditChain'], 'valid' | 'firstInvalidSeq' | 'verifiedThroughSeq'> {
  return {
    valid: v.valid,
    ...(v.valid ? {} : { firstInvalidSeq: v.firstInvalidSeq }),
    verifiedThroughSeq: v.throughSeq as number,
  };
}
