import type { PersonRef, RiskResponse, RiskRevisionResponse } from './risk.dto.js';
import { band, score } from './risk-rating.js';
import type { RevisionRow, RiskRow } from './risks.queries.js';

const person = (id: string, names: Map<string, string>): PersonRef => ({ id, name: names.get(id) ?? '' });

export function toRevisionResponse(r: RevisionRow, names: Map<string, string>): RiskRevisionResponse {
  const s = score(r.likelihood, r.impact);
  return {
    revision: r.revision,
    change: r.change,
    reason: r.reason,
    title: r.title,
    cause: r.cause,
    consequence: r.consequence,
    likelihood: r.likelihood,
    impact: r.impact,
    score: s,
    band: band(s),
    treatment: r.treatment,
    actionIds: r.actionIds,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    residualScore: r.residualLikelihood === null || r.residualImpact === null ? null : score(r.residualLikelihood, r.residualImpact),
    owner: person(r.ownerId, names),
    nextReviewOn: r.nextReviewOn,
    status: r.status,
    recordedBy: person(r.recordedBy, names),
    recordedAt: r.recordedAt.toISOString(),
  };
}

export function toRiskResponse(
  r: RiskRow,
  x: { names: Map<string, string>; programmes: Map<string, string>; today: string; mayRevise: boolean },
): RiskResponse {
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    programmeId: r.programmeId,
    programmeName: r.programmeId ? (x.programmes.get(r.programmeId) ?? null) : null,
    ...toRevisionResponse(r, x.names),
    reviewOverdue: r.status === 'open' && r.nextReviewOn < x.today,
    version: r.revision,
    createdAt: r.createdAt.toISOString(),
    mayRevise: x.mayRevise,
  };
}
