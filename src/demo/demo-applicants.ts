/**
 * The applicants who did not get a place: registered by their expression of interest, interviewed
 * before the introduction day, and placed on the waiting list (the cohort was full) or not
 * admitted, each with the reason they were told. The decision's effect sets their status; the
 * funnel (interested → interviewed → admitted → completed) counts them with the adepts enrolled.
 */
import { perform } from './demo-context.js';
import type { Demo } from './demo-context.js';
import type { DemoAdept } from './demo-people.js';
import { ADEPTS } from './demo-people.js';
import { expressionOfInterest } from './demo-recruitment.js';

type Decision = 'waiting_list' | 'not_admitted';

const APPLICANTS: (DemoAdept & { decision: Decision; reason: string })[] = [
  {
    name: 'Layla Mansour',
    gender: 'female',
    country: 'Jordan',
    profession: 'Dentist',
    degree: 'DDS, University of Jordan, 2016',
    years: 5,
    goal: 'Licensed dentist',
    swedish: 'b1',
    english: 'b2',
    intake: '2025-12-15',
    leader: 'leader',
    mentor: { name: '', gender: 'female', profession: 'Dentist', workplace: '', country: 'Sweden' },
    decision: 'waiting_list',
    reason: 'The cohort is full and a dentist already has the one dental mentor; first on the waiting list if a place opens.',
  },
  {
    name: 'Ibrahim Touré',
    gender: 'male',
    country: 'Mali',
    profession: 'Geologist',
    degree: 'MSc in geology, Université de Bamako, 2013',
    years: 8,
    goal: 'Geologist at a mining or consultancy company',
    swedish: 'a2',
    english: 'b1',
    intake: '2025-12-16',
    leader: 'leader',
    mentor: { name: '', gender: 'male', profession: 'Geologist', workplace: '', country: 'Sweden' },
    decision: 'waiting_list',
    reason: 'The cohort is full and no geologist mentor is free this year; on the waiting list, to be offered a place in the next cohort.',
  },
  {
    name: 'Goran Petrović',
    gender: 'male',
    country: 'Serbia',
    profession: 'Mechanical engineer',
    degree: 'BSc in mechanical engineering, University of Belgrade, 2018',
    years: 3,
    goal: 'Maintenance engineer',
    swedish: 'a2',
    english: 'b1',
    intake: '2025-12-17',
    leader: 'leader',
    mentor: { name: '', gender: 'male', profession: 'Mechanical engineer', workplace: '', country: 'Sweden' },
    decision: 'not_admitted',
    reason:
      'The residence permit is for studies and does not yet allow work, an admission criterion; welcome to apply again once the permit is changed.',
  },
];

export async function runApplicants(d: Demo, programmeId: string): Promise<{ waitingList: number; notAdmitted: number }> {
  const { s, cal, team } = d;
  const sara = team.leader;
  for (const [k, a] of APPLICANTS.entries()) {
    const day = a.intake;
    const p = await s.participants.registerApplicant(sara.ctx, programmeId, {
      role: 'adept',
      fullName: a.name,
      gender: a.gender,
      profession: a.profession,
      countryOfOrigin: a.country,
      applicationConsentAt: cal.day(day),
    });
    await expressionOfInterest(d, programmeId, p.id, a, ADEPTS.length + k);
    await perform(d, sara, programmeId, 'intake-interview', { participantId: p.id }, [
      {
        key: 'preparation',
        values: { application_reviewed: true, admission_criteria_met: a.decision !== 'not_admitted' },
        at: cal.at(day, '13:00'),
      },
      {
        key: 'interview',
        at: cal.at(day, '14:00'),
        values: {
          language_level: a.swedish,
          english_level: a.english,
          professional_background: `${a.degree}; ${a.years} years in the profession.`,
          profession: a.profession,
          professional_goal: a.goal,
          motivation: 'Wants to work in the profession again and to build a professional network in Sweden.',
        },
      },
      { key: 'consent', values: { data_processing_consent: true }, at: cal.at(day, '15:15') },
      {
        key: 'decision',
        at: cal.at(day, '15:30'),
        values: {
          summary: a.decision === 'waiting_list' ? 'Meets the criteria; no place in this cohort.' : 'Does not meet the admission criteria.',
          decision: a.decision,
          decision_reason: a.reason,
        },
      },
    ]);
  }
  return {
    waitingList: APPLICANTS.filter((a) => a.decision === 'waiting_list').length,
    notAdmitted: APPLICANTS.filter((a) => a.decision === 'not_admitted').length,
  };
}
