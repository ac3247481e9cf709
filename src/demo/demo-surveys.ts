/**
 * The programme's satisfaction surveys (issue 18): the shipped surveys in force, a survey plan
 * that sends them once the first final evaluation is completed, and answers from the invented
 * adepts, mentors and host supervisors, always the same pattern: one adept declines, one leaves
 * the link unanswered, one gives a low score with a complaint a quality manager reviews and turns
 * into an improvement action, one writes free text that still waits for review.
 */
import { addDays } from '../common/calendar.js';
import { linkToken, linkTokenKey } from '../common/link-tokens.js';
import { invitationsOfProgramme, textAnswers } from '../surveys/surveys.queries.js';
import type { InvitationRow } from '../surveys/surveys.queries.js';

type SurveyAudience = InvitationRow['role'];
import { LOADER } from './demo-context.js';
import type { Demo } from './demo-context.js';
import type { ProgrammeRun } from './demo-programme.js';

const SURVEYS: { key: string; audience: SurveyAudience }[] = [
  { key: 'adept-end-of-programme', audience: 'adept' },
  { key: 'mentor-end-of-programme', audience: 'mentor' },
  { key: 'host-after-internship', audience: 'host' },
];
const INVITATION_PURPOSE = 'survey-invitation';
export const DEMO_COMPLAINT = 'The seminars on Swedish working life were cancelled twice and nobody told us in time.';
export const DEMO_PENDING_TEXT = 'Thank you to my mentor, who called my future employer for me.';

export interface DemoSurveys {
  surveys: string[];
  invited: number;
  answered: number;
  declined: number;
  unanswered: number;
  /** The improvement action opened from the reviewed complaint. */
  improvement: string;
  awaitingReview: number;
}

/** Scores of adepts by their place in the programme (the second one is the low score with the complaint). */
const ADEPT_SCORES = [5, 1, 4, 4, 5, 3, 4, 5, 4, 5, 4, 3, 5, 4];

export async function runSurveys(d: Demo, run: ProgrammeRun): Promise<DemoSurveys> {
  const { s, cal, team } = d;
  const qm = team.quality.ctx;
  await inForce(d);
  for (const x of SURVEYS)
    await s.surveySending.addPlanEntry(team.leader.ctx, run.programmeId, {
      surveyKey: x.key,
      audience: x.audience,
      moment: 'procedure_completed',
      procedureKey: 'final-evaluation',
      offsetDays: 0,
      expiresInDays: 30,
      language: 'sv',
    });
  // The daily scan finds the first final evaluation completed and sends each entry once.
  await s.surveyScan.scanAll();
  const key = linkTokenKey(s.jwtSecret);
  const token = (i: InvitationRow) => linkToken(key, { purpose: INVITATION_PURPOSE, id: i.id, nonce: i.nonce });
  const invitations = await invitationsOfProgramme(s.dataSource.manager, run.programmeId);
  // In the order the people were enrolled, so the pattern of answers is the same on every load.
  const order = new Map<string, number>(run.adepts.flatMap((a, i) => [[a.id, i] as [string, number], [a.mentorId, i] as [string, number]]));
  const byRole = (role: SurveyAudience) =>
    invitations
      .filter((i) => i.role === role)
      .sort((a, b) => (order.get(a.recipientId) ?? 99) - (order.get(b.recipientId) ?? 99) || a.recipientId.localeCompare(b.recipientId));
  const adepts = byRole('adept');
  let declined = 0;
  let unanswered = 0;
  for (const [i, inv] of adepts.entries()) {
    if (i === 0) {
      await s.surveyAnswers.decline(LOADER, token(inv));
      declined++;
      continue;
    }
    if (i === adepts.length - 1) {
      unanswered++;
      continue;
    }
    const overall = ADEPT_SCORES[i % ADEPT_SCORES.length];
    const comments = i === 1 ? DEMO_COMPLAINT : i === 2 ? DEMO_PENDING_TEXT : undefined;
    await s.surveyAnswers.answer(LOADER, token(inv), {
      answers: {
        overall,
        mentor_support: Math.min(5, overall + 1),
        helped_with: i % 2 ? ['language', 'network'] : ['cv_and_applications'],
        recommend: overall >= 4 ? 'yes' : overall === 3 ? 'unsure' : 'no',
        ...(comments ? { comments } : {}),
      },
    });
  }
  const mentors = byRole('mentor');
  for (const [i, inv] of mentors.entries()) {
    if (i === mentors.length - 1) {
      unanswered++;
      continue;
    }
    await s.surveyAnswers.answer(LOADER, token(inv), {
      answers: { overall: 4 + (i % 2), support_from_staff: 4 - (i % 3 === 0 ? 1 : 0), again: i % 4 === 3 ? 'maybe' : 'yes' },
    });
  }
  for (const [i, inv] of byRole('host').entries())
    await s.surveyAnswers.answer(LOADER, token(inv), { answers: { overall: 4 + (i % 2), preparedness: 4, host_again: 'yes' } });

  // The quality manager reads the free text: the complaint is cleared and becomes an improvement action.
  const pending = await textAnswers(s.dataSource.manager, false);
  const complaint = pending.find((t) => t.text === DEMO_COMPLAINT)!;
  await s.surveyFindings.reviewText(qm, complaint.id, { decision: 'cleared' });
  const improvement = await s.surveyFindings.openImprovement(qm, complaint.surveyId, {
    programmeId: run.programmeId,
    questionKey: 'comments',
    textAnswerId: complaint.id,
    description: 'Tell adepts of a cancelled seminar by text message the day it is cancelled, and offer the next date at once.',
    ownerId: team.leader.id,
    dueDate: addDays(cal.today, 30),
    effectivenessCriterion: 'No complaint about late notice of a cancelled seminar in the next end-of-programme survey.',
  });
  const replied = invitations.length - unanswered;
  return {
    surveys: SURVEYS.map((x) => x.key),
    invited: invitations.length,
    answered: replied - declined,
    declined,
    unanswered,
    improvement: improvement.reference,
    awaitingReview: pending.length - 1,
  };
}

/** The shipped surveys, imported with the procedures; a shipped draft is approved by the quality manager. */
async function inForce(d: Demo): Promise<void> {
  const { s, team } = d;
  let surveys = await s.surveyLibrary.list();
  if (SURVEYS.some((x) => !surveys.some((y) => y.key === x.key))) {
    await s.surveyLibrary.importShipped(team.quality.ctx);
    surveys = await s.surveyLibrary.list();
  }
  for (const x of SURVEYS) {
    const survey = surveys.find((y) => y.key === x.key)!;
    if (survey.effectiveVersion !== null || survey.latestState !== 'draft') continue;
    await s.surveyLibrary.approve(team.quality.ctx, survey.id, survey.latestVersion!, {
      password: d.password,
      comment: 'Read in all three languages; the questions fit our programme.',
    });
  }
}
