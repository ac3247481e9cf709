/**
 * The outcome follow-up 6 and 12 months after the programme ends (issue 17): a closed programme
 * still takes the records of a procedure carried out after it closes (afterClose), for adepts who
 * completed and for those who left early, and refuses every other procedure; its matrix keeps
 * judging the follow-up by its window, and the audit trail records the work done after the close.
 * The shipped procedures are used as they are in procedures/. The tests build on each other, in order.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeviationScanService } from '../src/deviation-scan/deviation-scan.service.js';
import { verifyBundle } from '../src/reports/bundle/verify.mjs';
import { loadProcedureDirectory } from '../src/procedures/definition-validation.js';
import type { ProcedureDefinition } from '../src/procedures/procedure-definition.js';
import { auditOf } from './support/audit-events.js';
import { expectProblem } from './support/expectations.js';
import { fetchReport } from './support/report-http.js';
import { addDaysIso, createStaff, procedureDefinition, programmeFixture, recordStep, startExecution } from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const shipped = new Map(loadProcedureDirectory(resolve('procedures')).definitions.map((l) => [l.definition.key, l.definition]));
const SIX = 'outcome-follow-up-6-months';
const TWELVE = 'outcome-follow-up-12-months';
const sixMonths = shipped.get(SIX)!;
const twelveMonths = shipped.get(TWELVE)!;
/** Any other procedure of the plan: not carried out after the programme closes. */
const other: ProcedureDefinition = procedureDefinition('closed-other', {
  window: { anchor: 'programme_start', fromDays: -10, toDays: 60 },
});

/** Today in UTC (the programmes below keep UTC), and days relative to it. */
const today = new Date().toISOString().slice(0, 10);
const day = (n: number) => addDaysIso(today, n);

type Cell = { procedureKey: string; status: string; window: { from: string; to: string } | null; notApplicable?: { reason: string } };
type Matrix = { rows: { subject: { id: string; status: string }; cells: Cell[] }[] };

describe('outcome follow-up after the programme closes', () => {
  let t: TestApp;
  let staff: Staff;
  /** Ended 182 days ago and closed: the 6-month window (end + 152 .. end + 213) runs today - 30 .. today + 31. */
  let closed: ProgrammeFixture;
  /** Ended 250 days ago and closed: its 6-month window ended 37 days ago. */
  let older: ProgrammeFixture;
  let openOther: { id: string };
  let closedAtSeq: number;

  const leader = () => staff.leader;
  const matrix = async (f: ProgrammeFixture, on?: string): Promise<Matrix> =>
    (
      await t.http
        .get(`/api/programmes/${f.programme.id}/conformance${on ? `?today=${on}` : ''}`)
        .set(...bearer(staff.qm))
        .expect(200)
    ).body;
  const cell = (m: Matrix, subjectId: string, key: string) =>
    m.rows.find((r) => r.subject.id === subjectId)!.cells.find((c) => c.procedureKey === key)!;
  const start = (f: ProgrammeFixture, procedureKey: string, participantId: string) =>
    t.http
      .post(`/api/programmes/${f.programme.id}/executions`)
      .set(...bearer(leader()))
      .send({ procedureKey, subject: { participantId } });
  const followUp = (values: Record<string, unknown>) => ({ stepKey: 'follow_up', values, performedAt: new Date().toISOString() });

  async function endedProgramme(daysAgo: number): Promise<ProgrammeFixture> {
    const endDate = day(-daysAgo);
    const startDate = addDaysIso(endDate, -340);
    const f = await programmeFixture(t, {
      staff,
      procedures: [sixMonths, twelveMonths, other],
      startDate,
      endDate,
      timeZone: 'UTC',
      adepts: 4,
    });
    const p = f.programme.id;
    // Adepts 0 and 3 completed the programme; adept 1 left early for work; adept 2 is still active.
    for (const i of [0, 3]) {
      await t.http
        .post(`/api/programmes/${p}/participants/${f.adepts[i].id}/complete`)
        .set(...bearer(leader()))
        .send({ date: endDate })
        .expect(200);
    }
    await t.http
      .post(`/api/programmes/${p}/participants/${f.adepts[1].id}/withdraw`)
      .set(...bearer(leader()))
      .send({ date: addDaysIso(startDate, 90), reason: 'Left for a job as an engineer' })
      .expect(200);
    return f;
  }

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    closed = await endedProgramme(182);
    older = await endedProgramme(250);
    // Work left open when the programme closed.
    openOther = await startExecution(t, leader(), closed.programme.id, other.key, { participantId: closed.adepts[0].id });
    for (const f of [closed, older]) {
      await t.http
        .post(`/api/programmes/${f.programme.id}/close`)
        .set(...bearer(staff.qm))
        .expect(200);
    }
    const [event] = await t.sql<{ seq: number }>(
      `SELECT seq::int AS seq FROM audit_event WHERE action = 'programme.close' AND entity_id = $1`,
      [closed.programme.id],
    );
    closedAtSeq = event.seq;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses any other procedure in a closed programme, naming it: no start, no step, no completion', async () => {
    const refused = await start(closed, other.key, closed.adepts[3].id);
    expectProblem(refused, 409, 'programme_closed');
    expect(refused.body).toMatchObject({ procedureKey: other.key });
    expect(refused.body.detail).toMatch(/closed-other is not carried out after the programme closes; only procedures marked afterClose/);

    const step = await t.http
      .post(`/api/executions/${openOther.id}/steps`)
      .set(...bearer(leader()))
      .send({ stepKey: 'meet', values: { summary: 'Late' }, performedAt: new Date().toISOString() });
    expectProblem(step, 409, 'programme_closed');
    expectProblem(await t.http.post(`/api/executions/${openOther.id}/complete`).set(...bearer(leader())), 409, 'programme_closed');
    expect(
      await t.sql(`SELECT 1 FROM execution WHERE programme_id = $1 AND participant_id = $2`, [closed.programme.id, closed.adepts[3].id]),
    ).toHaveLength(0);
  });

  it('starts, records and completes a follow-up in the closed programme, also for the adept who left early for work', async () => {
    const left = closed.adepts[1];
    const started = await start(closed, SIX, left.id);
    expect(started.status).toBe(201);
    await recordStep(
      t,
      leader(),
      started.body.id,
      followUp({
        contact_made: true,
        employment_situation: 'employed_own_profession',
        situation_since: day(-300),
        consent_to_contact_again: true,
      }),
    );
    const done = await t.http.post(`/api/executions/${started.body.id}/complete`).set(...bearer(leader()));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'completed', conformance: 'conforming', findings: [] });

    // The audit trail records the work done after the close, by whom.
    const events = (await auditOf(t, started.body.id)).filter((e) => e.seq > closedAtSeq);
    expect(events.map((e) => [e.action, e.actor_id])).toEqual([
      ['execution.start', leader().id],
      ['execution.record_step', leader().id],
      ['execution.complete', leader().id],
    ]);
    expect(events[0].changes.procedureKey).toEqual({ old: null, new: SIX });
    expect(events[2].changes.conformance).toEqual({ old: null, new: 'conforming' });
  });

  it('holds the follow-up to its conditions: a reason when contact failed, details when the situation is Other', async () => {
    const adept = closed.adepts[0];
    const started = await start(closed, SIX, adept.id);
    expect(started.status).toBe(201);
    const step = (values: Record<string, unknown>) =>
      t.http
        .post(`/api/executions/${started.body.id}/steps`)
        .set(...bearer(leader()))
        .send(followUp(values));
    const noReason = await step({ contact_made: false });
    expectProblem(noReason, 400, 'validation_failed');
    expect(noReason.body.errors).toContainEqual(expect.objectContaining({ field: 'values.no_contact_reason' }));
    const noDetails = await step({ contact_made: true, employment_situation: 'other', consent_to_contact_again: false });
    expectProblem(noDetails, 400, 'validation_failed');
    expect(noDetails.body.errors).toContainEqual(expect.objectContaining({ field: 'values.situation_details' }));
    // Not reachable after the attempts, with the reason: recorded, and conforming.
    expect((await step({ contact_made: false, no_contact_reason: 'Three calls and two e-mails over two weeks, no answer' })).status).toBe(
      201,
    );
    const done = await t.http.post(`/api/executions/${started.body.id}/complete`).set(...bearer(leader()));
    expect(done.body).toMatchObject({ state: 'completed', conformance: 'conforming' });
  });

  it('keeps judging the follow-ups in the closed programme by their windows: conforming, due, not yet due, overdue', async () => {
    const [completedDone, leftDone, active, completedWaiting] = closed.adepts;
    const now = await matrix(closed);
    expect(cell(now, leftDone.id, SIX).status).toBe('conforming');
    expect(cell(now, completedDone.id, SIX).status).toBe('conforming');
    expect(cell(now, completedWaiting.id, SIX)).toMatchObject({ status: 'due', window: { from: day(-30), to: day(31) } });
    // An adept who is still active when the programme closes is outside the follow-up's appliesWhen.
    expect(cell(now, active.id, SIX)).toMatchObject({ status: 'not_applicable', notApplicable: { reason: 'applies_when' } });
    // Someone who left is followed up, not excused as "left before the window closed".
    expect(cell(now, completedWaiting.id, TWELVE)).toMatchObject({ status: 'not_yet_due', window: { from: day(153), to: day(213) } });
    expect(cell(now, leftDone.id, TWELVE).status).toBe('not_yet_due');
    // Earlier days give earlier answers.
    expect(cell(await matrix(closed, day(-31)), completedWaiting.id, SIX).status).toBe('not_yet_due');

    // The older programme's 6-month window ended 37 days ago with nothing recorded.
    const late = await matrix(older);
    expect(cell(late, older.adepts[3].id, SIX).status).toBe('overdue');
    expect(cell(late, older.adepts[1].id, SIX).status).toBe('overdue');
    expect(cell(late, older.adepts[2].id, SIX).status).toBe('not_applicable');
    // Still open to a late follow-up, judged late.
    const started = await start(older, SIX, older.adepts[3].id);
    expect(started.status).toBe(201);
    await recordStep(
      t,
      leader(),
      started.body.id,
      followUp({ contact_made: true, employment_situation: 'seeking_work', consent_to_contact_again: true }),
    );
    const done = await t.http.post(`/api/executions/${started.body.id}/complete`).set(...bearer(leader()));
    expect(done.body.conformance).toBe('nonconforming');
    expect(done.body.findings.map((f: { rule: string }) => f.rule)).toEqual(['outside_window']);
    expect(cell(await matrix(older), older.adepts[3].id, SIX).status).toBe('nonconforming');
  });

  it('has the periodic scan open a deviation for a follow-up left undone in a closed programme, and for nothing else there', async () => {
    const deviations = (p: ProgrammeFixture) =>
      t.sql<{ procedure_key: string; rule: string; participant_id: string }>(
        `SELECT procedure_key, rule, participant_id FROM deviation WHERE programme_id = $1 AND source = 'system' ORDER BY procedure_key, rule`,
        [p.programme.id],
      );
    const before = await deviations(older);
    await t.app.get(DeviationScanService).scanAll();
    const opened = (await deviations(older)).filter(
      (d) => !before.some((b) => b.procedure_key === d.procedure_key && b.rule === d.rule && b.participant_id === d.participant_id),
    );
    // Adept 0 (completed) and adept 1 (left for work) were never followed up; adept 3 was, late (above),
    // and adept 2 is outside appliesWhen. closed-other is overdue too, but the programme is closed for it.
    const ids = [older.adepts[0].id, older.adepts[1].id].sort();
    expect(opened.sort((a, b) => a.participant_id.localeCompare(b.participant_id))).toEqual(
      ids.map((id) => ({ procedure_key: SIX, rule: 'overdue', participant_id: id })),
    );
    expect((await deviations(closed)).filter((d) => d.rule === 'overdue')).toEqual([]);
    // A second run opens nothing more.
    await t.app.get(DeviationScanService).scanAll();
    expect(await deviations(older)).toHaveLength(before.length + 2);
  });

  it('hands the auditor an evidence bundle of the closed programme whose procedure versions, afterClose included, verify offline', async () => {
    const r = await fetchReport(
      t,
      staff.qm,
      `/api/programmes/${closed.programme.id}/reports/evidence-bundle?generatedAt=${new Date().toISOString()}`,
      'application/x-tar',
    );
    const dir = mkdtempSync(join(tmpdir(), 'follow-up-bundle-'));
    try {
      const file = join(dir, 'bundle.tar');
      writeFileSync(file, r.body);
      const verdict = verifyBundle(file);
      expect(verdict).toMatchObject({ valid: true });
      expect(verdict.checked).toContainEqual('3 procedure versions match their content hashes and the report');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a follow-up in a closed programme only from those who run it', async () => {
    const auditor = await t.user(['auditor']);
    const refused = await t.http
      .post(`/api/programmes/${closed.programme.id}/executions`)
      .set(...bearer(auditor))
      .send({ procedureKey: SIX, subject: { participantId: closed.adepts[3].id } });
    expect(refused.status).toBe(403);
  });
});
