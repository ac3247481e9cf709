/**
 * Who may do what with an internal audit, and the audit row read or locked for it: shared by the
 * services of the module (planning, findings, report). Quality managers, auditors and board members
 * read every audit; the team theirs; programme leaders their programmes'.
 */
import type { EntityManager } from 'typeorm';
import { conflict, forbidden, notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { hasAnyRole } from '../common/roles.js';
import { programmesLedBy } from '../programmes/programmes.queries.js';
import { allows, neededState } from './audit-rules.js';
import type { AuditUse } from './audit-rules.js';
import { auditById } from './internal-audits.queries.js';
import type { AuditRow } from './internal-audits.queries.js';

export const RECORD_TYPE = 'internal_audit';

const USE_WORDS: Record<AuditUse, string> = {
  edit: 'change its plan',
  start: 'start it',
  record: 'record answers and findings',
  report: 'sign its report',
  close: 'close it',
};

/** The audit, when the caller may read it; otherwise 404 (as if it did not exist). */
export async function readableAudit(m: EntityManager, ctx: RequestContext, id: string, lock = false): Promise<AuditRow> {
  const a = await auditById(m, id, lock);
  if (!a || !(await reads(m, ctx, a))) throw notFound('Internal audit');
  return a;
}

async function reads(m: EntityManager, ctx: RequestContext, a: AuditRow): Promise<boolean> {
  if (hasAnyRole(ctx.actor.roles, ['quality_manager', 'auditor', 'board_member'])) return true;
  if (onTeam(ctx, a)) return true;
  return (
    a.programmeId !== null &&
    ctx.actor.roles.includes('programme_leader') &&
    (await programmesLedBy(m, ctx.actor.id!)).includes(a.programmeId)
  );
}

/** Locks the audit row (step 4 of the lock order) and checks the state the use needs. */
export async function lockAudit(m: EntityManager, ctx: RequestContext, id: string, use: AuditUse): Promise<AuditRow> {
  const a = await readableAudit(m, ctx, id, true);
  requireState(a, use);
  return a;
}

export function requireState(a: AuditRow, use: AuditUse): void {
  if (!allows(a.state, use)) {
    throw conflict(
      'audit_state',
      `Audit ${a.reference} is ${a.state.replace('_', ' ')}: it must be ${neededState(use).replace('_', ' ')} to ${USE_WORDS[use]}`,
    );
  }
}

export function onTeam(ctx: RequestContext, a: AuditRow): boolean {
  return ctx.actor.id !== null && (a.leadAuditorId === ctx.actor.id || a.teamIds.includes(ctx.actor.id));
}

export function requireTeam(ctx: RequestContext, a: AuditRow): void {
  if (!onTeam(ctx, a)) throw forbidden('not_audit_team', 'Only the lead auditor and the audit team record answers and findings');
}

export function requireLead(ctx: RequestContext, a: AuditRow): void {
  if (a.leadAuditorId !== ctx.actor.id) throw forbidden('not_lead_auditor', 'Only the lead auditor signs the audit report');
}

export function mayClose(ctx: RequestContext, a: AuditRow): boolean {
  return hasAnyRole(ctx.actor.roles, ['quality_manager']) || a.leadAuditorId === ctx.actor.id;
}

export function actorIdOf(ctx: RequestContext): string {
  if (!ctx.actor.id) throw new Error('an internal audit is recorded by a person');
  return ctx.actor.id;
}
