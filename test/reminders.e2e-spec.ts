import { activeProgramme, adeptProcedure, createAction, createCast, createDeviation, enrol } from './support/deviation-fixtures.js';
import { sampleDefinition } from './support/procedures.js';
import { startSmtp } from './support/smtp.js';
import type { TestSmtp } from './support/smtp.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

/**
 * Reminders over HTTP, a real database and a real SMTP server: one mail per reminder, in its
 * recipient's language, on the day the lead days reach it (the configured clock), never again on a
 * rerun or from a second process; a weekly digest for those who prefer one; nothing of a kind
 * switched off.
 */
describe('reminders by e-mail', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let qm: TestUser;
  let owner: TestUser;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ smtpUrl: smtp.url, reminderLeadDays: 3 });
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    owner = await t.user(['programme_leader'], 'Olga Owner');
    await t.http
      .patch('/api/users/me')
      .set(...bearer(owner))
      .send({ language: 'sv' })
      .expect(200);
  });
  afterAll(async () => {
    t?.setToday(undefined);
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  const scan = async () =>
    (
      await t.http
        .post('/api/reminders/scan')
        .set(...bearer(qm))
        .expect(200)
    ).body;
  const deliver = async () =>
    (
      await t.http
        .post('/api/admin/mail/deliver')
        .set(...bearer(t.admin))
        .expect(200)
    ).body;
  const risk = async (ownerId: string, nextReviewOn: string, title = 'No mentor for welders') =>
    (
      await t.http
        .post('/api/risks')
        .set(...bearer(qm))
        .send({
          kind: 'risk',
          title,
          cause: 'Few welders volunteer',
          consequence: 'Adepts wait',
          likelihood: 3,
          impact: 3,
          ownerId,
          nextReviewOn,
        })
        .expect(201)
    ).body as { id: string; reference: string };
  const mailsTo = (u: TestUser) => smtp.received.filter((r) => r.to === u.email);

  it('sends a reminder once, in the owner language, when the lead days reach its date', async () => {
    t.setToday('2031-03-03');
    const r = await risk(owner.id, '2031-03-10');
    // Seven days ahead: not yet.
    expect(await scan()).toMatchObject({ today: '2031-03-03', queued: 0 });
    t.setToday('2031-03-07');
    expect(await scan()).toMatchObject({ today: '2031-03-07', queued: 1 });
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(mailsTo(owner)).toHaveLength(1);
    const [mail] = mailsTo(owner);
    expect(mail.subject).toBe(`Risk ${r.reference}: 2031-03-10`);
    expect(mail.text).toContain('ska omprövas senast 2031-03-10');
    expect(mail.text).toContain(`/risks/${r.id}`);
    // A rerun the same day, and the next day, queue nothing new.
    expect(await scan()).toMatchObject({ queued: 0, alreadyQueued: 1 });
    t.setToday('2031-03-08');
    expect(await scan()).toMatchObject({ queued: 0, alreadyQueued: 1 });
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(mailsTo(owner)).toHaveLength(1);
  });

  it('queues each reminder once when two processes scan at once', async () => {
    const other = await startTestApp({ smtpUrl: smtp.url, reminderLeadDays: 3 }, { sameDatabaseAs: t });
    try {
      t.setToday('2031-04-01');
      other.setToday('2031-04-01');
      await risk(owner.id, '2031-04-02', 'Two processes');
      const [a, b] = await Promise.all([
        t.http.post('/api/reminders/scan').set(...bearer(qm)),
        other.http.post('/api/reminders/scan').set(...bearer(qm)),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.queued + b.body.queued).toBe(1);
      await Promise.all([
        deliver(),
        other.http
          .post('/api/admin/mail/deliver')
          .set(...bearer(t.admin))
          .expect(200),
      ]);
      expect(mailsTo(owner)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('preferences: read with an ETag, changed with If-Match, audited', async () => {
    const me = await t.user(['board_member'], 'Berit Board');
    const read = await t.http
      .get('/api/notification-preferences')
      .set(...bearer(me))
      .expect(200);
    expect(read.body).toEqual({ delivery: 'immediate', disabledKinds: [], version: 0 });
    expect(read.headers.etag).toBe('"0"');
    const body = { delivery: 'weekly_digest', disabledKinds: ['risk_review', 'approval'] };
    expect(
      (
        await t.http
          .put('/api/notification-preferences')
          .set(...bearer(me))
          .send(body)
      ).status,
    ).toBe(428);
    const saved = await t.http
      .put('/api/notification-preferences')
      .set(...bearer(me))
      .set('If-Match', '"0"')
      .send(body)
      .expect(200);
    // Kept in the order of the list of kinds.
    expect(saved.body).toEqual({ delivery: 'weekly_digest', disabledKinds: ['risk_review', 'approval'], version: 1 });
    const stale = await t.http
      .put('/api/notification-preferences')
      .set(...bearer(me))
      .set('If-Match', '"0"')
      .send(body);
    expect(stale.status).toBe(412);
    const bad = await t.http
      .put('/api/notification-preferences')
      .set(...bearer(me))
      .set('If-Match', '"1"')
      .send({ delivery: 'hourly', disabledKinds: ['gossip'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['delivery', 'disabledKinds']);
    const audit = await t.sql(`SELECT action FROM audit_event WHERE action = 'user.notification_preferences' AND entity_id = $1`, [me.id]);
    expect(audit).toHaveLength(1);
  });

  it('gathers a week of reminders into one digest for who prefers it, in their language', async () => {
    const digestUser = await t.user(['programme_leader'], 'Dag Digest');
    await t.http
      .patch('/api/users/me')
      .set(...bearer(digestUser))
      .send({ language: 'nb' })
      .expect(200);
    await t.http
      .put('/api/notification-preferences')
      .set(...bearer(digestUser))
      .set('If-Match', '"0"')
      .send({ delivery: 'weekly_digest', disabledKinds: [] })
      .expect(200);
    // Tuesday and Thursday of one week.
    t.setToday('2031-05-06');
    const first = await risk(digestUser.id, '2031-05-08', 'Digest one');
    expect(await scan()).toMatchObject({ held: 1, queued: 0 });
    t.setToday('2031-05-08');
    const second = await risk(digestUser.id, '2031-05-10', 'Digest two');
    expect(await scan()).toMatchObject({ held: 1, digests: 0 });
    await deliver();
    expect(mailsTo(digestUser)).toHaveLength(0);
    // The next Monday: one mail with both.
    t.setToday('2031-05-12');
    expect(await scan()).toMatchObject({ digests: 1 });
    expect(await scan()).toMatchObject({ digests: 0 });
    await deliver();
    const mails = mailsTo(digestUser);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Dine påminnelser for uken fra 2031-05-12 (2)');
    expect(mails[0].text).toContain(`Risiko ${first.reference} "Digest one"`);
    expect(mails[0].text).toContain(`Risiko ${second.reference} "Digest two"`);
  });

  it('sends nothing of a kind the recipient switched off', async () => {
    const quiet = await t.user(['programme_leader'], 'Quiet Person');
    await t.http
      .put('/api/notification-preferences')
      .set(...bearer(quiet))
      .set('If-Match', '"0"')
      .send({ delivery: 'immediate', disabledKinds: ['risk_review'] })
      .expect(200);
    t.setToday('2031-06-02');
    await risk(quiet.id, '2031-06-03', 'Switched off');
    expect(await scan()).toMatchObject({ switchedOff: 1, queued: 0 });
    await deliver();
    expect(mailsTo(quiet)).toHaveLength(0);
    expect(await t.sql(`SELECT 1 FROM mail_outbox WHERE recipient_user_id = $1`, [quiet.id])).toEqual([]);
  });

  it('lets only administrators and quality managers run the scan, and keeps names out of every subject', async () => {
    await t.http
      .post('/api/reminders/scan')
      .set(...bearer(owner))
      .expect(403);
    const subjects = (await t.sql<{ id: string }>(`SELECT id FROM mail_outbox`)).length;
    expect(subjects).toBeGreaterThan(0);
    for (const name of [owner.name, qm.name, 'Dag Digest']) for (const m of smtp.received) expect(m.subject).not.toContain(name);
  });

  it("reminds a programme's leaders of a step window opening and closing, naming participant codes, never names", async () => {
    t.setToday('2026-01-20');
    const c = await createCast(t);
    const key = await adeptProcedure(t, c);
    const programme = await activeProgramme(t, c.qm, [c.leader]);
    const adepts = [await enrol(t, c.leader, programme.id), await enrol(t, c.leader, programme.id)];
    const names = (await t.sql<{ full_name: string }>(`SELECT full_name FROM participant WHERE programme_id = $1`, [programme.id])).map(
      (r) => r.full_name,
    );
    // A deviation of the programme and its action, both due on 2026-02-28 (to the leaders, and to the action's owner).
    const deviation = await createDeviation(t, c.leader, {
      programmeId: programme.id,
      detectedAt: '2026-01-19T09:00:00Z',
      occurredAt: '2026-01-19T09:00:00Z',
      targetDate: '2026-02-28',
    });
    const action = await createAction(t, c.qm, [deviation.id], { ownerId: c.qm2.id, dueDate: '2026-02-28' });
    // The window is 2026-01-30 .. 2026-03-01: three days before it opens, and before it closes.
    t.setToday('2026-01-27');
    await scan();
    await deliver();
    t.setToday('2026-02-26');
    await scan();
    await deliver();
    expect(mailsTo(c.qm2).map((m) => m.subject)).toEqual([`Corrective action ${action.reference}: 2026-02-28`]);
    const toLeader = mailsTo(c.leader);
    expect(toLeader.map((m) => m.subject)).toContain(`Deviation ${deviation.reference}: 2026-02-28`);
    const mails = toLeader.filter((m) => m.subject.startsWith('A step window'));
    expect(mails.map((m) => m.subject).sort()).toEqual(['A step window closes on 2026-03-01', 'A step window opens on 2026-01-30']);
    for (const m of mails) {
      expect(m.text).toContain(programme.name);
      for (const a of adepts) expect(m.text).toContain(a.code);
      for (const n of names) {
        expect(m.subject).not.toContain(n);
        expect(m.text).not.toContain(n);
        expect(m.html).not.toContain(n);
      }
    }
    const reasons = await t.sql<{ reason: string }>(`SELECT reason FROM mail_outbox WHERE recipient_user_id = $1 ORDER BY reason`, [
      c.leader.id,
    ]);
    expect(reasons.map((r) => r.reason)).toEqual([
      `reminder:deviation_target:${deviation.id}:2026-02-28`,
      `reminder:step_window:${programme.id}:${key}:closes:2026-03-01`,
      `reminder:step_window:${programme.id}:${key}:opens:2026-01-30`,
    ]);
  });

  it('reminds quality managers other than its author of a procedure version awaiting approval, once per version', async () => {
    t.setToday('2026-04-01');
    const c = await createCast(t);
    const key = `approval-${Date.now()}`;
    await t.http
      .post('/api/procedures')
      .set(...bearer(c.qm))
      .send({ definition: sampleDefinition(key) })
      .expect(201);
    await t.http
      .post(`/api/procedures/${key}/versions/1/submit`)
      .set(...bearer(c.qm))
      .expect(200);
    const version = (
      await t.sql<{ id: string }>(`SELECT v.id FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id WHERE p.key = $1`, [key])
    )[0];
    await scan();
    await scan();
    await deliver();
    const reason = `reminder:approval:procedure_version:${version.id}`;
    const rows = await t.sql<{ recipient_user_id: string }>(`SELECT recipient_user_id FROM mail_outbox WHERE reason = $1`, [reason]);
    const recipients = rows.map((r) => r.recipient_user_id);
    expect(recipients).toContain(c.qm2.id);
    expect(recipients).toContain(qm.id);
    expect(recipients).not.toContain(c.qm.id);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(mailsTo(c.qm2).map((m) => m.subject.replace(/\d{4}-\d{2}-\d{2}$/, 'DAY'))).toEqual([`Draft ${key} v1: DAY`]);
    expect(mailsTo(c.qm)).toHaveLength(0);
  });

  it('reminds only who leads or owns now: no former or deactivated leader, no deactivated owner', async () => {
    t.setToday('2032-05-03');
    const c = await createCast(t);
    const former = await t.user(['programme_leader'], 'Fredrik Former');
    const gone = await t.user(['programme_leader'], 'Greta Gone');
    const programme = await activeProgramme(t, c.qm, [c.leader, former, gone]);
    const change = async (u: TestUser, body: Record<string, unknown>) => {
      const read = await t.http
        .get(`/api/users/${u.id}`)
        .set(...bearer(t.admin))
        .expect(200);
      await t.http
        .patch(`/api/users/${u.id}`)
        .set(...bearer(t.admin))
        .set('If-Match', read.headers.etag)
        .send(body)
        .expect(200);
    };
    const deviation = await createDeviation(t, c.leader, {
      programmeId: programme.id,
      detectedAt: '2032-05-02T09:00:00Z',
      occurredAt: '2032-05-02T09:00:00Z',
      targetDate: '2032-05-05',
    });
    const goneRisk = await risk(gone.id, '2032-05-05', 'Owner left');
    // The former leader keeps the assignment but not the role; the other account is deactivated.
    await change(former, { roles: ['auditor'] });
    await change(gone, { active: false });
    await scan();
    const reasonsOf = async (u: TestUser) =>
      (await t.sql<{ reason: string }>(`SELECT reason FROM mail_outbox WHERE recipient_user_id = $1`, [u.id])).map((r) => r.reason);
    expect(await reasonsOf(c.leader)).toContain(`reminder:deviation_target:${deviation.id}:2032-05-05`);
    expect(await reasonsOf(former)).toEqual([]);
    expect(await reasonsOf(gone)).toEqual([]);
    expect(await reasonsOf(gone)).not.toContain(`reminder:risk_review:${goneRisk.id}:2032-05-05`);
  });
});
