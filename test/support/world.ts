/**
 * A small but complete world for the hardening specs: a user for every role (and one holding all
 * of them), programme A led by one leader and programme B led by another, and one record of every
 * kind in programme A (participant, pair, execution with a step, deviation, corrective action,
 * management review, procedure versions effective and under review). Built through the API.
 *
 * `pathValues` names the record each path parameter points at, and `sampleRequest` gives every
 * operation a request that passes its DTO validation: the specs start from it and change one
 * thing at a time. Both throw for an operation they do not know, so a new route cannot slip past
 * the hardening specs unprobed.
 */
import { randomBytes } from 'node:crypto';
import { ACTION_TYPES } from '../../src/corrective-actions/action-states.js';
import { BOARD_DECISIONS } from '../../src/corrective-actions/action-states.js';
import { COMPARATORS } from '../../src/indicators/indicator-math.js';
import { ROLES } from '../../src/common/roles.js';
import type { Operation } from './api-surface.js';
import { executeProcedure, expectStatus, procedureDefinition, programmeFixture, recordStep, startExecution } from './programmes.js';
import type { ProgrammeFixture } from './programmes.js';
import { surveyContent, surveyRecords } from './surveys.js';
import { bearer } from './test-app.js';
import type { TestApp, TestUser } from './test-app.js';

/** A due date for the actions the world plans: ahead of today (actions are not planned already late), within two years. */
const SOON = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

/** Who calls: one user per role, two programme leaders (owner of A, and of B only), and all roles at once. */
export type ActorName = 'admin' | 'quality_manager' | 'leader' | 'other_leader' | 'auditor' | 'board_member' | 'all_roles';
export const ACTOR_NAMES: ActorName[] = ['admin', 'quality_manager', 'leader', 'other_leader', 'auditor', 'board_member', 'all_roles'];

export const PROCEDURE_KEY = 'hx-intake';
export const REVIEW_PROCEDURE_KEY = 'hx-review';

export interface World {
  actors: Record<ActorName, TestUser>;
  /** The second quality manager, author of the version under review (so the others may approve it). */
  author: TestUser;
  /** The user that /api/users/{id} routes point at; no spec acts as this user. */
  victim: TestUser;
  a: ProgrammeFixture;
  b: ProgrammeFixture;
  executionId: string;
  stepRecordId: string;
  /** A completed execution (late, so nonconforming) with a pending correction that would clear it. */
  correctedExecutionId: string;
  correctionId: string;
  /** An open execution that the cancel route may end (the others stay usable). */
  cancellableExecutionId: string;
  deviationId: string;
  actionId: string;
  reviewId: string;
  /** A risk of programme A owned by the board member (so every role that revises risks may revise it). */
  riskId: string;
  /**
   * A controlled document owned by the leader: version 1 in force (asking every role that may
   * acknowledge to do so), version 2 under review; both written by `author`.
   */
  documentId: string;
  /** The file of version 1 of the document. */
  documentFileId: string;
  /** An internal audit of the whole organisation in progress, led by `all_roles` with every other auditor on its team. */
  auditId: string;
  auditItemId: string;
  /** A closed internal audit: signing and closing it again are refused by its state, whoever asks. */
  closedAuditId: string;
  /** A quality objective of programme A. */
  objectiveId: string;
  /** A host organisation of the register (active). */
  organisationId: string;
  /** An internship of an adept of programme A with that organisation. */
  internshipId: string;
  /** A survey in force sent to the adepts of programme A; an open invitation, its link's token, a free-text answer. */
  surveyId: string;
  surveyInvitationId: string;
  surveyToken: string;
  surveyTextAnswerId: string;
  /** A mail that failed for good (to the victim): administrators may retry it. */
  mailId: string;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const qm = await t.user(['quality_manager'], 'Quinn Quality');
  const author = await t.user(['quality_manager'], 'Astrid Author');
  const leader = await t.user(['programme_leader'], 'Leila Leader');
  const otherLeader = await t.user(['programme_leader'], 'Olof Otherleader');
  const auditor = await t.user(['auditor'], 'Arne Auditor');
  const board = await t.user(['board_member'], 'Britt Board');
  const allRoles = await t.user([...ROLES], 'Alma Allroles');
  const victim = await t.user(['auditor'], 'Vera Victim');
  const staff = { qm, approver: author, leader };
  const definition = procedureDefinition(PROCEDURE_KEY, { window: { anchor: 'programme_start', fromDays: -60, toDays: 30 } });
  const common = { staff, procedures: [definition], startDate: '2025-03-03', endDate: '2025-12-19', enrolledAt: '2025-01-15' };
  const a = await programmeFixture(t, { ...common, leaders: [leader], adepts: 4, mentors: 2, pairs: true });
  const b = await programmeFixture(t, { ...common, leaders: [otherLeader], adepts: 1 });
  const started = await startExecution(t, leader, a.programme.id, PROCEDURE_KEY, { participantId: a.adepts[0].id });
  const recorded = await recordStep(t, leader, started.id, {
    stepKey: 'meet',
    values: { summary: 'Met' },
    performedAt: '2025-02-20T10:00:00Z',
  });
  // Met after the window (it closes 2025-04-02): nonconforming; moving the date into the window is held for approval.
  const late = await executeProcedure(t, leader, a.programme.id, PROCEDURE_KEY, { participantId: a.adepts[2].id }, [
    { stepKey: 'meet', values: { summary: 'Met late' }, performedAt: '2025-04-20T10:00:00Z' },
  ]);
  const held = expectStatus(
    await t.http
      .post(`/api/executions/${late.id}/steps/${late.steps[0].id}/corrections`)
      .set(...bearer(leader))
      .send({ values: { summary: 'Met late' }, performedAt: '2025-03-20T10:00:00Z', reason: 'Date typed wrong' }),
    202,
    'holding a correction for approval',
  );
  const cancellable = await startExecution(t, leader, a.programme.id, PROCEDURE_KEY, { participantId: a.adepts[3].id });
  const deviation = expectStatus(
    await t.http
      .post('/api/deviations')
      .set(...bearer(qm))
      .send({
        programmeId: a.programme.id,
        title: 'Intake interview held late',
        description: 'Found in the monthly review',
        severity: 'minor',
        source: 'manual',
        detectedAt: '2025-03-10T10:00:00Z',
      }),
    201,
    'recording a deviation',
  );
  const action = expectStatus(
    await t.http
      .post('/api/corrective-actions')
      .set(...bearer(qm))
      .send({
        deviationIds: [deviation.id],
        type: 'corrective',
        description: 'Book intake interviews at enrolment',
        ownerId: leader.id,
        dueDate: SOON,
        effectivenessCriterion: 'No late intake interviews for three months',
      }),
    201,
    'planning a corrective action',
  );
  const review = expectStatus(
    await t.http
      .post('/api/management-reviews')
      .set(...bearer(qm))
      .send({ heldOn: '2025-06-01', title: 'Management review, spring', attendeeIds: [board.id, allRoles.id] }),
    201,
    'opening a management review',
  );
  const objective = expectStatus(
    await t.http
      .post('/api/quality-objectives')
      .set(...bearer(qm))
      .send({
        programmeId: a.programme.id,
        indicator: 'completion_rate',
        comparator: '>=',
        target: 0.8,
        title: 'Completion at least 80 %',
      }),
    201,
    'setting a quality objective',
  );
  const risk = expectStatus(
    await t.http
      .post('/api/risks')
      .set(...bearer(qm))
      .send({
        kind: 'risk',
        programmeId: a.programme.id,
        title: 'Mentor drop-out',
        cause: 'Mentors are volunteers with changing jobs',
        consequence: 'Adepts left without a mentor mid-year',
        likelihood: 3,
        impact: 4,
        ownerId: board.id,
        nextReviewOn: SOON,
      }),
    201,
    'recording a risk',
  );
  const organisation = expectStatus(
    await t.http
      .post('/api/organisations')
      .set(...bearer(qm))
      .send({ name: `Host ${unique()}`, sector: 'public' }),
    201,
    'recording a host organisation',
  );
  const internship = expectStatus(
    await t.http
      .post(`/api/programmes/${a.programme.id}/internships`)
      .set(...bearer(qm))
      .send({
        participantId: a.adepts[0].id,
        organisationId: organisation.id,
        supervisorName: 'Karin Holm',
        supervisorRole: 'Ward manager',
        startDate: a.programme.startDate,
        endDate: a.programme.endDate,
      }),
    201,
    'placing an adept in an internship',
  );
  const survey = await surveyRecords(t, author, qm, a.programme.id);
  const document = expectStatus(
    await t.http
      .post('/api/documents')
      .set(...bearer(author))
      .send({
        kind: 'quality_policy',
        title: 'Quality policy',
        ownerId: leader.id,
        reviewIntervalMonths: 12,
        acknowledgementRoles: ['admin', 'quality_manager', 'programme_leader', 'board_member'],
      }),
    201,
    'creating a controlled document',
  );
  const policyPdf = Buffer.from('%PDF-1.4\n% quality policy\ntrailer<<>>\n%%EOF\n');
  const uploaded = expectStatus(
    await t.http
      .post(`/api/documents/${document.id}/versions/1/files`)
      .set(...bearer(author))
      .attach('file', policyPdf, { filename: 'policy.pdf', contentType: 'application/pdf' }),
    201,
    'uploading its file',
  );
  expectStatus(await t.http.post(`/api/documents/${document.id}/versions/1/submit`).set(...bearer(author)), 200, 'submitting it');
  expectStatus(
    await t.http
      .post(`/api/documents/${document.id}/versions/1/approve`)
      .set(...bearer(qm))
      .send({ password: qm.password, comment: 'Approved' }),
    200,
    'approving it',
  );
  expectStatus(
    await t.http
      .post(`/api/documents/${document.id}/versions`)
      .set(...bearer(author))
      .send({}),
    201,
    'drafting version 2',
  );
  expectStatus(
    await t.http
      .post(`/api/documents/${document.id}/versions/2/files`)
      .set(...bearer(author))
      .attach('file', policyPdf, { filename: 'policy-2.pdf', contentType: 'application/pdf' }),
    201,
    'uploading its file',
  );
  expectStatus(await t.http.post(`/api/documents/${document.id}/versions/2/submit`).set(...bearer(author)), 200, 'submitting version 2');
  // A second procedure whose version 1 waits for approval, written by `author`.
  expectStatus(
    await t.http
      .post('/api/procedures')
      .set(...bearer(author))
      .send({ definition: procedureDefinition(REVIEW_PROCEDURE_KEY) }),
    201,
    'drafting a procedure',
  );
  expectStatus(await t.http.post(`/api/procedures/${REVIEW_PROCEDURE_KEY}/versions/1/submit`).set(...bearer(author)), 200, 'submitting it');
  // Internal audits of the organisation's own process (no programme, no procedure): everyone who
  // may audit is independent of it, so the one in progress has them all on its team.
  const auditBody = {
    year: 2025,
    title: 'Internal audit process',
    processes: ['Internal audit'],
    plannedMonth: 6,
    importance: 'medium',
    scope: 'The audit programme and its records',
    clauses: ['9.2'],
    periodFrom: '2025-01-01',
    periodTo: '2025-05-31',
    leadAuditorId: allRoles.id,
    teamIds: [qm.id, leader.id, otherLeader.id, board.id],
  };
  const startAudit = async () => {
    const planned = expectStatus(
      await t.http
        .post('/api/internal-audits')
        .set(...bearer(qm))
        .send(auditBody),
      201,
      'planning an audit',
    );
    return expectStatus(
      await t.http
        .post(`/api/internal-audits/${planned.id}/start`)
        .set(...bearer(qm))
        .send({}),
      200,
      'starting it',
    );
  };
  const audit = await startAudit();
  const closedAudit = await startAudit();
  expectStatus(
    await t.http
      .post(`/api/internal-audits/${closedAudit.id}/items/${closedAudit.items[0].id}/answers`)
      .set(...bearer(allRoles))
      .send({ result: 'conforming' }),
    201,
    'answering its checklist',
  );
  expectStatus(
    await t.http
      .post(`/api/internal-audits/${closedAudit.id}/report`)
      .set(...bearer(allRoles))
      .send({ conclusion: 'Conforms', password: allRoles.password }),
    200,
    'signing its report',
  );
  expectStatus(
    await t.http
      .post(`/api/internal-audits/${closedAudit.id}/close`)
      .set(...bearer(allRoles))
      .send({}),
    200,
    'closing it',
  );
  const [mail] = await t.db.transaction((m) =>
    m.query<{ id: string }[]>(
      `INSERT INTO mail_outbox (recipient_user_id, recipient_key, reason, template, params, state, attempts, last_error)
       VALUES ($1, $2, 'world:failed-mail', 'reminder-risk-review', '{}', 'failed', 6, '451 busy') RETURNING id`,
      [victim.id, `user:${victim.id}`],
    ),
  );
  return {
    actors: { admin: t.admin, quality_manager: qm, leader, other_leader: otherLeader, auditor, board_member: board, all_roles: allRoles },
    author,
    victim,
    a,
    b,
    executionId: started.id,
    stepRecordId: (recorded.steps as { id: string }[])[0].id,
    correctedExecutionId: late.id,
    correctionId: (held.corrections as { id: string }[])[0].id,
    cancellableExecutionId: cancellable.id,
    deviationId: deviation.id,
    actionId: action.id,
    reviewId: review.id,
    riskId: risk.id,
    documentId: document.id,
    documentFileId: (uploaded.versions as { files: { id: string }[] }[])[0].files[0].id,
    auditId: audit.id,
    auditItemId: audit.items[0].id,
    closedAuditId: closedAudit.id,
    objectiveId: objective.id,
    organisationId: organisation.id,
    internshipId: internship.id,
    surveyId: survey.surveyId,
    surveyInvitationId: survey.invitationId,
    surveyToken: survey.token,
    surveyTextAnswerId: survey.textAnswerId,
    mailId: mail.id,
  };
}

/**
 * The real records a path parameter of `op` can name, the first being the default. Everything
 * points into programme A (led by `leader`, not by `other_leader`).
 */
export function pathValues(w: World, op: Operation): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of op.pathParams) {
    const name = p.name;
    if (name === 'id') {
      const parts = op.path.split('/');
      const prefix = parts[2] === 'reports' ? parts[3] : parts[2];
      const byPrefix: Record<string, string[]> = {
        users: [w.victim.id],
        programmes: [w.a.programme.id],
        pairs: [w.a.pairs[0].id],
        executions: op.path.includes('{correctionId}')
          ? [w.correctedExecutionId]
          : op.path.endsWith('/cancel')
            ? [w.cancellableExecutionId]
            : [w.executionId],
        deviations: [w.deviationId],
        'corrective-actions': [w.actionId],
        'management-reviews': [w.reviewId],
        risks: [w.riskId],
        documents: [w.documentId],
        'internal-audits': /\/(report|close)$/.test(op.path) ? [w.closedAuditId] : [w.auditId],
        'quality-objectives': [w.objectiveId],
        organisations: [w.organisationId],
        internships: [w.internshipId],
        surveys: [w.surveyId],
        'survey-text-answers': [w.surveyTextAnswerId],
        admin: [w.mailId],
      };
      if (!byPrefix[prefix]) throw new Error(`world.ts: no record for {id} of ${op.key}`);
      out.id = byPrefix[prefix];
    } else if (name === 'participantId') out.participantId = [w.a.adepts[1].id, w.a.adepts[2].id, w.a.mentors[0].id];
    else if (name === 'recordId') out.recordId = [w.stepRecordId];
    else if (name === 'correctionId') out.correctionId = [w.correctionId];
    else if (name === 'itemId') out.itemId = [w.auditItemId];
    // Approving or rejecting: the version under review, which none of the actors wrote (an author
    // may not approve their own version, a refusal of its own that is not the policy's).
    else if (name === 'key')
      out.key = /\/(approve|reject)$/.test(op.path) ? [REVIEW_PROCEDURE_KEY, PROCEDURE_KEY] : [PROCEDURE_KEY, REVIEW_PROCEDURE_KEY];
    // A document's version 2 is under review (approve, reject); version 1 is in force.
    else if (name === 'n') out.n = op.path.startsWith('/api/documents/') && /\/(approve|reject)$/.test(op.path) ? ['2', '1'] : ['1', '2'];
    else if (name === 'fileId') out.fileId = [w.documentFileId];
    else if (name === 'invitationId') out.invitationId = [w.surveyInvitationId];
    else if (name === 'token') out.token = [w.surveyToken];
    else throw new Error(`world.ts: no record for {${name}} of ${op.key}`);
  }
  return out;
}

/** The default value of every path parameter of `op`. */
export function defaultPath(w: World, op: Operation): Record<string, string> {
  return Object.fromEntries(Object.entries(pathValues(w, op)).map(([k, v]) => [k, v[0]]));
}

export interface SampleRequest {
  query: Record<string, string>;
  /** undefined: the operation takes no body. */
  body: Record<string, unknown> | undefined;
}

function unique(): string {
  return randomBytes(4).toString('hex');
}

type BodyMaker = (w: World, actor: TestUser) => Record<string, unknown>;

const definitionFor = (key: string) =>
  procedureDefinition(key, { window: { anchor: 'programme_start', fromDays: -60, toDays: 30 } }) as unknown as Record<string, unknown>;

/** A body that passes the DTO validation of each write operation (state may still refuse it). */
const BODIES: Record<string, BodyMaker> = {
  'POST /api/auth/login': (w) => ({ email: w.victim.email, password: w.victim.password }),
  'POST /api/users': () => ({
    email: `new-${unique()}@qms.test`,
    name: 'New Person',
    password: 'a-long-enough-password',
    roles: ['auditor'],
  }),
  'PATCH /api/users/{id}': () => ({ name: `Vera Victim ${unique()}` }),
  'PATCH /api/users/me': () => ({ language: 'sv' }),
  // The victim's own password again: it stays what sign-in's sample sends, whoever resets it.
  'POST /api/users/{id}/password': (w) => ({ password: w.victim.password }),
  // A wrong current password (422): a right one would end the actor's tokens for the rest of the spec.
  'POST /api/users/me/password': () => ({ currentPassword: 'not-the-current-password', newPassword: 'a-new-passphrase-nobody-uses' }),
  'POST /api/users/{id}/training-records': () => ({
    module: 'Intake interview training',
    completedAt: '2025-01-10',
    evidence: 'Certificate on file',
  }),
  'POST /api/procedures': () => ({ definition: definitionFor(`hx-new-${unique()}`) }),
  'POST /api/procedures/{key}/versions': () => ({ definition: definitionFor(PROCEDURE_KEY), changeSummary: 'Longer window' }),
  'PUT /api/notification-preferences': () => ({ delivery: 'weekly_digest', disabledKinds: ['risk_review'] }),
  'PUT /api/procedures/{key}/versions/{n}': () => ({ definition: definitionFor(PROCEDURE_KEY), changeSummary: 'Reworded' }),
  'POST /api/procedures/baseline/adopt': (_w, actor) => ({ password: actor.password }),
  'POST /api/procedures/{key}/versions/{n}/approve': (_w, actor) => ({ password: actor.password, comment: 'Reviewed and approved' }),
  'POST /api/procedures/{key}/versions/{n}/reject': () => ({ comment: 'Steps are unclear' }),
  'POST /api/procedures/{key}/versions/{n}/retire': (_w, actor) => ({
    reason: 'Replaced by the new intake method',
    password: actor.password,
  }),
  'POST /api/programmes': () => ({
    name: `Mentoring for work ${unique()}`,
    description: 'Mentoring, seminars on working life and job coaching',
    targetGroup: 'Immigrant job-seekers with an academic background',
    startDate: '2026-03-02',
    endDate: '2026-12-18',
    leaderIds: [],
  }),
  'PATCH /api/programmes/{id}': () => ({ name: `Mentoring for work ${unique()}` }),
  'POST /api/programmes/{id}/procedure-plan/migrate': () => ({
    procedureKey: PROCEDURE_KEY,
    toVersion: 2,
    reason: 'Adopt the longer window',
  }),
  'POST /api/programmes/{id}/participants': () => ({
    role: 'adept',
    fullName: 'Nadia Newcomer',
    email: `nadia.${unique()}@example.org`,
    gender: 'female',
    profession: 'Architect',
    countryOfOrigin: 'Iran',
    enrolledAt: '2025-01-20',
    consentRecordedAt: '2025-01-20',
  }),
  'POST /api/programmes/{id}/applicants': () => ({
    role: 'adept',
    fullName: 'Amir Applicant',
    email: `amir.${unique()}@example.org`,
    gender: 'male',
    profession: 'Pharmacist',
    applicationConsentAt: '2025-01-10',
  }),
  'POST /api/programmes/{id}/participants/{participantId}/withdraw': () => ({ date: '2025-06-01', reason: 'Moved to another town' }),
  'POST /api/programmes/{id}/participants/{participantId}/complete': () => ({ date: '2025-12-19' }),
  'POST /api/programmes/{id}/pairs': (w) => ({
    mentorId: w.a.mentors[1].id,
    adeptId: w.a.adepts[2].id,
    matchedAt: '2025-01-25',
    rationale: 'Same profession',
  }),
  'POST /api/pairs/{id}/end': () => ({ date: '2025-06-01', reason: 'Rematch' }),
  'POST /api/programmes/{id}/executions': (w) => ({ procedureKey: PROCEDURE_KEY, subject: { participantId: w.a.adepts[1].id } }),
  'POST /api/executions/{id}/steps': () => ({ stepKey: 'meet', values: { summary: 'Met again' }, performedAt: '2025-02-21T10:00:00Z' }),
  'POST /api/executions/{id}/steps/{recordId}/corrections': () => ({ values: { summary: 'Met, corrected' }, reason: 'Typing error' }),
  'POST /api/executions/{id}/missing-steps': () => ({
    stepKey: 'meet',
    values: { summary: 'Met, not recorded' },
    performedAt: '2025-02-21T10:00:00Z',
    reason: 'Forgotten before completion',
  }),
  'POST /api/executions/{id}/cancel': () => ({ reason: 'Started for the wrong participant' }),
  'POST /api/executions/{id}/attendance': (w) => ({ entries: [{ participantId: w.a.adepts[0].id, present: true }] }),
  'POST /api/executions/{id}/corrections/{correctionId}/approve': (_w, actor) => ({
    reason: 'Checked against the calendar',
    password: actor.password,
  }),
  'POST /api/executions/{id}/corrections/{correctionId}/reject': () => ({ reason: 'No evidence of the date' }),
  // Today (the default): a past day is for quality managers only, a day to come for nobody.
  'POST /api/programmes/{id}/deviations/scan': () => ({}),
  'POST /api/deviations': (w) => ({
    programmeId: w.a.programme.id,
    title: 'Mid-point follow-up missed',
    description: 'Noticed at the monthly review',
    severity: 'major',
    source: 'internal_audit',
    detectedAt: '2025-04-02T09:00:00Z',
  }),
  'PATCH /api/deviations/{id}': () => ({ title: `Intake interview held late (${unique()})` }),
  'POST /api/deviations/{id}/transitions': () => ({ to: 'analysis', comment: 'Looking into it' }),
  'POST /api/corrective-actions': (w) => ({
    deviationIds: [w.deviationId],
    type: ACTION_TYPES[1],
    description: 'Remind leaders a week before each window',
    ownerId: w.actors.leader.id,
    dueDate: SOON,
    effectivenessCriterion: 'No missed windows for a quarter',
  }),
  'POST /api/corrective-actions/{id}/transitions': () => ({ to: 'in_progress', comment: 'Started' }),
  'POST /api/corrective-actions/{id}/board-reviews': (_w, actor) => ({
    decision: BOARD_DECISIONS[0],
    comment: 'Endorsed by the board',
    password: actor.password,
  }),
  'POST /api/management-reviews': (w) => ({
    heldOn: '2025-09-01',
    title: 'Management review, autumn',
    attendeeIds: [w.actors.board_member.id],
  }),
  'POST /api/management-reviews/{id}/decisions': (w) => ({
    text: 'Train all leaders in the intake method',
    action: { ownerId: w.actors.quality_manager.id, dueDate: SOON, description: 'Hold the training' },
  }),
  'POST /api/management-reviews/{id}/close': (_w, actor) => ({ password: actor.password, comment: 'Closed' }),
  'POST /api/risks': (w) => ({
    kind: 'opportunity',
    programmeId: w.a.programme.id,
    title: 'Employers asking for interns',
    cause: 'Local employers short of engineers',
    consequence: 'Internships for adepts',
    likelihood: 4,
    impact: 3,
    ownerId: w.actors.leader.id,
    nextReviewOn: SOON,
  }),
  'POST /api/risks/{id}/actions': (w) => ({
    type: 'preventive',
    description: 'Keep two reserve mentors',
    ownerId: w.actors.leader.id,
    dueDate: SOON,
    effectivenessCriterion: 'No adept without a mentor for more than two weeks',
  }),
  'POST /api/risks/{id}/revisions': () => ({ reason: 'Quarterly review: unchanged', likelihood: 2 }),
  'POST /api/organisations': () => ({ name: `Host ${unique()}`, sector: 'private' }),
  'POST /api/organisations/{id}/revisions': () => ({ reason: 'New notes', notes: `Notes ${unique()}` }),
  'POST /api/programmes/{id}/internships': (w) => ({
    participantId: w.a.adepts[1].id,
    organisationId: w.organisationId,
    supervisorName: 'Per Lind',
    supervisorRole: 'Head of unit',
    startDate: w.a.programme.startDate,
    endDate: w.a.programme.endDate,
  }),
  'POST /api/internships/{id}/outcome': () => ({ outcome: 'completed' }),
  'POST /api/internships/{id}/revisions': () => ({ reason: 'Supervisor changed', supervisorName: `Supervisor ${unique()}` }),
  'POST /api/documents': (w) => ({
    kind: 'form',
    title: `Intake form ${unique()}`,
    ownerId: w.actors.leader.id,
    reviewIntervalMonths: 12,
    acknowledgementRoles: ['programme_leader'],
  }),
  'POST /api/documents/{id}/versions': () => ({ changeSummary: 'Reworded', acknowledgementRoles: ['programme_leader'] }),
  'POST /api/documents/{id}/versions/{n}/approve': (_w, actor) => ({ password: actor.password, comment: 'Reviewed and approved' }),
  'POST /api/documents/{id}/versions/{n}/reject': () => ({ comment: 'Name the retention period' }),
  'POST /api/documents/{id}/versions/{n}/retire': (_w, actor) => ({ reason: 'Replaced by the handbook', password: actor.password }),
  'POST /api/documents/{id}/reviews': () => ({ comment: 'Still fits', nextReviewBy: SOON }),
  'POST /api/internal-audits': (w) => ({
    year: 2026,
    title: 'Matching of pairs',
    processes: ['Matching'],
    procedureKeys: [PROCEDURE_KEY],
    programmeId: w.b.programme.id,
    plannedMonth: 9,
    importance: 'high',
  }),
  'PATCH /api/internal-audits/{id}': () => ({ title: `Internal audit process (${unique()})` }),
  'POST /api/internal-audits/{id}/start': () => ({}),
  'POST /api/internal-audits/{id}/items/{itemId}/answers': () => ({ result: 'conforming', notes: 'Programme and records seen' }),
  'POST /api/internal-audits/{id}/findings': (w) => ({
    kind: 'observation',
    title: 'Audit records kept in two places',
    description: 'Seen in the audit files',
    itemIds: [w.auditItemId],
  }),
  'POST /api/internal-audits/{id}/report': (_w, actor) => ({ conclusion: 'The audit process conforms', password: actor.password }),
  'POST /api/internal-audits/{id}/close': () => ({ comment: 'Findings handled' }),
  'POST /api/management-reviews/{id}/notes': () => ({ topic: 'issues', text: 'A new co-financier requires registered job-seekers' }),
  'PATCH /api/quality-objectives/{id}': () => ({ title: `Completion at least 80 % (${unique()})`, reason: 'Reworded' }),
  'POST /api/quality-objectives/{id}/actions': (w) => ({
    type: 'improvement',
    description: 'Call every adept in week 6',
    ownerId: w.actors.leader.id,
    dueDate: SOON,
    effectivenessCriterion: 'Fewer withdrawals',
  }),
  'POST /api/improvement-actions': (w) => ({
    type: 'improvement',
    source: 'other',
    sourceText: 'Suggestion at the staff meeting',
    description: 'A feedback course for mentors',
    ownerId: w.actors.leader.id,
    dueDate: SOON,
    effectivenessCriterion: 'Better feedback scores',
  }),
  'POST /api/surveys': () => ({ content: surveyContent(`matrix-${unique()}`) }),
  'POST /api/surveys/{id}/versions': () => ({ content: surveyContent('world-survey'), changeSummary: 'Reworded' }),
  'POST /api/surveys/{id}/versions/{n}/approve': (_w, actor) => ({ password: actor.password, comment: 'Reviewed' }),
  'POST /api/surveys/{id}/versions/{n}/reject': () => ({ comment: 'Too long' }),
  'POST /api/surveys/{id}/results/deviations': (w) => ({
    programmeId: w.a.programme.id,
    questionKey: 'overall',
    title: 'Low satisfaction',
    description: 'The mean fell below 3',
    severity: 'minor',
  }),
  'POST /api/surveys/{id}/results/improvements': (w) => ({
    programmeId: w.a.programme.id,
    questionKey: 'overall',
    description: 'Shorter seminars',
    ownerId: w.actors.leader.id,
    dueDate: SOON,
    effectivenessCriterion: 'Mean of overall at least 4',
  }),
  'POST /api/survey-text-answers/{id}/review': () => ({ decision: 'cleared' }),
  'POST /api/programmes/{id}/survey-plan': () => ({ surveyKey: 'world-survey', audience: 'adept', moment: 'programme_end', offsetDays: 0 }),
  'POST /api/programmes/{id}/survey-sends': () => ({ surveyKey: 'world-survey', audience: 'adept' }),
  'POST /api/survey-invitations/{token}/answers': () => ({ answers: { overall: 4, recommend: 'yes' } }),
  'POST /api/quality-objectives': (w) => ({
    programmeId: w.a.programme.id,
    indicator: 'conformance_rate',
    comparator: COMPARATORS[0],
    target: 0.9,
    title: 'At least 90 % of executions conform',
  }),
};

/** Query strings an operation needs to get past validation. */
const QUERIES: Record<string, Record<string, string>> = {
  'GET /api/procedures/{key}/versions/{n}/diff': { against: '1' },
};

/** A request that passes the DTO validation of `op`, made for `actor` (signatures need their password). */
export function sampleRequest(w: World, op: Operation, actor: TestUser): SampleRequest {
  const query = QUERIES[op.key] ?? {};
  if (!op.body) return { query, body: undefined };
  const make = BODIES[op.key];
  if (!make) throw new Error(`world.ts: no sample body for ${op.key}; add one to BODIES`);
  return { query, body: make(w, actor) };
}
