import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type SurveyForm = Schemas['SurveyFormResponse'];
export type FormQuestion = Schemas['SurveyFormQuestionResponse'];
export type SurveySummary = Schemas['SurveySummaryResponse'];
export type Survey = Schemas['SurveyResponse'];
export type SurveyVersion = Schemas['SurveyVersionResponse'];
export type SurveyQuestion = Schemas['SurveyQuestionResponse'];
export type PlanEntry = Schemas['SurveyPlanEntryResponse'];
export type Invitation = Schemas['SurveyInvitationResponse'];
export type Handout = Schemas['SurveyHandoutResponse'];
export type Results = Schemas['SurveyResultsResponse'];
export type QuestionResult = Schemas['QuestionResultResponse'];
export type ResponseRate = Schemas['ResponseRateResponse'];
export type TextAnswer = Schemas['TextAnswerResponse'];
export type Audience = SurveySummary['audience'];
export type Moment = PlanEntry['moment'];
/** A count of people as the service shows it: under 5 hidden as "<5" (or ">=5" where it would give one away). */
export type Count = ResponseRate['invited'];

export const AUDIENCES: readonly Audience[] = ['adept', 'mentor', 'host'];
export const MOMENTS: readonly Moment[] = ['programme_start', 'programme_midpoint', 'programme_end', 'procedure_completed'];

export const surveyKeys = {
  all: ['surveys'] as const,
  list: () => ['surveys', 'list'] as const,
  one: (id: string) => ['surveys', id] as const,
  results: (id: string, programmeId: string | undefined) => ['surveys', id, 'results', programmeId ?? 'all'] as const,
  plan: (programmeId: string) => ['surveys', 'plan', programmeId] as const,
  invitations: (programmeId: string) => ['surveys', 'invitations', programmeId] as const,
  texts: (state: 'pending' | 'reviewed') => ['surveys', 'texts', state] as const,
};

export function useSurveys() {
  return useQuery({ queryKey: surveyKeys.list(), queryFn: () => call(api.GET('/api/surveys')) });
}

export function useSurvey(id: string) {
  return useQuery({
    queryKey: surveyKeys.one(id),
    queryFn: () => call(api.GET('/api/surveys/{id}', { params: { path: { id } } })),
  });
}

export function useResults(id: string, programmeId: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.results(id, programmeId),
    queryFn: () => call(api.GET('/api/surveys/{id}/results', { params: { path: { id }, query: { programmeId } } })),
  });
}

export function useSurveyPlan(programmeId: string) {
  return useQuery({
    queryKey: surveyKeys.plan(programmeId),
    queryFn: () => call(api.GET('/api/programmes/{id}/survey-plan', { params: { path: { id: programmeId } } })),
  });
}

export function useInvitations(programmeId: string) {
  return useQuery({
    queryKey: surveyKeys.invitations(programmeId),
    queryFn: () => call(api.GET('/api/programmes/{id}/survey-invitations', { params: { path: { id: programmeId } } })),
  });
}

export function useTextAnswers(state: 'pending' | 'reviewed', enabled = true) {
  return useQuery({
    queryKey: surveyKeys.texts(state),
    enabled,
    queryFn: () => call(api.GET('/api/survey-text-answers', { params: { query: { state } } })),
  });
}
