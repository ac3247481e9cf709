/**
 * Document control of controlled documents, as plain functions: the kinds of document, the states
 * a version passes through, which version is in force on a day, and who may take which action.
 *
 * A version is stored as `draft`, `in_review`, `approved`, `rejected` or `retired`. An approved
 * version becomes effective on its effective day, and is superseded on the effective day of the
 * next approved version: both follow from the days, so nothing needs to run at midnight for a
 * version approved ahead of its day to come into force.
 */
import type { Role } from '../common/roles.js';

export const DOCUMENT_KINDS = [
  'quality_policy',
  'scope',
  'process_map',
  'form',
  'consent_text',
  'participant_agreement',
  'handbook',
  'external',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const STORED_STATUSES = ['draft', 'in_review', 'approved', 'rejected', 'retired'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

/** What a version is on a day: `approved` is an approved version whose effective day is still to come. */
export const VERSION_STATES = ['draft', 'in_review', 'approved', 'effective', 'superseded', 'rejected', 'retired'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

/** Who may own a document: people who can act on it. */
export const OWNER_ROLES: Role[] = ['quality_manager', 'programme_leader', 'board_member'];

export interface VersionDates {
  id: string;
  number: number;
  status: StoredStatus;
  approvedAt: Date | null;
  effectiveOn: string | null;
}

/** The versions that had come into force by `today` (approved or since retired), in the order they did. */
function begun<V extends VersionDates>(versions: readonly V[], today: string): V[] {
  return versions
    .filter((v) => (v.status === 'approved' || v.status === 'retired') && v.effectiveOn !== null && v.effectiveOn <= today)
    .sort(
      (a, b) => a.effectiveOn!.localeCompare(b.effectiveOn!) || a.approvedAt!.getTime() - b.approvedAt!.getTime() || a.number - b.number,
    );
}

/** The version in force on `today`, or null (none approved yet, or the last one in force was retired). */
export function effectiveVersion<V extends VersionDates>(versions: readonly V[], today: string): V | null {
  const last = begun(versions, today).at(-1);
  return last && last.status === 'approved' ? last : null;
}

export interface VersionStanding {
  state: VersionState;
  /** The day the next version came into force, for a superseded version. */
  supersededOn: string | null;
}

/** What each version is on `today`, by id. */
export function versionStandings(versions: readonly VersionDates[], today: string): Map<string, VersionStanding> {
  const order = begun(versions, today);
  const out = new Map<string, VersionStanding>();
  for (const v of versions) {
    const at = order.indexOf(v);
    if (v.status !== 'approved') out.set(v.id, { state: v.status, supersededOn: null });
    else if (at < 0) out.set(v.id, { state: 'approved', supersededOn: null });
    else if (at === order.length - 1) out.set(v.id, { state: 'effective', supersededOn: null });
    else out.set(v.id, { state: 'superseded', supersededOn: order[at + 1].effectiveOn });
  }
  return out;
}

export type VersionAction = 'upload' | 'submit' | 'approve' | 'reject' | 'retire';

const ACTIONS_IN: Record<VersionState, VersionAction[]> = {
  draft: ['upload', 'submit'],
  in_review: ['approve', 'reject'],
  approved: [],
  effective: ['retire'],
  superseded: [],
  rejected: [],
  retired: [],
};

export function actionsIn(state: VersionState): VersionAction[] {
  return ACTIONS_IN[state];
}

export interface Caller {
  id: string | null;
  roles: readonly string[];
}

/**
 * The actions `caller` may take on a version in `state`: a quality manager or the document's
 * owner works on drafts; only a quality manager decides (approves, rejects, retires), and never
 * on a version they wrote any of (four eyes).
 */
export function allowedActionsFor(state: VersionState, caller: Caller, ownerId: string, writers: readonly string[]): VersionAction[] {
  const qm = caller.roles.includes('quality_manager');
  const owner = caller.id !== null && caller.id === ownerId && caller.roles.some((r) => (OWNER_ROLES as string[]).includes(r));
  return actionsIn(state).filter((a) => {
    if (a === 'upload' || a === 'submit') return qm || owner;
    if (!qm) return false;
    return !(a === 'approve' && caller.id !== null && writers.includes(caller.id));
  });
}

/** Whether the caller sees versions that are not (or not yet) approved: quality managers, auditors and the owner. */
export function seesDrafts(caller: Caller, ownerId: string): boolean {
  return caller.roles.includes('quality_manager') || caller.roles.includes('auditor') || caller.id === ownerId;
}

/** `day` plus `months` calendar months, on the last day of the month where the day does not exist (31 January + 1 = 28/29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
