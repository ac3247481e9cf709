/**
 * Exact days: a step's day is the calendar day in the programme's time zone when it was performed.
 * The window's first and last day conform, the day before and the day after do not; a required
 * competence must be held (completed, not yet expired) on that day.
 */
import { createStaff, executeProcedure, procedureDefinition, programmeFixture, recordTraining, textStep } from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const MODULE = 'Programme leader training, module 1: intake interviews';
// Day -10..0 from the programme start.
const windowed = procedureDefinition('edge-window', { window: { anchor: 'programme_start', fromDays: -10, toDays: 0 } });
const gated = procedureDefinition('edge-competence', {
  window: { anchor: 'programme_start', fromDays: -30, toDays: 0 },
  steps: [textStep('interview', { requiredCompetence: MODULE })],
});
// A two-step procedure, and one whose window runs from the day it was done: 0..10 days after.
const first = procedureDefinition('edge-first', {
  window: { anchor: 'programme_start', fromDays: -30, toDays: 0 },
  steps: [textStep('prepare'), textStep('meet')],
});
const following = procedureDefinition('edge-following', {
  window: { anchor: 'procedure_completed', procedure: 'edge-first', fromDays: 0, toDays: 10 },
});
const values = { summary: 'Interview held' };

type Execution = {
  id: string;
  conformance: string;
  findings: { rule: string; stepKey?: string; detail: string }[];
  window: { from: string; to: string };
};
const rules = (e: Execution) => e.findings.map((f) => `${f.rule}:${f.stepKey}`);

describe('window edges and competence on the day, in the programme time zone', () => {
  let t: TestApp;
  let staff: Staff;
  let stockholm: ProgrammeFixture;
  let utc: ProgrammeFixture;
  let dst: ProgrammeFixture;
  const used = new Map<ProgrammeFixture, number>();

  /** Executes a one-step procedure for the next unused adept of the programme. */
  async function once(fx: ProgrammeFixture, procedureKey: string, performedAt: string, performedBy?: TestUser): Promise<Execution> {
    const i = used.get(fx) ?? 0;
    used.set(fx, i + 1);
    const stepKey = procedureKey === 'edge-competence' ? 'interview' : 'meet';
    return executeProcedure(t, staff.leader, fx.programme.id, procedureKey, { participantId: fx.adepts[i].id }, [
      { stepKey, values, performedAt, ...(performedBy ? { performedById: performedBy.id } : {}) },
    ]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    const procedures = [windowed, gated, first, following];
    // Window 2025-02-21 .. 2025-03-03, Stockholm on CET (UTC+1).
    stockholm = await programmeFixture(t, {
      staff,
      procedures,
      startDate: '2025-03-03',
      endDate: '2025-12-19',
      adepts: 18,
      enrolledAt: '2025-01-15',
    });
    utc = await programmeFixture(t, {
      staff,
      procedures,
      startDate: '2025-03-03',
      endDate: '2025-12-19',
      timeZone: 'UTC',
      adepts: 2,
      enrolledAt: '2025-01-15',
    });
    // Window 2025-03-20 (CET, UTC+1) .. 2025-03-30 (summer time from 02:00, CEST, UTC+2).
    dst = await programmeFixture(t, {
      staff,
      procedures,
      startDate: '2025-03-30',
      endDate: '2025-12-19',
      adepts: 4,
      enrolledAt: '2025-01-15',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('conforms on the first and last allowed day, not one day before or after (midnight in Stockholm, not UTC)', async () => {
    const first = await once(stockholm, 'edge-window', '2025-02-20T23:00:00Z'); // 2025-02-21 00:00 in Stockholm
    expect(first.window).toEqual({ from: '2025-02-21', to: '2025-03-03' });
    expect(first.conformance).toBe('conforming');
    const dayBefore = await once(stockholm, 'edge-window', '2025-02-20T22:59:59.999Z'); // 2025-02-20 23:59:59.999
    expect(rules(dayBefore)).toEqual(['outside_window:meet']);
    expect(dayBefore.findings[0].detail).toContain('performed on 2025-02-20 (Europe/Stockholm');
    expect(dayBefore.findings[0].detail).toContain('1 day before the window opened');

    const last = await once(stockholm, 'edge-window', '2025-03-03T23:59:59+01:00');
    expect(last.conformance).toBe('conforming');
    const dayAfter = await once(stockholm, 'edge-window', '2025-03-03T23:00:00Z'); // 2025-03-04 00:00 in Stockholm
    expect(rules(dayAfter)).toEqual(['outside_window:meet']);
    expect(dayAfter.findings[0].detail).toContain('1 day after the window closed');

    const shown = await t.http.get(`/api/executions/${dayAfter.id}`).set(...bearer(staff.qm));
    expect(shown.body).toMatchObject({ window: { from: '2025-02-21', to: '2025-03-03' }, conformance: 'nonconforming' });
  });

  it('counts days in the programme time zone: the same instants judged in a UTC programme', async () => {
    const early = await once(utc, 'edge-window', '2025-02-20T23:00:00Z');
    expect(rules(early)).toEqual(['outside_window:meet']);
    const late = await once(utc, 'edge-window', '2025-03-03T23:00:00Z');
    expect(late.conformance).toBe('conforming');
  });

  it('keeps the edges on whole days across the change to summer time', async () => {
    expect((await once(dst, 'edge-window', '2025-03-19T23:00:00Z')).conformance).toBe('conforming'); // 03-20 00:00 CET
    expect(rules(await once(dst, 'edge-window', '2025-03-19T22:59:59Z'))).toEqual(['outside_window:meet']);
    expect((await once(dst, 'edge-window', '2025-03-30T21:59:59Z')).conformance).toBe('conforming'); // 03-30 23:59:59 CEST
    expect(rules(await once(dst, 'edge-window', '2025-03-30T22:00:00Z'))).toEqual(['outside_window:meet']); // 03-31 00:00 CEST
  });

  it('counts a window anchored on another procedure from the day its last step was performed, not from the day it was entered', async () => {
    const i = used.get(stockholm) ?? 0;
    used.set(stockholm, i + 1);
    const subject = { participantId: stockholm.adepts[i].id };
    // Entered (and completed) today, long after the work was done on 2025-02-18 and 2025-02-20.
    await executeProcedure(t, staff.leader, stockholm.programme.id, 'edge-first', subject, [
      { stepKey: 'prepare', values, performedAt: '2025-02-18T09:00:00+01:00' },
      { stepKey: 'meet', values, performedAt: '2025-02-20T23:30:00+01:00' },
    ]);
    const next: Execution = await executeProcedure(t, staff.leader, stockholm.programme.id, 'edge-following', subject, [
      { stepKey: 'meet', values, performedAt: '2025-03-02T10:00:00+01:00' },
    ]);
    expect(next.window).toEqual({ from: '2025-02-20', to: '2025-03-02' });
    expect(next.conformance).toBe('conforming');
    const matrix = await t.http
      .get(`/api/programmes/${stockholm.programme.id}/conformance`)
      .set(...bearer(staff.qm))
      .query({ today: '2025-03-05' });
    const row = matrix.body.rows.find((r: { subject: { id: string } }) => r.subject.id === subject.participantId);
    expect(row.cells.find((c: { procedureKey: string }) => c.procedureKey === 'edge-following')).toMatchObject({
      status: 'conforming',
      window: { from: '2025-02-20', to: '2025-03-02' },
    });
  });

  describe('competence gating (performed 2025-02-20 in Stockholm)', () => {
    const day = '2025-02-20T10:00:00+01:00';
    let performers: Record<string, TestUser>;

    beforeAll(async () => {
      const names = ['valid', 'lastValidDay', 'completedThatDay', 'none', 'expiredDayBefore', 'completedDayAfter', 'otherModule'];
      performers = {};
      for (const n of names) performers[n] = await t.user(['programme_leader'], `Performer ${n}`);
      await recordTraining(t, staff.qm, performers.valid.id, MODULE, '2025-01-10', '2026-01-09');
      await recordTraining(t, staff.qm, performers.lastValidDay.id, MODULE, '2023-02-20', '2025-02-20');
      await recordTraining(t, staff.qm, performers.completedThatDay.id, MODULE, '2025-02-20');
      await recordTraining(t, staff.qm, performers.expiredDayBefore.id, MODULE, '2023-02-19', '2025-02-19');
      await recordTraining(t, staff.qm, performers.completedDayAfter.id, MODULE, '2025-02-21');
      await recordTraining(
        t,
        staff.qm,
        performers.otherModule.id,
        'Programme leader training, module 2: matching mentors and adepts',
        '2025-01-10',
      );
    });

    it('passes with a training record valid on the day, both ends of its validity included', async () => {
      for (const who of ['valid', 'lastValidDay', 'completedThatDay']) {
        const e = await once(stockholm, 'edge-competence', day, performers[who]);
        expect({ who, conformance: e.conformance, findings: e.findings }).toEqual({ who, conformance: 'conforming', findings: [] });
      }
    });

    it('fails with no record, one expired the day before, one completed the day after, or another module', async () => {
      const none = await once(stockholm, 'edge-competence', day, performers.none);
      expect(rules(none)).toEqual(['performer_competence:interview']);
      expect(none.findings[0].detail).toContain(`has no record of training "${MODULE}"`);
      const expired = await once(stockholm, 'edge-competence', day, performers.expiredDayBefore);
      expect(rules(expired)).toEqual(['performer_competence:interview']);
      expect(expired.findings[0].detail).toContain('had expired on 2025-02-19');
      const later = await once(stockholm, 'edge-competence', day, performers.completedDayAfter);
      expect(rules(later)).toEqual(['performer_competence:interview']);
      expect(later.findings[0].detail).toContain('only on 2025-02-21');
      expect(rules(await once(stockholm, 'edge-competence', day, performers.otherModule))).toEqual(['performer_competence:interview']);
    });

    it('judges the day in the programme time zone', async () => {
      // 2025-02-20T23:30Z is already 2025-02-21 in Stockholm: the day the training was completed.
      expect((await once(stockholm, 'edge-competence', '2025-02-20T23:30:00Z', performers.completedDayAfter)).conformance).toBe(
        'conforming',
      );
      // 2025-02-19T22:59Z is still 2025-02-19 in Stockholm: the last day the training was valid.
      expect((await once(stockholm, 'edge-competence', '2025-02-19T22:59:00Z', performers.expiredDayBefore)).conformance).toBe(
        'conforming',
      );
    });
  });
});
