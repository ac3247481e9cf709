/**
 * Programme scoping: a programme leader sees and changes only the programmes they lead; every
 * other programme's resources answer 404, reads and writes alike. Quality managers and auditors
 * see all; auditors and board members change nothing.
 */
import { auditHead, auditSince } from './support/audit-events.js';
import { expectProblem, problemOf } from './support/expectations.js';
import { createStaff, procedureDefinition, programmeFixture, recordStep, startExecution } from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const scoped = procedureDefinition('scope-intake', { window: { anchor: 'programme_start', fromDays: -30, toDays: 0 } });
const step = { stepKey: 'meet', values: { summary: 'Met' }, performedAt: '2025-02-20T10:00:00+01:00' };

describe('programme scoping', () => {
  let t: TestApp;
  let staff: Staff;
  let leaderA: TestUser;
  let leaderB: TestUser;
  let auditor: TestUser;
  let board: TestUser;
  let mine: ProgrammeFixture;
  let theirs: ProgrammeFixture;
  let theirExecution: { id: string; steps: { id: string }[] };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    leaderA = staff.leader;
    leaderB = await t.user(['programme_leader'], 'Britt Other-Leader');
    auditor = await t.user(['auditor']);
    board = await t.user(['board_member']);
    const common = {
      staff,
      procedures: [scoped],
      startDate: '2025-03-03',
      endDate: '2025-12-19',
      adepts: 2,
      mentors: 2,
      pairs: true,
      enrolledAt: '2025-01-15',
    };
    mine = await programmeFixture(t, { ...common, leaders: [leaderA] });
    theirs = await programmeFixture(t, { ...common, leaders: [leaderB] });
    const started = await startExecution(t, leaderB, theirs.programme.id, 'scope-intake', { participantId: theirs.adepts[0].id });
    theirExecution = await recordStep(t, leaderB, started.id, step);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Every read of a programme's resources, as [description, path]. */
  const reads = (fx: ProgrammeFixture, executionId: string): [string, string][] => [
    ['programme', `/api/programmes/${fx.programme.id}`],
    ['participants', `/api/programmes/${fx.programme.id}/participants`],
    ['participant', `/api/programmes/${fx.programme.id}/participants/${fx.adepts[0].id}`],
    ['pairs', `/api/programmes/${fx.programme.id}/pairs`],
    ['execution', `/api/executions/${executionId}`],
    ['conformance matrix', `/api/programmes/${fx.programme.id}/conformance?today=2025-03-10`],
  ];

  /** Every write to a programme's resources, as [description, method, path, body]. */
  const writes = (
    fx: ProgrammeFixture,
    execution: { id: string; steps: { id: string }[] },
  ): [string, 'post' | 'patch', string, Record<string, unknown>][] => [
    ['update programme', 'patch', `/api/programmes/${fx.programme.id}`, { name: 'Taken over' }],
    [
      'enrol',
      'post',
      `/api/programmes/${fx.programme.id}/participants`,
      { role: 'adept', fullName: 'X Y', gender: 'male', profession: 'Dentist', enrolledAt: '2025-02-01', consentRecordedAt: '2025-02-01' },
    ],
    [
      'withdraw',
      'post',
      `/api/programmes/${fx.programme.id}/participants/${fx.adepts[1].id}/withdraw`,
      { date: '2025-03-01', reason: 'x' },
    ],
    ['complete participant', 'post', `/api/programmes/${fx.programme.id}/participants/${fx.adepts[1].id}/complete`, {}],
    [
      'match pair',
      'post',
      `/api/programmes/${fx.programme.id}/pairs`,
      { mentorId: fx.mentors[1].id, adeptId: fx.adepts[1].id, matchedAt: '2025-02-01', rationale: 'x' },
    ],
    ['end pair', 'post', `/api/pairs/${fx.pairs[0].id}/end`, { date: '2025-03-01', reason: 'x' }],
    [
      'start execution',
      'post',
      `/api/programmes/${fx.programme.id}/executions`,
      { procedureKey: 'scope-intake', subject: { participantId: fx.adepts[1].id } },
    ],
    ['record step', 'post', `/api/executions/${execution.id}/steps`, { ...step, stepKey: 'meet' }],
    [
      'correct step',
      'post',
      `/api/executions/${execution.id}/steps/${execution.steps[0].id}/corrections`,
      { values: { summary: 'Changed' }, reason: 'x' },
    ],
    ['complete execution', 'post', `/api/executions/${execution.id}/complete`, {}],
  ];

  const send = (as: TestUser, method: 'post' | 'patch', path: string, body: Record<string, unknown>) =>
    t.http[method](path)
      .set(...bearer(as))
      .set('If-Match', '"2"')
      .send(body);

  it("answers 404 to a leader for another leader's programme, participants, pairs, executions and matrix", async () => {
    const listed = await t.http.get('/api/programmes').set(...bearer(leaderA));
    expect(listed.body.map((p: { id: string }) => p.id)).toEqual([mine.programme.id]);
    for (const [what, path] of reads(theirs, theirExecution.id)) {
      const res = await t.http.get(path).set(...bearer(leaderA));
      expect({ what, status: res.status }).toEqual({ what, status: 404 });
      expectProblem(res, 404, 'not_found');
      const own = await t.http.get(path).set(...bearer(leaderB));
      expect({ what, status: own.status }).toEqual({ what, status: 200 });
    }
    // Their participant through my programme's path is not found either.
    expectProblem(
      await t.http.get(`/api/programmes/${mine.programme.id}/participants/${theirs.adepts[0].id}`).set(...bearer(leaderA)),
      404,
      'not_found',
    );
  });

  it("answers 404 to a leader's writes to another leader's programme, and changes nothing", async () => {
    const before = await auditHead(t);
    for (const [what, method, path, body] of writes(theirs, theirExecution)) {
      const res = await send(leaderA, method, path, body);
      expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status: 404, code: 'not_found' });
    }
    expect(await auditSince(t, before)).toEqual([]);
    const view = (await t.http.get(`/api/executions/${theirExecution.id}`).set(...bearer(leaderB))).body;
    expect(view).toMatchObject({ state: 'open' });
    expect(view.steps).toHaveLength(1);
    expect((await t.http.get(`/api/programmes/${theirs.programme.id}`).set(...bearer(leaderB))).body.name).not.toBe('Taken over');
  });

  it('lets quality managers, auditors and board members read every programme', async () => {
    for (const reader of [staff.qm, auditor, board]) {
      const listed = (await t.http.get('/api/programmes').set(...bearer(reader))).body.map((p: { id: string }) => p.id);
      expect(listed).toEqual(expect.arrayContaining([mine.programme.id, theirs.programme.id]));
      for (const [what, path] of reads(theirs, theirExecution.id)) {
        const res = await t.http.get(path).set(...bearer(reader));
        expect({ reader: reader.roles[0], what, status: res.status }).toEqual({ reader: reader.roles[0], what, status: 200 });
      }
    }
  });

  it('refuses every write by auditors and board members (403), changing nothing', async () => {
    const before = await auditHead(t);
    for (const reader of [auditor, board]) {
      for (const [what, method, path, body] of writes(theirs, theirExecution)) {
        const res = await send(reader, method, path, body);
        expect({ reader: reader.roles[0], what, status: res.status, code: res.body.code }).toEqual({
          reader: reader.roles[0],
          what,
          status: 403,
          code: 'forbidden_role',
        });
      }
      for (const path of [`/api/programmes/${theirs.programme.id}/activate`, `/api/programmes/${theirs.programme.id}/close`]) {
        expectProblem(await t.http.post(path).set(...bearer(reader)), 403, 'forbidden_role');
      }
      expectProblem(
        await t.http
          .post(`/api/programmes/${theirs.programme.id}/procedure-plan/migrate`)
          .set(...bearer(reader))
          .send({ procedureKey: 'scope-intake', toVersion: 1, reason: 'x' }),
        403,
        'forbidden_role',
      );
      expectProblem(
        await t.http
          .post(`/api/users/${leaderA.id}/training-records`)
          .set(...bearer(reader))
          .send({ module: 'x', completedAt: '2025-01-01' }),
        403,
        'forbidden_role',
      );
    }
    expect(await auditSince(t, before)).toEqual([]);
  });

  it('lets the leader write to their own programme, and a quality manager to any', async () => {
    const own = await send(leaderA, 'patch', `/api/programmes/${mine.programme.id}`, { name: 'Renamed by its leader' });
    expect(own.status).toBe(200);
    // Who leads a programme decides who sees it: only a quality manager assigns leaders.
    const before = await auditHead(t);
    const share = await t.http
      .patch(`/api/programmes/${mine.programme.id}`)
      .set(...bearer(leaderA))
      .set('If-Match', '"3"')
      .send({ leaderIds: [leaderA.id, leaderB.id] });
    expectProblem(share, 403, 'forbidden_role');
    expect(await auditSince(t, before)).toEqual([]);
    expectProblem(await t.http.get(`/api/programmes/${mine.programme.id}`).set(...bearer(leaderB)), 404, 'not_found');
    const byQm = await send(staff.qm, 'patch', `/api/programmes/${theirs.programme.id}`, { name: 'Renamed by quality' });
    expect(byQm.status).toBe(200);
    const execution = await startExecution(t, staff.qm, theirs.programme.id, 'scope-intake', { participantId: theirs.adepts[1].id });
    expect(execution.versionNumber).toBe(1);
  });

  it('answers a record in a programme the leader does not lead exactly like an unknown one, naming the record', async () => {
    const deviation = await t.http
      .post('/api/deviations')
      .set(...bearer(leaderB))
      .send({
        programmeId: theirs.programme.id,
        title: 'Intake interview held late',
        description: 'Found in the monthly review',
        severity: 'minor',
        source: 'manual',
        detectedAt: '2025-03-10T10:00:00Z',
      });
    expect(deviation.status).toBe(201);
    const deviationId = (deviation.body as { id: string }).id;
    const unknown = '7d0f3c1e-5b2a-4c9d-8e6f-0a1b2c3d4e5f';
    const cases: [string, string, 'get' | 'post' | 'patch', (id: string) => string, Record<string, unknown> | undefined, string][] = [
      ['Execution', theirExecution.id, 'get', (id) => `/api/executions/${id}`, undefined, 'Execution not found'],
      ['Execution', theirExecution.id, 'post', (id) => `/api/executions/${id}/steps`, step, 'Execution not found'],
      ['Execution', theirExecution.id, 'post', (id) => `/api/executions/${id}/complete`, {}, 'Execution not found'],
      [
        'Participant',
        theirs.adepts[0].id,
        'get',
        (id) => `/api/programmes/${theirs.programme.id}/participants/${id}`,
        undefined,
        'Participant not found',
      ],
      [
        'Participant',
        theirs.adepts[1].id,
        'post',
        (id) => `/api/programmes/${theirs.programme.id}/participants/${id}/withdraw`,
        { date: '2025-03-01', reason: 'x' },
        'Participant not found',
      ],
      ['Pair', theirs.pairs[0].id, 'post', (id) => `/api/pairs/${id}/end`, { date: '2025-03-01', reason: 'x' }, 'Pair not found'],
      ['Deviation', deviationId, 'get', (id) => `/api/deviations/${id}`, undefined, 'Deviation not found'],
      ['Deviation', deviationId, 'patch', (id) => `/api/deviations/${id}`, { title: 'Taken over' }, 'Deviation not found'],
      ['Programme', theirs.programme.id, 'get', (id) => `/api/programmes/${id}`, undefined, 'Programme not found'],
    ];
    const before = await auditHead(t);
    for (const [what, hiddenId, method, path, body, detail] of cases) {
      const ask = (id: string) => {
        const req = t.http[method](path(id))
          .set(...bearer(leaderA))
          .set('If-Match', '"1"');
        return body ? req.send(body) : req;
      };
      const hidden = await ask(hiddenId);
      const missing = await ask(unknown);
      expectProblem(hidden, 404, 'not_found');
      expectProblem(missing, 404, 'not_found');
      expect({ what, method, detail: problemOf(hidden).detail }).toEqual({ what, method, detail });
      // Nothing tells the two apart but the path asked for.
      const { instance: _h, ...hiddenRest } = problemOf(hidden);
      const { instance: _m, ...missingRest } = problemOf(missing);
      expect({ what, method, body: hiddenRest }).toEqual({ what, method, body: missingRest });
    }
    expect(await auditSince(t, before)).toEqual([]);
    // A malformed id is no record either, said the same way.
    const malformed = await t.http.get('/api/executions/not-a-uuid').set(...bearer(leaderA));
    expectProblem(malformed, 404, 'not_found');
    expect(problemOf(malformed).detail).toBe('Execution not found');
  });

  it('takes a programme away from a leader who no longer leads it', async () => {
    const current = await t.http.get(`/api/programmes/${theirs.programme.id}`).set(...bearer(staff.qm));
    const handover = await t.http
      .patch(`/api/programmes/${theirs.programme.id}`)
      .set(...bearer(staff.qm))
      .set('If-Match', current.headers.etag)
      .send({ leaderIds: [leaderA.id] });
    expect(handover.status).toBe(200);
    expectProblem(await t.http.get(`/api/programmes/${theirs.programme.id}`).set(...bearer(leaderB)), 404, 'not_found');
    expectProblem(await t.http.get(`/api/executions/${theirExecution.id}`).set(...bearer(leaderB)), 404, 'not_found');
    expect((await t.http.get(`/api/executions/${theirExecution.id}`).set(...bearer(leaderA))).status).toBe(200);
  });
});
