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

/** Statuses in which a version still awaits a decision; at most one per procedure. */
export const OPEN_STATUSES: readonly VersionStatus[] = ['draft', 'in_review'];
