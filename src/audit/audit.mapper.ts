import type { ChainedEvent } from './audit-chain.js';
import type { ChainVerdictResponse } from './audit.dto.js';
import type { ChainVerification } from './audit.service.js';

export function toChainVerdictResponse(v: ChainVerification): ChainVerdictResponse {
  return {
    valid: v.valid,
    mode: v.mode,
    fromSeq: v.fromSeq,
    toSeq: v.toSeq,
    checkpointSeq: v.checkpointSeq,
    fullVerifiedAt: v.fullVerifiedAt,
    events: v.events,
    headHash: v.headHash,
    ...(v.valid ? {} : { firstInvalidSeq: v.firstInvalidSeq, problem: v.problem, detail: v.detail }),
  };
}

/** The export's JSON lines: one event per line, one chunk per batch read. */
export async function* toJsonLines(batches: AsyncIterable<ChainedEvent[]>): AsyncGenerator<string> {
  for await (const batch of batches) yield batch.map((e) => JSON.stringify(e)).join('\n') + '\n';
}
