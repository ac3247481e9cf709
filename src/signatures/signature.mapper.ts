import type { SignatureResponse } from './signature.dto.js';
import type { Signature } from './signature.entity.js';

export function toSignatureResponse(s: Signature): SignatureResponse {
  return {
    id: s.id,
    signerId: s.signerId,
    signerName: s.signerName,
    meaning: s.meaning,
    comment: s.comment,
    signedAt: s.signedAt.toISOString(),
    recordType: s.recordType,
    recordId: s.recordId,
    recordVersion: s.recordVersion,
    contentHash: s.contentHash,
    signedContent: s.signedContent,
  };
}
