import type { BundleManifest } from '../src/reports/bundle/bundle-format.js';
import { activeProgramme, createCast, createDeviation } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { fetchReport } from './support/report-http.js';
import { expectShows, pageTexts } from './support/report-pdf.js';
import { tarEntries } from './support/tar.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const AT = '2026-11-20T12:00:00.000Z';

/** What a report says of its verification. */
interface ReportVerification {
  valid: boolean;
  throughSeq: number;
  fullVerifiedAt: string | null;
  firstInvalidSeq?: number;
}

/** What GET /api/audit-events/verify answers. */
interface Verification {
  valid: boolean;
  mode: 'full' | 'incremental';
  events: number;
  fromSeq: number;
  toSeq: number;
  checkpointSeq: number;
  fullVerifiedAt: string | null;
  firstInvalidSeq?: number;
  problem?: string;
}

/**
 * Evidence reports verify the audit chain incrementally, from a stored checkpoint, and say which
 * events they verified; the full verification (GET /api/audit-events/verify) still reads the
 * whole chain and catches an event altered before the checkpoint. A report or bundle built over a
 * broken chain says so.
 */
describe('audit chain checkpoint: incremental verification for reports, full verification on demand', () => {
  let t: TestApp;
  let c: Cast;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
    await createDeviation(t, c.qm, { programmeId });
  });
  afterAll(async () => {
    await t?.close();
  });

  const head = async () => (await t.sql<{ seq: number; hash: string }>(`SELECT seq::int AS seq, hash FROM audit_head WHERE id = 1`))[0];
  const checkpoint = async () =>
    (
      await t.sql<{ seq: number; broken_seq: number | null }>(
        `SELECT seq::int AS seq, broken_seq::int AS broken_seq FROM audit_checkpoint WHERE id = 1`,
      )
    )[0];

  async function reportVerification(): Promise<ReportVerification> {
    const res = await t.http.get(`/api/programmes/${programmeId}/reports/evidence.json?generatedAt=${AT}`).set(...bearer(c.auditor));
    expect(res.status).toBe(200);
    return res.body.model.auditTrail.verification as ReportVerification;
  }
  async function verify(mode?: 'full' | 'incremental') {
    const res = await t.http.get(`/api/audit-events/verify${mode ? `?mode=${mode}` : ''}`).set(...bearer(c.auditor));
    expect(res.status).toBe(200);
    return res.body as Verification;
  }
  /** Changes one stored event behind the service's back (triggers off); returns a function that puts it back. */
  async function tamper(seq: number): Promise<() => Promise<void>> {
    const [original] = await t.sql<{ reason: string | null }>(`SELECT reason FROM audit_event WHERE seq = $1`, [seq]);
    const set = (reason: string | null) =>
      t.db.transaction(async (m) => {
        await m.query(`ALTER TABLE audit_event DISABLE TRIGGER USER`);
        await m.query(`UPDATE audit_event SET reason = $2 WHERE seq = $1`, [seq, reason]);
        await m.query(`ALTER TABLE audit_event ENABLE TRIGGER USER`);
      });
    await set('rewritten afterwards');
    return () => set(original.reason);
  }
  const moreEvents = async (n: number) => {
    for (let i = 0; i < n; i++) await createDeviation(t, c.qm, { programmeId });
  };

  it('verification starts from the checkpoint the last one left, re-reading only the events written since; reports say what they cover', async () => {
    const first = await verify('incremental');
    const h1 = await head();
    expect(first).toMatchObject({ valid: true, mode: 'incremental', fromSeq: 1, toSeq: h1.seq, checkpointSeq: 0, events: h1.seq });
    expect((await checkpoint()).seq).toBe(h1.seq);

    await moreEvents(3);
    const h2 = await head();
    expect(h2.seq - h1.seq).toBe(3);
    // A report verifies incrementally too: only the three new events are read (and the checkpointed one re-checked).
    expect(await reportVerification()).toEqual({ valid: true, throughSeq: h2.seq, fullVerifiedAt: null });
    expect((await checkpoint()).seq).toBe(h2.seq);
    const next = await verify('incremental');
    expect(next).toMatchObject({ valid: true, fromSeq: h2.seq + 1, toSeq: h2.seq, checkpointSeq: h2.seq, events: 0 });

    // The PDF says what it verified, and that no full verification has passed yet.
    const pdf = await fetchReport(t, c.auditor, `/api/programmes/${programmeId}/reports/evidence.pdf?generatedAt=${AT}`);
    const text = (await pageTexts(pdf.body)).join('\n');
    expectShows(text, [
      `Verified events 1 to ${h2.seq} (incrementally: events verified before are not read again)`,
      'Last full verification passed never',
    ]);
  });

  it('a report, its PDF and its bundle over a chain altered after the checkpoint say it is broken, and where', async () => {
    await moreEvents(2);
    const target = (await head()).seq - 1;
    const restore = await tamper(target);
    try {
      const json = await reportVerification();
      expect(json).toMatchObject({ valid: false, firstInvalidSeq: target });

      const pdf = await fetchReport(t, c.auditor, `/api/programmes/${programmeId}/reports/evidence.pdf?generatedAt=${AT}`);
      const text = (await pageTexts(pdf.body)).join('\n');
      expectShows(text, [`INVALID — the chain breaks at sequence number ${target}`]);
      expect(text).not.toContain('VALID — every link');

      const bundle = await fetchReport(
        t,
        c.qm,
        `/api/programmes/${programmeId}/reports/evidence-bundle?generatedAt=${AT}`,
        'application/x-tar',
      );
      const entries = tarEntries(bundle.body);
      const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as BundleManifest;
      expect(manifest.auditChain).toMatchObject({ valid: false, firstInvalidSeq: target, verifiedThroughSeq: expect.any(Number) });
      const model = JSON.parse(entries.find((e) => e.name === 'report-model.json')!.data.toString('utf8')) as {
        auditTrail: { verification: ReportVerification };
      };
      expect(model.auditTrail.verification).toMatchObject({ valid: false, firstInvalidSeq: target });
      // The checkpoint does not move past a break.
      expect((await checkpoint()).seq).toBeLessThan(target);
    } finally {
      await restore();
    }
    expect(await reportVerification()).toMatchObject({ valid: true });
  });

  it('an event altered before the checkpoint escapes the incremental check but not the full one, which then marks every report', async () => {
    const cp = (await checkpoint()).seq;
    expect(cp).toBeGreaterThan(5);
    const target = 3;
    const restore = await tamper(target);
    try {
      // Incremental: the events after the checkpoint are sound; it says which ones it checked.
      const incremental = await verify('incremental');
      expect(incremental).toMatchObject({ valid: true, mode: 'incremental', checkpointSeq: cp, fromSeq: cp + 1 });

      // Full (the default): reads everything and finds the altered event.
      const full = await verify();
      expect(full).toMatchObject({
        valid: false,
        mode: 'full',
        fromSeq: 1,
        checkpointSeq: 0,
        firstInvalidSeq: target,
        problem: 'hash_mismatch',
      });
      expect((await checkpoint()).broken_seq).toBe(target);

      // From then on every report says the chain is broken, until a full verification passes again.
      expect(await reportVerification()).toMatchObject({ valid: false, firstInvalidSeq: target });
      expect(await verify('incremental')).toMatchObject({ valid: false, firstInvalidSeq: target });
    } finally {
      await restore();
    }
    expect(await reportVerification()).toMatchObject({ valid: false, firstInvalidSeq: target });
    const again = await verify();
    expect(again).toMatchObject({ valid: true, mode: 'full' });
    expect(again.fullVerifiedAt).toEqual(expect.any(String));
    expect(await checkpoint()).toEqual({ seq: (await head()).seq, broken_seq: null });
    expect(await reportVerification()).toEqual({ valid: true, throughSeq: (await head()).seq, fullVerifiedAt: again.fullVerifiedAt });
  });

  it('the checkpointed event itself altered is caught by the incremental check', async () => {
    await moreEvents(1);
    await verify('incremental');
    const cp = (await checkpoint()).seq;
    const restore = await tamper(cp);
    try {
      expect(await verify('incremental')).toMatchObject({ valid: false, firstInvalidSeq: cp, problem: 'hash_mismatch' });
    } finally {
      await restore();
    }
    expect(await verify('incremental')).toMatchObject({ valid: true });
  });

  it('the checkpoint row cannot be deleted or emptied', async () => {
    await expect(t.sql(`DELETE FROM audit_checkpoint`)).rejects.toMatchObject({ code: '42501' });
    await expect(t.sql(`TRUNCATE audit_checkpoint`)).rejects.toMatchObject({ code: '42501' });
    expect((await checkpoint()).seq).toBe((await head()).seq);
  });
});
