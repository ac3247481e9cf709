/**
 * Closing a management review measures every quality objective for the quarter in which the
 * review's period ends (as of its last day, or of today while that day is to come), in the closing
 * transaction: a quarter measured before keeps its row, each new row is audited as recorded by the
 * closing review, and the review and its minutes show the measurements signed with it.
 */
import { auditCount, activeProgramme, createCast } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { fetchReport } from './support/report-http.js';
import { expectShows, pageTexts } from './support/report-pdf.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

interface MeasurementRow {
  objective_id: string;
  period: string;
  measured_on: string;
  measured: string | null;
  status: string;
  recorded_by: string | null;
}

describe('closing a management review records the quality objectives’ measurements', () => {
  let t: TestApp;
  let c: Cast;
  let programmeId: string;
  /** The organisation's objective, measured for the first time by the closing. */
  let organisation: string;
  /** A programme's objective, measured by hand in the review's quarter before the closing. */
  let programme: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
    t.setToday('2026-09-15');
    const set = async (body: Record<string, unknown>) => {
      const res = await t.http
        .post('/api/quality-objectives')
        .set(...bearer(c.qm))
        .send(body);
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    organisation = await set({ indicator: 'open_deviations', comparator: '<=', target: 3, title: 'At most three open deviations' });
    programme = await set({
      programmeId,
      indicator: 'completion_rate',
      comparator: '>=',
      target: 0.8,
      title: 'Four in five adepts complete',
    });
    const byHand = await t.http.post(`/api/quality-objectives/${programme}/measurements`).set(...bearer(c.qm));
    expect(byHand.status).toBe(201);
    t.setToday('2026-11-20');
  });
  afterAll(async () => {
    t.setToday(undefined);
    await t?.close();
  });

  const rows = () =>
    t.sql<MeasurementRow>(
      `SELECT objective_id, period, measured_on::text AS measured_on, measured, status, recorded_by
       FROM quality_objective_measurement ORDER BY objective_id, period`,
    );
  const review = async (body: Record<string, unknown>): Promise<string> => {
    const res = await t.http
      .post('/api/management-reviews')
      .set(...bearer(c.board))
      .send({ attendeeIds: [c.board.id], ...body });
    expect(res.status).toBe(201);
    expect(res.body.objectiveMeasurements).toEqual([]);
    return res.body.id as string;
  };
  const close = (as: TestUser, id: string, key?: string) => {
    const req = t.http.post(`/api/management-reviews/${id}/close`).set(...bearer(as));
    if (key) void req.set('Idempotency-Key', key);
    return req.send({ password: as.password, comment: 'Minutes approved' });
  };

  it('measures each objective for the quarter the period ends in, as of its last day, keeping a quarter measured before', async () => {
    const id = await review({ heldOn: '2026-10-15', title: 'Review of the summer', periodFrom: '2026-06-01', periodTo: '2026-09-30' });
    const [kept] = (await rows()).filter((r) => r.objective_id === programme);
    expect(kept).toMatchObject({ period: '2026-Q3', measured_on: '2026-09-15', recorded_by: c.qm.id });
    const head = await auditCount(t);

    const closed = await close(c.board, id, `close-${id}`);
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');

    // One new row (the organisation's objective, as of the period's last day), the kept one unchanged.
    expect(await rows()).toEqual(
      [
        { objective_id: organisation, period: '2026-Q3', measured_on: '2026-09-30', measured: '0', status: 'met', recorded_by: c.board.id },
        kept,
      ].sort((a, b) => a.objective_id.localeCompare(b.objective_id)),
    );

    // The response shows both, as signed: recorded at closing, or recorded before and kept.
    expect(closed.body.objectiveMeasurements).toEqual([
      {
        objectiveId: organisation,
        title: 'At most three open deviations',
        programmeId: null,
        indicator: 'open_deviations',
        unit: 'count',
        period: '2026-Q3',
        measuredOn: '2026-09-30',
        measured: 0,
        comparator: '<=',
        target: 3,
        status: 'met',
        recordedAtClose: true,
        recordedBy: c.board.name,
        recordedAt: expect.any(String),
      },
      {
        objectiveId: programme,
        title: 'Four in five adepts complete',
        programmeId,
        indicator: 'completion_rate',
        unit: 'rate',
        period: '2026-Q3',
        measuredOn: '2026-09-15',
        measured: null,
        comparator: '>=',
        target: 0.8,
        status: 'not_measurable',
        recordedAtClose: false,
        recordedBy: c.qm.name,
        recordedAt: expect.any(String),
      },
    ]);
    const [signature] = await t.sql<{ signed_content: { objectiveMeasurements: unknown[] } }>(
      `SELECT signed_content FROM signature WHERE record_id = $1`,
      [id],
    );
    expect(signature.signed_content.objectiveMeasurements).toHaveLength(2);

    // Audit: one measurement event, attributed to the closing review, then the closing itself.
    const events = await t.sql<{ action: string; entity_id: string; actor_id: string; reason: string | null; changes: unknown }>(
      `SELECT action, entity_id, actor_id, reason, changes FROM audit_event WHERE seq > $1 ORDER BY seq`,
      [head],
    );
    expect(events.map((e) => [e.action, e.entity_id])).toEqual([
      ['quality_objective.measure', organisation],
      ['management_review.close', id],
    ]);
    expect(events[0]).toMatchObject({
      actor_id: c.board.id,
      reason: 'Measured when the management review "Review of the summer" was closed',
      changes: {
        measurement: {
          old: null,
          new: { period: '2026-Q3', measuredOn: '2026-09-30', measured: 0, status: 'met', managementReviewId: id },
        },
      },
    });

    // The frozen inputs hold the measurements of the period, the new one included.
    const inputs = await t.http.get(`/api/management-reviews/${id}/inputs`).set(...bearer(c.board));
    expect(inputs.status).toBe(200);
    const objective = (inputs.body.objectives as { id: string; measuredInPeriod: unknown[] }[]).find((o) => o.id === organisation);
    expect(objective?.measuredInPeriod).toEqual([{ period: '2026-Q3', measured: 0, status: 'met' }]);

    // Replaying the close answers the same and changes nothing; closing again is refused.
    const footprint = async () => ({ rows: await rows(), audit: await auditCount(t) });
    const before = await footprint();
    const replay = await close(c.board, id, `close-${id}`);
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(closed.body);
    expectProblem(await close(c.board, id), 409, 'review_closed');
    expect(await footprint()).toEqual(before);

    // The minutes print them.
    const pdf = await fetchReport(t, c.board, `/api/management-reviews/${id}/minutes.pdf?lang=en`);
    const text = (await pageTexts(pdf.body)).join('\n');
    expectShows(text, [
      'Quality objectives measured at closing',
      'At most three open deviations',
      '2026-Q3',
      'at closing',
      `before, kept (${c.qm.name})`,
    ]);
  });

  it('measures as of today, in today’s quarter, when the period ends after today', async () => {
    const id = await review({ heldOn: '2026-12-31', title: 'Review of the year', periodFrom: '2026-01-01' });
    const closed = await close(c.board, id);
    expect(closed.status).toBe(200);
    expect(closed.body.objectiveMeasurements).toEqual([
      expect.objectContaining({ objectiveId: organisation, period: '2026-Q4', measuredOn: '2026-11-20', recordedAtClose: true }),
      expect.objectContaining({ objectiveId: programme, period: '2026-Q4', measuredOn: '2026-11-20', recordedAtClose: true }),
    ]);
    const q4 = (await rows()).filter((r) => r.period === '2026-Q4');
    expect(q4.map((r) => [r.objective_id, r.measured_on, r.recorded_by]).sort()).toEqual(
      [
        [organisation, '2026-11-20', c.board.id],
        [programme, '2026-11-20', c.board.id],
      ].sort(),
    );
    expect(await rows()).toHaveLength(4);
  });
});
