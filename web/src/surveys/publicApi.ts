/**
 * The recipient's side of a survey link: no session, the link's token is the only key. A link the
 * service refuses is said by what happened to it (used, expired, unknown), not by a problem code.
 */
import { ApiError, NetworkError, api, call } from '../api/client';
import type { SurveyForm } from './queries';

export const publicKeys = {
  form: (token: string) => ['survey-link', token] as const,
};

/** The survey in the invitation's language (the service gives its texts in that language only). */
export function readSurveyForm(token: string): Promise<SurveyForm> {
  return call(api.GET('/api/survey-invitations/{token}', { params: { path: { token } } }));
}

export function submitSurvey(token: string, answers: Record<string, unknown>) {
  return call(api.POST('/api/survey-invitations/{token}/answers', { params: { path: { token } }, body: { answers } }));
}

export function declineSurvey(token: string) {
  return call(api.POST('/api/survey-invitations/{token}/decline', { params: { path: { token } } }));
}

export type LinkRefusal = 'used' | 'expired' | 'unknown' | 'network' | 'other';

/** Why a link opens nothing, in the words its page uses. */
export function linkRefusal(error: unknown): LinkRefusal {
  if (error instanceof NetworkError) return 'network';
  if (!(error instanceof ApiError)) return 'other';
  if (error.code === 'survey_link_used') return 'used';
  if (error.code === 'survey_link_expired') return 'expired';
  if (error.status === 404) return 'unknown';
  return 'other';
}
