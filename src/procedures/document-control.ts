/**
 * The life of a procedure version, as one table. A version is written as a `draft`, submitted
 * for review, and either approved (becoming `effective`, which supersedes the version in force)
 * or `rejected`. An effective version is later `superseded` by the next approval or `retired`.
 * Nothing returns to draft: further work happens in the next version.
 */
export const VERSION_STATUSES = ['draft', 'in_review', 'effective', 'superseded', 'rejected', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export type VersionAction = 'submit' | 'approve' | 'reject' | 'retire' | 'supersede';

export const VERSION_TRANSITIONS: Record<VersionAction, { from: readonly VersionStatus[]; to: VersionStatus }> = {
  submit: { from: ['draft'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'effective' },
  reject: { from: ['in_review'], to: 'rejected' },
  retire: { from: ['effective'], to: 'retired' },
  supersede: { from: ['effective'], to: 'superseded' },
};

export function canApply(action: VersionAction, status: VersionStatus): boolean {
  return VERSION_TRANSITIONS[action].from.includes(status);
}

/** Actions a user can take on a version in this status (supersede happens only through approval). */
export function allowedActions(status: VersionStatus): VersionAction[] {
  return (Object.keys(VERSION_TRANSITIONS) as VersionAction[]).filter((a) => a !== 'supersede' && canApply(a, status));
}

/**
 * The actions `caller` may take on a version in this status: only quality managers take any;
 * submission and approval need someone named as having written the content (`writers`: author and
 * contributors), and nobody approves a version they wrote (four eyes).
 */
export function allowedActionsFor(status: VersionStatus, caller: { id: string | null; roles: readonly string[] }, writers: readonly string[]): VersionAction[] {
  if (!caller.roles.includes('quality_manager')) return [];
  return allowedActions(status).filter((a) => {
    if ((a === 'submit' || a === 'approve') && writers.length === 0) return false;
    return !(a === 'approve' && caller.id !== null && writers.includes(caller.id));
  });
}

/** Statuses in which a version still awaits a decision; at most one per procedure. */
export const OPEN_STATUSES: readonly VersionStatus[] = ['draft', 'in_review'];
