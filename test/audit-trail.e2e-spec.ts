import { startTestApp, bearer, uniqueSuffix } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';
import { storedEvents, trailState, expectGapFreeTrail } from './support/audit.js';
import type { StoredEvent } from './support/audit.js';

describe('audit trail', () => {
  let t: TestApp;
  let auditor: TestUser;
  beforeAll(async () => {
    t = await startTestApp();
    auditor = await t.user(['auditor']);
  });
  afterAll(async () => {
    await t?.close();
  });

  function newUser(password = 'a-password-to-look-for') {
    const s = uniqueSuffix();
    return { email: `trail.${s}@example.org`, name: `Trail ${s}`, password, roles: ['programme_leader'] };
  }

  async function eventsFor(entityId: string): Promise<StoredEvent[]> {
    return storedEvents(t, 'entity_id = $1', [entityId]);
  }

  describe('one event per change', () => {
    it('records user.create with actor, entity, version, changes and the request id, and no password', async () => {
      const password = 'secret-password-never-in-the-trail';
      const body = newUser(password);
      const before = await trailState(t);
      const res = await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send(body);
      expect(res.status).toBe(201);
      expect(res.headers['x-request-id']).toEqual(expect.any(String));

      const after = await trailState(t);
      expect(after.events).toBe(before.events + 1);
      const [event] = await eventsFor(res.body.id);
      expect(event).toEqual({
        seq: before.headSeq + 1,
        occurredAt: expect.any(Date),
        actorId: t.admin.id,
        actorEmail: t.admin.email,
        action: 'user.create',
        entityType: 'user',
        entityId: res.body.id,
        entityVersion: 1,
        changes: {
          email: { old: null, new: body.email },
          name: { old: null, new: body.name },
          roles: { old: null, new: ['programme_leader'] },
          active: { old: null, new: true },
          mustChangePassword: { old: null, new: true },
        },
        reason: null,
        requestId: res.headers['x-request-id'],
        prevHash: before.headHash,
        hash: after.headHash,
      });
      const [{ password_hash }] = await t.sql<{ password_hash: string }>(`SELECT password_hash FROM app_user WHERE id = $1`, [res.body.id]);
      const stored = JSON.stringify(await storedEvents(t));
      expect(stored).not.toContain(password);
      expect(stored).not.toContain(password_hash);
      expect(stored).not.toMatch(/argon2|passwordHash|password_hash/i);
      // The event names what happened to the password (mustChangePassword, user.password_change), never the password.
      expect(stored).not.toMatch(/"password"/);
    });

    it('records user.update with only the fields that changed, and the request id the client sent', async () => {
      const created = await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send(newUser());
      const res = await t.http
        .patch(`/api/users/${created.body.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', '"1"')
        .set('X-Request-Id', 'client-request-42')
        .send({ name: 'Changed Name', roles: ['programme_leader'], active: false });
      expect(res.status).toBe(200);
      expect(res.headers['x-request-id']).toBe('client-request-42');

      const events = await eventsFor(created.body.id);
      expect(events.map((e) => e.action)).toEqual(['user.create', 'user.update']);
      expect(events[1]).toMatchObject({
        actorId: t.admin.id,
        entityType: 'user',
        entityVersion: 2,
        requestId: 'client-request-42',
        changes: { name: { old: created.body.name, new: 'Changed Name' }, active: { old: true, new: false } },
        prevHash: (await storedEvents(t, 'seq = $1', [events[1].seq - 1]))[0].hash,
      });
    });

    it('writes no event and no version for an update that changes nothing', async () => {
      const created = await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send(newUser());
      const before = await trailState(t);
      const res = await t.http
        .patch(`/api/users/${created.body.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', '"1"')
        .send({ name: created.body.name, roles: created.body.roles, active: true });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body.version).toBe(1);
      expect(await trailState(t)).toEqual(before);
      expect((await eventsFor(created.body.id)).map((e) => e.action)).toEqual(['user.create']);
    });

    it('leaves no event and no gap when a request fails inside its transaction', async () => {
      const before = await trailState(t);
      const res = await t.http
        .patch(`/api/users/${t.admin.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', '"1"')
        .send({ active: false });
      expectProblem(res, 409, 'cannot_deactivate_self');
      expect(await trailState(t)).toEqual(before);

      const next = await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send(newUser());
      expect(next.status).toBe(201);
      const [event] = await eventsFor(next.body.id);
      expect(event.seq).toBe(before.headSeq + 1);
      expect(event.prevHash).toBe(before.headHash);
      await expectGapFreeTrail(t);
    });
  });

  describe('GET /api/audit-events', () => {
    let subject: { id: string };
    let all: StoredEvent[];

    beforeAll(async () => {
      const created = await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send(newUser());
      subject = created.body;
      // Changes by another admin, so actorId has something to tell apart.
      const admin2 = await t.user(['admin']);
      for (let v = 1; v <= 3; v++) {
        const res = await t.http
          .patch(`/api/users/${subject.id}`)
          .set(...bearer(v % 2 ? admin2 : t.admin))
          .set('If-Match', `"${v}"`)
          .send({ name: `Subject v${v + 1}` });
        expect(res.status).toBe(200);
      }
      all = await storedEvents(t);
    });

    const list = (query: string, as: TestUser = auditor) => t.http.get(`/api/audit-events${query}`).set(...bearer(as));
    const seqs = (items: { seq: number }[]) => items.map((e) => e.seq);

    it('answers the stored events, oldest first, in the documented shape', async () => {
      const res = await list('?limit=500');
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items).toEqual(all.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })));
    });

    it('filters by entity type and id', async () => {
      const res = await list(`?entityType=user&entityId=${subject.id}`);
      expect(res.status).toBe(200);
      expect(seqs(res.body.items)).toEqual(seqs(all.filter((e) => e.entityId === subject.id)));
      expect(res.body.items.map((e: StoredEvent) => e.action)).toEqual(['user.create', 'user.update', 'user.update', 'user.update']);
      expect((await list('?entityType=procedure_version')).body.items).toEqual([]);
    });

    it('filters by actor and by action', async () => {
      const res = await list(`?actorId=${t.admin.id}&action=user.update`);
      expect(res.status).toBe(200);
      const expected = seqs(all.filter((e) => e.actorId === t.admin.id && e.action === 'user.update'));
      expect(expected.length).toBeGreaterThan(0);
      expect(seqs(res.body.items)).toEqual(expected);
    });

    it('filters by time: from inclusive, to exclusive', async () => {
      const pivot = all[Math.floor(all.length / 2)].occurredAt;
      const iso = pivot.toISOString();
      const from = await list(`?limit=500&from=${encodeURIComponent(iso)}`);
      const to = await list(`?limit=500&to=${encodeURIComponent(iso)}`);
      expect(seqs(from.body.items)).toEqual(seqs(all.filter((e) => e.occurredAt >= pivot)));
      expect(seqs(to.body.items)).toEqual(seqs(all.filter((e) => e.occurredAt < pivot)));
      expect(from.body.items.length).toBeGreaterThan(0);
      expect(from.body.items.length + to.body.items.length).toBe(all.length);
      // The same instant written with another offset selects the same events.
      const plusTwo = new Date(pivot.getTime() + 2 * 3600_000).toISOString().replace('Z', '+02:00');
      const fromOffset = await list(`?limit=500&from=${encodeURIComponent(plusTwo)}`);
      expect(seqs(fromOffset.body.items)).toEqual(seqs(from.body.items));
    });

    it('pages with a cursor: limit=1 walks every event exactly once, in order', async () => {
      const walked: number[] = [];
      let cursor: string | null = null;
      for (let page = 0; page <= all.length; page++) {
        const res = await list(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(1);
        walked.push(...seqs(res.body.items));
        cursor = res.body.nextCursor;
        if (cursor === null) break;
        expect(cursor).toBe(String(res.body.items[0].seq));
      }
      expect(cursor).toBeNull();
      expect(walked).toEqual(seqs(all));
    });

    it('pages a filtered list too', async () => {
      const first = await list(`?entityId=${subject.id}&limit=3`);
      expect(seqs(first.body.items)).toHaveLength(3);
      const second = await list(`?entityId=${subject.id}&limit=3&cursor=${first.body.nextCursor}`);
      expect(second.body.nextCursor).toBeNull();
      expect([...seqs(first.body.items), ...seqs(second.body.items)]).toEqual(seqs(all.filter((e) => e.entityId === subject.id)));
    });

    it('is open to admin, quality_manager and auditor; refused to programme_leader and board_member', async () => {
      for (const role of ['quality_manager', 'auditor'] as const) {
        const u = await t.user([role]);
        expect((await list('?limit=1', u)).status).toBe(200);
        expect((await t.http.get('/api/audit-events/verify').set(...bearer(u))).status).toBe(200);
      }
      expect((await list('?limit=1', t.admin)).status).toBe(200);
      for (const role of ['programme_leader', 'board_member'] as const) {
        const u = await t.user([role]);
        expectProblem(await list('', u), 403, 'forbidden_role');
        expectProblem(await t.http.get('/api/audit-events/verify').set(...bearer(u)), 403, 'forbidden_role');
        expectProblem(await t.http.get('/api/audit-events/export').set(...bearer(u)), 403, 'forbidden_role');
      }
      expectProblem(await t.http.get('/api/audit-events'), 401, 'unauthenticated');
    });
  });
});
