import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, forbidden } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { activeUsersWithAnyRole } from '../users/users.queries.js';
import type { ProcedureAcknowledgementResponse, ProcedureAcknowledgementsResponse } from './procedure.dto.js';
import { toProcedureAcknowledgementResponse, toProcedureAcknowledgementsResponse } from './procedure.mapper.js';
import { PROCEDURE_VERSION, acknowledgementsOf, findProcedure, insertAcknowledgement, shareProcedure } from './procedure-records.js';
import { ProcedureVersion } from './procedure-version.entity.js';

/**
 * "Read and understood" of procedures (ISO 9001 7.5), as for controlled documents: a version names
 * the roles whose holders acknowledge it once it is in force; each of them acknowledges the version
 * in force once (a new version in force asks again), and quality managers and auditors see who has
 * not. The people listed are staff, never participants.
 */
@Injectable()
export class ProcedureAcknowledgementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The caller acknowledges the version in force; acknowledging again records nothing and answers the first acknowledgement. */
  async acknowledge(ctx: RequestContext, key: string): Promise<ProcedureAcknowledgementResponse> {
    const userId = ctx.actor.id;
    if (!userId) throw new Error('a procedure is acknowledged by a person');
    return this.dataSource.transaction(async (m) => {
      const procedure = await shareProcedure(m, key);
      const inForce = await m.getRepository(ProcedureVersion).findOneBy({ procedureId: procedure.id, status: 'effective' });
      if (!inForce) throw conflict('procedure_version_not_in_force', `No version of ${key} is in force: there is nothing to acknowledge`);
      if (!inForce.acknowledgementRoles.some((r) => ctx.actor.roles.includes(r))) {
        throw forbidden('acknowledgement_not_required', `Version ${inForce.number} of ${key} does not ask you to acknowledge it`);
      }
      const at = await insertAcknowledgement(m, inForce.id, userId);
      if (at) {
        await this.audit.append(m, ctx, {
          action: 'procedure_version.acknowledge',
          entityType: PROCEDURE_VERSION,
          entityId: inForce.id,
          entityVersion: inForce.number,
          changes: { acknowledgedBy: { old: null, new: userId }, acknowledgedAt: { old: null, new: at.toISOString() } },
        });
        return toProcedureAcknowledgementResponse(key, inForce, at, true);
      }
      const [earlier] = await acknowledgementsOf(m, [inForce.id], userId);
      return toProcedureAcknowledgementResponse(key, inForce, earlier.acknowledgedAt, false);
    });
  }

  /** Who must acknowledge the version in force, and who has (quality managers and auditors). */
  async list(key: string): Promise<ProcedureAcknowledgementsResponse> {
    const m = this.dataSource.manager;
    const procedure = await findProcedure(m, key);
    const inForce = await m.getRepository(ProcedureVersion).findOneBy({ procedureId: procedure.id, status: 'effective' });
    if (!inForce) return toProcedureAcknowledgementsResponse(key, null, [], []);
    const people = await activeUsersWithAnyRole(m, inForce.acknowledgementRoles);
    return toProcedureAcknowledgementsResponse(key, inForce, people, await acknowledgementsOf(m, [inForce.id]));
  }
}
