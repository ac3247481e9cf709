import { toSignatureResponse } from '../signatures/signature.mapper.js';
import type { ManagementReviewResponse } from './management-review.dto.js';
import { reviewVersion } from './management-reviews.service.js';
import type { ReviewView } from './management-reviews.service.js';

export function toReviewResponse(v: ReviewView): ManagementReviewResponse {
  return {
    id: v.review.id,
    version: reviewVersion(v),
    heldOn: v.review.heldOn,
    title: v.review.title,
    periodFrom: v.review.periodFrom,
    periodTo: v.review.periodTo,
    state: v.review.state,
    attendees: v.attendees,
    guests: v.guests.map((g) => ({ name: g.name, role: g.role })),
    notes: v.notes.map((n) => ({
      id: n.id,
      topic: n.topic,
      seq: n.seq,
      text: n.text,
      recordedBy: n.recordedByName,
      recordedAt: n.recordedAt.toISOString(),
    })),
    decisions: v.decisions.map((d) => ({
      id: d.decision.id,
      seq: d.decision.seq,
      text: d.decision.text,
      category: d.decision.category,
      action: d.action,
      createdAt: d.decision.createdAt.toISOString(),
    })),
    closedAt: v.review.closedAt ? v.review.closedAt.toISOString() : null,
    signature: v.signature ? toSignatureResponse(v.signature) : null,
    objectiveMeasurements: v.measurements.map((x) => ({ ...x })),
    createdAt: v.review.createdAt.toISOString(),
  };
}
