import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type RecurringActivities = Schemas['RecurringActivitiesResponse'];
export type RecurringActivity = Schemas['RecurringActivityResponse'];
export type Occurrence = Schemas['OccurrenceResponse'];
export type CadenceGap = Schemas['CadenceGapResponse'];
export type SessionAttendance = Schemas['SessionAttendanceResponse'];
export type Attendee = Schemas['AttendeeResponse'];
export type PersonAttendance = Schemas['PersonAttendanceResponse'];

/** The subject of a timeline in the URL: a participant's or pair's id, or `cohort`. */
export const COHORT = 'cohort';

export const recurringKeys = {
  all: (programmeId: string) => ['programmes', programmeId, 'recurring'] as const,
  subject: (programmeId: string, subject: string) => ['programmes', programmeId, 'recurring', subject] as const,
  person: (programmeId: string, participantId: string) => ['programmes', programmeId, 'recurring', 'person', participantId] as const,
  session: (executionId: string) => ['executions', executionId, 'attendance'] as const,
};

export function useRecurringActivities(programmeId: string, subject: string) {
  return useQuery({
    queryKey: recurringKeys.subject(programmeId, subject),
    // Fresh on every visit: an occurrence recorded on the execution page changes the timeline.
    staleTime: 0,
    enabled: !!programmeId && !!subject,
    queryFn: () =>
      call(
        api.GET('/api/programmes/{id}/recurring-activities', {
          params: { path: { id: programmeId }, query: subject === COHORT ? {} : { subjectId: subject } },
        }),
      ),
  });
}

export function useSessionAttendance(executionId: string) {
  return useQuery({
    queryKey: recurringKeys.session(executionId),
    enabled: !!executionId,
    queryFn: () => call(api.GET('/api/executions/{id}/attendance', { params: { path: { id: executionId } } })),
  });
}

export function usePersonAttendance(programmeId: string, participantId: string) {
  return useQuery({
    queryKey: recurringKeys.person(programmeId, participantId),
    enabled: !!programmeId && !!participantId,
    queryFn: () =>
      call(
        api.GET('/api/programmes/{id}/participants/{participantId}/attendance', {
          params: { path: { id: programmeId, participantId } },
        }),
      ),
  });
}
