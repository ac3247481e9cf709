/**
 * What the quality manager does with what the year brought: a deviation from participant
 * feedback recorded by hand, root-cause analysis of the ones the system detected, corrective
 * actions (one closed after an effectiveness check by someone other than its owner, one in
 * progress, one overdue), board reviews, a management review, and the overdue scan.
 */
import type { Deviation } from '../deviations/deviation.entity.js';
import type { Demo, StaffMember } from './demo-context.js';
import type { EnrolledAdept, ProgrammeRun } from './demo-programme.js';
import type { DemoAdept } from './demo-people.js';

export interface QualityRun {
  actions: { closed: string; inProgress: string; overdue: string; improvement: string | null };
  boardReviews: number;
  managementReviewId: string;
  overdueOpened: number;
}

export async function runQuality(d: Demo, run: ProgrammeRun): Promise<QualityRun> {
  const { s, cal, team, password } = d;
  const qm = team.quality;
  const story = (st: DemoAdept['story']): EnrolledAdept => run.adepts.find((a) => a.data.story === st)!;
  const detected = (await s.deviationQueries.list(qm.ctx, { programmeId: run.programmeId, offset: 0, limit: 500 })).items.map(
    (i) => i.deviation,
  );
  const move = (
    id: string,
    to: Deviation['state'],
    comment: string,
    extra: { rootCause?: string; correctionOnlyJustification?: string; password?: string } = {},
  ) => s.deviations.transition(qm.ctx, id, { to, comment, ...extra });
  // The system opens one deviation per execution and rule, listing the steps concerned.
  const handled = (executionId: string, rule: string): Deviation => {
    const found = detected.filter((x) => x.executionId === executionId && x.rule === rule);
    if (found.length !== 1)
      throw new Error(
        `the demo expected one ${rule} deviation for execution ${executionId}, found ${found.length}; the procedures in force may differ from the shipped ones`,
      );
    return found[0];
  };
  const consent = handled(story('consent_not_recorded').intakeId, 'missing_step');
  const competence = handled(story('untrained_interviewer').intakeId, 'performer_competence');
  const lateIntake = handled(story('late_intake').intakeId, 'outside_window');
  const lateFollowUp = handled(story('late_follow_up').followUpId!, 'outside_window');
  const step = (by: StaffMember, id: string, to: 'in_progress' | 'implemented' | 'effectiveness_check', comment: string) =>
    s.actions.transition(by.ctx, id, { to, comment });
  // Corrective actions are planned with a due date still to come and judged only once the interval
  // planned after implementation has passed: the steps of the year's actions are entered as of the
  // day they were taken (the service's clock set to that day for the call, then set back).
  const asOf = async <T>(scripted: string, fn: () => Promise<T>): Promise<T> => {
    const before = s.config.clockToday;
    s.config.clockToday = cal.day(scripted);
    try {
      return await fn();
    } finally {
      s.config.clockToday = before;
    }
  };

  // Participant feedback in the spring survey, recorded by the pair's programme leader.
  const fb = story('feedback');
  const feedback = await s.deviations.create(fb.leader.ctx, {
    programmeId: run.programmeId,
    title: 'Participant feedback: mentor meetings cancelled for seven weeks',
    description:
      'In the spring survey an adept reported that the mentor had cancelled four meetings in a row since February and that they had not met for seven weeks. ' +
      'Nobody had told the programme leader.',
    severity: 'minor',
    source: 'participant_feedback',
    detectedAt: cal.at('2026-04-14', '10:00'),
    participantId: fb.id,
    containment: `On ${cal.day('2026-04-15')} the programme leader called the adept and the mentor; they agreed on fixed meeting dates until the summer.`,
  });

  // Consent not recorded (major): a corrective action, carried out, checked by someone else, closed.
  await move(
    consent.id,
    'analysis',
    "The signed consent form was found in the adept's folder, dated the day of the interview; the consent step was never recorded.",
  );
  await move(consent.id, 'action_plan', 'Root cause agreed with the programme leaders.', {
    rootCause:
      'The paper intake form had the consent on a separate last sheet: it was signed, but not transcribed, and nothing prompted the leader to record it.',
  });
  const closed = await asOf('2026-09-01', () =>
    s.actions.create(qm.ctx, {
      deviationIds: [consent.id],
      type: 'corrective',
      description:
        'Put the consent on the first page of the intake form, and record the interview in the system during the meeting, where a missing step shows at once. Brief both programme leaders.',
      ownerId: team.leader.id,
      dueDate: cal.day('2026-12-11'),
      effectivenessCriterion:
        'Every intake interview of the next intake has its consent step recorded on the day (all of them checked by a quality manager).',
      effectivenessCheckAfterDays: 60,
    }),
  );
  await move(consent.id, 'in_progress', `Corrective action ${closed.reference} planned.`);
  await asOf('2026-09-08', () => step(team.leader, closed.id, 'in_progress', 'Intake form revised.'));
  await asOf('2026-09-15', () =>
    step(
      team.leader,
      closed.id,
      'implemented',
      'New form in use; both programme leaders briefed and recording interviews during the meeting.',
    ),
  );
  await asOf('2026-11-16', () => step(team.leader, closed.id, 'effectiveness_check', 'Ready for the effectiveness check.'));
  await asOf('2026-11-16', () =>
    s.actions.transition(team.approver.ctx, closed.id, {
      to: 'closed',
      verdict: 'effective',
      evidence: 'All 14 intake interviews held so far for the next programme have the consent step recorded on the day of the interview.',
      comment: 'Effective: no consent missing since the change.',
      password,
    }),
  );
  await s.actions.boardReview(team.board.ctx, closed.id, {
    decision: 'endorsed',
    comment: 'The board endorses the action and its effectiveness check.',
    password,
  });
  await move(consent.id, 'closed', `Closed: ${closed.reference} was effective.`, { password });

  // Interview held before the training (major): the corrective action is still in progress.
  await move(competence.id, 'analysis', 'A programme leader held an intake interview a week before completing module 1 of the training.');
  await move(competence.id, 'action_plan', 'Root cause agreed.', {
    rootCause:
      'A newly employed programme leader was given intake interviews in her first weeks; nobody checked her training records before assigning procedures, and module 1 is offered only monthly.',
  });
  const inProgress = await s.actions.create(qm.ctx, {
    deviationIds: [competence.id],
    type: 'corrective',
    description:
      "Before a programme leader is assigned procedures, a quality manager checks the training records against the procedures' required competence; module 1 is booked in the first week of employment.",
    ownerId: qm.id,
    dueDate: cal.day('2027-01-29'),
    effectivenessCriterion: 'No competence finding in the next intake; the assignment checklist signed for every new programme leader.',
  });
  await move(competence.id, 'in_progress', `Corrective action ${inProgress.reference} planned.`);
  await step(qm, inProgress.id, 'in_progress', 'Checklist drafted; waiting for the onboarding plan from HR.');

  // The feedback (minor): a corrective action now past its due date.
  await move(feedback.id, 'analysis', 'Feedback confirmed with the adept and the mentor.');
  await move(feedback.id, 'action_plan', 'Root cause agreed.', {
    rootCause:
      'Between the introduction day and the mid-point follow-up (five months) nobody asks the pairs how often they meet; cancelled meetings come to light only in surveys.',
  });
  const overdue = await asOf('2026-05-04', () =>
    s.actions.create(qm.ctx, {
      deviationIds: [feedback.id],
      type: 'corrective',
      description:
        'Add a short check-in call with every pair two months after the introduction day, and propose the change to the mid-point follow-up procedure.',
      ownerId: team.leader2.id,
      dueDate: cal.day('2026-10-30'),
      effectivenessCriterion:
        'Every pair of the next programme has a recorded check-in call by mid-March; no reports of long pauses in the spring survey.',
    }),
  );
  await move(feedback.id, 'in_progress', `Corrective action ${overdue.reference} planned.`);
  await asOf('2026-06-01', () =>
    step(team.leader2, overdue.id, 'in_progress', 'Call script drafted; the procedure change is not yet written.'),
  );
  await s.actions.boardReview(team.board.ctx, overdue.id, {
    decision: 'changes_requested',
    comment: 'Overdue. The board asks for a new date and for the procedure change to be submitted before the next introduction day.',
    password,
  });

  // The late intake (minor): a correction alone, justified, and closed.
  await move(lateIntake.id, 'analysis', 'The applicant was referred by the Public Employment Service after the intake period had closed.');
  await move(lateIntake.id, 'action_plan', 'Root cause agreed.', {
    rootCause: 'A deliberate late admission to fill a place left by a cancellation; the intake period itself works.',
  });
  await move(lateIntake.id, 'in_progress', 'No corrective action needed.', {
    correctionOnlyJustification:
      'A single late admission, decided by the quality manager; no systemic cause, so the correction (matching at once) suffices.',
  });
  await move(lateIntake.id, 'closed', 'Closed: justified late admission.', { password });

  // The late mid-point follow-up (minor): under analysis.
  await move(lateFollowUp.id, 'analysis', "The follow-up was moved to after the summer holidays at the pair's request.");

  const review = await management(d);
  const scan = await s.scan.scan(qm.ctx, run.programmeId);
  return {
    actions: { closed: closed.reference, inProgress: inProgress.reference, overdue: overdue.reference, improvement: review.improvement },
    boardReviews: 2,
    managementReviewId: review.id,
    overdueOpened: scan.opened.length,
  };
}

/** The autumn management review: inputs composed from the records, two decisions (one tracked as an action), signed by the chair. */
async function management(d: Demo): Promise<{ id: string; improvement: string | null }> {
  const { s, cal, team, password } = d;
  const created = await s.reviews.create(team.quality.ctx, {
    heldOn: cal.today,
    title: `Management review, autumn ${cal.today.slice(0, 4)}`,
    attendeeIds: [team.board.id, team.quality.id, team.approver.id],
    guests: [{ name: 'Eva Lindqvist', role: 'Representative of the co-financing regional fund' }],
  });
  const id = created.id;
  await s.reviews.addNote(team.quality.ctx, id, {
    topic: 'issues',
    text: 'External: the regional fund that co-finances the programme now requires every adept to be registered as a job-seeker at enrolment. Internal: the second programme leader starts in January.',
  });
  await s.reviews.addNote(team.quality.ctx, id, {
    topic: 'resources',
    text: 'Two programme leaders for twelve pairs were enough this year; volunteer mentors in rare professions remain the scarce resource.',
  });
  await s.reviews.addDecision(team.board.ctx, id, {
    text: 'The programme continues next year with the same procedures and quality objectives.',
    category: 'other',
  });
  await s.reviews.addDecision(team.board.ctx, id, {
    text: 'The intake interview records whether the adept is registered as a job-seeker (a change to the intake procedure).',
    category: 'qms_change',
  });
  const decided = await s.reviews.addDecision(team.board.ctx, id, {
    text: 'Mentors in rare professions are recruited through the professional associations before the intake starts, so that every adept can be matched within the profession.',
    category: 'resource_need',
    action: {
      ownerId: team.leader.id,
      dueDate: cal.day('2027-03-31'),
      description:
        'Agreements with the associations of veterinarians, psychologists and pharmacists on recruiting mentors before the next intake.',
      effectivenessCriterion: 'Every adept of the next programme is matched with a mentor of the same profession.',
    },
  });
  await s.reviews.close(team.board.ctx, id, password, 'Minutes approved by the chair.');
  return { id, improvement: decided.decisions.at(-1)?.action?.reference ?? null };
}
