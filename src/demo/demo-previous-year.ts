/**
 * The year before: a smaller programme of 2025, entered from its records as the current one is,
 * and closed at its end. Its procedures are recorded minimally (the internship part was kept on
 * paper that year). After the close the programme leader calls the adepts for the outcome
 * follow-up six months on: four are reached in the window, one call is still owed (overdue in the
 * matrix); the twelve-month follow-up comes next. One adept left early for a job in May and is
 * followed up too.
 */
import { addDays, daysBetween } from '../common/calendar.js';
import { perform } from './demo-context.js';
import type { Demo } from './demo-context.js';
import { DEMO_TIME_ZONE } from './demo-calendar.js';
import { MODULES } from './demo-people.js';
import type { DemoAdept, DemoMentor } from './demo-people.js';
import { recordMeeting, recordSeminar } from './demo-meetings.js';
import { expressionOfInterest, mentorVetting } from './demo-recruitment.js';
import { demoProgrammeName } from './demo-setup.js';
import type { CompletionOutcome } from '../programmes/participant-kinds.js';

export const PREVIOUS_START = '2025-01-13';
export const PREVIOUS_END = '2025-12-19';
const INTRODUCTION_DAY = PREVIOUS_START;

/** The seminar series of that year: eight sessions, the planned number, at most eight weeks apart. */
const PREVIOUS_SEMINARS: { day: string; theme: string; duration: number; facilitator?: string }[] = [
  { day: '2025-02-10', theme: 'The Swedish labour market and how recruitment works', duration: 180 },
  { day: '2025-03-24', theme: 'CV, cover letter and professional profile in Swedish', duration: 150 },
  {
    day: '2025-05-05',
    theme: 'Recognition of foreign degrees and professional licences',
    duration: 120,
    facilitator: 'Guest speaker, the Swedish Council for Higher Education',
  },
  { day: '2025-06-16', theme: 'Workplace culture: meetings, consensus and fika', duration: 150 },
  {
    day: '2025-08-11',
    theme: 'Employment law, collective agreements and trade unions',
    duration: 120,
    facilitator: 'Guest speaker, a trade union ombudsman',
  },
  { day: '2025-09-22', theme: 'Interview practice with recruiters', duration: 180, facilitator: 'Guest speakers, two recruiters' },
  { day: '2025-11-03', theme: 'Networking and the hidden job market', duration: 150 },
  { day: '2025-12-08', theme: 'Looking back and the way on: the year in the programme', duration: 120 },
];
const MID_POINT_DAY = '2025-06-16';
const FINAL_DAY = '2025-12-01';
/** In the six-month window (end + 152 .. end + 213). */
const SIX_MONTH_DAYS = ['2026-05-25', '2026-05-27', '2026-06-01', '2026-06-03'];

const SE = 'Sweden';
const mentor = (name: string, gender: DemoMentor['gender'], profession: string, workplace: string): DemoMentor => ({
  name,
  gender,
  profession,
  workplace,
  country: SE,
});

interface PreviousAdept extends DemoAdept {
  completion?: CompletionOutcome;
  /** What the six-month follow-up finds; absent: the call is still owed. */
  sixMonths?: { situation: 'employed_own_profession' | 'employed_other_field' | 'studying' | 'seeking_work'; since?: string };
}

const PREVIOUS: PreviousAdept[] = [
  {
    name: 'Dawit Bekele',
    gender: 'male',
    country: 'Ethiopia',
    profession: 'Civil engineer',
    degree: 'BSc in civil engineering, Addis Ababa University, 2012',
    years: 9,
    goal: 'Site engineer at a construction company',
    swedish: 'b1',
    english: 'c1',
    intake: '2024-11-04',
    leader: 'leader',
    mentor: mentor('Nils Hägg', 'male', 'Civil engineer', 'construction company'),
    completion: 'employed_in_profession',
    sixMonths: { situation: 'employed_own_profession', since: '2025-11-03' },
  },
  {
    name: 'Lina Haddad',
    gender: 'female',
    country: 'Syria',
    profession: 'Pharmacist',
    degree: 'BPharm, University of Aleppo, 2011',
    years: 10,
    goal: 'Licensed pharmacist at a hospital pharmacy',
    swedish: 'b2',
    english: 'b2',
    intake: '2024-11-06',
    leader: 'leader',
    mentor: mentor('Ulla Roos', 'female', 'Pharmacist', 'hospital pharmacy'),
    completion: 'studying',
    sixMonths: { situation: 'studying', since: '2026-01-19' },
  },
  {
    name: 'Oksana Melnyk',
    gender: 'female',
    country: 'Ukraine',
    profession: 'Accountant',
    degree: 'MSc in accounting, Kyiv National Economic University, 2010',
    years: 12,
    goal: 'Accountant at a municipality',
    swedish: 'b1',
    english: 'b2',
    intake: '2024-11-11',
    leader: 'leader',
    mentor: mentor('Göran Ek', 'male', 'Accountant', 'municipal finance office'),
    completion: 'seeking_work',
    sixMonths: { situation: 'employed_other_field', since: '2026-03-02' },
  },
  {
    name: 'Rahul Mehta',
    gender: 'male',
    country: 'India',
    profession: 'Software developer',
    degree: 'BTech in computer science, Pune, 2014',
    years: 8,
    goal: 'Developer at a product company',
    swedish: 'a2',
    english: 'c1',
    intake: '2024-11-13',
    leader: 'leader',
    mentor: mentor('Tove Lind', 'female', 'Software developer', 'fintech company'),
    withdrawn: {
      day: '2025-05-05',
      reason: 'Started as a developer at a product company and left the programme',
      outcome: 'left_for_work',
    },
    sixMonths: { situation: 'employed_own_profession', since: '2025-05-05' },
  },
  {
    name: 'Amal Yusuf',
    gender: 'female',
    country: 'Somalia',
    profession: 'Registered nurse',
    degree: 'BSc in nursing, Benadir University, 2015',
    years: 6,
    goal: 'Registered nurse in elderly care',
    swedish: 'b1',
    english: 'b1',
    intake: '2024-11-18',
    leader: 'leader',
    mentor: mentor('Kerstin Moberg', 'female', 'Registered nurse', 'municipal elderly care'),
    completion: 'seeking_work',
  },
];

export interface PreviousYear {
  programmeId: string;
  name: string;
  startDate: string;
  endDate: string;
  adepts: number;
  /** Mentor meetings recorded over the year, and seminars held (all planned). */
  meetings: number;
  seminars: number;
  /** Six-month follow-ups recorded, and owed. */
  followedUp: number;
  owed: number;
}

export async function runPreviousYear(d: Demo): Promise<PreviousYear> {
  const { s, cal, team } = d;
  const sara = team.leader;
  // Sara's first certificates (2022), renewed in September 2025: the interviews of 2024 were held in their validity.
  for (const [k, module] of [MODULES.intake, MODULES.matching, MODULES.followUp].entries()) {
    await s.training.add(team.quality.ctx, sara.id, {
      module,
      completedAt: cal.day(addDays('2022-09-12', k)),
      validUntil: cal.day(addDays('2025-09-11', k)),
      evidence: 'Course certificate (2022), staff file S. Nilsson',
    });
  }
  const name = demoProgrammeName(cal.year(PREVIOUS_START));
  const { id: programmeId } = await s.programmes.create(team.quality.ctx, {
    name,
    description: 'The programme year before: adepts with a university degree from abroad, each matched with a mentor of the profession.',
    targetGroup: 'Immigrant job-seekers with an academic background and a residence permit that allows work',
    startDate: cal.day(PREVIOUS_START),
    endDate: cal.day(PREVIOUS_END),
    leaderIds: [sara.id],
    timeZone: DEMO_TIME_ZONE,
  });
  await s.programmes.activate(team.quality.ctx, programmeId);
  await perform(d, sara, programmeId, 'information-meeting', { cohort: true }, [
    {
      key: 'meeting',
      at: cal.at('2024-10-09', '18:00'),
      values: { meeting_date: cal.day('2024-10-09'), attendees: 19, material: ['programme_leaflet', 'application_form', 'privacy_notice'] },
    },
  ]);

  const people: { a: PreviousAdept; id: string; pairId: string; mentorId: string; matched: string }[] = [];
  for (const [i, a] of PREVIOUS.entries()) {
    const day = a.intake;
    const p = await s.participants.add(sara.ctx, programmeId, {
      role: 'adept',
      fullName: a.name,
      gender: a.gender,
      profession: a.profession,
      countryOfOrigin: a.country,
      enrolledAt: cal.day(day),
      consentRecordedAt: cal.day(day),
    });
    await expressionOfInterest(d, programmeId, p.id, a, i);
    await perform(d, sara, programmeId, 'intake-interview', { participantId: p.id }, [
      { key: 'preparation', values: { application_reviewed: true, admission_criteria_met: true }, at: cal.at(day, '09:00') },
      {
        key: 'interview',
        at: cal.at(day, '10:00'),
        values: {
          language_level: a.swedish,
          english_level: a.english,
          professional_background: `${a.degree}; ${a.years} years in the profession.`,
          profession: a.profession,
          professional_goal: a.goal,
          motivation: 'Wants to work in the profession again and to build a professional network in Sweden.',
        },
      },
      { key: 'consent', values: { data_processing_consent: true }, at: cal.at(day, '11:15') },
      {
        key: 'decision',
        values: { summary: `Admitted. Look for a mentor in the profession (${a.profession}).`, decision: 'admitted' },
        at: cal.at(day, '11:30'),
      },
    ]);
    const joined = addDays(day, 7);
    const m = await s.participants.add(sara.ctx, programmeId, {
      role: 'mentor',
      fullName: a.mentor.name,
      gender: a.mentor.gender,
      profession: a.mentor.profession,
      countryOfOrigin: a.mentor.country,
      enrolledAt: cal.day(joined),
      consentRecordedAt: cal.day(joined),
    });
    await mentorVetting(d, programmeId, m.id, a.mentor, joined, addDays(joined, 7), i);
    const decided = addDays(joined, 14);
    const rationale = `Same profession (${a.profession}); the mentor works at a ${a.mentor.workplace}.`;
    const pair = await s.pairs.create(sara.ctx, programmeId, { mentorId: m.id, adeptId: p.id, matchedAt: cal.day(decided), rationale });
    await perform(d, sara, programmeId, 'matching', { pairId: pair.id }, [
      { key: 'mentor_search', values: { mentors_considered: 2 }, at: cal.at(addDays(decided, -3), '15:00') },
      { key: 'matching_decision', values: { same_profession: true, matching_rationale: rationale }, at: cal.at(decided, '10:00') },
      { key: 'match_accepted', values: { mentor_accepted: true, adept_accepted: true }, at: cal.at(decided, '16:00') },
      { key: 'first_meeting', values: { first_meeting_date: cal.day(INTRODUCTION_DAY) }, at: cal.at(decided, '16:30') },
    ]);
    people.push({ a, id: p.id, pairId: pair.id, mentorId: m.id, matched: decided });
  }
  const introductionId = await perform(d, sara, programmeId, 'introduction-day', { cohort: true }, [
    { key: 'working_forms', values: { working_forms_presented: true }, at: cal.at(INTRODUCTION_DAY, '09:30') },
    { key: 'rules_and_content', values: { rules_presented: true, content_presented: true }, at: cal.at(INTRODUCTION_DAY, '10:30') },
    {
      key: 'attendance',
      at: cal.at(INTRODUCTION_DAY, '13:00'),
      values: { adepts_present: PREVIOUS.length, mentors_present: PREVIOUS.length },
    },
    { key: 'participation_agreements', values: { agreements_signed: true }, at: cal.at(INTRODUCTION_DAY, '15:30') },
  ]);

  const everyone = people.flatMap((p) => [p.id, p.mentorId]);
  await d.s.recurring.record(sara.ctx, introductionId, { entries: everyone.map((participantId) => ({ participantId, present: true })) });

  // The year's mentor meetings, about monthly from the matching until the last weeks (or until the
  // adept left), and the seminar series with who attended: entered before the pairs end and the
  // programme closes, as nothing more is recorded after.
  let meetings = 0;
  for (const [i, x] of people.entries()) {
    const last = x.a.withdrawn ? addDays(x.a.withdrawn.day, -8) : addDays('2025-12-08', i);
    const days = [last];
    while (daysBetween(x.matched, days[days.length - 1]) > 30) days.push(addDays(days[days.length - 1], -(25 + ((i + days.length) % 5))));
    for (const [k, day] of days.reverse().entries()) await recordMeeting(d, sara, programmeId, x.pairId, day, i, k);
    meetings += days.length;
  }
  for (const [n, seminar] of PREVIOUS_SEMINARS.entries()) {
    const list = people.filter((p) => !p.a.withdrawn || p.a.withdrawn.day > seminar.day).flatMap((p) => [p.id, p.mentorId]);
    await recordSeminar(d, sara, programmeId, { ...seminar, facilitator: seminar.facilitator ?? sara.name }, n, list);
  }

  for (const x of people.filter((p) => p.a.withdrawn)) {
    const w = x.a.withdrawn!;
    await s.pairs.end(sara.ctx, x.pairId, cal.day(w.day), 'The adept left the programme');
    await s.participants.withdraw(sara.ctx, programmeId, x.id, { date: cal.day(w.day), reason: w.reason, outcome: w.outcome });
    await s.participants.withdraw(sara.ctx, programmeId, x.mentorId, { date: cal.day(w.day), reason: 'The adept left for a job' });
  }
  const stayed = people.filter((p) => !p.a.withdrawn);
  for (const [k, x] of stayed.entries()) {
    const at = (time: string) => cal.at(addDays(MID_POINT_DAY, k), time);
    await perform(d, sara, programmeId, 'mid-point-follow-up', { pairId: x.pairId }, [
      { key: 'conversation', values: { mentor_attended: true, adept_attended: true }, at: at('10:00') },
      {
        key: 'progress',
        values: {
          meetings_held: 6,
          progress_against_goals: 'CV in Swedish done, study visit at the mentor’s workplace, applications sent.',
        },
        at: at('10:30'),
      },
      { key: 'satisfaction', values: { adept_satisfaction: 4, mentor_satisfaction: 5 }, at: at('10:45') },
      { key: 'assessment', values: { pairing_fit: 'good', agreed_actions: 'none' }, at: at('11:00') },
    ]);
  }
  for (const [k, x] of stayed.entries()) {
    const day = addDays(FINAL_DAY, k);
    const o = x.a.completion!;
    const outcome = o === 'employed_in_profession' ? 'employed_full_time' : o === 'studying' ? 'studies' : 'job_seeking';
    await perform(d, sara, programmeId, 'final-evaluation', { participantId: x.id }, [
      {
        key: 'outcome',
        values: { outcome, ...(outcome === 'job_seeking' ? {} : { in_own_profession: true }) },
        at: cal.at(day, '09:00'),
      },
      {
        key: 'adept_evaluation',
        values: { satisfaction: 4, adept_feedback: 'The mentor helped me understand the way into the profession here.' },
        at: cal.at(day, '09:30'),
      },
      { key: 'mentor_evaluation', values: { mentor_feedback: 'A good year; I would mentor again.' }, at: cal.at(day, '10:30') },
    ]);
    await perform(d, sara, programmeId, 'mentor-end-evaluation', { participantId: x.mentorId }, [
      {
        key: 'evaluation',
        values: {
          mentorship_rating: 5,
          met_as_agreed: true,
          would_mentor_again: 'yes',
          programme_feedback: 'Clear rules and good support from the leader.',
        },
        at: cal.at(day, '14:00'),
      },
    ]);
    await s.participants.complete(sara.ctx, programmeId, x.id, { date: cal.day(PREVIOUS_END), outcome: o });
    await s.participants.complete(sara.ctx, programmeId, x.mentorId, { date: cal.day(PREVIOUS_END) });
  }
  await s.programmes.close(team.quality.ctx, programmeId);

  // Six months on, after the close: Sara calls each adept who completed or left.
  const called = people.filter((p) => p.a.sixMonths);
  for (const [k, x] of called.entries()) {
    const six = x.a.sixMonths!;
    await perform(d, sara, programmeId, 'outcome-follow-up-6-months', { participantId: x.id }, [
      {
        key: 'follow_up',
        at: cal.at(SIX_MONTH_DAYS[k], '10:00'),
        values: {
          contact_made: true,
          employment_situation: six.situation,
          ...(six.since ? { situation_since: cal.day(six.since) } : {}),
          consent_to_contact_again: true,
        },
      },
    ]);
  }
  return {
    programmeId,
    name,
    startDate: cal.day(PREVIOUS_START),
    endDate: cal.day(PREVIOUS_END),
    adepts: PREVIOUS.length,
    meetings,
    seminars: PREVIOUS_SEMINARS.length,
    followedUp: called.length,
    owed: people.length - called.length,
  };
}
