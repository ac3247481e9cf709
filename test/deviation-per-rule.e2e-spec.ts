/**
 * One deviation per execution and rule: a late execution opens one `outside_window` deviation that
 * lists its late steps (not one per step); a later judgement of the same execution adds the steps
 * it finds to the deviation that stands; the overdue scan and the completion agree on the key, so
 * neither duplicates the other, also when they run at once; the database refuses a second standing
 * deviation under one key.
 */
import {
  AFTER_WINDOW,
  IN_WINDOW,
  activeProgramme,
  adeptProcedure,
  auditCount,
  auditOf,
  createCast,
  enrol,
  moveDeviation,
  recordStep,
  startExecution,
} from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp, uniqueSuffix } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

interface Step {
  executionId: string;
  stepKey: string;
  recordId: string | null;
  detail: string;
  addedAt: string;
}
interface Listed {
  id: string;
  reference: string;
  state: string;
  title: string;
  rule: string | null;
  severity: string;
  executionId: string | null;
  stepKey: string | null;
  participantId: string | null;
  steps: Step[];
}

const LATER = '2026-03-12T10:00:00Z';

describe('one deviation per execution and rule', () => {
  let t: TestApp;
  let c: Cast;
  let procedureKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    procedureKey = await adeptProcedure(t, c);
  });
  afterEach(() => t.setToday(undefined));
  afterAll(async () => {
    await t?.close();
  });

  const deviationsOf = async (programmeId: string) => {
    const res = await t.http
      .get('/api/deviations')
      .query({ programmeId, limit: '500' })
      .set(...bearer(c.qm));
    expect(res.status).toBe(200);
    return (res.body.items as Listed[]).sort((a, b) => a.reference.localeCompare(b.reference));
  };
  const complete = (executionId: string, key?: string) => {
    const req = t.http.post(`/api/executions/${executionId}/complete`).set(...bearer(c.leader));
    return key ? req.set('Idempotency-Key', key) : req;
  };
  const scan = (programmeId: string) =>
    t.http
      .post(`/api/programmes/${programmeId}/deviations/scan`)
      .set(...bearer(c.leader))
      .send({});

  it('opens one outside_window deviation listing every late step, in the API and its audit event, without personal data in the title', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const e = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', AFTER_WINDOW);
    const view = await recordStep(t, c.leader, e.id, 'interview', LATER);
    const before = await auditCount(t);
    const done = await complete(e.id);
    expect(done.status).toBe(200);
    expect(done.body.findings.map((f: { rule: string; stepKey: string }) => [f.rule, f.stepKey])).toEqual([
      ['outside_window', 'prepare'],
      ['outside_window', 'interview'],
    ]);

    const [d, ...more] = await deviationsOf(programme.id);
    expect(more).toEqual([]);
    expect(d).toMatchObject({ rule: 'outside_window', severity: 'minor', executionId: e.id, stepKey: null, participantId: adept.id });
    expect(d.steps.map((s) => [s.executionId, s.stepKey, s.recordId])).toEqual([
      [e.id, 'prepare', view.steps.find((s) => s.stepKey === 'prepare')!.id],
      [e.id, 'interview', view.steps.find((s) => s.stepKey === 'interview')!.id],
    ]);
    for (const s of d.steps) expect(s.detail).toMatch(/window/);
    expect(d.title).toBe(`${procedureKey} v1: outside window in steps prepare, interview (${adept.code})`);
    // The pseudonymous code, never the name.
    const [{ full_name }] = await t.sql<{ full_name: string }>(`SELECT full_name FROM participant WHERE id = $1`, [adept.id]);
    expect(d.title).not.toContain(full_name);

    const one = await t.http.get(`/api/deviations/${d.id}`).set(...bearer(c.leader));
    expect(one.status).toBe(200);
    expect(one.body.steps).toEqual(d.steps);

    const events = await t.sql<{ action: string }>(`SELECT action FROM audit_event WHERE seq > $1 ORDER BY seq`, [before]);
    expect(events.map((x) => x.action)).toEqual(['execution.complete', 'deviation.create']);
    const [created] = await auditOf(t, d.id);
    expect(created.changes).toMatchObject({
      steps: {
        old: null,
        new: [
          { executionId: e.id, stepKey: 'prepare' },
          { executionId: e.id, stepKey: 'interview' },
        ],
      },
    });

    // A leader of another programme sees nothing of it.
    expectProblem(await t.http.get(`/api/deviations/${d.id}`).set(...bearer(c.otherLeader)), 404, 'not_found');
  });

  it('adds the steps a correction makes late to the deviation that stands (even a closed one), once, and replays open nothing', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const e = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', AFTER_WINDOW);
    const view = await recordStep(t, c.leader, e.id, 'interview', '2026-03-11T10:00:00Z');
    const key = `complete-${uniqueSuffix()}`;
    expect((await complete(e.id, key)).status).toBe(200);
    const replay = await complete(e.id, key);
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const [d] = await deviationsOf(programme.id);
    expect(d.steps.map((s) => s.stepKey)).toEqual(['prepare', 'interview']);

    // Corrected into the window, the interview leaves the finding; the deviation keeps what it found.
    const interview = view.steps.find((s) => s.stepKey === 'interview')!;
    const corrected = await t.http
      .post(`/api/executions/${e.id}/steps/${interview.id}/corrections`)
      .set(...bearer(c.leader))
      .send({ values: { language_level: 'b1', motivation: 4 }, reason: 'Date typed wrong', performedAt: IN_WINDOW });
    expect(corrected.status).toBe(201);
    expect(corrected.body.findings.map((f: { rule: string; stepKey: string }) => [f.rule, f.stepKey])).toEqual([
      ['outside_window', 'prepare'],
      ['order', 'interview'],
    ]);
    let all = await deviationsOf(programme.id);
    expect(all.map((x) => [x.rule, x.steps.map((s) => s.stepKey)])).toEqual([
      ['outside_window', ['prepare', 'interview']],
      ['order', ['interview']],
    ]);
    expect(all[1]).toMatchObject({ stepKey: 'interview', executionId: e.id });

    // Closed with a justification; a later correction making a step late again adds it to that deviation, opening none.
    await moveDeviation(t, c.qm, d.id, { to: 'analysis', comment: 'Looked at' }).expect(200);
    await moveDeviation(t, c.qm, d.id, { to: 'action_plan', comment: 'Cause', rootCause: 'Late admission' }).expect(200);
    await moveDeviation(t, c.qm, d.id, {
      to: 'in_progress',
      comment: 'Correction only',
      correctionOnlyJustification: 'A single late admission',
    }).expect(200);
    await moveDeviation(t, c.qm, d.id, { to: 'closed', comment: 'Done', password: c.qm.password }).expect(200);
    const fresh = (corrected.body.steps as { id: string; stepKey: string; current: boolean }[]).find(
      (s) => s.stepKey === 'interview' && s.current,
    )!;
    const before = await auditCount(t);
    const again = await t.http
      .post(`/api/executions/${e.id}/steps/${fresh.id}/corrections`)
      .set(...bearer(c.leader))
      .send({ values: { language_level: 'b1', motivation: 4 }, reason: 'The first date was right', performedAt: LATER });
    expect(again.status).toBe(201);
    all = await deviationsOf(programme.id);
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ id: d.id, state: 'closed' });
    // The interview was listed already: nothing added, no event for the deviation.
    expect(all[0].steps.map((s) => s.stepKey)).toEqual(['prepare', 'interview']);
    const events = await t.sql<{ action: string }>(`SELECT action FROM audit_event WHERE seq > $1 ORDER BY seq`, [before]);
    expect(events.map((x) => x.action)).toEqual(['execution.correct_step']);
  });

  it('records a step found late by a later judgement on the standing deviation, with its own audit event', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const other = await enrol(t, c.leader, programme.id);
    const e2 = await startExecution(t, c.leader, programme.id, procedureKey, other.id);
    await recordStep(t, c.leader, e2.id, 'prepare', IN_WINDOW);
    const v2 = await recordStep(t, c.leader, e2.id, 'interview', '2026-02-20T10:00:00Z');
    expect((await complete(e2.id)).body.conformance).toBe('conforming');
    // A correction makes one step late: the execution is judged again and opens its deviation.
    const late = await t.http
      .post(`/api/executions/${e2.id}/steps/${v2.steps.find((s) => s.stepKey === 'interview')!.id}/corrections`)
      .set(...bearer(c.leader))
      .send({ values: { language_level: 'b1', motivation: 4 }, reason: 'Held later', performedAt: AFTER_WINDOW });
    expect(late.status).toBe(201);
    const of2 = (await deviationsOf(programme.id)).filter((x) => x.executionId === e2.id);
    expect(of2.map((x) => [x.rule, x.stepKey, x.steps.map((s) => s.stepKey)])).toEqual([['outside_window', 'interview', ['interview']]]);
    // The prepare step corrected late too: added to the same deviation, with deviation.add_steps.
    const prepare = (late.body.steps as { id: string; stepKey: string; current: boolean }[]).find(
      (s) => s.stepKey === 'prepare' && s.current,
    )!;
    const before = await auditCount(t);
    const both = await t.http
      .post(`/api/executions/${e2.id}/steps/${prepare.id}/corrections`)
      .set(...bearer(c.leader))
      .send({ values: { notes: 'Read the application' }, reason: 'Prepared later', performedAt: '2026-03-09T10:00:00Z' });
    expect(both.status).toBe(201);
    const after = (await deviationsOf(programme.id)).filter((x) => x.executionId === e2.id);
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(of2[0].id);
    expect(after[0].steps.map((s) => s.stepKey)).toEqual(['interview', 'prepare']);
    const events = await t.sql<{ action: string; entity_id: string; changes: Record<string, unknown> }>(
      `SELECT action, entity_id, changes FROM audit_event WHERE seq > $1 ORDER BY seq`,
      [before],
    );
    expect(events.map((x) => x.action)).toEqual(['execution.correct_step', 'deviation.add_steps']);
    expect(events[1]).toMatchObject({
      entity_id: of2[0].id,
      changes: { steps: { old: null, new: [{ executionId: e2.id, stepKey: 'prepare' }] } },
    });
  });

  it('an overdue open execution and its late completion are one deviation: the scan uses the key the completion uses', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const e = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', IN_WINDOW);
    t.setToday('2026-03-05');
    const scanned = await scan(programme.id);
    expect(scanned.status).toBe(200);
    expect(scanned.body.opened).toHaveLength(1);
    expect(scanned.body.opened[0]).toMatchObject({ rule: 'overdue', executionId: e.id, procedureKey, versionNumber: 1, steps: [] });
    t.setToday(undefined);

    await recordStep(t, c.leader, e.id, 'interview', AFTER_WINDOW);
    const before = await auditCount(t);
    expect((await complete(e.id)).body.conformance).toBe('nonconforming');
    const all = await deviationsOf(programme.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: scanned.body.opened[0].id, rule: 'overdue' });
    expect(all[0].steps.map((s) => [s.executionId, s.stepKey])).toEqual([[e.id, 'interview']]);
    const events = await t.sql<{ action: string }>(`SELECT action FROM audit_event WHERE seq > $1 ORDER BY seq`, [before]);
    expect(events.map((x) => x.action)).toEqual(['execution.complete', 'deviation.add_steps']);
    // A scan afterwards finds nothing overdue and opens nothing.
    expect((await scan(programme.id)).body).toMatchObject({ overdueCells: 0, opened: [] });
  });

  it('a procedure found overdue before it was started is the same deviation as its late completion; a second late execution is a new one', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    t.setToday('2026-03-05');
    const first = await scan(programme.id);
    expect(first.body.opened).toHaveLength(1);
    expect(first.body.opened[0]).toMatchObject({ rule: 'overdue', executionId: null, participantId: adept.id });
    t.setToday(undefined);

    const e = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    // Scanned again while open: still the one deviation.
    expect((await scan(programme.id)).body).toMatchObject({ overdueCells: 1, opened: [] });
    await recordStep(t, c.leader, e.id, 'prepare', AFTER_WINDOW);
    await recordStep(t, c.leader, e.id, 'interview', LATER);
    expect((await complete(e.id)).body.conformance).toBe('nonconforming');
    let all = await deviationsOf(programme.id);
    expect(all).toHaveLength(1);
    expect(all[0].steps.map((s) => [s.executionId, s.stepKey])).toEqual([
      [e.id, 'prepare'],
      [e.id, 'interview'],
    ]);

    // Another execution of the same procedure for the adept, late again: its own deviation.
    const e2 = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    await recordStep(t, c.leader, e2.id, 'prepare', LATER);
    await recordStep(t, c.leader, e2.id, 'interview', '2026-03-13T10:00:00Z');
    await complete(e2.id).expect(200);
    all = await deviationsOf(programme.id);
    expect(all.map((x) => [x.rule, x.executionId, x.steps.map((s) => s.executionId)])).toEqual([
      ['overdue', null, [e.id, e.id]],
      ['outside_window', e2.id, [e2.id, e2.id]],
    ]);
  });

  it('a completion and a scan at once produce exactly one deviation; two completions at once, one completion', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const executions: string[] = [];
    for (let i = 0; i < 4; i++) {
      const adept = await enrol(t, c.leader, programme.id);
      const e = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
      await recordStep(t, c.leader, e.id, 'prepare', AFTER_WINDOW);
      await recordStep(t, c.leader, e.id, 'interview', LATER);
      executions.push(e.id);
    }
    const answers = await Promise.all([
      ...executions.map((id) => complete(id)),
      scan(programme.id),
      complete(executions[0]),
      scan(programme.id),
    ]);
    // No deadlock (409 concurrent_update) between completions and scans; of the two completions of one execution, one.
    expect(answers.slice(1, 5).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(answers[6].status).toBe(200);
    expect([answers[0].status, answers[5].status].sort()).toEqual([200, 409]);
    expectProblem(
      [answers[0], answers[5]].find((r) => r.status === 409)!,
      409,
      'execution_completed',
    );
    const all = await deviationsOf(programme.id);
    expect(all.map((d) => d.executionId).sort()).toEqual([...executions].sort());
    // Each lists both late steps once, whichever transaction opened it.
    for (const d of all) expect(d.steps.map((s) => s.stepKey)).toEqual(['prepare', 'interview']);
    const verdict = await t.http.get('/api/audit-events/verify').set(...bearer(c.qm));
    expect(verdict.body).toMatchObject({ valid: true });
  });

  it('the database refuses a second standing deviation under one detection key', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const e = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', AFTER_WINDOW);
    await recordStep(t, c.leader, e.id, 'interview', LATER);
    await complete(e.id).expect(200);
    const [d] = await deviationsOf(programme.id);
    const [{ detection_key }] = await t.sql<{ detection_key: string }>(`SELECT detection_key FROM deviation WHERE id = $1`, [d.id]);
    expect(detection_key).toBe(`finding:${e.id}:outside_window`);
    await expect(
      t.sql(
        `INSERT INTO deviation (reference, programme_id, title, description, severity, source, occurred_at, detected_at, target_date, detection_key)
         SELECT reference || '-copy', programme_id, title, description, severity, source, occurred_at, detected_at, target_date, detection_key FROM deviation WHERE id = $1`,
        [d.id],
      ),
    ).rejects.toThrow(/deviation_detection_once/);
    // And the steps it lists are never changed.
    await expect(t.sql(`UPDATE deviation_step SET detail = 'x' WHERE deviation_id = $1`, [d.id])).rejects.toThrow(/immutable/);
  });

  it('counts a deviation detected before this change (its key ended in the step) as the one standing for its execution and rule', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const e = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    await recordStep(t, c.leader, e.id, 'prepare', AFTER_WINDOW);
    const view = await recordStep(t, c.leader, e.id, 'interview', IN_WINDOW);
    await complete(e.id).expect(200);
    const [d] = (await deviationsOf(programme.id)).filter((x) => x.rule === 'outside_window');
    // As one per step was keyed: finding:<execution>:<rule>:<step>.
    await t.sql(`UPDATE deviation SET detection_key = $2 WHERE id = $1`, [d.id, `finding:${e.id}:outside_window:prepare`]);
    const interview = view.steps.find((x) => x.stepKey === 'interview')!;
    const corrected = await t.http
      .post(`/api/executions/${e.id}/steps/${interview.id}/corrections`)
      .set(...bearer(c.leader))
      .send({ values: { language_level: 'b1', motivation: 4 }, reason: 'Held after all', performedAt: LATER });
    expect(corrected.status).toBe(201);
    const late = (await deviationsOf(programme.id)).filter((x) => x.rule === 'outside_window');
    expect(late).toHaveLength(1);
    expect(late[0].steps.map((x) => x.stepKey)).toEqual(['prepare', 'interview']);
  });
});
