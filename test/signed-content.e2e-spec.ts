/**
 * Every signature binds the content it approves. Closing a deviation, closing a corrective action,
 * a board review and closing a management review each keep the canonical content signed and its
 * SHA-256; anyone can recompute the hash from the content, the content is the record as it stood,
 * the database refuses to change either, and the minutes print the hash.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../src/common/canonical.js';
import { activeProgramme, closeAction, createCast, createDeviation, walkDeviation } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { fetchReport } from './support/report-http.js';
import { pageTexts } from './support/report-pdf.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

interface SignatureRow {
  id: string;
  meaning: string;
  record_version: number | null;
  content_hash: string;
  signed_content: Record<string, unknown>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('signatures bind the content they sign', () => {
  let t: TestApp;
  let c: Cast;
  let programmeId: string;

  const signaturesOf = (recordId: string) =>
    t.sql<SignatureRow>(
      `SELECT id, meaning, record_version, content_hash, signed_content FROM signature WHERE record_id = $1 ORDER BY signed_at, id`,
      [recordId],
    );
  /** The hash is the SHA-256 of the canonical JSON of the content kept with it. */
  const expectBound = (s: SignatureRow) => {
    expect(s.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(canonicalJson(s.signed_content))).toBe(s.content_hash);
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    programmeId = (await activeProgramme(t, c.qm, [c.leader])).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('binds the closure of a deviation and of its corrective action to what they were when signed', async () => {
    const created = await createDeviation(t, c.leader, { programmeId, severity: 'major' });
    const { deviation, action } = await walkDeviation(t, c, created, 'closed');

    const [closure] = await signaturesOf(deviation.id);
    expect(closure.meaning).toBe('closed');
    expectBound(closure);
    expect(closure.signed_content).toMatchObject({
      record: 'deviation',
      reference: deviation.reference,
      state: 'closed',
      severity: 'major',
      rootCause: 'No interpreter budget in the intake procedure',
      correctiveActions: [{ reference: action!.reference, state: 'closed' }],
    });
    expect(closure.record_version).toBe(closure.signed_content.version);

    const [actionClosure] = await signaturesOf(action!.id);
    expectBound(actionClosure);
    expect(actionClosure.signed_content).toMatchObject({
      record: 'corrective_action',
      reference: action!.reference,
      state: 'closed',
      verdict: 'effective',
      evidence: '12 of 12 intakes had an interpreter',
      deviations: [deviation.reference],
    });

    // The API shows the content with the hash, so a reader can recompute it.
    const shown = await t.http.get(`/api/deviations/${deviation.id}`).set(...bearer(c.auditor));
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body)).toContain(closure.content_hash);
    expect(JSON.stringify(shown.body)).toContain('"signedContent":{');
  });

  it('binds a board review to the action and the decision reviewed', async () => {
    const { action } = await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId, severity: 'major' }), 'closed');
    const res = await t.http
      .post(`/api/corrective-actions/${action!.id}/board-reviews`)
      .set(...bearer(c.board))
      .send({ decision: 'endorsed', comment: 'Interpreters are now budgeted', password: c.board.password });
    expect(res.status).toBe(201);
    const review = (await signaturesOf(action!.id)).find((s) => s.meaning === 'board review: endorsed')!;
    expectBound(review);
    expect(review.signed_content).toMatchObject({
      record: 'board_review',
      decision: 'endorsed',
      comment: 'Interpreters are now budgeted',
      action: { reference: action!.reference, state: 'closed' },
    });
  });

  it('binds the closing of a management review to its minutes, and the minutes print the hash', async () => {
    const created = await t.http
      .post('/api/management-reviews')
      .set(...bearer(c.qm))
      .send({ heldOn: '2026-06-01', title: 'Spring review', attendeeIds: [c.board.id] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(
      (
        await t.http
          .post(`/api/management-reviews/${id}/decisions`)
          .set(...bearer(c.qm))
          .send({ text: 'Budget interpreters for every intake' })
      ).status,
    ).toBe(201);
    const closed = await t.http
      .post(`/api/management-reviews/${id}/close`)
      .set(...bearer(c.board))
      .send({ password: c.board.password, comment: 'Approved as minuted' });
    expect(closed.status).toBe(200);

    const [signature] = await signaturesOf(id);
    expectBound(signature);
    expect(signature.signed_content).toMatchObject({
      record: 'management_review',
      title: 'Spring review',
      heldOn: '2026-06-01',
      attendees: [{ id: c.board.id }],
      decisions: [{ seq: 1, text: 'Budget interpreters for every intake', action: null }],
    });
    expect(signature.signed_content.inputs).toBeTruthy();

    const minutes = await fetchReport(t, c.board, `/api/management-reviews/${id}/minutes.pdf?generatedAt=2026-06-02T10:00:00Z`);
    const text = (await pageTexts(minutes.body)).join('\n');
    expect(text.split('\n').some((line) => line.includes(signature.content_hash))).toBe(true);
  });

  it('refuses any change to what was signed', async () => {
    const [s] = await t.sql<{ id: string }>(`SELECT id FROM signature WHERE signed_content IS NOT NULL LIMIT 1`);
    await expect(t.sql(`UPDATE signature SET signed_content = '{}' WHERE id = $1`, [s.id])).rejects.toThrow();
    await expect(t.sql(`UPDATE signature SET content_hash = repeat('0', 64) WHERE id = $1`, [s.id])).rejects.toThrow();
    await expect(
      t.sql(`INSERT INTO signature (signer_name, signer_email, meaning, signed_at, record_type, record_id, signed_content)
      VALUES ('x', 'x', 'closed', now(), 'deviation', gen_random_uuid(), '{}')`),
    ).rejects.toThrow(/signature_content_hashed/);
  });

  it('signs only the record the signer read: a signed move with a stale If-Match is refused and signs nothing', async () => {
    const { deviation } = await walkDeviation(t, c, await createDeviation(t, c.leader, { programmeId, severity: 'major' }), 'in_progress');
    const action = (await t.http.get(`/api/deviations/${deviation.id}`).set(...bearer(c.qm))).body.actions[0] as { id: string };
    await closeAction(t, c, (await t.http.get(`/api/corrective-actions/${action.id}`).set(...bearer(c.qm))).body);
    const read = await t.http.get(`/api/deviations/${deviation.id}`).set(...bearer(c.qm));
    const seen = read.headers.etag;
    // Someone changes the deviation after the quality manager read it.
    const edited = await t.http
      .patch(`/api/deviations/${deviation.id}`)
      .set(...bearer(c.leader))
      .set('If-Match', seen)
      .send({ description: 'Changed after the quality manager read it' });
    expect(edited.status).toBe(200);
    const close = { to: 'closed', comment: 'All actions effective; closed', password: c.qm.password };
    const refused = await t.http
      .post(`/api/deviations/${deviation.id}/transitions`)
      .set(...bearer(c.qm))
      .set('If-Match', seen)
      .send(close);
    expect(refused.status).toBe(412);
    expect(refused.body.code).toBe('version_mismatch');
    expect(await signaturesOf(deviation.id)).toEqual([]);
    expect((await t.http.get(`/api/deviations/${deviation.id}`).set(...bearer(c.qm))).body.state).toBe('in_progress');

    // Read again, then sign: the signature binds the text the signer has now seen.
    const fresh = await t.http.get(`/api/deviations/${deviation.id}`).set(...bearer(c.qm));
    const closed = await t.http
      .post(`/api/deviations/${deviation.id}/transitions`)
      .set(...bearer(c.qm))
      .set('If-Match', fresh.headers.etag)
      .send(close);
    expect(closed.status).toBe(200);
    const [signature] = await signaturesOf(deviation.id);
    expectBound(signature);
    expect(signature.signed_content).toMatchObject({
      description: 'Changed after the quality manager read it',
      comment: 'All actions effective; closed',
      occurredAt: expect.any(String),
    });
  });

  it('refuses a board review of an action that changed since the member read it', async () => {
    const created = await createDeviation(t, c.leader, { programmeId, severity: 'major' });
    const { action } = await walkDeviation(t, c, created, 'in_progress');
    const read = await t.http.get(`/api/corrective-actions/${action!.id}`).set(...bearer(c.board));
    await closeAction(t, c, read.body);
    const review = { decision: 'endorsed', comment: 'Fine', password: c.board.password };
    const stale = await t.http
      .post(`/api/corrective-actions/${action!.id}/board-reviews`)
      .set(...bearer(c.board))
      .set('If-Match', read.headers.etag)
      .send(review);
    expect(stale.status).toBe(412);
    expect((await signaturesOf(action!.id)).filter((s) => s.meaning.startsWith('board review'))).toEqual([]);
    const fresh = await t.http.get(`/api/corrective-actions/${action!.id}`).set(...bearer(c.board));
    const ok = await t.http
      .post(`/api/corrective-actions/${action!.id}/board-reviews`)
      .set(...bearer(c.board))
      .set('If-Match', fresh.headers.etag)
      .send(review);
    expect(ok.status).toBe(201);
  });

  it('closes a management review only as the signer read it: a decision minuted meanwhile makes the close a 412', async () => {
    const created = await t.http
      .post('/api/management-reviews')
      .set(...bearer(c.qm))
      .send({ heldOn: '2026-09-01', title: 'Autumn review', attendeeIds: [c.board.id] });
    const id = created.body.id as string;
    expect(created.body.version).toBe(1);
    const read = await t.http.get(`/api/management-reviews/${id}`).set(...bearer(c.board));
    expect(read.headers.etag).toBe('"1"');
    const decided = await t.http
      .post(`/api/management-reviews/${id}/decisions`)
      .set(...bearer(c.qm))
      .send({ text: 'Minuted after the board member read the review' });
    expect(decided.headers.etag).toBe('"2"');
    const stale = await t.http
      .post(`/api/management-reviews/${id}/close`)
      .set(...bearer(c.board))
      .set('If-Match', read.headers.etag)
      .send({ password: c.board.password });
    expect(stale.status).toBe(412);
    expect(await signaturesOf(id)).toEqual([]);
    const closed = await t.http
      .post(`/api/management-reviews/${id}/close`)
      .set(...bearer(c.board))
      .set('If-Match', '"2"')
      .send({ password: c.board.password });
    expect(closed.status).toBe(200);
    expect(closed.body.version).toBe(3);
    const [signature] = await signaturesOf(id);
    expect(signature.signed_content).toMatchObject({ decisions: [{ text: 'Minuted after the board member read the review' }] });
  });
});
