import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { RequestContext } from '../common/request-context.js';
import { hasAnyRole } from '../common/roles.js';
import { actionCountsByDeviation, actionsByIds } from '../corrective-actions/corrective-actions.queries.js';
import { deviationsByIds } from '../deviations/deviations.queries.js';
import { programmesByIds } from '../programmes/programmes.queries.js';
import { SignaturesService } from '../signatures/signatures.service.js';
import { userNames } from '../users/users.queries.js';
import { RECORD_TYPE, mayClose, onTeam } from './audit-access.js';
import { isHandled } from './audit-rules.js';
import type { AuditPermissions, AuditResponse } from './internal-audit.dto.js';
import { toAuditResponse, toChecklistItemResponse, toFindingResponse } from './internal-audit.mapper.js';
import { answersOf, findingsOf, itemsOf } from './internal-audits.queries.js';
import type { AuditRow, FindingRow } from './internal-audits.queries.js';

/** An audit as its response shows it: checklist with answers, findings with what they opened and whether handled, signature, permissions. */
@Injectable()
export class AuditViews {
  constructor(
    private readonly clock: Clock,
    private readonly signatures: SignaturesService,
  ) {}

  /** Each finding's deviation or action as it stands, and whether the finding is handled. */
  async findingState(
    m: EntityManager,
    findings: FindingRow[],
  ): Promise<
    Map<
      string,
      {
        deviation: { id: string; reference: string; state: string; programmeId: string } | null;
        action: { id: string; reference: string; state: string } | null;
        handled: boolean;
      }
    >
  > {
    const deviationIds = findings.flatMap((f) => (f.deviationId ? [f.deviationId] : []));
    const deviations = new Map((await deviationsByIds(m, deviationIds)).map((d) => [d.id, d]));
    const counts = await actionCountsByDeviation(m, deviationIds);
    const actions = new Map(
      (
        await actionsByIds(
          m,
          findings.flatMap((f) => (f.actionId ? [f.actionId] : [])),
        )
      ).map((a) => [a.id, a]),
    );
    return new Map(
      findings.map((f) => {
        const d = f.deviationId ? deviations.get(f.deviationId) : undefined;
        const a = f.actionId ? actions.get(f.actionId) : undefined;
        const deviation = d ? { id: d.id, reference: d.reference, state: d.state, programmeId: d.programmeId } : null;
        const action = a ? { id: a.id, reference: a.reference, state: a.state } : null;
        return [f.id, { deviation, action, handled: isHandled(f, d ? { state: d.state, actions: counts.get(d.id) ?? 0 } : null, action) }];
      }),
    );
  }

  async detail(m: EntityManager, ctx: RequestContext, a: AuditRow): Promise<AuditResponse> {
    const items = await itemsOf(m, a.id);
    const answers = await answersOf(m, a.id);
    const findings = await findingsOf(m, [a.id]);
    const state = await this.findingState(m, findings);
    const names = await userNames(m, [
      ...new Set([
        ...(a.leadAuditorId ? [a.leadAuditorId] : []),
        ...a.teamIds,
        ...answers.map((x) => x.recordedBy),
        ...findings.map((f) => f.recordedBy),
      ]),
    ]);
    const signature = a.reportSignatureId
      ? ((await this.signatures.listFor(RECORD_TYPE, [a.id], m)).find((s) => s.id === a.reportSignatureId) ?? null)
      : null;
    const isQm = hasAnyRole(ctx.actor.roles, ['quality_manager']);
    const may: AuditPermissions = {
      manage: isQm && a.state === 'planned',
      record: onTeam(ctx, a) && a.state === 'in_progress',
      sign: a.leadAuditorId === ctx.actor.id && a.state === 'in_progress',
      close: mayClose(ctx, a) && a.state === 'reported',
    };
    return toAuditResponse(a, {
      names,
      programmes: await this.programmeNames(m, [a]),
      today: this.clock.today(),
      items: items.map((i) =>
        toChecklistItemResponse(
          i,
          answers.filter((x) => x.itemId === i.id),
          names,
        ),
      ),
      findings: findings.map((f) => toFindingResponse(f, { names, ...state.get(f.id)! })),
      signature: signature
        ? {
            signerName: signature.signerName,
            meaning: signature.meaning,
            signedAt: signature.signedAt.toISOString(),
            contentHash: signature.contentHash,
          }
        : null,
      may,
    });
  }

  async programmeNames(m: EntityManager, rows: AuditRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((r) => (r.programmeId ? [r.programmeId] : [])))];
    return new Map((await programmesByIds(m, ids)).map((p) => [p.id, p.name]));
  }
}
