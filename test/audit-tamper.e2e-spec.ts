import { hashEvent } from '../src/audit/audit-chain.js';
import type { ChainedEvent } from '../src/audit/audit-chain.js';
import { startTestApp, bearer, uniqueSuffix } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { storedEvents } from './support/audit.js';
import type { StoredEvent } from './support/audit.js';

/**
 * Someone with database access edits the trail behind the service's back (the append-only
 * triggers switched off); verification must notice, and name the first event it cannot trust.
 */
describe('audit trail tamper probes', () => {
  let t: TestApp;
  let n: number;
  const k = 4;

  beforeAll(async () => {
    t = await startTestApp();
    for (let i = 0; i < 4; i++) {
      const s = uniqueSuffix();
      const created = await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send({ email: `tamper.${s}@example.org`, name: `Tamper ${s}`, password: 'a-long-enough-password', roles: ['auditor'] });
      expect(created.status).toBe(201);
      const updated = await t.http
        .patch(`/api/users/${created.body.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', '"1"')
        .send({ name: `Renamed ${s}` });
      expect(updated.status).toBe(200);
    }
    const events = await storedEvents(t);
    n = events.length;
    expect(n).toBeGreaterThanOrEqual(k + 4);
    // The untouched trail, to put back after each probe.
    await t.sql(`CREATE TABLE audit_event_pristine AS SELECT * FROM audit_event`);
    await t.sql(`CREATE TABLE audit_head_pristine AS SELECT * FROM audit_head`);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Runs statements as the database owner with the append-only triggers off, in one transaction. */
  async function behindTheServicesBack(statements: [string, unknown[]?][]): Promise<void> {
    await t.db.transaction(async (m) => {
      await m.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
      for (const [sql, params] of statements) await m.query(sql, params);
      await m.query(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
    });
  }

  async function verify() {
    const res = await t.http.get('/api/audit-events/verify').set(...bearer(t.admin));
    expect(res.status).toBe(200);
    return res.body as {
      valid: boolean;
      events: number;
      headHash: string | null;
      firstInvalidSeq?: number;
      problem?: string;
      detail?: string;
    };
  }

  async function event(seq: number): Promise<StoredEvent> {
    const [e] = await storedEvents(t, 'seq = $1', [seq]);
    return e;
  }

  function asChained(e: StoredEvent): ChainedEvent {
    return { ...e, occurredAt: e.occurredAt.toISOString() };
  }

  beforeEach(async () => {
    await behindTheServicesBack([
      [`DELETE FROM audit_event`],
      [`INSERT INTO audit_event SELECT * FROM audit_event_pristine`],
      [`UPDATE audit_head SET seq = p.seq, hash = p.hash FROM audit_head_pristine p WHERE audit_head.id = p.id`],
    ]);
    const [{ enabled }] = await t.sql<{ enabled: number }>(
      `SELECT count(*)::int AS enabled FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass AND NOT tgisinternal AND tgenabled = 'O'`,
    );
    expect(enabled).toBe(2);
    expect(await verify()).toMatchObject({ valid: true, events: n });
  });

  describe('with the triggers on', () => {
    it('verifies the untouched trail: every event, ending at the last hash', async () => {
      const events = await storedEvents(t);
      const v = await verify();
      expect(v).toEqual({
        valid: true,
        mode: 'full',
        fromSeq: 1,
        toSeq: events.length,
        checkpointSeq: 0,
        fullVerifiedAt: expect.any(String),
        events: events.length,
        headHash: events[events.length - 1].hash,
      });
    });

    it.each([
      ['UPDATE', `UPDATE audit_event SET action = 'user.delete' WHERE seq = ${k}`],
      ['DELETE', `DELETE FROM audit_event WHERE seq = ${k}`],
      ['TRUNCATE', `TRUNCATE audit_event`],
    ])('refuses %s on audit_event on the service connection', async (_op, sql) => {
      await expect(t.sql(sql)).rejects.toThrow(/append-only/);
      expect((await storedEvents(t)).length).toBe(n);
      expect(await verify()).toMatchObject({ valid: true, events: n });
    });
  });

  describe('with the triggers off', () => {
    it.each([
      ['the action', `UPDATE audit_event SET action = 'user.delete' WHERE seq = $1`],
      ['the changes', `UPDATE audit_event SET changes = jsonb_set(changes, '{forged}', '{"old": null, "new": 1}') WHERE seq = $1`],
      ['the actor', `UPDATE audit_event SET actor_email = 'someone.else@example.org' WHERE seq = $1`],
      ['the time (by 1 ms)', `UPDATE audit_event SET occurred_at = occurred_at + interval '1 millisecond' WHERE seq = $1`],
      ['the stored hash', `UPDATE audit_event SET hash = repeat('a', 64) WHERE seq = $1`],
    ])('finds a change of %s in event k', async (_what, sql) => {
      await behindTheServicesBack([[sql, [k]]]);
      expect(await verify()).toMatchObject({ valid: false, firstInvalidSeq: k, problem: 'hash_mismatch' });
    });

    it('finds a changed link to the previous event', async () => {
      await behindTheServicesBack([[`UPDATE audit_event SET prev_hash = repeat('0', 64) WHERE seq = $1`, [k]]]);
      expect(await verify()).toMatchObject({ valid: false, firstInvalidSeq: k, problem: 'broken_link' });
    });

    it('finds an event rewritten with a recomputed hash, at the next event', async () => {
      const e = { ...asChained(await event(k)), action: 'user.delete' };
      await behindTheServicesBack([[`UPDATE audit_event SET action = $2, hash = $3 WHERE seq = $1`, [k, e.action, hashEvent(e)]]]);
      expect(await verify()).toMatchObject({ valid: false, firstInvalidSeq: k + 1, problem: 'broken_link' });
    });

    it('finds the last event rewritten with a recomputed hash, through the chain head', async () => {
      const e = { ...asChained(await event(n)), action: 'user.delete' };
      await behindTheServicesBack([[`UPDATE audit_event SET action = $2, hash = $3 WHERE seq = $1`, [n, e.action, hashEvent(e)]]]);
      expect(await verify()).toMatchObject({ valid: false, firstInvalidSeq: n, problem: 'head_mismatch' });
    });

    it.each([
      ['event k', () => k],
      ['the first event', () => 1],
      ['the last event', () => n],
    ])('finds a deletion of %s', async (_what, seq) => {
      await behindTheServicesBack([[`DELETE FROM audit_event WHERE seq = $1`, [seq()]]]);
      expect(await verify()).toMatchObject({ valid: false, firstInvalidSeq: seq(), problem: 'sequence_gap' });
    });

    it('finds two events whose contents were swapped (k and k+1 exchanged seq numbers)', async () => {
      await behindTheServicesBack([
        [`UPDATE audit_event SET seq = -1 WHERE seq = $1`, [k]],
        [`UPDATE audit_event SET seq = $1 WHERE seq = $2`, [k, k + 1]],
        [`UPDATE audit_event SET seq = $1 WHERE seq = -1`, [k + 1]],
      ]);
      const swapped = await storedEvents(t, 'seq IN ($1, $2)', [k, k + 1]);
      expect(swapped.map((e) => e.seq)).toEqual([k, k + 1]);
      expect(await verify()).toMatchObject({ valid: false, firstInvalidSeq: k, problem: 'broken_link' });
    });

    it('finds a forged event beyond the head', async () => {
      await behindTheServicesBack([
        [
          `INSERT INTO audit_event (seq, occurred_at, actor_id, actor_email, action, entity_type, entity_id, entity_version, changes, reason, request_id, prev_hash, hash)
           VALUES ($1, now(), NULL, 'system', 'user.create', 'user', 'forged', 1, '{}', NULL, NULL, repeat('1', 64), repeat('2', 64))`,
          [n + 1],
        ],
      ]);
      expect(await verify()).toMatchObject({ valid: false, firstInvalidSeq: n + 1, problem: 'unexpected_event' });
    });

    it('finds a forged event that links correctly and carries a correct hash, through the chain head', async () => {
      const last = asChained(await event(n));
      const forged = {
        seq: n + 1,
        occurredAt: new Date(Date.parse(last.occurredAt) + 1000).toISOString(),
        actorId: t.admin.id,
        actorEmail: t.admin.email,
        action: 'user.update',
        entityType: 'user',
        entityId: t.admin.id,
        entityVersion: 2,
        changes: { roles: { old: ['admin'], new: ['auditor'] } },
        reason: null,
        requestId: 'forged-request',
        prevHash: last.hash,
      };
      const hash = hashEvent(forged);
      await behindTheServicesBack([
        [
          `INSERT INTO audit_event (seq, occurred_at, actor_id, actor_email, action, entity_type, entity_id, entity_version, changes, reason, request_id, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            forged.seq,
            forged.occurredAt,
            forged.actorId,
            forged.actorEmail,
            forged.action,
            forged.entityType,
            forged.entityId,
            forged.entityVersion,
            JSON.stringify(forged.changes),
            forged.reason,
            forged.requestId,
            forged.prevHash,
            hash,
          ],
        ],
      ]);
      expect(await verify()).toMatchObject({ valid: false, firstInvalidSeq: n + 1, problem: 'unexpected_event' });
    });
  });
});
