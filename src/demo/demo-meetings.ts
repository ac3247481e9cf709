/**
 * The year's recurring work as the programme leaders recorded it: each pair's mentor meetings
 * (about monthly, from the introduction day), the seminar series with who attended, job coaching
 * every second week for the adepts still in the programme, and who attended the introduction day.
 * One pair went quiet for seven weeks in the autumn: the deviation scan finds the gap
 * (cadence_missed). Each occurrence goes through the same use cases as the API.
 */
import { addDays, daysBetween } from '../common/calendar.js';
import { perform } from './demo-context.js';
import type { Demo, StaffMember } from './demo-context.js';
import type { EnrolledAdept, ProgrammeRun } from './demo-programme.js';

/** The introduction day (the programme's first day). */
const FIRST_MEETING = '2026-01-12';
/** The first day job coaching is owed (programme start + 30). */
const COACHING_FROM = '2026-02-11';
/** The seven weeks the quiet pair did not meet. */
const QUIET = { from: '2026-09-14', to: '2026-11-02' };

/** The seminar series: eight sessions planned, seven held by now (the last one is in December). */
const SEMINARS: { day: string; theme: string; duration: number; facilitator: string }[] = [
  { day: '2026-02-09', theme: 'The Swedish labour market and how recruitment works', duration: 180, facilitator: 'leader' },
  { day: '2026-03-23', theme: 'CV, cover letter and professional profile in Swedish', duration: 150, facilitator: 'leader2' },
  {
    day: '2026-05-04',
    theme: 'Recognition of foreign degrees and professional licences',
    duration: 120,
    facilitator: 'Guest speaker, the Swedish Council for Higher Education',
  },
  { day: '2026-06-15', theme: 'Workplace culture: meetings, consensus and fika', duration: 150, facilitator: 'leader' },
  {
    day: '2026-08-10',
    theme: 'Employment law, collective agreements and trade unions',
    duration: 120,
    facilitator: 'Guest speaker, a trade union ombudsman',
  },
  { day: '2026-09-21', theme: 'Interview practice with recruiters', duration: 180, facilitator: 'Guest speakers, two recruiters' },
  { day: '2026-11-02', theme: 'Networking and the hidden job market', duration: 150, facilitator: 'leader2' },
];
const SEMINARS_PLANNED = 8;

const ABSENCE_REASONS = ['Ill', 'At a job interview', 'Child ill', 'Working a shift at a new job', 'Travelling for work'];
const TOPICS = [
  ['profession', 'networking'],
  ['job_search', 'language'],
  ['profession', 'recognition'],
  ['job_search', 'networking', 'internship'],
  ['language', 'profession'],
];
const FOCUS = [
  ['cv'],
  ['applications', 'cv'],
  ['interview_practice'],
  ['applications', 'networking'],
  ['interview_practice', 'applications'],
];
const NEXT_STEPS = [
  'Send two applications before the next session.',
  'Update the CV with the internship and ask the mentor to read it.',
  'Contact the two people met at the network event.',
  'Prepare answers to the common interview questions in Swedish.',
];

export interface DemoYear {
  /** Mentor meetings recorded, over how many pairs. */
  meetings: { occurrences: number; pairs: number };
  seminars: { planned: number; held: number };
  /** The introduction day, whose attendance is recorded per person. */
  introductionId: string;
  /** Attendance entries of the introduction day and the seminars held. */
  attendance: { sessions: number; present: number; absent: number };
  coaching: { occurrences: number; adepts: number };
  /** The pair that did not meet for seven weeks in the autumn (the one cadence_missed). */
  cadenceMissed: { pairId: string; from: string; to: string; days: number };
}

export async function runYear(d: Demo, run: ProgrammeRun): Promise<DemoYear> {
  const { programmeId, adepts } = run;
  const quiet = quietPair(adepts);

  // The pairs that ended had their meetings entered before they ended (meetingsBeforeLeaving).
  let meetings = 0;
  for (const [i, a] of adepts.entries()) {
    for (const [k, day] of meetingDays(a, i, a === quiet).entries()) {
      if (!a.data.withdrawn) await meeting(d, programmeId, a, day, i, k);
      meetings++;
    }
  }

  const attendance = { sessions: 0, present: 0, absent: 0 };
  const count = (entries: { present: boolean }[]) => {
    attendance.sessions++;
    attendance.present += entries.filter((e) => e.present).length;
    attendance.absent += entries.filter((e) => !e.present).length;
  };
  // The introduction day: one adept ill and two mentors travelling, as its attendance step says.
  const intro = onList(adepts, FIRST_MEETING).map(({ id, adept, k }) => {
    const absent = (adept && k === 5) || (!adept && (k === 8 || k === 14));
    return absent
      ? { participantId: id, present: false, absenceReason: adept ? 'Ill' : 'Travelling for work' }
      : { participantId: id, present: true };
  });
  await d.s.recurring.record(d.team.leader.ctx, run.introductionId, { entries: intro });
  count(intro);

  for (const [n, seminar] of SEMINARS.entries()) {
    const by = n % 2 ? d.team.leader2 : d.team.leader;
    const facilitator =
      seminar.facilitator === 'leader' || seminar.facilitator === 'leader2' ? d.team[seminar.facilitator].name : seminar.facilitator;
    const list = onList(adepts, seminar.day).map(({ id }) => id);
    const entries = await recordSeminar(d, by, programmeId, { ...seminar, facilitator }, n, list);
    count(entries);
  }

  // Job coaching for the adepts still in the programme, every 12 to 14 days.
  const coached = adepts.filter((a) => !a.data.withdrawn && !a.data.outcome);
  let coaching = 0;
  for (const [i, a] of coached.entries()) {
    for (const [k, day] of coachingDays(i).entries()) {
      await perform(d, a.leader, programmeId, 'job-coaching', { participantId: a.id }, [
        {
          key: 'coaching',
          values: {
            duration: 45 + 15 * ((i + k) % 3),
            focus: FOCUS[(i + k) % FOCUS.length],
            next_step: NEXT_STEPS[(i * 3 + k) % NEXT_STEPS.length],
          },
          at: d.cal.at(day, k % 2 ? '14:00' : '09:30'),
        },
      ]);
      coaching++;
    }
  }

  return {
    meetings: { occurrences: meetings, pairs: adepts.length },
    seminars: { planned: SEMINARS_PLANNED, held: SEMINARS.length },
    introductionId: run.introductionId,
    attendance,
    coaching: { occurrences: coaching, adepts: coached.length },
    cadenceMissed: { pairId: quiet.pairId, from: d.cal.day(QUIET.from), to: d.cal.day(QUIET.to), days: daysBetween(QUIET.from, QUIET.to) },
  };
}

/** The meetings of the pairs whose adept left: entered before the pair ends, as nothing more is recorded for it after. */
export async function meetingsBeforeLeaving(d: Demo, programmeId: string, adepts: EnrolledAdept[]): Promise<void> {
  for (const [i, a] of adepts.entries()) {
    if (!a.data.withdrawn) continue;
    for (const [k, day] of meetingDays(a, i, false).entries()) await meeting(d, programmeId, a, day, i, k);
  }
}

/** A pair still in the programme without another story to tell. */
function quietPair(adepts: EnrolledAdept[]): EnrolledAdept {
  const found = adepts.find((a) => !a.data.withdrawn && !a.data.story && !a.data.outcome);
  if (!found) throw new Error('The demo has no pair to go quiet');
  return found;
}

/**
 * A pair's meeting days: every 24 to 30 days from the matching (most pairs met first on the
 * introduction day) to the last one in November, or until the adept left. Worked backwards from
 * the last meeting so that no gap is over 30 days; the quiet pair has its seven weeks in the autumn.
 */
function meetingDays(a: EnrolledAdept, i: number, quiet: boolean): string[] {
  const gap = (k: number) => 24 + ((i * 5 + k * 3) % 7);
  // Those who left met for the last time a week or two before; those who completed, before their final evaluation.
  const last = a.data.withdrawn
    ? addDays(a.data.withdrawn.day, -8 - (i % 5))
    : addDays(a.data.outcome ? '2026-11-10' : '2026-11-18', i % 8);
  const days = quiet ? ['2026-11-24', QUIET.to, QUIET.from] : [last];
  for (let k = 0; daysBetween(a.matchedOn, days[days.length - 1]) > 30; k++) days.push(addDays(days[days.length - 1], -gap(k)));
  return days.reverse();
}

/** Every 12 to 14 days from the first week coaching is owed to the last week of November. */
function coachingDays(i: number): string[] {
  const days = [addDays('2026-11-23', i % 5)];
  for (let k = 0; daysBetween(COACHING_FROM, days[days.length - 1]) > 14; k++)
    days.push(addDays(days[days.length - 1], -(12 + ((i + k) % 3))));
  return days.reverse();
}

async function meeting(d: Demo, programmeId: string, a: EnrolledAdept, day: string, i: number, k: number): Promise<void> {
  await recordMeeting(d, a.leader, programmeId, a.pairId, day, i, k);
}

/** The k-th meeting of the i-th pair, as its leader records it: mostly in person, now and then by video or phone. */
export async function recordMeeting(
  d: Demo,
  by: StaffMember,
  programmeId: string,
  pairId: string,
  day: string,
  i: number,
  k: number,
): Promise<void> {
  const form = k === 0 ? 'in_person' : (i + k) % 5 === 0 ? 'video' : (i + k) % 11 === 0 ? 'phone' : 'in_person';
  const values: Record<string, unknown> = {
    form,
    duration: form === 'phone' ? 40 : 60 + 15 * ((i + k) % 4),
    topics: TOPICS[(i + k) % TOPICS.length],
  };
  if (k === 0) values.notes = 'First meeting; agreed to meet at least once a month.';
  else if ((i + k) % 6 === 0) values.notes = 'Agreed what to prepare for the next meeting.';
  await perform(d, by, programmeId, 'mentor-meetings', { pairId }, [
    { key: 'meeting', values, at: d.cal.at(day, k % 2 ? '17:00' : '12:00') },
  ]);
}

/**
 * The n-th seminar of a series held on a scripted day, with everyone on the list: most present, now
 * and then one absent with the reason they gave. Answers the attendance entries recorded.
 */
export async function recordSeminar(
  d: Demo,
  by: StaffMember,
  programmeId: string,
  seminar: { day: string; theme: string; duration: number; facilitator: string },
  n: number,
  participantIds: string[],
): Promise<{ present: boolean }[]> {
  const id = await perform(d, by, programmeId, 'seminars', { cohort: true }, [
    {
      key: 'session',
      values: { theme: seminar.theme, duration: seminar.duration, facilitator: seminar.facilitator },
      at: d.cal.at(seminar.day, '13:00'),
    },
  ]);
  const entries = participantIds.map((participantId, k) =>
    (k * 7 + n * 5) % 17 === 0
      ? { participantId, present: false, absenceReason: ABSENCE_REASONS[(k + n) % ABSENCE_REASONS.length] }
      : { participantId, present: true },
  );
  await d.s.recurring.record(by.ctx, id, { entries });
  return entries;
}

/** Everyone of the programme on a day: adepts, then mentors, leaving out the adepts who had left by then. */
function onList(adepts: EnrolledAdept[], day: string): { id: string; adept: boolean; k: number }[] {
  const stayed = (a: EnrolledAdept) => !a.data.withdrawn || a.data.withdrawn.day > day;
  return [
    ...adepts.flatMap((a, k) => (stayed(a) ? [{ id: a.id, adept: true, k }] : [])),
    ...adepts.map((a, k) => ({ id: a.mentorId, adept: false, k })),
  ];
}
