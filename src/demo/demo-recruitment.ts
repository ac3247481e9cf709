/**
 * The year's recruitment as the programme leaders recorded it, with the procedures that came with
 * the whole programme year: the information meeting before the intake, each adept's expression of
 * interest, and each mentor's vetting before being matched. Minimal records, each conforming.
 */
import { addDays } from '../common/calendar.js';
import { perform } from './demo-context.js';
import type { Demo } from './demo-context.js';
import type { DemoAdept, DemoMentor } from './demo-people.js';

/** The information meeting: in the window (programme start - 150 .. - 30), before the first intake interview (2025-10-20). */
const INFORMATION_MEETING = '2025-10-08';
/** The last day an expression of interest is in its window (programme start - 20). */
const LAST_INTEREST_DAY = '2025-12-19';

const CHANNELS = ['information_meeting', 'employment_service', 'municipality', 'word_of_mouth', 'social_media'] as const;

export async function informationMeeting(d: Demo, programmeId: string): Promise<string> {
  const { cal, team } = d;
  return perform(d, team.leader, programmeId, 'information-meeting', { cohort: true }, [
    {
      key: 'meeting',
      at: cal.at(INFORMATION_MEETING, '18:00'),
      values: {
        meeting_date: cal.day(INFORMATION_MEETING),
        attendees: 34,
        material: ['programme_leaflet', 'application_form', 'privacy_notice'],
      },
    },
    {
      key: 'reflection',
      at: cal.at(INFORMATION_MEETING, '20:30'),
      values: { questions: 'Many asked whether a licence application can run during the programme; add it to the leaflet.' },
    },
  ]);
}

/** Two weeks before the intake interview (no later than the window allows), recorded once the adept is registered. */
export async function expressionOfInterest(d: Demo, programmeId: string, participantId: string, a: DemoAdept, i: number): Promise<string> {
  const { cal } = d;
  const interest = addDays(a.intake, -14) < LAST_INTEREST_DAY ? addDays(a.intake, -14) : LAST_INTEREST_DAY;
  return perform(d, d.team[a.leader], programmeId, 'expression-of-interest', { participantId }, [
    {
      key: 'registration',
      at: cal.at(interest, '10:00'),
      values: {
        application_consent: true,
        heard_via: CHANNELS[i % CHANNELS.length],
        profession: a.profession,
        documents: ['cv', 'degree_certificate', 'residence_permit', ...(i % 3 === 0 ? ['language_certificate'] : [])],
      },
    },
  ]);
}

/** Interview and agreement on the day the mentor joins, the training before the mentor search, then the decision. */
export async function mentorVetting(
  d: Demo,
  programmeId: string,
  mentorId: string,
  m: DemoMentor,
  joined: string,
  trained: string,
  i: number,
) {
  const { cal, team } = d;
  return perform(d, team.leader, programmeId, 'mentor-vetting', { participantId: mentorId }, [
    {
      key: 'interview',
      at: cal.at(joined, '13:00'),
      values: {
        motivation: 'Wants to give a newcomer in the profession the network and the guidance the mentor once had.',
        profession: `${m.profession} at a ${m.workplace}`,
        years_in_profession: 6 + (i % 15),
        profession_match: true,
      },
    },
    { key: 'agreement', at: cal.at(joined, '13:45'), values: { agreement_signed: true } },
    {
      key: 'training',
      at: cal.at(trained, '18:00'),
      values: { training_parts: ['mentor_role', 'confidentiality', 'intercultural', 'labour_market'] },
    },
    { key: 'decision', at: cal.at(trained, '18:30'), values: { decision: 'approved' } },
  ]);
}
