/**
 * How an internship ended, and the state a placement is in on a given day. Pure; published for
 * the console and other modules' tallies.
 */
export const INTERNSHIP_OUTCOMES = ['completed', 'ended_early', 'employed', 'other'] as const;
export type InternshipOutcome = (typeof INTERNSHIP_OUTCOMES)[number];

/** How a revision changed the placement. */
export const INTERNSHIP_CHANGES = ['placed', 'revised', 'outcome_recorded', 'corrected'] as const;
export type InternshipChange = (typeof INTERNSHIP_CHANGES)[number];

/**
 * planned: starts later; ongoing: between its start and end; awaiting_outcome: its end has passed
 * and nobody has recorded how it ended; ended: its outcome is recorded.
 */
export const INTERNSHIP_STATES = ['planned', 'ongoing', 'awaiting_outcome', 'ended'] as const;
export type InternshipState = (typeof INTERNSHIP_STATES)[number];

/** What a revision of a placement says of it. */
export interface InternshipContent {
  supervisorName: string;
  supervisorRole: string;
  supervisorEmail: string | null;
  startDate: string;
  endDate: string;
  hoursPerWeek: number | null;
  outcome: InternshipOutcome | null;
  outcomeNote: string | null;
  endedOn: string | null;
}

export const INTERNSHIP_FIELDS = [
  'supervisorName',
  'supervisorRole',
  'supervisorEmail',
  'startDate',
  'endDate',
  'hoursPerWeek',
  'outcome',
  'outcomeNote',
  'endedOn',
] as const;

/** Fields that say something of a person (the supervisor, or the adept in the note): kept in the audit trail as keyed hashes. */
export const INTERNSHIP_PERSONAL_FIELDS: readonly string[] = ['supervisorName', 'supervisorEmail', 'outcomeNote'];

/** The most an internship may run past the end of its programme, in days. */
export const MAX_DAYS_AFTER_PROGRAMME = 365;

export function internshipState(c: Pick<InternshipContent, 'startDate' | 'endDate' | 'outcome'>, today: string): InternshipState {
  if (c.outcome !== null) return 'ended';
  if (today < c.startDate) return 'planned';
  if (today <= c.endDate) return 'ongoing';
  return 'awaiting_outcome';
}

export function changedInternshipFields(before: InternshipContent, after: InternshipContent): (typeof INTERNSHIP_FIELDS)[number][] {
  return INTERNSHIP_FIELDS.filter((f) => before[f] !== after[f]);
}
