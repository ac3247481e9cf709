import type { RequestContext } from '../../common/request-context.js';
import type { Signature } from '../../signatures/signature.entity.js';
import type { ReportHeader, ReportLanguage, SignatureEntry } from '../models/codes.js';

export interface ReportRequest {
  lang: ReportLanguage;
  /** ISO time the report is generated at; fixed values reproduce a report byte for byte. */
  generatedAt: string;
}

/** The header every model carries: language, when, the printed name of who asked, and the time zone times are printed in. */
export function reportHeader(ctx: RequestContext, req: ReportRequest, timeZone: string): ReportHeader {
  return { lang: req.lang, generatedAt: new Date(req.generatedAt).toISOString(), generatedBy: ctx.actor.name, timeZone };
}

export function signatureEntry(s: Signature): SignatureEntry {
  return {
    signerName: s.signerName,
    meaning: s.meaning,
    comment: s.comment,
    signedAt: s.signedAt.toISOString(),
    contentHash: s.contentHash,
  };
}

export const isoOrNull = (d: Date | null): string | null => (d ? d.toISOString() : null);
