/** The kinds a participant's fields take, for DTOs, entities and other modules' tallies alike. */
export const PARTICIPANT_ROLES = ['adept', 'mentor'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];
/**
 * `applicant` (an expression of interest, not enrolled), `waiting_list` and `not_admitted` (the
 * intake decision) come before enrolment; `active`, `withdrawn` and `completed` are enrolled.
 */
export const PARTICIPANT_STATUSES = ['applicant', 'waiting_list', 'not_admitted', 'active', 'withdrawn', 'completed'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
/** Statuses of someone enrolled (they have an enrolment day and consent to enrolment). */
export const ENROLLED_STATUSES: readonly ParticipantStatus[] = ['active', 'withdrawn', 'completed'];
/** Why someone left early. Leaving for a job or studies is an outcome of the programme, not a failure. */
export const LEAVING_OUTCOMES = ['left_for_work', 'left_for_studies', 'personal_reasons', 'other'] as const;
export type LeavingOutcome = (typeof LEAVING_OUTCOMES)[number];
/** Where someone stands on completing the programme. */
export const COMPLETION_OUTCOMES = ['employed_in_profession', 'employed_other', 'studying', 'seeking_work', 'other'] as const;
export type CompletionOutcome = (typeof COMPLETION_OUTCOMES)[number];
export type ParticipantOutcome = LeavingOutcome | CompletionOutcome;
/** Outcomes counted with the successes: in work or studies, whether on leaving early or on completing. */
export const SUCCESS_OUTCOMES: readonly ParticipantOutcome[] = [
  'left_for_work',
  'left_for_studies',
  'employed_in_profession',
  'employed_other',
  'studying',
];
