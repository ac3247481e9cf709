import type { TrainingRecord } from './training-record.entity.js';
import type { TrainingRecordResponse } from './training.dto.js';

export function toTrainingRecordResponse(r: TrainingRecord): TrainingRecordResponse {
  return {
    id: r.id,
    userId: r.userId,
    module: r.module,
    completedAt: r.completedAt,
    validUntil: r.validUntil,
    evidence: r.evidence,
    recordedBy: r.recordedBy,
    createdAt: r.createdAt.toISOString(),
  };
}
