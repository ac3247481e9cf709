import type { BaselineView } from './baseline-adoption.service.js';
import type { BaselineResponse } from './baseline.dto.js';

export function toBaselineResponse(v: BaselineView): BaselineResponse {
  return {
    state: v.state,
    procedures: v.procedures.map((p) => ({ key: p.key, version: p.version, title: { ...p.title }, contentHash: p.contentHash })),
    baselineHash: v.baselineHash,
    adoptedBy: v.adoptedBy,
    adoptedAt: v.adoptedAt?.toISOString() ?? null,
    meaning: v.meaning,
  };
}
