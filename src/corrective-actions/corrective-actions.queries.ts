/**
 * Reads of the corrective-actions module's tables for other modules: plain functions taking the
 * caller's `EntityManager` (so they join its transaction) and returning typed rows.
 */
import type { EntityManager } from 'typeorm';
import type { ActionSource, ActionState, ActionType, Verdict } from './action-states.js';
import type { BoardDecision } from './action-states.js';

/** A corrective action as other modules see it. */
export interface ActionRow {
  id: string;
  reference: string;
  type: ActionType;
  state: ActionState;
  dueDate: string;
  ownerId: string;
  closedAt: Date | null;
  reviewDecisionId: string | null;
  source: ActionSource;
  sourceId: string | null;
  sourceText: string | null;
  description: string;
  createdAt: Date;
}

const ACTION = `SELECT a.id, a.reference, a.type, a.state, a.due_date::text AS "dueDate", a.owner_id AS "ownerId", a.closed_at AS "closedAt",
  a.review_decision_id AS "reviewDecisionId", a.source, a.source_id AS "sourceId", a.source_text AS "sourceText", a.description,
  a.created_at AS "createdAt" FROM corrective_action a`;

/** Every corrective action, by reference. */
export async function allActions(m: EntityManager): Promise<ActionRow[]> {
  return m.query<ActionRow[]>(`${ACTION} ORDER BY a.reference`);
}

/** The actions linked to any of the deviations `deviationIds`, each once, by reference. */
export async function actionsLinkedTo(m: EntityManager, deviationIds: readonly string[]): Promise<ActionRow[]> {
  if (deviationIds.length === 0) return [];
  return m.query<ActionRow[]>(
    `${ACTION} WHERE a.id IN (SELECT corrective_action_id FROM corrective_action_deviation WHERE deviation_id = ANY($1)) ORDER BY a.reference`,
    [[...new Set(deviationIds)]],
  );
}

/** The actions a management review's decisions `decisionIds` created, by reference. */
export async function actionsOfDecisions(m: EntityManager, decisionIds: readonly string[]): Promise<ActionRow[]> {
  if (decisionIds.length === 0) return [];
  return m.query<ActionRow[]>(`${ACTION} WHERE a.review_decision_id = ANY($1) ORDER BY a.reference`, [[...new Set(decisionIds)]]);
}

/** Which deviations each of the actions `actionIds` answers. */
export async function deviationLinks(
  m: EntityManager,
  actionIds: readonly string[],
): Promise<{ correctiveActionId: string; deviationId: string }[]> {
  if (actionIds.length === 0) return [];
  return m.query<{ correctiveActionId: string; deviationId: string }[]>(
    `SELECT corrective_action_id AS "correctiveActionId", deviation_id AS "deviationId" FROM corrective_action_deviation WHERE corrective_action_id = ANY($1)`,
    [[...new Set(actionIds)]],
  );
}

export interface BoardReviewRow {
  correctiveActionId: string;
  decision: BoardDecision;
  comment: string;
  reviewerId: string;
  reviewedAt: Date;
  signatureId: string;
}

/** The board reviews of the actions `actionIds`, oldest first. */
export async function boardReviewsOf(m: EntityManager, actionIds: readonly string[]): Promise<BoardReviewRow[]> {
  if (actionIds.length === 0) return [];
  return m.query<BoardReviewRow[]>(
    `SELECT corrective_action_id AS "correctiveActionId", decision, comment, reviewer_id AS "reviewerId", reviewed_at AS "reviewedAt",
       signature_id AS "signatureId"
     FROM board_review WHERE corrective_action_id = ANY($1) ORDER BY reviewed_at, id`,
    [[...new Set(actionIds)]],
  );
}

export interface EffectivenessCheckRow {
  correctiveActionId: string;
  verdict: Verdict;
  occurredAt: Date;
  evidence: string | null;
  actorId: string | null;
  /** The closing signature, when the verdict closed the action. */
  signatureId: string | null;
}

/** The latest effectiveness check (transition with a verdict) of each of the actions `actionIds` that has one. */
export async function latestEffectivenessChecks(m: EntityManager, actionIds: readonly string[]): Promise<EffectivenessCheckRow[]> {
  if (actionIds.length === 0) return [];
  return m.query<EffectivenessCheckRow[]>(
    `SELECT DISTINCT ON (corrective_action_id) corrective_action_id AS "correctiveActionId", verdict, occurred_at AS "occurredAt", evidence,
       actor_id AS "actorId", signature_id AS "signatureId"
     FROM corrective_action_transition WHERE corrective_action_id = ANY($1) AND verdict IS NOT NULL ORDER BY corrective_action_id, seq DESC`,
    [[...new Set(actionIds)]],
  );
}

/** The actions linked to the deviation (cancelled ones included), by reference. */
export async function actionsOfDeviation(m: EntityManager, deviationId: string): Promise<ActionRow[]> {
  return m.query<ActionRow[]>(
    `${ACTION} WHERE a.id IN (SELECT corrective_action_id FROM corrective_action_deviation WHERE deviation_id = $1) ORDER BY a.reference`,
    [deviationId],
  );
}

/** A corrective action with what an auditor reads in a case file. */
export interface ActionCaseRow extends ActionRow {
  description: string;
  effectivenessCriterion: string;
  implementedAt: Date | null;
  /** The comment of its latest move to `cancelled`, when it was cancelled. */
  cancellationReason: string | null;
}

/** The actions `actionIds` with criterion and cancellation reason, by reference. */
export async function actionsForCaseFiles(m: EntityManager, actionIds: readonly string[]): Promise<ActionCaseRow[]> {
  if (actionIds.length === 0) return [];
  return m.query<ActionCaseRow[]>(
    `SELECT a.id, a.reference, a.type, a.state, a.due_date::text AS "dueDate", a.owner_id AS "ownerId", a.closed_at AS "closedAt",
       a.review_decision_id AS "reviewDecisionId", a.description, a.effectiveness_criterion AS "effectivenessCriterion",
       a.implemented_at AS "implementedAt",
       (SELECT t.comment FROM corrective_action_transition t WHERE t.corrective_action_id = a.id AND t.to_state = 'cancelled'
         ORDER BY t.seq DESC LIMIT 1) AS "cancellationReason"
     FROM corrective_action a WHERE a.id = ANY($1) ORDER BY a.reference`,
    [[...new Set(actionIds)]],
  );
}

/** The actions among `ids` that exist, by reference. */
export async function actionsByIds(m: EntityManager, ids: readonly string[]): Promise<ActionRow[]> {
  if (ids.length === 0) return [];
  return m.query<ActionRow[]>(`${ACTION} WHERE a.id = ANY($1) ORDER BY a.reference`, [ids]);
}

/** How many actions (not cancelled) answer each of the deviations `deviationIds`; deviations without any are left out. */
export async function actionCountsByDeviation(m: EntityManager, deviationIds: readonly string[]): Promise<Map<string, number>> {
  if (deviationIds.length === 0) return new Map();
  const rows = await m.query<{ deviationId: string; n: number }[]>(
    `SELECT l.deviation_id AS "deviationId", count(*)::int AS n FROM corrective_action_deviation l
     JOIN corrective_action a ON a.id = l.corrective_action_id WHERE l.deviation_id = ANY($1) AND a.state <> 'cancelled' GROUP BY l.deviation_id`,
    [[...new Set(deviationIds)]],
  );
  return new Map(rows.map((r) => [r.deviationId, r.n]));
}

/** The actions that come from `source` (optionally the one record `sourceId`), by reference. */
export async function actionsFromSource(m: EntityManager, source: ActionSource, sourceId?: string): Promise<ActionRow[]> {
  return m.query<ActionRow[]>(
    `${ACTION} WHERE a.source = $1 ${sourceId ? 'AND a.source_id = $2' : ''} ORDER BY a.reference`,
    sourceId ? [source, sourceId] : [source],
  );
}

/** Actions without a deviation (improvement and preventive) that are still open, by reference. */
export async function openActionsWithoutDeviation(m: EntityManager): Promise<ActionRow[]> {
  return m.query<ActionRow[]>(`${ACTION} WHERE a.source <> 'deviation' AND a.state NOT IN ('closed', 'cancelled') ORDER BY a.reference`);
}
