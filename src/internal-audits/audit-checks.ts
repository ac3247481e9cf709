/**
 * What must hold of an audit's content before it is kept or started, each failure naming its
 * field: procedures and programme that exist, a period in order, a team of active people who may
 * audit and are independent of what they audit; the checklist the audit starts with; the records
 * an answer cites as its sample.
 */
import type { EntityManager } from 'typeorm';
import { hasAnyRole } from '../common/roles.js';
import type { Role } from '../common/roles.js';
import { unprocessable, validationFailed } from '../common/problem.js';
import type { FieldError } from '../common/problem.js';
import { deviationsByIds } from '../deviations/deviations.queries.js';
import { executionFacts } from '../executions/executions.queries.js';
import { effectiveVersions, latestTitles, versionsInForceDuring } from '../procedures/procedures.queries.js';
import { leadersOfProgrammes, programmeById } from '../programmes/programmes.queries.js';
import type { SignaturesService } from '../signatures/signatures.service.js';
import { isActiveUser, rolesOfUsers, userNames } from '../users/users.queries.js';
import { CLAUSES, byClause } from './audit-rules.js';
import type { AuditContent, NewItem } from './internal-audits.queries.js';

/** Who may be on an audit team: people of the organisation who act (auditors and administrators only read or administer). */
export const AUDITOR_ROLES: Role[] = ['quality_manager', 'programme_leader', 'board_member'];

/** The record type of a procedure version's signatures (approval, adoption, retirement). */
const PROCEDURE_VERSION = 'procedure_version';

export async function checkContent(m: EntityManager, c: AuditContent): Promise<void> {
  if (c.processes.length + c.procedureKeys.length === 0) {
    throw validationFailed([{ field: 'processes', message: 'must name at least one process, or procedureKeys at least one procedure' }]);
  }
  if (c.periodFrom && c.periodTo && c.periodFrom > c.periodTo) {
    throw validationFailed([{ field: 'periodTo', message: `must not be before periodFrom (${c.periodFrom})` }]);
  }
  if (c.leadAuditorId && c.teamIds.includes(c.leadAuditorId)) {
    throw validationFailed([{ field: 'teamIds', message: 'must not name the lead auditor (the lead is on the team already)' }]);
  }
  if (c.procedureKeys.length) {
    const known = await latestTitles(m);
    const unknown = c.procedureKeys.filter((k) => !known.has(k));
    if (unknown.length) {
      throw unprocessable('unknown_procedure', `No procedure has the key ${unknown.join(', ')}`, {
        errors: [{ field: 'procedureKeys', message: `names procedures that do not exist: ${unknown.join(', ')}` }],
      });
    }
  }
  if (c.programmeId && !(await programmeById(m, c.programmeId))) {
    throw unprocessable('unknown_programme', 'No programme has the id given', {
      errors: [{ field: 'programmeId', message: 'must name an existing programme' }],
    });
  }
}

/**
 * The lead auditor and the team: active people holding a role that may audit, each independent
 * of what the audit covers. Not independent: a leader of the audited programme (an audit of the
 * whole organisation names no programme, so no leadership is audited), and whoever wrote
 * (created, edited or imported) or approved a version of an audited procedure that was in force in
 * the audited period (judged once the period is known). The refusal names the person and why.
 */
export async function checkTeam(m: EntityManager, signatures: SignaturesService, c: AuditContent): Promise<void> {
  const people: { id: string; field: string }[] = [
    ...(c.leadAuditorId ? [{ id: c.leadAuditorId, field: 'leadAuditorId' }] : []),
    ...c.teamIds.map((id, i) => ({ id, field: `teamIds[${i}]` })),
  ];
  if (people.length === 0) return;
  const ids = people.map((p) => p.id);
  const roles = new Map((await rolesOfUsers(m, ids)).map((u) => [u.id, u.roles]));
  const names = await userNames(m, ids);
  for (const p of people) {
    const held = roles.get(p.id);
    if (!held || !(await isActiveUser(m, p.id)) || !hasAnyRole(held, AUDITOR_ROLES)) {
      throw unprocessable(
        'audit_team_role',
        `${held ? names.get(p.id) : 'The person named'} cannot audit: an auditor must be an active quality manager, programme leader or board member`,
        { errors: [{ field: p.field, message: 'must be an active quality manager, programme leader or board member' }] },
      );
    }
  }
  const reasons: { person: string; field: string; why: string }[] = [];
  if (c.programmeId) {
    const leaders = (await leadersOfProgrammes(m, [c.programmeId])).get(c.programmeId) ?? [];
    const programme = await programmeById(m, c.programmeId);
    for (const p of people) {
      if (leaders.includes(p.id))
        reasons.push({ person: p.id, field: p.field, why: `leads the audited programme ${programme?.name ?? ''}`.trim() });
    }
  }
  if (c.procedureKeys.length && c.periodFrom && c.periodTo) {
    const versions = await versionsInForceDuring(m, c.procedureKeys, c.periodFrom, c.periodTo);
    const approvals = (
      await signatures.listFor(
        PROCEDURE_VERSION,
        versions.map((v) => v.id),
        m,
      )
    ).filter((s) => s.meaning !== 'retirement');
    for (const p of people) {
      for (const v of versions) {
        if (v.authorIds.includes(p.id)) {
          reasons.push({
            person: p.id,
            field: p.field,
            why: `wrote version ${v.number} of ${v.procedureKey}, in force in the audited period`,
          });
        }
        if (approvals.some((s) => s.recordId === v.id && s.signerId === p.id)) {
          reasons.push({
            person: p.id,
            field: p.field,
            why: `approved version ${v.number} of ${v.procedureKey}, in force in the audited period`,
          });
        }
      }
    }
  }
  if (reasons.length) {
    const sentences = reasons.map((r) => `${names.get(r.person)} ${r.why}`);
    throw unprocessable('auditor_not_independent', `Not independent of what is audited: ${sentences.join('; ')}`, {
      errors: reasons.map((r) => ({ field: r.field, message: `is not independent: ${names.get(r.person)} ${r.why}` })),
    });
  }
}

/** What starting needs: a lead auditor, a scope and the period whose records are audited. */
export function checkStartable(c: AuditContent): void {
  const missing: FieldError[] = [];
  if (!c.leadAuditorId) missing.push({ field: 'leadAuditorId', message: 'is required to start the audit' });
  if (!c.scope) missing.push({ field: 'scope', message: 'is required to start the audit' });
  if (!c.periodFrom) missing.push({ field: 'periodFrom', message: 'is required to start the audit' });
  if (!c.periodTo) missing.push({ field: 'periodTo', message: 'is required to start the audit' });
  if (missing.length) {
    throw unprocessable('audit_incomplete', `The audit cannot start yet: ${missing.map((e) => e.field).join(', ')} must be set first`, {
      errors: missing,
    });
  }
}

/** The checklist: each audited procedure's effective version, step by step, then each clause in the standard's order. */
export async function checklistFor(m: EntityManager, c: AuditContent): Promise<NewItem[]> {
  const effective = new Map((await effectiveVersions(m)).map((v) => [v.procedureKey, v]));
  const notInForce = c.procedureKeys.filter((k) => !effective.has(k));
  if (notInForce.length) {
    throw unprocessable('procedure_not_in_force', `No version of ${notInForce.join(', ')} is in force: nothing to audit against`, {
      errors: [{ field: 'procedureKeys', message: `names procedures with no effective version: ${notInForce.join(', ')}` }],
    });
  }
  const items: NewItem[] = [];
  for (const key of c.procedureKeys) {
    const v = effective.get(key)!;
    for (const step of v.definition.steps) {
      items.push({
        kind: 'procedure_step',
        procedureKey: key,
        versionNumber: v.number,
        stepKey: step.key,
        clause: null,
        title: { ...step.title },
      });
    }
  }
  for (const clause of [...c.clauses].sort(byClause)) {
    items.push({ kind: 'clause', procedureKey: null, versionNumber: null, stepKey: null, clause, title: { ...CLAUSES[clause] } });
  }
  if (items.length === 0) {
    throw unprocessable('checklist_empty', 'Nothing to check: name procedures or clauses to audit against', {
      errors: [{ field: 'clauses', message: 'must name at least one clause when no procedure is audited' }],
    });
  }
  return items;
}

/**
 * The records an answer cites: executions that exist and lie within the audit's scope (its
 * programme, when it names one, and its procedures, when it names any), and deviations that exist.
 */
export async function checkSample(
  m: EntityManager,
  audit: { programmeId: string | null; procedureKeys: string[] },
  executionIds: readonly string[],
  deviationIds: readonly string[],
): Promise<void> {
  for (const [i, id] of executionIds.entries()) {
    const e = await executionFacts(m, id);
    if (!e) {
      throw unprocessable('unknown_execution', `No execution has the id ${id}`, {
        errors: [{ field: `executionIds[${i}]`, message: 'must name an existing execution' }],
      });
    }
    const outside =
      audit.programmeId !== null && e.programmeId !== audit.programmeId
        ? 'belongs to another programme than the one audited'
        : audit.procedureKeys.length && !audit.procedureKeys.includes(e.procedureKey)
          ? `carries out ${e.procedureKey}, which is not audited`
          : null;
    if (outside) {
      throw unprocessable('sample_out_of_scope', `Execution ${id} ${outside}`, {
        errors: [{ field: `executionIds[${i}]`, message: `is outside the audit's scope: it ${outside}` }],
      });
    }
  }
  if (deviationIds.length) {
    const found = new Set((await deviationsByIds(m, deviationIds)).map((d) => d.id));
    const unknown = deviationIds.filter((d) => !found.has(d));
    if (unknown.length) {
      throw unprocessable('unknown_deviation', `No deviation has the id ${unknown.join(', ')}`, {
        errors: [{ field: 'deviationIds', message: `names deviations that do not exist: ${unknown.join(', ')}` }],
      });
    }
  }
}
