/**
 * The life of a corrective action, as one table. The owner carries it out; someone else
 * checks whether it worked (a verdict with evidence); closing is signed.
 */
export const ACTION_STATES = ['planned', 'in_progress', 'implemented', 'effectiveness_check', 'closed', 'cancelled'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export const ACTION_TYPES = ['correction', 'corrective', 'preventive', 'improvement'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/**
 * Where an action comes from (ISO 9001 10.3): the deviations it answers, or, for an action
 * without a deviation, a management review, a risk or opportunity, an internal audit finding, a
 * quality objective, or something else named in words.
 */
export const ACTION_SOURCES = ['deviation', 'management_review', 'risk', 'internal_audit', 'objective', 'other'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];
/** The sources an action without a deviation may name. */
export const IMPROVEMENT_SOURCES = ['management_review', 'risk', 'internal_audit', 'objective', 'other'] as const;
export type ImprovementSource = (typeof IMPROVEMENT_SOURCES)[number];
/** The types of an action planned without a deviation. */
export const IMPROVEMENT_TYPES = ['improvement', 'preventive'] as const;
export type ImprovementType = (typeof IMPROVEMENT_TYPES)[number];

export const VERDICTS = ['effective', 'not_effective'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const BOARD_DECISIONS = ['endorsed', 'changes_requested', 'escalated'] as const;
export type BoardDecision = (typeof BOARD_DECISIONS)[number];

/** Who may take a transition: the owner (or a quality manager), or someone other than the owner. */
export type Actor = 'owner_or_quality_manager' | 'quality_manager' | 'not_owner';

export interface ActionTransitionRule {
  from: ActionState;
  to: ActionState;
  by: Actor;
  /** The verdict the transition carries, if it is an effectiveness verdict. */
  verdict?: Verdict;
  needsEvidence?: boolean;
  needsSignature?: boolean;
  needsReason?: boolean;
}

export const ACTION_TRANSITIONS: readonly ActionTransitionRule[] = [
  { from: 'planned', to: 'in_progress', by: 'owner_or_quality_manager' },
  { from: 'in_progress', to: 'implemented', by: 'owner_or_quality_manager' },
  { from: 'implemented', to: 'effectiveness_check', by: 'owner_or_quality_manager' },
  { from: 'effectiveness_check', to: 'closed', by: 'not_owner', verdict: 'effective', needsEvidence: true, needsSignature: true },
  { from: 'effectiveness_check', to: 'in_progress', by: 'not_owner', verdict: 'not_effective', needsEvidence: true },
  { from: 'planned', to: 'cancelled', by: 'quality_manager', needsReason: true },
  { from: 'in_progress', to: 'cancelled', by: 'quality_manager', needsReason: true },
  { from: 'implemented', to: 'cancelled', by: 'quality_manager', needsReason: true },
];

export function actionTransition(from: ActionState, to: ActionState): ActionTransitionRule | undefined {
  return ACTION_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function allowedActionTargets(from: ActionState): ActionState[] {
  return ACTION_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/**
 * The states `caller` may move an action in state `from` to: the owner's steps by the owner (a
 * quality manager or programme leader) or a quality manager, cancelling by a quality manager, the
 * effectiveness verdict by a quality manager who is not the owner.
 */
export function allowedActionTargetsFor(
  from: ActionState,
  caller: { id: string | null; roles: readonly string[] },
  ownerId: string,
): ActionState[] {
  const isQm = caller.roles.includes('quality_manager');
  const isOwner = caller.id !== null && caller.id === ownerId;
  if (!isQm && !caller.roles.includes('programme_leader')) return [];
  return ACTION_TRANSITIONS.filter((t) => t.from === from)
    .filter((t) => (t.by === 'owner_or_quality_manager' ? isQm || isOwner : t.by === 'quality_manager' ? isQm : isQm && !isOwner))
    .map((t) => t.to);
}

/** Overdue: the due date has passed and the action is not yet implemented (or further). */
export function isOverdue(state: ActionState, dueDate: string, today: string): boolean {
  return (state === 'planned' || state === 'in_progress') && today > dueDate;
}
