/**
 * The programme year as the programme leaders recorded it: intake interviews before the
 * introduction day, matching, the introduction day, two withdrawals, mid-point follow-ups and
 * the final evaluations whose window has opened. Each record goes through the same use case as
 * the API; a nonconforming one opens its deviations automatically.
 */
import { addDays } from '../common/calendar.js';
import { perform } from './demo-context.js';
import type { Demo, StaffMember } from './demo-context.js';
import { DEMO_TIME_ZONE } from './demo-calendar.js';
import { ADEPTS } from './demo-people.js';
import type { DemoAdept } from './demo-people.js';
import { demoProgrammeName } from './demo-setup.js';
import { expressionOfInterest, informationMeeting, mentorVetting } from './demo-recruitment.js';
import { meetingsBeforeLeaving } from './demo-meetings.js';
import type { CompletionOutcome } from '../programmes/participant-kinds.js';

/** The outcome recorded on completion, as the adept's final evaluation tells it. */
function completionOutcome(o: DemoAdept['outcome']): CompletionOutcome | undefined {
  if (!o) return undefined;
  if (o.is === 'employed_full_time' || o.is === 'employed_part_time') return o.own ? 'employed_in_profession' : 'employed_other';
  if (o.is === 'studies') return 'studying';
  if (o.is === 'internship' || o.is === 'job_seeking') return 'seeking_work';
  return undefined;
}

export const START = '2026-01-12';
export const END = '2026-12-18';
/** The introduction day: the programme's first day. */
const INTRODUCTION_DAY = START;
/** Scripted days of the mid-point follow-ups (window 2026-06-10 .. 2026-07-22) and of the final evaluations (from 2026-11-18). */
const FOLLOW_UP_DAYS = [
  '2026-06-10',
  '2026-06-11',
  '2026-06-12',
  '2026-06-15',
  '2026-06-16',
  '2026-06-17',
  '2026-06-18',
  '2026-06-22',
  '2026-06-23',
  '2026-06-24',
  '2026-06-25',
  '2026-06-26',
];
const LATE_FOLLOW_UP_DAY = '2026-08-18';
const FINAL_DAYS = ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

export interface EnrolledAdept {
  data: DemoAdept;
  id: string;
  mentorId: string;
  pairId: string;
  /** The (scripted) day the pair's matching was decided: its meetings are owed from then. */
  matchedOn: string;
  leader: StaffMember;
  intakeId: string;
  followUpId: string | null;
  finalId: string | null;
}

export interface ProgrammeRun {
  programmeId: string;
  name: string;
  adepts: EnrolledAdept[];
  introductionId: string;
}

export async function runProgramme(d: Demo): Promise<ProgrammeRun> {
  const { s, cal, team } = d;
  const name = demoProgrammeName(cal.year(START));
  const created = await s.programmes.create(team.quality.ctx, {
    name,
    description:
      'A year-long programme that matches job-seekers with a university degree from abroad with a mentor of the same profession, ' +
      'with seminars on Swedish working life, job coaching, an internship and language studies.',
    targetGroup: 'Immigrant job-seekers with an academic background and a residence permit that allows work',
    startDate: cal.day(START),
    endDate: cal.day(END),
    leaderIds: [team.leader.id, team.leader2.id],
    timeZone: DEMO_TIME_ZONE,
  });
  const programmeId = created.id;
  await s.programmes.activate(team.quality.ctx, programmeId);

  await informationMeeting(d, programmeId);
  const adepts: EnrolledAdept[] = [];
  for (const [i, a] of ADEPTS.entries()) adepts.push(await admit(d, programmeId, a, i));
  for (const [i, a] of adepts.entries()) await match(d, programmeId, a, i);
  const introductionId = await introductionDay(d, programmeId);

  // An ended pair records nothing more: the meetings of the two who left are entered first.
  await meetingsBeforeLeaving(d, programmeId, adepts);
  for (const a of adepts.filter((x) => x.data.withdrawn)) {
    const w = a.data.withdrawn!;
    await s.pairs.end(a.leader.ctx, a.pairId, cal.day(w.day), 'The adept left the programme');
    await s.participants.withdraw(a.leader.ctx, programmeId, a.id, { date: cal.day(w.day), reason: w.reason, outcome: w.outcome });
  }
  const followed = adepts.filter((a) => !a.data.withdrawn && a.data.story !== 'no_follow_up');
  for (const [k, a] of followed.entries()) {
    const late = a.data.story === 'late_follow_up';
    a.followUpId = await followUp(
      d,
      programmeId,
      a,
      late ? LATE_FOLLOW_UP_DAY : FOLLOW_UP_DAYS[Math.floor(k / 2)],
      k % 2 ? '14:00' : '10:00',
    );
  }
  const evaluated = adepts.filter((a) => !a.data.withdrawn && a.data.outcome);
  for (const [k, a] of evaluated.entries()) {
    const day = FINAL_DAYS[Math.floor(k / 2)];
    a.finalId = await finalEvaluation(d, programmeId, a, day, k % 2 ? '13:00' : '09:00');
    await s.participants.complete(a.leader.ctx, programmeId, a.id, { date: cal.day(day), outcome: completionOutcome(a.data.outcome) });
  }
  return { programmeId, name, adepts, introductionId };
}

const MOTIVATIONS = [
  'Wants to work in the profession again and to build a professional network in Sweden.',
  'Has applied for jobs for a year without an interview; wants to understand how recruitment works here.',
  'Wants a mentor who knows the way to a Swedish licence or certificate in the profession.',
];

/** Enrolment on the day of the intake interview, then the interview as recorded (with its story). */
async function admit(d: Demo, programmeId: string, a: DemoAdept, i: number): Promise<EnrolledAdept> {
  const { s, cal, team } = d;
  const leader = team[a.leader];
  const day = a.intake;
  const p = await s.participants.add(leader.ctx, programmeId, {
    role: 'adept',
    fullName: a.name,
    gender: a.gender,
    profession: a.profession,
    countryOfOrigin: a.country,
    enrolledAt: cal.day(day),
    consentRecordedAt: cal.day(day),
  });
  await expressionOfInterest(d, programmeId, p.id, a, i);
  const steps = [
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
        motivation: MOTIVATIONS[i % MOTIVATIONS.length],
      },
    },
    // The consent form was signed, but the step was never recorded: a missing step.
    ...(a.story === 'consent_not_recorded'
      ? []
      : [{ key: 'consent', values: { data_processing_consent: true }, at: cal.at(day, '11:15') }]),
    {
      key: 'decision',
      at: cal.at(day, '11:30'),
      values: {
        summary: `Admitted. Look for a mentor in the profession (${a.profession}); Swedish at level ${a.swedish.toUpperCase()}.`,
        decision: 'admitted',
      },
    },
  ];
  const intakeId = await perform(d, leader, programmeId, 'intake-interview', { participantId: p.id }, steps);
  return { data: a, id: p.id, mentorId: '', pairId: '', matchedOn: '', leader, intakeId, followUpId: null, finalId: null };
}

/** Sara matches every pair: the mentor search, the decision, both accept, the first meeting on the introduction day. */
async function match(d: Demo, programmeId: string, a: EnrolledAdept, i: number): Promise<void> {
  const { s, cal, team } = d;
  const decided = minDay(addDays(a.data.intake, 9 + (i % 5)), addDays(INTRODUCTION_DAY, -3));
  const search = maxDay(addDays(decided, -4), a.data.intake);
  const m = a.data.mentor;
  const mentor = await s.participants.add(team.leader.ctx, programmeId, {
    role: 'mentor',
    fullName: m.name,
    gender: m.gender,
    profession: m.profession,
    countryOfOrigin: m.country,
    enrolledAt: cal.day(addDays(search, -10)),
    consentRecordedAt: cal.day(addDays(search, -10)),
  });
  await mentorVetting(d, programmeId, mentor.id, m, addDays(search, -10), addDays(search, -3), i);
  const rationale =
    a.data.otherProfession ??
    `Same profession (${a.data.profession}); the mentor works at a ${m.workplace}, close to the adept's goal: ${a.data.goal.toLowerCase()}.`;
  const pair = await s.pairs.create(team.leader.ctx, programmeId, {
    mentorId: mentor.id,
    adeptId: a.id,
    matchedAt: cal.day(decided),
    rationale,
  });
  a.mentorId = mentor.id;
  a.pairId = pair.id;
  a.matchedOn = decided;
  await perform(d, team.leader, programmeId, 'matching', { pairId: pair.id }, [
    { key: 'mentor_search', values: { mentors_considered: 2 + (i % 3) }, at: cal.at(search, '15:00') },
    {
      key: 'matching_decision',
      values: { same_profession: !a.data.otherProfession, matching_rationale: rationale },
      at: cal.at(decided, '10:00'),
    },
    { key: 'match_accepted', values: { mentor_accepted: true, adept_accepted: true }, at: cal.at(decided, '16:00') },
    { key: 'first_meeting', values: { first_meeting_date: cal.day(INTRODUCTION_DAY) }, at: cal.at(decided, '16:30') },
  ]);
}

async function introductionDay(d: Demo, programmeId: string): Promise<string> {
  const { cal, team } = d;
  const day = INTRODUCTION_DAY;
  return perform(d, team.leader, programmeId, 'introduction-day', { cohort: true }, [
    { key: 'working_forms', values: { working_forms_presented: true }, at: cal.at(day, '09:30') },
    { key: 'rules_and_content', values: { rules_presented: true, content_presented: true }, at: cal.at(day, '10:30') },
    {
      key: 'attendance',
      at: cal.at(day, '13:00'),
      values: {
        adepts_present: ADEPTS.length - 1,
        mentors_present: ADEPTS.length - 2,
        absentees_follow_up:
          'One adept (ill) and two mentors (travelling) were absent; each was briefed in person during the following week.',
      },
    },
    { key: 'participation_agreements', values: { agreements_signed: true }, at: cal.at(day, '15:30') },
  ]);
}

async function followUp(d: Demo, programmeId: string, a: EnrolledAdept, day: string, time: string): Promise<string> {
  const { cal } = d;
  const paused = a.data.story === 'feedback';
  const undecided = a.data.outcome?.is === 'job_seeking' && a.data.story !== 'late_intake';
  const base = a.data.years % 4;
  return perform(d, a.leader, programmeId, 'mid-point-follow-up', { pairId: a.pairId }, [
    { key: 'conversation', values: { mentor_attended: true, adept_attended: true }, at: cal.at(day, time) },
    {
      key: 'progress',
      at: cal.at(day, later(time, 30)),
      values: {
        meetings_held: paused ? 3 : 5 + base,
        progress_against_goals: paused
          ? 'Meetings resumed in April after a pause of seven weeks; the CV in Swedish is finished.'
          : `Towards the goal (${a.data.goal.toLowerCase()}): CV and profile in Swedish done, study visit at the mentor's workplace, ${2 + base} applications sent.`,
      },
    },
    {
      key: 'satisfaction',
      values: { adept_satisfaction: paused ? 3 : 4 + (base % 2), mentor_satisfaction: 4 + ((base + 1) % 2) },
      at: cal.at(day, later(time, 45)),
    },
    {
      key: 'assessment',
      at: cal.at(day, later(time, 60)),
      values: undecided
        ? {
            pairing_fit: 'still_deciding',
            agreed_actions: 'Mentor introduces the adept to two colleagues in August; leader calls both in September.',
          }
        : paused
          ? { pairing_fit: 'good', agreed_actions: 'Fixed meeting dates every second Tuesday until December; leader checks in September.' }
          : { pairing_fit: 'good', agreed_actions: 'none' },
    },
  ]);
}

const MENTOR_FEEDBACK = [
  'Rewarding; the adept came well prepared to every meeting.',
  'We met regularly and the adept’s Swedish improved a great deal over the year.',
  'I learned as much as I taught; I would gladly mentor again.',
  'Good year; a clearer plan for the internship part would have helped.',
];

async function finalEvaluation(d: Demo, programmeId: string, a: EnrolledAdept, day: string, time: string): Promise<string> {
  const { cal } = d;
  const o = a.data.outcome!;
  return perform(d, a.leader, programmeId, 'final-evaluation', { participantId: a.id }, [
    {
      key: 'outcome',
      at: cal.at(day, time),
      values: {
        outcome: o.is,
        ...(o.own === undefined ? {} : { in_own_profession: o.own }),
        ...(o.details ? { outcome_details: o.details } : {}),
      },
    },
    { key: 'adept_evaluation', values: { satisfaction: o.satisfaction, adept_feedback: o.feedback }, at: cal.at(day, later(time, 30)) },
    {
      key: 'mentor_evaluation',
      values: { mentor_feedback: MENTOR_FEEDBACK[a.data.years % MENTOR_FEEDBACK.length] },
      at: cal.at(day, later(time, 90)),
    },
  ]);
}

function later(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const t = h * 60 + m + minutes;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);
