import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { notFound, unprocessable } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { userById } from '../users/users.queries.js';
import { TrainingRecord } from './training-record.entity.js';
import type { TrainingRecordResponse } from './training.dto.js';
import { toTrainingRecordResponse } from './training.mapper.js';

/** Staff competence records (ISO 9001 7.2): append-only; a mistaken record is followed by a correct one. */
@Injectable()
export class TrainingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async add(
    ctx: RequestContext,
    userId: string,
    input: { module: string; completedAt: string; validUntil?: string; evidence?: string },
  ): Promise<TrainingRecordResponse> {
    if (input.validUntil && input.validUntil < input.completedAt) {
      throw unprocessable('invalid_validity', 'A training cannot expire before it was completed', {
        errors: [{ field: 'validUntil', message: 'must be on or after completedAt' }],
      });
    }
    return this.dataSource.transaction(async (m) => {
      if (!(await userById(m, userId))) throw notFound('User');
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO training_record (user_id, module, completed_at, valid_until, evidence, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [userId, input.module.trim(), input.completedAt, input.validUntil ?? null, input.evidence ?? null, ctx.actor.id],
      );
      const record = await m.getRepository(TrainingRecord).findOneByOrFail({ id: row.id });
      await this.audit.append(m, ctx, {
        action: 'training_record.create',
        entityType: 'training_record',
        entityId: record.id,
        changes: {
          userId: { old: null, new: userId },
          module: { old: null, new: record.module },
          completedAt: { old: null, new: record.completedAt },
          validUntil: { old: null, new: record.validUntil },
        },
      });
      return toTrainingRecordResponse(record);
    });
  }

  async list(userId: string): Promise<TrainingRecordResponse[]> {
    if (!(await userById(this.dataSource.manager, userId))) throw notFound('User');
    const records = await this.dataSource
      .getRepository(TrainingRecord)
      .find({ where: { userId }, order: { completedAt: 'ASC', createdAt: 'ASC' } });
    return records.map(toTrainingRecordResponse);
  }
}
