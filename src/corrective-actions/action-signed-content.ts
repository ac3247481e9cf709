import type { EntityManager } from 'typeorm';
import { deviationsByIds } from '../deviations/deviations.queries.js';
import type { CorrectiveAction } from './corrective-action.entity.js';
import { deviationLinks } from './corrective-actions.queries.js';

/**
 * What is signed about a corrective action, kept with the signature and hashed (canonical JSON):
 * the action as it stands, with the deviations it answers. A closure adds the verdict on its
 * effectiveness and the evidence; a board review adds the board's decision and comment.
 */
export async function actionContent(
  m: EntityManager,
  a: CorrectiveAction,
  signed: { verdict: string; evidence: string | null; comment: string | null } | { decision: string; comment: string },
): Promise<Record<string, unknown>> {
  const links = await deviationLinks(m, [a.id]);
  const deviations = await deviationsByIds(
    m,
    links.map((l) => l.deviationId),
  );
  const action = {
    record: 'corrective_action',
    reference: a.reference,
    version: a.version,
    type: a.type,
    description: a.description,
    ownerId: a.ownerId,
    dueDate: a.dueDate,
    effectivenessCriterion: a.effectivenessCriterion,
    state: a.state,
    implementedAt: a.implementedAt ? a.implementedAt.toISOString() : null,
    closedAt: a.closedAt ? a.closedAt.toISOString() : null,
    deviations: deviations.map((d) => d.reference).sort(),
  };
  return 'decision' in signed
    ? { record: 'board_review', decision: signed.decision, comment: signed.comment, action }
    : { ...action, verdict: signed.verdict, evidence: signed.evidence, comment: signed.comment };
}
