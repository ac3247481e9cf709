/** The kinds a participant's fields take, for DTOs, entities and other modules' tallies alike. */
export const PARTICIPANT_ROLES = ['adept', 'mentor'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];
export const PARTICIPANT_STATUSES = ['active', 'withdrawn', 'completed'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
