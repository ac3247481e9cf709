/**
 * When a planned survey is sent: a day counted from a moment of the programme (its start, its
 * mid-point, its end, or the completion of a named procedure) plus an offset. Pure.
 */
import { addDays, midpoint } from '../common/calendar.js';

export const SURVEY_MOMENTS = ['programme_start', 'programme_midpoint', 'programme_end', 'procedure_completed'] as const;
export type SurveyMoment = (typeof SURVEY_MOMENTS)[number];

export const DELIVERIES = ['mail', 'handout'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const INVITATION_STATES = ['open', 'answered', 'declined', 'expired'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export const DEFAULT_EXPIRY_DAYS = 30;

/** The day a plan entry sends, or null while its moment has not happened (no completion yet). */
export function sendDay(
  entry: { moment: SurveyMoment; offsetDays: number },
  programme: { startDate: string; endDate: string },
  completedOn: string | null,
): string | null {
  switch (entry.moment) {
    case 'programme_start':
      return addDays(programme.startDate, entry.offsetDays);
    case 'programme_midpoint':
      return addDays(midpoint(programme.startDate, programme.endDate), entry.offsetDays);
    case 'programme_end':
      return addDays(programme.endDate, entry.offsetDays);
    case 'procedure_completed':
      return completedOn === null ? null : addDays(completedOn, entry.offsetDays);
  }
}

export function invitationState(i: { expiresOn: string; response: 'answered' | 'declined' | null }, today: string): InvitationState {
  if (i.response) return i.response;
  return today > i.expiresOn ? 'expired' : 'open';
}
