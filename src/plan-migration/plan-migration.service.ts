import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { moveOpenExecutions } from '../executions/executions.queries.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import type { ProgrammeResponse } from '../programmes/programme.dto.js';

/**
 * A plan migration: a programme adopts a newer effective version of a procedure, and its open
 * executions follow when asked to. It changes both the programme's plan and executions, so it
 * lives above both modules (executions already depend on programmes).
 */
@Injectable()
export class PlanMigrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly programmes: ProgrammesService,
  ) {}

  /**
   * Explicit adoption of a newer effective version. Completed executions keep the version they
   * were judged against; open ones move only when asked to.
   */
  async migrate(
    ctx: RequestContext,
    id: string,
    input: { procedureKey: string; toVersion: number; reason: string; moveOpenExecutions?: boolean },
  ): Promise<ProgrammeResponse> {
    return this.dataSource.transaction(async (m) => {
      const { programme, target, previousNumber } = await this.programmes.adoptVersion(m, ctx, id, input);
      // An open execution may still follow a version older than the plan's (an earlier migration
      // left it where it was): the trail records the version each one really leaves.
      const moved = input.moveOpenExecutions
        ? await moveOpenExecutions(m, {
            programmeId: id,
            procedureId: target.procedureId,
            versionId: target.id,
            versionNumber: target.number,
            contentHash: target.contentHash,
          })
        : [];
      for (const e of moved) {
        await this.audit.append(m, ctx, {
          action: 'execution.migrate',
          entityType: 'execution',
          entityId: e.id,
          entityVersion: e.version,
          changes: { versionNumber: { old: e.oldNumber, new: target.number }, contentHash: { old: e.oldHash, new: target.contentHash } },
          reason: input.reason,
        });
      }
      await this.audit.append(m, ctx, {
        action: 'programme.plan_migrate',
        entityType: 'programme',
        entityId: id,
        entityVersion: programme.version,
        changes: {
          procedureKey: { old: input.procedureKey, new: input.procedureKey },
          versionNumber: { old: previousNumber, new: target.number },
          movedOpenExecutions: { old: null, new: moved.map((e) => e.id) },
        },
        reason: input.reason,
      });
      return this.programmes.view(m, programme);
    });
  }
}
