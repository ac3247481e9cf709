/**
 * The demo loader (`npm run demo`), run through the same function the command line calls, on the
 * test application: the programme it builds, the deviations the system detects in it, the audit
 * chain, the evidence report, and the refusal to load twice.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoRefused } from '../src/demo/demo-context.js';
import { DEMO_PASSWORD, STAFF } from '../src/demo/demo-people.js';
import { runDemo } from '../src/demo/demo.js';
import { DEMO_COMPLAINT, DEMO_PENDING_TEXT } from '../src/demo/demo-surveys.js';
import type { DemoSummary } from '../src/demo/demo.js';
import { pageTexts, expectShows } from './support/report-pdf.js';
import { startTestApp, uniqueSuffix } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

describe('demo programme', () => {
  let t: TestApp;
  let summary: DemoSummary;
  let token: string;
  const out = join(tmpdir(), `demo-evidence-${uniqueSuffix()}.pdf`);
  const count = async (sql: string, params: unknown[] = []) => Number((await t.sql<{ n: number }>(sql, params))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    summary = await runDemo(t.app, { out, lang: 'en' });
    // The printed accounts work: the quality manager signs in with the demo password.
    token = await t.login(STAFF.quality.email, DEMO_PASSWORD);
  }, 300_000);
  afterAll(async () => {
    rmSync(out, { force: true });
    await t?.close();
  });

  it('has its second quality manager adopt the shipped baseline with her signature, shown in the evidence report', async () => {
    const adoption = await t.http.get('/api/procedures/baseline/adoption').set('Authorization', `Bearer ${token}`);
    expect(adoption.body).toMatchObject({ state: 'adopted', adoptedBy: { name: STAFF.approver.name }, meaning: 'baseline adoption' });
    const signed = await t.sql<{ meaning: string; signer_name: string }>(
      `SELECT DISTINCT meaning, signer_name FROM signature WHERE record_type = 'procedure_version' ORDER BY meaning`,
    );
    // Besides the baseline, the version of the intake interview the leaders are asked to read is approved by her.
    expect(signed).toEqual([
      { meaning: 'approved', signer_name: STAFF.approver.name },
      { meaning: 'baseline adoption', signer_name: STAFF.approver.name },
    ]);
    expectShows((await pageTexts(readFileSync(out))).join('\n'), [`${STAFF.approver.name} (baseline adoption)`]);
  });

  it('places four adepts with three host organisations of the register, one internship leading to employment', async () => {
    expect(summary.internships).toEqual({ organisations: 3, internships: 4, employed: 1 });
    const orgs = await t.http.get('/api/organisations').set('Authorization', `Bearer ${token}`);
    expect(orgs.body.items.map((o: { name: string }) => o.name).sort()).toEqual([
      'Brightline Structural Engineering AB',
      'Eastvale Municipality',
      'Northbay University Hospital',
    ]);
    const list = await t.http.get(`/api/programmes/${summary.programme.id}/internships`).set('Authorization', `Bearer ${token}`);
    expect(list.status).toBe(200);
    const shown = list.body.items.map((i: { adept: { fullName: string }; state: string; outcome: string | null }) => [
      i.adept.fullName,
      i.state,
      i.outcome,
    ]);
    expect(shown.sort()).toEqual([
      ['Amina Haddad', 'ended', 'employed'],
      ['Olena Kovalenko', 'ended', 'ended_early'],
      ['Priya Raman', 'ongoing', null],
      ['Tesfaye Girma', 'ended', 'completed'],
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM internship_revision WHERE change = 'corrected'`)).toBe(1);
  });

  it('builds the programme, near its end, with its participants, pairs and executions', async () => {
    const id = summary.programme.id;
    const programme = await t.http.get(`/api/programmes/${id}`).set('Authorization', `Bearer ${token}`);
    expect(programme.status).toBe(200);
    expect(programme.body).toMatchObject({ name: summary.programme.name, status: 'active', procedurePlan: expect.any(Array) });
    expect(programme.body.procedurePlan.map((p: { procedureKey: string }) => p.procedureKey).sort()).toEqual([
      'expression-of-interest',
      'final-evaluation',
      'information-meeting',
      'intake-interview',
      'internship',
      'introduction-day',
      'job-coaching',
      'matching',
      'mentor-end-evaluation',
      'mentor-meetings',
      'mentor-vetting',
      'mid-point-follow-up',
      'outcome-follow-up-12-months',
      'outcome-follow-up-6-months',
      'seminars',
    ]);
    expect(programme.body.startDate < summary.programme.endDate).toBe(true);

    expect(summary.participants).toEqual({ adepts: 22, mentors: 22, pairs: 22, countries: 19, withdrawn: 2, completed: 16 });
    const people = await t.sql<{ role: string; status: string; n: number }>(
      `SELECT role, status, count(*)::int AS n FROM participant WHERE programme_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [id],
    );
    expect(people).toEqual([
      { role: 'adept', status: 'active', n: 4 },
      { role: 'adept', status: 'completed', n: 16 },
      { role: 'adept', status: 'not_admitted', n: 1 },
      { role: 'adept', status: 'waiting_list', n: 2 },
      { role: 'adept', status: 'withdrawn', n: 2 },
      { role: 'mentor', status: 'active', n: 22 },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM pair WHERE programme_id = $1 AND ended_at IS NOT NULL`, [id])).toBe(2);
    const executions = await t.sql<{ procedure_key: string; n: number }>(
      `SELECT procedure_key, count(*)::int AS n FROM execution WHERE programme_id = $1 AND state = 'completed' GROUP BY 1 ORDER BY 1`,
      [id],
    );
    expect(executions).toEqual([
      { procedure_key: 'expression-of-interest', n: 25 },
      { procedure_key: 'final-evaluation', n: 16 },
      { procedure_key: 'information-meeting', n: 1 },
      { procedure_key: 'intake-interview', n: 25 },
      { procedure_key: 'introduction-day', n: 1 },
      { procedure_key: 'job-coaching', n: summary.year.coaching.occurrences },
      { procedure_key: 'matching', n: 22 },
      { procedure_key: 'mentor-meetings', n: summary.year.meetings.occurrences },
      { procedure_key: 'mentor-vetting', n: 22 },
      { procedure_key: 'mid-point-follow-up', n: 19 },
      { procedure_key: 'seminars', n: 7 },
    ]);
    expect(await count(`SELECT count(*)::int AS n FROM execution WHERE programme_id = $1 AND state = 'open'`, [id])).toBe(0);
    // Every step was performed in the past.
    expect(await count(`SELECT count(*)::int AS n FROM execution_step_record WHERE performed_at > now()`)).toBe(0);
    // Near the end: internships (20 adepts who did not leave) and mentor end evaluations (22) are due;
    // the outcome follow-ups after 6 and 12 months are not yet due for the 18 who completed or left,
    // and do not apply to the 4 still active, nor internships to the 2 who left. The 3 applicants who got
    // no place: their expression of interest and intake interview conform; nothing else applies to them. The year's recurring
    // work: 22 pairs' mentor meetings (one cadence missed), the cohort's seminars, job coaching of the
    // 4 still active (not owed by the 18 who completed or left).
    expect(summary.conformance).toEqual({
      not_applicable: 47,
      not_yet_due: 36,
      due: 46,
      overdue: 1,
      cadence_missed: 1,
      conforming: 153,
      nonconforming: 4,
    });
  });

  it('records the year: mentor meetings on cadence but for one quiet pair, seminars with attendance, job coaching', async () => {
    const id = summary.programme.id;
    const y = summary.year;
    expect(y.meetings.pairs).toBe(22);
    // About monthly for a year: 11 to 13 meetings a pair that stayed, fewer for the two who left.
    expect(y.meetings.occurrences).toBeGreaterThanOrEqual(240);
    expect(y.meetings.occurrences).toBeLessThanOrEqual(290);
    expect(y.seminars).toEqual({ planned: 8, held: 7 });
    expect(y.coaching.adepts).toBe(4);
    expect(y.coaching.occurrences).toBeGreaterThanOrEqual(4 * 20);
    expect(y.coaching.occurrences).toBeLessThanOrEqual(4 * 24);
    // The introduction day and the seven seminars; most present, a few absent with a reason.
    expect(y.attendance.sessions).toBe(8);
    expect(y.attendance.absent).toBeGreaterThanOrEqual(8);
    expect(y.attendance.present).toBeGreaterThan(10 * y.attendance.absent);
    const entries = await t.sql<{ present: boolean; reasons: number; n: number }>(
      `SELECT a.present, count(a.absence_reason)::int AS reasons, count(*)::int AS n FROM execution_attendance a
       JOIN execution e ON e.id = a.execution_id WHERE e.programme_id = $1 GROUP BY 1 ORDER BY 1`,
      [id],
    );
    expect(entries).toEqual([
      { present: false, reasons: y.attendance.absent, n: y.attendance.absent },
      { present: true, reasons: 0, n: y.attendance.present },
    ]);
    const intro = await t.http.get(`/api/executions/${y.introductionId}/attendance`).set('Authorization', `Bearer ${token}`);
    expect(intro.status).toBe(200);
    expect(intro.body.counts).toEqual({ present: 41, absent: 3, notRecorded: 0 });

    // The matrix: the quiet pair's mentor meetings are cadence_missed with one gap of 49 days; every other recurring cell conforms.
    const matrix = await t.http.get(`/api/programmes/${id}/conformance`).set('Authorization', `Bearer ${token}`);
    expect(matrix.status).toBe(200);
    type Cell = { procedureKey: string; status: string; recurring?: { gaps: { days: number; from: string; to: string }[] } };
    const recurring = (matrix.body.rows as { subject: { id: string }; cells: Cell[] }[]).flatMap((r) =>
      r.cells
        .filter((c) => ['mentor-meetings', 'seminars', 'job-coaching'].includes(c.procedureKey))
        .map((c) => ({ subject: r.subject.id, ...c })),
    );
    const quiet = recurring.filter((c) => c.status === 'cadence_missed');
    expect(quiet.map((c) => [c.subject, c.procedureKey])).toEqual([[y.cadenceMissed.pairId, 'mentor-meetings']]);
    expect(quiet[0].recurring?.gaps).toEqual([expect.objectContaining({ from: y.cadenceMissed.from, to: y.cadenceMissed.to, days: 49 })]);
    const byStatus = (key: string) =>
      recurring
        .filter((c) => c.procedureKey === key)
        .reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.status]: (acc[c.status] ?? 0) + 1 }), {});
    expect(byStatus('mentor-meetings')).toEqual({ conforming: 21, cadence_missed: 1 });
    expect(byStatus('seminars')).toEqual({ conforming: 1 });
    // Coached every second week: the 4 still active; not owed by those who completed or left.
    expect(byStatus('job-coaching')).toEqual({ conforming: 4, not_applicable: 21 });

    // Exactly one cadence_missed deviation, for that pair, opened by the scan and dated when the cadence broke.
    const gaps = await t.sql<{ detection_key: string; occurred: string }>(
      `SELECT detection_key, to_char(occurred_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS occurred FROM deviation
       WHERE programme_id = $1 AND rule = 'cadence_missed'`,
      [id],
    );
    expect(gaps).toHaveLength(1);
    expect(gaps[0].detection_key).toContain(`:mentor-meetings:${y.cadenceMissed.pairId}:`);
    expect(gaps[0].occurred > y.cadenceMissed.from && gaps[0].occurred <= y.cadenceMissed.to).toBe(true);
  });

  it('judges four executions nonconforming, each with deviations the system opened', async () => {
    const judged = await t.sql<{ id: string; procedure_key: string; rules: string[]; deviations: number }>(
      `SELECT e.id, e.procedure_key, array(SELECT DISTINCT f->>'rule' FROM jsonb_array_elements(j.findings) f ORDER BY 1) AS rules,
              (SELECT count(*)::int FROM deviation d WHERE d.execution_id = e.id AND d.source = 'system') AS deviations
       FROM execution e JOIN execution_judgement j ON j.execution_id = e.id
       WHERE e.programme_id = $1 AND j.conformance = 'nonconforming' ORDER BY e.procedure_key, 3`,
      [summary.programme.id],
    );
    expect(judged.map((j) => [j.procedure_key, j.rules])).toEqual([
      ['intake-interview', ['missing_step']],
      ['intake-interview', ['outside_window']],
      ['intake-interview', ['performer_competence']],
      ['mid-point-follow-up', ['outside_window']],
    ]);
    // One deviation per execution and rule: no duplicates to cancel.
    for (const j of judged) expect(j.deviations).toBe(1);

    const deviations = await t.sql<{ source: string; rule: string | null; state: string; n: number }>(
      `SELECT source, rule, state, count(*)::int AS n FROM deviation WHERE programme_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [summary.programme.id],
    );
    expect(deviations).toEqual([
      // The internal audit's nonconformity, still to be analysed.
      { source: 'internal_audit', rule: null, state: 'open', n: 1 },
      { source: 'participant_feedback', rule: null, state: 'in_progress', n: 1 },
      // The pair that did not meet for seven weeks in the autumn, found by the scan.
      { source: 'system', rule: 'cadence_missed', state: 'open', n: 1 },
      { source: 'system', rule: 'missing_step', state: 'closed', n: 1 },
      { source: 'system', rule: 'outside_window', state: 'analysis', n: 1 },
      { source: 'system', rule: 'outside_window', state: 'closed', n: 1 },
      { source: 'system', rule: 'overdue', state: 'open', n: 1 },
      { source: 'system', rule: 'performer_competence', state: 'in_progress', n: 1 },
    ]);
    // Dated by when they occurred (steps through the year, a window's end), not by the day the demo entered them.
    const months = await t.sql<{ month: string }>(
      `SELECT DISTINCT to_char(occurred_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS month FROM deviation WHERE programme_id = $1 AND source = 'system'`,
      [summary.programme.id],
    );
    expect(months.length).toBeGreaterThanOrEqual(3);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM deviation WHERE programme_id = $1 AND source = 'system' AND occurred_at >= detected_at - interval '1 day'`,
        [summary.programme.id],
      ),
    ).toBe(0);
  });

  it('carries corrective actions, board reviews and the management review through to signatures', async () => {
    const actions = await t.sql<{ reference: string; state: string; type: string; overdue: boolean }>(
      `SELECT reference, state, type, state IN ('planned', 'in_progress') AND due_date < now()::date AS overdue FROM corrective_action
       WHERE source IN ('deviation', 'management_review') ORDER BY reference`,
    );
    // Improvement and preventive actions without a deviation: from the internal audit, an objective, a suggestion, a survey and a risk.
    const sources = await t.sql<{ source: string; type: string }>(
      `SELECT source, type FROM corrective_action WHERE source NOT IN ('deviation', 'management_review') ORDER BY source`,
    );
    expect(sources).toEqual([
      // The internal audit's opportunity for improvement.
      { source: 'internal_audit', type: 'improvement' },
      { source: 'objective', type: 'improvement' },
      { source: 'other', type: 'improvement' },
      // The complaint in the adepts' survey (its source text names the survey and the question).
      { source: 'other', type: 'improvement' },
      { source: 'risk', type: 'preventive' },
    ]);
    expect(actions.map((a) => [a.reference, a.type, a.state, a.overdue])).toEqual([
      [summary.actions.closed, 'corrective', 'closed', false],
      [summary.actions.inProgress, 'corrective', 'in_progress', false],
      [summary.actions.overdue, 'corrective', 'in_progress', true],
      [summary.actions.improvement, 'improvement', 'planned', false],
    ]);
    // The effectiveness verdict came from someone other than the owner; the closure is signed.
    const [check] = await t.sql<{ verdict: string; actor: string; owner: string; signed: boolean }>(
      `SELECT t.verdict, t.actor_id AS actor, a.owner_id AS owner, t.signature_id IS NOT NULL AS signed
       FROM corrective_action_transition t JOIN corrective_action a ON a.id = t.corrective_action_id WHERE a.reference = $1 AND t.to_state = 'closed'`,
      [summary.actions.closed],
    );
    expect(check.verdict).toBe('effective');
    expect(check.actor).not.toBe(check.owner);
    expect(check.signed).toBe(true);
    expect(await count(`SELECT count(*)::int AS n FROM board_review WHERE signature_id IS NOT NULL`)).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM management_review WHERE state = 'closed' AND signature_id IS NOT NULL`)).toBe(1);
  });

  it('closes a management review whose inputs have every ISO 9001 9.3.2 item filled, and objectives with owner, plan and history', async () => {
    const [closed] = (await t.http.get('/api/management-reviews').set('Authorization', `Bearer ${token}`)).body;
    const res = await t.http.get(`/api/management-reviews/${closed.id}/inputs`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const i = res.body;
    expect(i.earlierDecisions).toBeDefined();
    expect(i.issues.length).toBeGreaterThan(0);
    expect(i.resources.length).toBeGreaterThan(0);
    expect(i.satisfaction.mean).toBeGreaterThan(3);
    expect(i.objectives.length).toBe(3);
    expect(i.processPerformance.length).toBeGreaterThan(0);
    expect(i.nonconformities.detected).toBeGreaterThan(0);
    expect(i.monitoring.conformanceRate).not.toBeNull();
    // The internal audit the demo performed before the review, with its findings by kind.
    expect(i.internalAudits).toMatchObject({ available: true });
    expect(i.internalAudits.audits).toEqual([
      expect.objectContaining({
        reference: summary.internalAudit.reference,
        state: 'reported',
        findings: { major: expect.any(Number), minor: expect.any(Number), observations: 1, opportunities: 1 },
      }),
    ]);
    const nc = i.internalAudits.audits[0].findings;
    expect(nc.major + nc.minor).toBe(1);
    expect(i.externalProviders.pairsMatched).not.toBe(0);
    expect(i.risks.length).toBeGreaterThan(0);
    expect(i.risks[0].ratingAfter).not.toBeNull();
    expect(i.opportunities.actions.length).toBeGreaterThanOrEqual(3);
    expect(i.opportunities.register.length).toBe(1);
    const review = await t.http.get(`/api/management-reviews/${closed.id}`).set('Authorization', `Bearer ${token}`);
    expect(review.body.guests).toHaveLength(1);
    expect(review.body.decisions.map((d: { category: string }) => d.category)).toEqual(['other', 'qms_change', 'resource_need']);
    const objectives = await t.http.get('/api/quality-objectives').set('Authorization', `Bearer ${token}`);
    for (const o of objectives.body) {
      expect(o.ownerId).toBeTruthy();
      expect(o.history.length).toBeGreaterThanOrEqual(2);
    }
    expect(objectives.body.some((o: { plan: unknown[] }) => o.plan.length > 0)).toBe(true);
  });

  it('sends its surveys by the survey plan; the answers show in results, indicators, the management review and the evidence report', async () => {
    const id = summary.programme.id;
    const get = async (url: string) => {
      const res = await t.http.get(url).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      return res.body;
    };
    expect(summary.surveys).toMatchObject({
      surveys: ['adept-end-of-programme', 'mentor-end-of-programme', 'host-after-internship'],
      declined: 1,
      unanswered: 2,
      awaitingReview: 1,
    });
    expect(summary.surveys.answered).toBe(summary.surveys.invited - 3);
    // The plan sent each survey once the first final evaluation was completed.
    const plan = (await get(`/api/programmes/${id}/survey-plan`)) as { surveyKey: string; sent: number }[];
    expect(plan.map((e) => e.surveyKey).sort()).toEqual(['adept-end-of-programme', 'host-after-internship', 'mentor-end-of-programme']);
    for (const e of plan) expect(e.sent).toBeGreaterThan(0);
    // Indicators: adepts and mentors over 5 answers, the 4 host organisations' answers suppressed.
    const satisfaction = (await get(`/api/programmes/${id}/indicators`)).satisfaction as {
      indicator: string;
      n: unknown;
      mean: number | null;
    }[];
    const of = (k: string) => satisfaction.find((x) => x.indicator === k)!;
    expect(of('participant_satisfaction').mean).toBeGreaterThan(3);
    expect(of('mentor_satisfaction').mean).toBeGreaterThan(3);
    expect(of('employer_satisfaction')).toMatchObject({ n: '<5', mean: null });
    // The management review read the surveys, and says so.
    const [closed] = await get('/api/management-reviews');
    const inputs = await get(`/api/management-reviews/${closed.id}/inputs`);
    expect(inputs.satisfaction.source).toBe('survey');
    expect(inputs.satisfaction.sourceNote).toMatch(/^survey \(\d+ answers, response rate (\d+ %|not shown)\)$/);
    expect(inputs.externalProviders.mentorSatisfactionSource).toBe('survey');
    // The complaint was reviewed and opened an improvement action; the other free text waits.
    const [survey] = ((await get('/api/surveys')) as { id: string; key: string }[]).filter((x) => x.key === 'adept-end-of-programme');
    const results = await get(`/api/surveys/${survey.id}/results?programmeId=${id}`);
    expect(results.freeText).toEqual([expect.objectContaining({ text: DEMO_COMPLAINT })]);
    expect(results.freeTextAwaitingReview).toBe(1);
    expect(results.findings).toEqual([expect.objectContaining({ kind: 'improvement', reference: summary.surveys.improvement })]);
    const text = (await pageTexts(readFileSync(out))).join('\n');
    expectShows(text, ['Satisfaction surveys', 'Response rate', 'fewer than 5 answers', DEMO_COMPLAINT]);
    expect(text).not.toContain(DEMO_PENDING_TEXT);
  });

  it('keeps a risk register with the risks a programme of this kind names, owned, rated and one reviewed', async () => {
    expect(summary.risks).toEqual({ risks: 4, opportunities: 1 });
    const list = await t.http.get('/api/risks?limit=50').set('Authorization', `Bearer ${token}`);
    expect(list.status).toBe(200);
    const titles = (list.body.items as { title: string }[]).map((r) => r.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'No mentor in the adept’s profession',
        'Mentors drop out during the year',
        'Co-financing requires participants to be registered job-seekers',
        'Personal data of vulnerable people disclosed',
        'Employers ask for interns with a foreign degree',
      ]),
    );
    const noMentor = (list.body.items as { id: string; title: string; change: string; programmeId: string | null }[]).find(
      (r) => r.title === 'No mentor in the adept’s profession',
    )!;
    expect(noMentor).toMatchObject({ change: 'reviewed', programmeId: summary.programme.id });
    const map = await t.http.get('/api/risks/heat-map').set('Authorization', `Bearer ${token}`);
    expect(map.body).toMatchObject({ kind: 'risk', total: 4, residualNotAssessed: 1 });
  });

  it('holds the quality policy and the scope with its process map as controlled documents in force, with their PDFs', async () => {
    expect(summary.documents).toEqual({ documents: 2, acknowledged: 1, toAcknowledge: 2 });
    const list = await t.http.get('/api/documents').set('Authorization', `Bearer ${token}`);
    expect(list.status).toBe(200);
    const byKind = new Map((list.body as { kind: string; id: string; effectiveVersion: number | null }[]).map((d) => [d.kind, d]));
    for (const kind of ['quality_policy', 'scope']) expect(byKind.get(kind)).toMatchObject({ effectiveVersion: 1 });
    const scope = await t.http.get(`/api/documents/${byKind.get('scope')!.id}`).set('Authorization', `Bearer ${token}`);
    const [v1] = scope.body.versions as {
      state: string;
      files: { filename: string; href: string; sha256: string }[];
      signatures: { signerName: string }[];
    }[];
    expect(v1.state).toBe('effective');
    expect(v1.files.map((f) => f.filename)).toEqual(['process-map.pdf', 'scope.pdf']);
    expect(v1.signatures.map((x) => x.signerName)).toEqual(['Johan Bergström']);
    const file = await t.http.get(v1.files[0].href).set('Authorization', `Bearer ${token}`).buffer(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((file.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.headers.etag).toBe(`"${v1.files[0].sha256}"`);
    const who = await t.http
      .get(`/api/documents/${byKind.get('quality_policy')!.id}/acknowledgements`)
      .set('Authorization', `Bearer ${token}`);
    expect(who.body).toMatchObject({ required: 2, acknowledged: 1 });
  });

  it('asks the programme leaders to read the intake interview in force before the intake, and one has acknowledged it', async () => {
    expect(summary.procedureAcknowledgements).toEqual({ procedure: 'intake-interview', version: 2, acknowledged: 1, toAcknowledge: 2 });
    const who = await t.http.get('/api/procedures/intake-interview/acknowledgements').set('Authorization', `Bearer ${token}`);
    expect(who.body).toMatchObject({ versionNumber: 2, roles: ['programme_leader'], required: 2, acknowledged: 1 });
    expect(who.body.people.map((p: { name: string; acknowledgedAt: string | null }) => [p.name, p.acknowledgedAt !== null])).toEqual([
      [STAFF.leader2.name, false],
      [STAFF.leader.name, true],
    ]);
    // In force before the first intake interview: the programme's plan pins it, and nothing is judged before it came into force.
    const programme = await t.http.get(`/api/programmes/${summary.programme.id}`).set('Authorization', `Bearer ${token}`);
    expect(programme.body.procedurePlan).toContainEqual(expect.objectContaining({ procedureKey: 'intake-interview', versionNumber: 2 }));
    const leader2 = await t.login(STAFF.leader2.email, DEMO_PASSWORD);
    const toRead = await t.http.get('/api/procedures?toAcknowledge=true').set('Authorization', `Bearer ${leader2}`);
    expect(toRead.body.map((p: { key: string }) => p.key)).toEqual(['intake-interview']);
  });

  it('holds an internal audit with findings: a nonconformity that opened a deviation, an observation, an opportunity with its action', async () => {
    expect(summary.internalAudit.findings).toBe(3);
    const list = await t.http
      .get(
        `/api/internal-audits?deviationId=${(await t.sql<{ id: string }>(`SELECT id FROM deviation WHERE reference = $1`, [summary.internalAudit.deviation]))[0].id}`,
      )
      .set('Authorization', `Bearer ${token}`);
    expect(list.body.items.map((a: { reference: string }) => a.reference)).toEqual([summary.internalAudit.reference]);
    const audit = await t.http.get(`/api/internal-audits/${list.body.items[0].id}`).set('Authorization', `Bearer ${token}`);
    expect(audit.body).toMatchObject({ state: 'reported', reportSignature: { signerName: 'Per Sandberg' } });
    expect(audit.body.findings.map((f: { kind: string }) => f.kind)).toEqual(['nonconformity', 'observation', 'opportunity']);
    expect(audit.body.findings[0].deviation.reference).toBe(summary.internalAudit.deviation);
    expect(audit.body.findings[2].action.reference).toMatch(/^CA-/);
    const due = await t.http.get('/api/internal-audits?due=true').set('Authorization', `Bearer ${token}`);
    expect(due.body.items.map((a: { title: string }) => a.title)).toEqual(['Matching of mentors and adepts']);
  });

  it('recruits through the funnel: applicants wait-listed or not admitted by the intake decision, with their reasons', async () => {
    expect(summary.applicants).toEqual({ waitingList: 2, notAdmitted: 1 });
    const funnel = await t.http.get(`/api/programmes/${summary.programme.id}/funnel`).set('Authorization', `Bearer ${token}`);
    expect(funnel.status).toBe(200);
    expect(funnel.body).toMatchObject({
      smallCellsSuppressed: false,
      adept: { interested: 25, interviewed: 25, admitted: 22, completed: 16, applicant: 0, waitingList: 2, notAdmitted: 1, withdrawn: 2 },
      mentor: { interested: 22, interviewed: 22, admitted: 22, completed: 0, applicant: 0, waitingList: 0, notAdmitted: 0, withdrawn: 0 },
    });
    // The decision's effect set the status, each change an audit event naming the execution; the reason is in the decision.
    const effects = await t.sql<{ status: string; via: string }>(
      `SELECT changes->'status'->>'new' AS status, changes->'cause'->'new'->>'via' AS via FROM audit_event
        WHERE action = 'participant.status_changed' AND entity_id IN (SELECT id::text FROM participant WHERE programme_id = $1) ORDER BY 1`,
      [summary.programme.id],
    );
    expect(effects).toEqual([
      { status: 'not_admitted', via: 'completion' },
      { status: 'waiting_list', via: 'completion' },
      { status: 'waiting_list', via: 'completion' },
    ]);
    const reasons = await t.sql<{ reason: string }>(
      `SELECT r.values->>'decision_reason' AS reason FROM execution_step_record r JOIN execution e ON e.id = r.execution_id
        WHERE e.programme_id = $1 AND e.procedure_key = 'intake-interview' AND r.step_key = 'decision' AND r.values ? 'decision_reason'`,
      [summary.programme.id],
    );
    expect(reasons).toHaveLength(3);
    // The adept who left early for a job is recorded with that outcome, counted with the successes.
    expect(
      await t.sql(`SELECT full_name, outcome FROM participant WHERE programme_id = $1 AND status = 'withdrawn' ORDER BY full_name`, [
        summary.programme.id,
      ]),
    ).toEqual([
      { full_name: 'Ana Souza', outcome: 'left_for_work' },
      { full_name: 'Yasmin Saleh', outcome: 'personal_reasons' },
    ]);
  });

  it('holds the year before: a closed programme whose six-month outcome follow-ups were made after the close, one still owed', async () => {
    const prev = summary.previousYear;
    expect(prev).toMatchObject({ adepts: 5, followedUp: 4, owed: 1 });
    const programme = await t.http.get(`/api/programmes/${prev.programmeId}`).set('Authorization', `Bearer ${token}`);
    expect(programme.body).toMatchObject({ name: prev.name, status: 'closed', startDate: prev.startDate, endDate: prev.endDate });
    expect(prev.endDate < summary.programme.startDate).toBe(true);
    const matrix = await t.http.get(`/api/programmes/${prev.programmeId}/conformance`).set('Authorization', `Bearer ${token}`);
    expect(matrix.status).toBe(200);
    const cells = (key: string) =>
      matrix.body.rows
        .flatMap((r: { subject: { status: string }; cells: { procedureKey: string; status: string }[] }) =>
          r.cells.filter((c) => c.procedureKey === key).map((c) => `${r.subject.status}: ${c.status}`),
        )
        .sort();
    // Four reached in the six-month window (one of them left early for a job in May), one call overdue.
    expect(cells('outcome-follow-up-6-months')).toEqual([
      'completed: conforming',
      'completed: conforming',
      'completed: conforming',
      'completed: overdue',
      'withdrawn: conforming',
    ]);
    // The twelve-month window opened in November: the calls are the work left.
    expect(cells('outcome-follow-up-12-months')).toEqual(Array(5).fill(expect.stringMatching(/: due$/)));
    // Its records conform (the procedures were in force from September 2024); the internships were kept on paper that year.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM execution_judgement j JOIN execution e ON e.id = j.execution_id WHERE e.programme_id = $1 AND j.findings <> '[]'::jsonb`,
        [prev.programmeId],
      ),
    ).toBe(0);
    expect(cells('intake-interview')).toEqual([...Array(4).fill('completed: conforming'), 'withdrawn: conforming']);
    expect(cells('final-evaluation')).toEqual([...Array(4).fill('completed: conforming'), 'withdrawn: not_applicable']);
    expect(cells('internship')).toEqual([...Array(4).fill('completed: overdue'), 'withdrawn: not_applicable']);
    // Its year recorded: about monthly meetings for each pair (the one that ended, until it did) and all
    // eight seminars, so its recurring work conforms; job coaching is owed only by those still active.
    expect(prev.meetings).toBeGreaterThanOrEqual(50);
    expect(prev.seminars).toBe(8);
    expect(cells('mentor-meetings')).toEqual([
      'active: conforming',
      'active: conforming',
      'active: conforming',
      'active: conforming',
      'ended: conforming',
    ]);
    expect(cells('seminars')).toEqual(['closed: conforming']);
    // The work left in it: four internships not entered, one six-month call overdue, five twelve-month calls due.
    expect(matrix.body.totals.byStatus).toMatchObject({
      conforming: 44,
      nonconforming: 0,
      overdue: 5,
      due: 5,
      not_applicable: 9,
      cadence_missed: 0,
    });
    expect(
      await t.sql(`SELECT outcome, count(*)::int AS n FROM participant WHERE programme_id = $1 AND role = 'adept' GROUP BY 1 ORDER BY 1`, [
        prev.programmeId,
      ]),
    ).toEqual([
      { outcome: 'employed_in_profession', n: 1 },
      { outcome: 'left_for_work', n: 1 },
      { outcome: 'seeking_work', n: 2 },
      { outcome: 'studying', n: 1 },
    ]);
    // No deviation opened in it: its records conform, and the overdue call is for the scan to find.
    expect(await count(`SELECT count(*)::int AS n FROM deviation WHERE programme_id = $1`, [prev.programmeId])).toBe(0);
  });

  it('leaves an audit chain that verifies, every change of the loader marked as such', async () => {
    const verdict = await t.http.get('/api/audit-events/verify').set('Authorization', `Bearer ${token}`);
    expect(verdict.status).toBe(200);
    expect(verdict.body).toMatchObject({ valid: true });
    expect(summary.auditChain.valid).toBe(true);
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE request_id = 'demo-loader'`)).toBeGreaterThan(500);
  });

  it('writes the evidence report, naming the programme and its records', async () => {
    const pdf = readFileSync(out);
    const pages = await pageTexts(pdf);
    const text = pages.join('\n');
    expectShows(text, [
      summary.programme.name,
      summary.actions.closed,
      summary.actions.overdue,
      summary.report.fingerprint.slice(0, 16),
      'Karin Lindqvist',
      // The quality objectives with owner, status and trend, and the quarters measured.
      'Quality objectives',
      'At least 80 % of the adepts complete the programme',
      'Measured in the period',
    ]);
    // Auditors' view: pseudonymous codes, never the participants' names.
    expect(text).not.toContain('Amina Haddad');
  });

  it('gives every participant and pair a case file in the report: executions, corrections, judgements, deviations and actions', async () => {
    const text = (await pageTexts(readFileSync(out))).join('\n');
    const subjects =
      // Enrolled participants (applicants who got no place have no case file) and pairs.
      (await count(`SELECT count(*)::int AS n FROM participant WHERE programme_id = $1 AND enrolled_at IS NOT NULL`, [
        summary.programme.id,
      ])) + (await count(`SELECT count(*)::int AS n FROM pair WHERE programme_id = $1`, [summary.programme.id]));
    expectShows(text, [
      'Case files',
      `Every subject of the programme has a case file (${subjects})`,
      'Pinned version',
      'Performed by',
      'Judgement',
      'Root cause',
      'Target date',
      summary.actions.closed,
      'Effectiveness criterion',
      'Effectiveness evidence',
    ]);
    // One case file heading per subject.
    expect((text.match(/\n\d+\.\d+\s*[AM]-[A-Z0-9]+(\/[AM]-[A-Z0-9]+)? · /g) ?? []).length).toBe(subjects);
  });

  it('refuses to load a second time, and writes nothing', async () => {
    const [before] = await t.sql<{ seq: string }>(`SELECT seq FROM audit_head`);
    await expect(runDemo(t.app, { out: join(tmpdir(), `demo-again-${uniqueSuffix()}.pdf`), lang: 'en' })).rejects.toThrow(DemoRefused);
    await expect(runDemo(t.app, { out, lang: 'en' })).rejects.toThrow(/already has the demo programme/);
    const [after] = await t.sql<{ seq: string }>(`SELECT seq FROM audit_head`);
    expect(after.seq).toBe(before.seq);
  });
});
