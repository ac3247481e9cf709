/**
 * What a corrective action must plausibly be before it is accepted: pure rules, no I/O. A due date
 * already past when the action is planned, or years away, an owner who cannot carry it out, and an
 * effectiveness verdict given before there was time to see an effect cannot be right; they are
 * refused (422) naming the field, and nothing is written.
 */
import { hasAnyRole } from '../common/roles.js';
import type { Role } from '../common/roles.js';
import { addDays } from '../common/calendar.js';
import { unprocessable } from '../common/problem.js';

/** The roles that may move an action (the transition route's policy): an owner needs one of them. */
export const ACTION_OWNER_ROLES: readonly Role[] = ['quality_manager', 'programme_leader'];

/** Further than this from the day it is planned, a due date is a typing error, not a plan. */
export const MAX_DUE_DAYS_AHEAD = 730;

/** Days after implementation before effectiveness can be judged, when planning does not say. */
export const DEFAULT_EFFECTIVENESS_CHECK_AFTER_DAYS = 30;
export const MAX_EFFECTIVENESS_CHECK_AFTER_DAYS = 730;

export function checkDueDatePlausible(dueDate: string, today: string, field = 'dueDate'): void {
  if (dueDate < today)
    throw unprocessable(
      'due_in_past',
      `The due date ${dueDate} has already passed (today is ${today}); an action is planned for a day to come`,
      {
        errors: [{ field, message: `must be today (${today}) or later` }],
      },
    );
  const latest = addDays(today, MAX_DUE_DAYS_AHEAD);
  if (dueDate > latest)
    throw unprocessable('due_too_far', `The due date ${dueDate} is more than two years away; plan a nearer date and review it`, {
      errors: [{ field, message: `must be no later than ${latest} (two years from today)` }],
    });
}

/** The owner carries the action out: an active user whose roles allow moving it. */
export function checkOwnerCanAct(owner: { active: boolean; roles: string[] } | undefined, field = 'ownerId'): void {
  if (!owner)
    throw unprocessable('unknown_owner', 'The owner is not a user of the service', {
      errors: [{ field, message: 'must be an active user' }],
    });
  if (!owner.active)
    throw unprocessable('unknown_owner', 'The owner named is deactivated and cannot carry out the action', {
      errors: [{ field, message: 'must be an active user (this one is deactivated)' }],
    });
  if (!hasAnyRole(owner.roles, ACTION_OWNER_ROLES))
    throw unprocessable(
      'owner_cannot_act',
      `The owner named has only read-only roles (${owner.roles.join(', ') || 'none'}) and cannot carry out a corrective action; choose a quality manager or a programme leader`,
      { errors: [{ field, message: 'must be a quality manager or a programme leader' }] },
    );
}

/** The first day the effectiveness of an action implemented on `implementedOn` can be judged. */
export function effectivenessCheckFrom(implementedOn: string, afterDays: number | null): string {
  return addDays(implementedOn, afterDays ?? 0);
}

export function checkVerdictNotEarly(reference: string, implementedOn: string, afterDays: number | null, today: string): void {
  const from = effectivenessCheckFrom(implementedOn, afterDays);
  if (today < from)
    throw unprocessable(
      'effectiveness_too_early',
      `The effectiveness of ${reference} can be judged from ${from}, ${afterDays} days after it was implemented on ${implementedOn}, as planned`,
      { errors: [{ field: 'verdict', message: `can be given from ${from}` }], checkFrom: from },
    );
}
