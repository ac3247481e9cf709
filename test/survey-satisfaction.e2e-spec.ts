/**
 * Survey results where they count (issue 18), through HTTP on the hand-built report programme
 * (test/support/report-fixtures.ts, whose leaders recorded a satisfaction score at a final
 * evaluation): the programme's satisfaction indicator (4 answers hidden, 5 shown), a quality
 * objective measured from it, the management review's "customer satisfaction" switching its
 * source from the leaders' record to the survey, and the evidence report's section (JSON and PDF
 * text) with reviewed free text only.
 */
import { createCast, todayIn } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { expectStatus } from './support/programmes.js';
import { buildReportProgramme } from './support/report-fixtures.js';
import type { ReportProgramme } from './support/report-fixtures.js';
import { fetchReport } from './support/report-http.js';
import { expectShows, pageTexts, shows } from './support/report-pdf.js';
import { surveyInForce, tokenOf } from './support/surveys.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const COMPLAINT = 'The seminars were far too short';
const PENDING = 'My mentor Bertil was never on time';

describe('survey results in indicators, objectives, the management review and the evidence report', () => {
  let t: TestApp;
  let c: Cast;
  let fx: ReportProgramme;
  let tokens: string[];
  let reviewId: string;
  let objectiveId: string;
  let today: string;

  const answer = (i: number, overall: number, comments?: string) =>
    t.http
      .post(`/api/survey-invitations/${tokens[i]}/answers`)
      .send({ answers: { overall, recommend: overall >= 3 ? 'yes' : 'no', comments } });
  const satisfaction = async (as: TestUser = c.qm) => {
    const body = expectStatus(await t.http.get(`/api/programmes/${fx.programme.id}/indicators`).set(...bearer(as)), 200, 'indicators');
    return (body.satisfaction as { indicator: string }[]).find((s) => s.indicator === 'participant_satisfaction');
  };
  const inputs = async () =>
    expectStatus(await t.http.get(`/api/management-reviews/${reviewId}/inputs`).set(...bearer(c.board)), 200, 'inputs');
  const objective = async () =>
    expectStatus(await t.http.get(`/api/quality-objectives/${objectiveId}`).set(...bearer(c.qm)), 200, 'objective');
  const evidence = async () =>
    expectStatus(
      await t.http
        .get(`/api/programmes/${fx.programme.id}/reports/evidence.json?generatedAt=2026-01-15T12:00:00.000Z&to=${today}`)
        .set(...bearer(c.qm)),
      200,
      'evidence JSON',
    ).model;
  const evidencePdf = async () => {
    const r = await fetchReport(t, c.qm, `/api/programmes/${fx.programme.id}/reports/evidence.pdf?to=${today}`);
    return (await pageTexts(r.body)).join('\n');
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    fx = await buildReportProgramme(t, c);
    today = todayIn(t.config.timeZone);
    await surveyInForce(t, c.qm, c.qm2, 'adept-exit');
    const sent = expectStatus(
      await t.http
        .post(`/api/programmes/${fx.programme.id}/survey-sends`)
        .set(...bearer(c.qm))
        .send({ surveyKey: 'adept-exit', audience: 'adept', language: 'en' }),
      201,
      'sending the survey',
    );
    tokens = [];
    for (const i of sent.invitations as { id: string }[]) tokens.push(await tokenOf(t, i.id));
    expect(tokens.length).toBeGreaterThanOrEqual(7);
    const review = expectStatus(
      await t.http
        .post('/api/management-reviews')
        .set(...bearer(c.qm))
        .send({ heldOn: today, periodFrom: '2025-06-01', title: 'Review with surveys', attendeeIds: [c.board.id, c.qm.id] }),
      201,
      'opening a review',
    );
    reviewId = review.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads customer satisfaction as recorded by leaders while no survey is answered', async () => {
    const got = await inputs();
    expect(got.satisfaction).toMatchObject({
      source: 'recorded_by_leaders',
      sourceNote: 'recorded by leaders',
      survey: null,
      employers: null,
      procedureKey: 'final-evaluation',
    });
    // The leaders recorded a score at a final evaluation in the period (a count of people under 5).
    expect(got.satisfaction.responses).not.toBe(0);
    expect(got.externalProviders).toMatchObject({ mentorSatisfactionSource: 'recorded_by_leaders', mentorSatisfactionSurvey: null });
    expect(await satisfaction()).toMatchObject({ n: 0, mean: null, answered: 0, surveys: ['adept-exit'] });
  });

  it('hides the indicator at 4 answers, and an objective on it is not measurable; the review already names the survey', async () => {
    for (const [i, score] of [5, 4, 4, 2].entries()) expect((await answer(i, score)).status).toBe(200);
    expect(await satisfaction()).toMatchObject({
      indicator: 'participant_satisfaction',
      n: '<5',
      mean: null,
      distribution: null,
      responseRate: null,
    });
    // Suppressed for everyone, the quality manager too, and for an auditor.
    expect(await satisfaction(c.auditor)).toMatchObject({ n: '<5', mean: null });

    const setObjective = (target: number) =>
      t.http
        .post('/api/quality-objectives')
        .set(...bearer(c.qm))
        .send({ programmeId: fx.programme.id, indicator: 'participant_satisfaction', comparator: '>=', target, title: 'Satisfied adepts' });
    // A mean score runs from 1 to 5.
    expectProblem(await setObjective(6), 422, 'target_out_of_range');
    const created = expectStatus(await setObjective(4), 201, 'an objective on satisfaction');
    objectiveId = created.id;
    expect(created).toMatchObject({ unit: 'score', measured: null, status: 'not_measurable' });

    const got = await inputs();
    expect(got.satisfaction).toMatchObject({
      source: 'survey',
      sourceNote: 'survey (fewer than 5 answers, response rate not shown)',
      responses: '<5',
      mean: null,
      distribution: { '1': '<5', '2': '<5', '3': '<5', '4': '<5', '5': '<5' },
      survey: { surveys: ['adept-exit'], answered: '<5', responseRate: null },
    });
  });

  it('shows the indicator at 5 answers, measures the objective from it, and the review takes the survey as its source', async () => {
    expect((await answer(4, 5, COMPLAINT)).status).toBe(200);
    expect((await answer(5, 1)).status).toBe(200);
    expect((await answer(6, 4, PENDING)).status).toBe(200);
    const shown = await satisfaction();
    // 10 invited, 7 answered: the 3 who did not answer hide the answered count and the rate with them.
    expect(shown).toMatchObject({ n: 7, mean: 3.57, invited: 10, answered: '>=5', responseRate: null });

    const o = await objective();
    expect(o).toMatchObject({ measured: 3.57, status: 'not_met', unit: 'score' });

    const got = await inputs();
    expect(got.satisfaction).toMatchObject({
      source: 'survey',
      responses: 7,
      mean: 3.57,
      survey: { surveys: ['adept-exit'], invited: 10, answered: '>=5', responseRate: null },
    });
    expect(got.satisfaction.sourceNote).toBe('survey (7 answers, response rate not shown)');
    // The minutes print the source.
    const minutes = await fetchReport(t, c.qm, `/api/management-reviews/${reviewId}/minutes.pdf`);
    expect(minutes.res.status).toBe(200);
    const text = (await pageTexts(minutes.body)).join('\n');
    expectShows(text, ['Source', 'Survey (7 answers, response rate not shown)', '3.57']);
  });

  it('prints the satisfaction surveys in the evidence report: response rate, questions with bars, reviewed free text only', async () => {
    const before = await evidence();
    const [survey] = before.satisfactionSurveys;
    expect(survey).toMatchObject({ key: 'adept-exit', title: { en: 'How was it?' }, freeText: [], freeTextAwaitingReview: 2 });
    expect(survey.responseRates).toEqual([{ role: 'adept', invited: 10, answered: '>=5', declined: 0, rate: null }]);
    const overall = survey.questions.find((q: { key: string }) => q.key === 'overall');
    // Beside hidden cells and n, a mean would solve them: it is hidden with them.
    expect(overall).toMatchObject({ n: 7, mean: null, suppressed: false, label: { en: 'All in all', sv: 'All in all (sv)' } });
    expect(overall.distribution.map((d: { count: unknown }) => d.count)).toEqual(['<5', '<5', 0, '<5', '<5']);
    expect(JSON.stringify(before)).not.toContain(COMPLAINT);

    // A quality manager clears the complaint; the other stays pending and is never printed.
    const pending = expectStatus(await t.http.get('/api/survey-text-answers?state=pending').set(...bearer(c.qm)), 200, 'pending text');
    const complaint = (pending.items as { id: string; text: string }[]).find((x) => x.text === COMPLAINT)!;
    expectStatus(
      await t.http
        .post(`/api/survey-text-answers/${complaint.id}/review`)
        .set(...bearer(c.qm))
        .send({ decision: 'cleared' }),
      200,
      'clearing the complaint',
    );
    const after = (await evidence()).satisfactionSurveys[0];
    expect(after.freeText).toEqual([{ questionKey: 'comments', role: 'adept', text: COMPLAINT, redacted: false }]);
    expect(after.freeTextAwaitingReview).toBe(1);
    expect(after.trends[0]).toMatchObject({ questionKey: 'overall', points: [expect.objectContaining({ n: 7, mean: null })] });

    const text = await evidencePdf();
    expectShows(text, ['Satisfaction surveys', 'How was it?', 'Response rate', 'All in all', 'fewer than 5 answers', COMPLAINT]);
    expect(shows(text, PENDING)).toBe(false);
    expect(shows(text, 'Trend across programmes: All in all')).toBe(true);
  });
});
