import {
  AFTER_WINDOW,
  IN_WINDOW,
  activeProgramme,
  adeptProcedure,
  auditCount,
  auditOf,
  completeExecution,
  conformingExecution,
  createCast,
  enrol,
  fieldsNamed,
  moveDeviation,
  nonconformingExecution,
  recordStep,
  startExecution,
} from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

interface Listed {
  id: string;
  reference: string;
  source: string;
  state: string;
  severity: string;
  title: string;
  description: string;
  executionId: string | null;
  procedureKey: string | null;
  versionNumber: number | null;
  stepKey: string | null;
  rule: string | null;
  participantId: string | null;
  participantCode: string | null;
}

describe('automatic detection of deviations', () => {
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

  const list = async (query: Record<string, string>) => {
    const res = await t.http
      .get('/api/deviations')
      .query({ limit: '500', ...query })
      .set(...bearer(c.qm));
    expect(res.status).toBe(200);
    return res.body.items as Listed[];
  };
  const ofExecution = async (programmeId: string, executionId: string) =>
    (await list({ programmeId, source: 'system' }))
      .filter((d) => d.executionId === executionId)
      .sort((a, b) => a.reference.localeCompare(b.reference));

  it('opens one system deviation per finding rule when an execution is completed nonconforming, citing execution, procedure, version, step and rule', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const execution = await startExecution(t, c.leader, programme.id, procedureKey, adept.id);
    await recordStep(t, c.leader, execution.id, 'prepare', AFTER_WINDOW);
    const auditBefore = await auditCount(t);
    const completed = await completeExecution(t, c.leader, execution.id);
    expect(completed.conformance).toBe('nonconforming');
    expect(completed.findings.map((f) => [f.rule, f.stepKey]).sort()).toEqual([
      ['missing_step', 'interview'],
      ['outside_window', 'prepare'],
    ]);

    const opened = await ofExecution(programme.id, execution.id);
    expect(opened.map((d) => [d.rule, d.stepKey, d.severity])).toEqual(
      expect.arrayContaining([
        ['missing_step', 'interview', 'major'],
        ['outside_window', 'prepare', 'minor'],
      ]),
    );
    expect(opened).toHaveLength(2);
    for (const d of opened) {
      expect(d).toMatchObject({
        reference: expect.stringMatching(/^DEV-\d{4}-\d{4}$/),
        source: 'system',
        state: 'open',
        executionId: execution.id,
        procedureKey,
        versionNumber: 1,
        participantId: adept.id,
        participantCode: adept.code,
      });
      expect(d.title).toContain(procedureKey);
      expect(d.title).toContain('v1');
      expect(d.title).toContain(d.stepKey!);
      expect(d.title).toContain(d.rule!.replace(/_/g, ' '));
      expect(d.description.length).toBeGreaterThan(0);
    }

    // Same transaction as the completion: the completion's event, then one deviation.create per deviation, nothing else.
    const events = await t.sql<{ action: string; entity_id: string; actor_id: string }>(
      `SELECT action, entity_id, actor_id FROM audit_event WHERE seq > $1 ORDER BY seq`,
      [auditBefore],
    );
    expect(events.map((e) => e.action)).toEqual(['execution.complete', 'deviation.create', 'deviation.create']);
    expect(
      events
        .slice(1)
        .map((e) => e.entity_id)
        .sort(),
    ).toEqual(opened.map((d) => d.id).sort());
    expect(new Set(events.map((e) => e.actor_id))).toEqual(new Set([c.leader.id]));
    const [created] = await auditOf(t, opened[0].id);
    expect(created.changes).toMatchObject({
      source: { old: null, new: 'system' },
      executionId: { old: null, new: execution.id },
      rule: { old: null, new: opened[0].rule },
    });
  });

  it('opens nothing new when a correction leaves the same findings, and again only once a standing deviation was cancelled', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const executionId = await nonconformingExecution(t, c.leader, programme.id, procedureKey, adept.id);
    const first = await ofExecution(programme.id, executionId);
    expect(first).toHaveLength(2);
    const view = await t.http.get(`/api/executions/${executionId}`).set(...bearer(c.leader));
    const prepare = (view.body.steps as { id: string; stepKey: string; current: boolean }[]).find(
      (s) => s.stepKey === 'prepare' && s.current,
    )!;

    const corrected = await t.http
      .post(`/api/executions/${executionId}/steps/${prepare.id}/corrections`)
      .set(...bearer(c.leader))
      .send({ values: { notes: 'Read the application and the CV' }, reason: 'Notes were incomplete' });
    expect(corrected.status).toBe(201);
    expect(corrected.body.conformance).toBe('nonconforming');
    expect(corrected.body.judgements).toHaveLength(2);
    expect(await ofExecution(programme.id, executionId)).toEqual(first);

    // Cancelled as unfounded, the finding may be raised again by the next judgement.
    const missing = first.find((d) => d.rule === 'missing_step')!;
    await moveDeviation(t, c.qm, missing.id, { to: 'cancelled', comment: 'The interview was held; the record is being corrected' }).expect(
      200,
    );
    const newPrepare = (corrected.body.steps as { id: string; supersedesId: string | null }[]).find((s) => s.supersedesId === prepare.id)!;
    const again = await t.http
      .post(`/api/executions/${executionId}/steps/${newPrepare.id}/corrections`)
      .set(...bearer(c.leader))
      .send({ values: { notes: 'Read the application' }, reason: 'Performed inside the window after all', performedAt: IN_WINDOW });
    expect(again.status).toBe(201);
    expect(again.body.conformance).toBe('nonconforming');
    const now = await ofExecution(programme.id, executionId);
    const outside = first.find((d) => d.rule === 'outside_window')!;
    expect(now).toHaveLength(3);
    expect(now.find((d) => d.id === missing.id)!.state).toBe('cancelled');
    expect(now.find((d) => d.id === outside.id)!.state).toBe('open');
    const reopened = now.find((d) => d.id !== missing.id && d.id !== outside.id)!;
    expect(reopened).toMatchObject({ rule: 'missing_step', stepKey: 'interview', state: 'open', source: 'system', executionId });
  });

  it('opens nothing for a conforming completion', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adept = await enrol(t, c.leader, programme.id);
    const auditBefore = await auditCount(t);
    await conformingExecution(t, c.leader, programme.id, procedureKey, adept.id);
    expect(await list({ programmeId: programme.id })).toEqual([]);
    const actions = await t.sql<{ action: string }>(`SELECT action FROM audit_event WHERE seq > $1 ORDER BY seq`, [auditBefore]);
    expect(actions.map((a) => a.action)).not.toContain('deviation.create');
  });

  it('opens one deviation per overdue subject and procedure on a scan; a second scan opens none; after a cancel a new scan opens a new one', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const idle = await enrol(t, c.leader, programme.id);
    const started = await enrol(t, c.leader, programme.id);
    const done = await enrol(t, c.leader, programme.id);
    const open = await startExecution(t, c.leader, programme.id, procedureKey, started.id);
    await conformingExecution(t, c.leader, programme.id, procedureKey, done.id);
    const scanUrl = `/api/programmes/${programme.id}/deviations/scan`;

    // Before the window has passed nothing is overdue (today is the configured clock's).
    t.setToday('2026-02-15');
    const early = await t.http
      .post(scanUrl)
      .set(...bearer(c.leader))
      .send({});
    expect(early.status).toBe(200);
    expect(early.body).toEqual({ today: '2026-02-15', overdueCells: 0, cadenceGaps: 0, opened: [] });

    let auditBefore = await auditCount(t);
    t.setToday('2026-03-05');
    const scan = await t.http
      .post(scanUrl)
      .set(...bearer(c.leader))
      .send({});
    expect(scan.status).toBe(200);
    expect(scan.body.today).toBe('2026-03-05');
    expect(scan.body.overdueCells).toBe(2);
    const opened = scan.body.opened as Listed[];
    expect(opened.map((d) => d.participantId).sort()).toEqual([idle.id, started.id].sort());
    for (const d of opened) {
      expect(d).toMatchObject({
        source: 'system',
        rule: 'overdue',
        state: 'open',
        severity: 'major',
        procedureKey,
        versionNumber: 1,
        // The started one names its open execution: its late completion will be this deviation (deviation-per-rule).
        executionId: d.participantId === started.id ? open.id : null,
      });
      expect(d.title).toContain(procedureKey);
    }
    const events = await t.sql<{ action: string; entity_id: string }>(
      `SELECT action, entity_id FROM audit_event WHERE seq > $1 ORDER BY seq`,
      [auditBefore],
    );
    expect(events.map((e) => e.action)).toEqual(['deviation.create', 'deviation.create']);
    expect(events.map((e) => e.entity_id).sort()).toEqual(opened.map((d) => d.id).sort());
    const [created] = await auditOf(t, opened[0].id);
    expect(created.changes).toMatchObject({
      source: { old: null, new: 'system' },
      rule: { old: null, new: 'overdue' },
      procedureKey: { old: null, new: procedureKey },
      versionNumber: { old: null, new: 1 },
    });

    auditBefore = await auditCount(t);
    t.setToday('2026-03-06');
    const second = await t.http
      .post(scanUrl)
      .set(...bearer(c.qm))
      .send({});
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ today: '2026-03-06', overdueCells: 2, cadenceGaps: 0, opened: [] });
    expect(await auditCount(t)).toBe(auditBefore);

    const idleDeviation = opened.find((d) => d.participantId === idle.id)!;
    await moveDeviation(t, c.qm, idleDeviation.id, { to: 'cancelled', comment: 'Scanned with the wrong day' }).expect(200);
    t.setToday('2026-03-07');
    const third = await t.http
      .post(scanUrl)
      .set(...bearer(c.leader))
      .send({});
    expect(third.body.overdueCells).toBe(2);
    expect(third.body.opened).toHaveLength(1);
    expect(third.body.opened[0]).toMatchObject({ participantId: idle.id, rule: 'overdue', state: 'open' });
    expect(third.body.opened[0].id).not.toBe(idleDeviation.id);
    expect(third.body.opened[0].reference).not.toBe(idleDeviation.reference);

    const overdueOnes = await list({ programmeId: programme.id, source: 'system', procedure: procedureKey });
    expect(overdueOnes.map((d) => [d.participantId, d.state]).sort()).toEqual(
      [
        [idle.id, 'cancelled'],
        [idle.id, 'open'],
        [started.id, 'open'],
      ].sort(),
    );
  });

  it('scans only programmes the caller may write, with a valid day', async () => {
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    await enrol(t, c.leader, programme.id);
    const scanUrl = `/api/programmes/${programme.id}/deviations/scan`;
    const before = await auditCount(t);
    expectProblem(
      await t.http
        .post(scanUrl)
        .set(...bearer(c.otherLeader))
        .send({ today: '2026-03-05' }),
      404,
      'not_found',
    );
    expectProblem(
      await t.http
        .post(scanUrl)
        .set(...bearer(c.auditor))
        .send({ today: '2026-03-05' }),
      403,
      'forbidden_role',
    );
    expectProblem(
      await t.http
        .post(scanUrl)
        .set(...bearer(c.board))
        .send({ today: '2026-03-05' }),
      403,
      'forbidden_role',
    );
    const bad = await t.http
      .post(scanUrl)
      .set(...bearer(c.leader))
      .send({ today: '2026-02-30' });
    expectProblem(bad, 400, 'validation_failed');
    expect(fieldsNamed(bad)).toEqual(['today']);
    expect(await auditCount(t)).toBe(before);
    expect(await list({ programmeId: programme.id })).toEqual([]);
  });
});
