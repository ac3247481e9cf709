/**
 * The life of a deviation (ISO 9001 8.7 / 10.2), as one table: recorded, analysed for root
 * cause, an action plan agreed, corrective actions carried out, closed with a signature.
 * Unfounded ones are cancelled early; a closed one can be reopened by a quality manager.
 */
export const DEVIATION_STATES = ['open', 'analysis', 'action_plan', 'in_progress', 'closed', 'cancelled'] as const;
export type DeviationState = (typeof DEVIATION_STATES)[number];

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const DEVIATION_SOURCES = ['manual', 'internal_audit', 'external_audit', 'participant_feedback', 'system'] as const;
export type DeviationSource = (typeof DEVIATION_SOURCES)[number];
/** Sources a person may give; `system` is reserved for automatic detection. */
export const MANUAL_SOURCES = DEVIATION_SOURCES.filter((s): s is Exclude<DeviationSource, 'system'> => s !== 'system');

export type DeviationGuard = 'root_cause' | 'action_or_justification' | 'actions_closed' | 'signature' | 'reason';

export interface DeviationTransitionRule {
  from: DeviationState;
  to: DeviationState;
  /** What must be true or given for the transition. */
  guards: DeviationGuard[];
}

export const DEVIATION_TRANSITIONS: readonly DeviationTransitionRule[] = [
  { from: 'open', to: 'analysis', guards: [] },
  { from: 'analysis', to: 'action_plan', guards: ['root_cause'] },
  { from: 'action_plan', to: 'in_progress', guards: ['action_or_justification'] },
  { from: 'in_progress', to: 'closed', guards: ['actions_closed', 'signature'] },
  { from: 'open', to: 'cancelled', guards: ['reason'] },
  { from: 'analysis', to: 'cancelled', guards: ['reason'] },
  { from: 'closed', to: 'in_progress', guards: ['reason'] },
];

export function deviationTransition(from: DeviationState, to: DeviationState): DeviationTransitionRule | undefined {
  return DEVIATION_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function allowedDeviationTargets(from: DeviationState): DeviationState[] {
  return DEVIATION_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/** Who asks: their id and roles. */
export interface Caller {
  id: string | null;
  roles: readonly string[];
}

/** The states `caller` may move a deviation to: only quality managers take deviation transitions. */
export function allowedDeviationTargetsFor(from: DeviationState, caller: Caller): DeviationState[] {
  return caller.roles.includes('quality_manager') ? allowedDeviationTargets(from) : [];
}

/** Days from detection to the target date, when none is given. */
export const DEFAULT_TARGET_DAYS: Record<Severity, number> = { critical: 14, major: 30, minor: 60 };

export function isDeviationOpen(state: DeviationState): boolean {
  return state !== 'closed' && state !== 'cancelled';
}
