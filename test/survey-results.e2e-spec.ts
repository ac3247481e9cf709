/**
 * Survey results through HTTP: the response rate and each question per programme (cohort) and
 * role, with small-cell suppression (4 answers hidden, 5 shown, and no cell worked out from the
 * total less the others); free text shown only once a quality manager has cleared or redacted it;
 * a deviation and an improvement action opened from a result; who reads what (a leader their own
 * programmes, an auditor read-only). Every write audited.
 */
import { auditedBy } from './support/audit-events.js';
import { expectProblem } from './support/expectations.js';
import { activateProgramme, addParticipant, createProgramme, expectStatus } from './support/programmes.js';
import { surveyInForce, tokenOf } from './support/surveys.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('survey results', () => {
  let t: TestApp;
  let qm: TestUser;
  let qm2: TestUser;
  let leader: TestUser;
  let otherLeader: TestUser;
  let auditor: TestUser;
  let board: TestUser;
  let programmeA: string;
  let programmeB: string;
  let surveyId: string;
  let tokensA: string[];
  let tokensB: string[];

  const sendAll = async (as: TestUser, programmeId: string) => {
    const sent = expectStatus(
      await t.http
        .post(`/api/programmes/${programmeId}/survey-sends`)
        .set(...bearer(as))
        .send({ surveyKey: 'adept-exit', audience: 'adept', language: 'en' }),
      201,
      'sending',
    );
    const out: string[] = [];
    for (const i of sent.invitations as { id: string }[]) out.push(await tokenOf(t, i.id));
    return out;
  };
  const answer = (token: string, overall: number, comments?: string) =>
    t.http
      .post(`/api/survey-invitations/${token}/answers`)
      .send({ answers: { overall, recommend: overall >= 3 ? 'yes' : 'no', comments } });
  const results = (as: TestUser, query = '') => t.http.get(`/api/surveys/${surveyId}/results${query}`).set(...bearer(as));

  beforeAll(async () => {
    t = await startTestApp();
    t.setToday('2026-06-10');
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    qm2 = await t.user(['quality_manager'], 'Astrid Approver');
    leader = await t.user(['programme_leader'], 'Leila Leader');
    otherLeader = await t.user(['programme_leader'], 'Olof Other');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    board = await t.user(['board_member'], 'Britt Board');
    const a = await createProgramme(t, qm, { name: 'Cohort 2025', startDate: '2025-01-13', endDate: '2025-12-19', leaderIds: [leader.id] });
    const b = await createProgramme(t, qm, {
      name: 'Cohort 2026',
      startDate: '2026-01-12',
      endDate: '2026-12-18',
      leaderIds: [otherLeader.id],
    });
    programmeA = (await activateProgramme(t, qm, a.id)).id;
    programmeB = (await activateProgramme(t, qm, b.id)).id;
    for (let i = 0; i < 7; i++) await addParticipant(t, leader, programmeA, { role: 'adept', enrolledAt: '2025-01-13' });
    for (let i = 0; i < 6; i++) await addParticipant(t, otherLeader, programmeB, { role: 'adept', enrolledAt: '2026-01-12' });
    surveyId = await surveyInForce(t, qm, qm2, 'adept-exit');
    tokensA = await sendAll(leader, programmeA);
    tokensB = await sendAll(otherLeader, programmeB);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('hides a question answered by 4 and shows it at 5', async () => {
    for (const [i, score] of [5, 4, 4, 3].entries()) expect((await answer(tokensA[i], score)).status).toBe(200);
    const four = expectStatus(await results(qm, `?programmeId=${programmeA}`), 200, 'results with 4 answers');
    const overall4 = four.questions.find((q: { key: string }) => q.key === 'overall');
    expect(overall4).toEqual(expect.objectContaining({ n: '<5', mean: null, suppressed: true, distribution: [] }));
    expect(four.responseRate).toEqual({ invited: 7, answered: '<5', declined: 0, rate: null });

    expect((await answer(tokensA[4], 2, 'The seminars in March were too long')).status).toBe(200);
    const five = expectStatus(await results(qm, `?programmeId=${programmeA}`), 200, 'results with 5 answers');
    const overall5 = five.questions.find((q: { key: string }) => q.key === 'overall');
    // Each value is a count of people: under 5 hidden, and with a lone hidden one, a partner too. With
    // n shown, a mean would solve the hidden cells, so it is hidden with them.
    expect(overall5).toEqual(expect.objectContaining({ n: 5, mean: null, suppressed: false, indicator: 'participant_satisfaction' }));
    expect(overall5.distribution.map((d: { count: unknown }) => d.count)).toEqual([0, '<5', '<5', '<5', '<5']);
    // 2 of 7 did not answer: a count that small would be given away, so the answered count is hidden with it.
    expect(five.responseRate).toEqual({ invited: 7, answered: '>=5', declined: 0, rate: null });
    expect(five.cohorts).toEqual([expect.objectContaining({ programmeId: programmeA, programmeName: 'Cohort 2025', role: 'adept' })]);
  });

  it('hides a small cohort, and the smallest other one with it, so the total gives neither away', async () => {
    for (const [i, score] of [5, 5].entries()) expect((await answer(tokensB[i], score)).status).toBe(200);
    const all = expectStatus(await results(qm), 200, 'results');
    const byCohort = new Map(
      all.cohorts.map((c: { programmeId: string; questions: { key: string; n: unknown; mean: unknown }[] }) => [
        c.programmeId,
        c.questions.find((q) => q.key === 'overall'),
      ]),
    );
    expect(byCohort.get(programmeB)).toEqual(expect.objectContaining({ n: '<5', mean: null }));
    // 5 answers in A would be shown alone; beside B's 2 and a total of 7, they are hidden with them.
    expect(byCohort.get(programmeA)).toEqual(expect.objectContaining({ n: '>=5', mean: null, suppressed: true }));
    // The total less the shown cohorts would give the hidden cohorts' figures away: the overall mean,
    // distribution and answered count are hidden with them.
    const overall = all.questions.find((q: { key: string }) => q.key === 'overall');
    expect(overall).toEqual(expect.objectContaining({ n: 7, mean: null, suppressed: true, distribution: [] }));
    expect(all.cohorts.find((c: { programmeId: string }) => c.programmeId === programmeB).responseRate.answered).toBe('<5');
    expect(all.responseRate).toEqual(expect.objectContaining({ answered: '>=5', rate: null }));
    expect(
      all.trends
        .find((x: { questionKey: string }) => x.questionKey === 'overall')
        .points.map((p: { programmeId: string }) => p.programmeId),
    ).toEqual([programmeA, programmeB]);
    expect(JSON.stringify(all)).not.toMatch(/Testperson/);
  });

  it('shows free text only once reviewed: cleared as written, redacted as its replacement; a review is made once', async () => {
    expect((await answer(tokensA[5], 1, 'Ahmed, my mentor, never came; phone me at 070-1234567')).status).toBe(200);
    const before = expectStatus(await results(qm, `?programmeId=${programmeA}`), 200, 'results');
    expect(before.freeText).toEqual([]);
    expect(before.freeTextAwaitingReview).toBe(2);
    const pending = expectStatus(await t.http.get('/api/survey-text-answers').set(...bearer(qm)), 200, 'pending text');
    expect(pending.items).toHaveLength(2);
    expectProblem(await t.http.get('/api/survey-text-answers').set(...bearer(auditor)), 403, 'forbidden_role');
    const complaint = pending.items.find((i: { text: string }) => i.text.startsWith('Ahmed'));
    const seminar = pending.items.find((i: { text: string }) => i.text.startsWith('The seminars'));

    const noReplacement = await t.http
      .post(`/api/survey-text-answers/${complaint.id}/review`)
      .set(...bearer(qm))
      .send({ decision: 'redacted' });
    expectProblem(noReplacement, 400, 'validation_failed');
    const events = await auditedBy(t, async () => {
      expectStatus(
        await t.http
          .post(`/api/survey-text-answers/${complaint.id}/review`)
          .set(...bearer(qm))
          .send({ decision: 'redacted', replacement: 'My mentor never came to our meetings.' }),
        200,
        'redacting',
      );
      expectStatus(
        await t.http
          .post(`/api/survey-text-answers/${seminar.id}/review`)
          .set(...bearer(qm))
          .send({ decision: 'cleared' }),
        200,
        'clearing',
      );
    });
    expect(events.map((e) => e.action)).toEqual(['survey_text_answer.redact', 'survey_text_answer.clear']);
    expect(JSON.stringify(events)).not.toContain('My mentor never came');
    expectProblem(
      await t.http
        .post(`/api/survey-text-answers/${seminar.id}/review`)
        .set(...bearer(qm))
        .send({ decision: 'cleared' }),
      409,
      'survey_text_reviewed',
    );
    await expect(t.sql(`UPDATE survey_text_review SET decision = 'cleared'`)).rejects.toThrow();

    const after = expectStatus(await results(auditor, `?programmeId=${programmeA}`), 200, 'results');
    expect(after.freeText.map((f: { text: string }) => f.text).sort()).toEqual([
      'My mentor never came to our meetings.',
      'The seminars in March were too long',
    ]);
    expect(JSON.stringify(after)).not.toContain('070-1234567');
    expect(after.freeTextAwaitingReview).toBe(0);
  });

  it('filters by whole quarters only, in order, naming the field (two requests cannot differ by one day)', async () => {
    const oneDay = await results(qm, '?from=2026-06-10&to=2026-06-10');
    expectProblem(oneDay, 400, 'validation_failed');
    expect(oneDay.body.errors.map((e: { field: string }) => e.field)).toEqual(['from', 'to']);
    const backwards = await results(qm, '?from=2026-07-01&to=2026-03-31');
    expectProblem(backwards, 400, 'validation_failed');
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    expectStatus(await results(qm, '?from=2026-04-01&to=2026-06-30'), 200, 'a whole quarter');
  });

  it('leaves out the free text of a (programme, role) cohort of fewer than 5 answers, reviewed or not', async () => {
    expect((await answer(tokensB[2], 4, 'I was the only one from Eritrea in the group')).status).toBe(200);
    const [text] = await t.sql<{ id: string }>(`SELECT id FROM survey_text_answer WHERE text LIKE 'I was the only one%'`);
    expectStatus(
      await t.http
        .post(`/api/survey-text-answers/${text.id}/review`)
        .set(...bearer(qm))
        .send({ decision: 'cleared' }),
      200,
      'clearing',
    );
    for (const query of ['', `?programmeId=${programmeB}`]) {
      const shown = expectStatus(await results(qm, query), 200, 'results');
      expect(JSON.stringify(shown.freeText)).not.toContain('Eritrea');
    }
    // Programme A's 6 answers are enough: its reviewed text stays.
    const a = expectStatus(await results(qm, `?programmeId=${programmeA}`), 200, 'results');
    expect(a.freeText).toHaveLength(2);
  });

  it('opens a deviation and an improvement action from a result, linked to the survey, question and programme', async () => {
    const [complaint] = await t.sql<{ id: string }>(`SELECT id FROM survey_text_answer WHERE text LIKE 'Ahmed%'`);
    const events = await auditedBy(t, async () => {
      const deviation = expectStatus(
        await t.http
          .post(`/api/surveys/${surveyId}/results/deviations`)
          .set(...bearer(qm))
          .send({
            programmeId: programmeA,
            questionKey: 'comments',
            textAnswerId: complaint.id,
            title: 'A mentor missed the meetings',
            description: 'An adept reports that the mentor never came.',
            severity: 'major',
          }),
        201,
        'opening a deviation',
      );
      expect(deviation).toEqual(
        expect.objectContaining({ kind: 'deviation', surveyKey: 'adept-exit', questionKey: 'comments', programmeId: programmeA }),
      );
      expect(deviation.reference).toMatch(/^DEV-/);
      const action = expectStatus(
        await t.http
          .post(`/api/surveys/${surveyId}/results/improvements`)
          .set(...bearer(qm))
          .send({
            programmeId: programmeA,
            questionKey: 'overall',
            description: 'Shorter seminars with more time for questions',
            ownerId: leader.id,
            dueDate: '2026-09-30',
            effectivenessCriterion: 'The mean of overall reaches 4 in the next cohort',
          }),
        201,
        'planning an improvement',
      );
      expect(action.reference).toMatch(/^CA-/);
    });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['deviation.create', 'survey_finding.create', 'corrective_action.create']),
    );
    const unknown = await t.http
      .post(`/api/surveys/${surveyId}/results/improvements`)
      .set(...bearer(qm))
      .send({
        programmeId: programmeA,
        questionKey: 'no_such_question',
        description: 'x',
        ownerId: leader.id,
        dueDate: '2026-09-30',
        effectivenessCriterion: 'x',
      });
    expectProblem(unknown, 422, 'unknown_survey_question');
    const [deviationRow] = await t.sql<{ description: string; source: string }>(
      `SELECT description, source FROM deviation WHERE title = 'A mentor missed the meetings'`,
    );
    expect(deviationRow).toEqual({ description: expect.stringContaining('adept-exit, question comments'), source: 'participant_feedback' });
    const shown = expectStatus(await results(qm, `?programmeId=${programmeA}`), 200, 'results');
    expect(shown.findings.map((f: { kind: string }) => f.kind)).toEqual(['deviation', 'improvement']);
  });

  it("lets a leader read their programmes' cohorts only; an auditor and a board member read and write nothing", async () => {
    expectProblem(await results(otherLeader, `?programmeId=${programmeA}`), 404, 'not_found');
    const own = expectStatus(await results(otherLeader), 200, 'own results');
    expect(own.cohorts.map((c: { programmeId: string }) => c.programmeId)).toEqual([programmeB]);
    expect((await results(board)).status).toBe(200);
    expectProblem(
      await t.http
        .post(`/api/surveys/${surveyId}/results/deviations`)
        .set(...bearer(auditor))
        .send({ programmeId: programmeA, questionKey: 'overall', title: 'x', description: 'x', severity: 'minor' }),
      403,
      'forbidden_role',
    );
    expectProblem(
      await t.http
        .post(`/api/surveys/${surveyId}/results/deviations`)
        .set(...bearer(leader))
        .send({ programmeId: programmeA, questionKey: 'overall', title: 'x', description: 'x', severity: 'minor' }),
      403,
      'forbidden_role',
    );
  });
});
