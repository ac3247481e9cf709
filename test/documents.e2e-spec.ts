/**
 * Controlled documents beyond procedures (ISO 9001 7.5) through HTTP: a document and its versions
 * under document control (draft, review, signed approval by someone who wrote none of it, in force
 * on its effective day, superseded, retired), files stored with their SHA-256 and served with the
 * right headers, review-by days with "reviewed, no change", and "read and understood"
 * acknowledgements. Rows, audit events and the database's refusals are checked alongside.
 */
import { createHash } from 'node:crypto';
import { acknowledgementCounts } from '../src/documents/documents.queries.js';
import { auditOf } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { activateProgramme, createProgramme } from './support/programmes.js';
import { fetchReport } from './support/report-http.js';
import { pageTexts } from './support/report-pdf.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const TODAY = '2026-03-10';
const LIMIT = 64 * 1024;

/** A small valid PDF: header, one empty page, trailer. */
function pdf(text = 'Quality policy'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Doc {
  id: string;
  reference: string;
  reviewBy: string;
  reviewOverdue: boolean;
  effectiveVersion: number | null;
  latestState: string | null;
  versions: {
    number: number;
    state: string;
    effectiveOn: string | null;
    supersededOn: string | null;
    contentHash: string | null;
    files: { id: string; filename: string; sha256: string; mediaType: string; sizeBytes: number; href: string }[];
    signatures: { meaning: string; signerId: string; contentHash: string; signedContent: Record<string, unknown> }[];
    contributors: { id: string; contributions: string[] }[];
    allowedActions: string[];
  }[];
  myAcknowledgement: { required: boolean; acknowledgedAt: string | null };
  mayDraft: boolean;
  mayReview: boolean;
}

describe('controlled documents', () => {
  let t: TestApp;
  let qm: TestUser;
  let qm2: TestUser;
  let qm3: TestUser;
  let leader: TestUser;
  let otherLeader: TestUser;
  let auditor: TestUser;
  let board: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ documentFileLimitBytes: LIMIT });
    t.setToday(TODAY);
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    qm2 = await t.user(['quality_manager'], 'Qara Second');
    qm3 = await t.user(['quality_manager'], 'Quentin Third');
    leader = await t.user(['programme_leader'], 'Leila Leader');
    otherLeader = await t.user(['programme_leader'], 'Olof Other');
    auditor = await t.user(['auditor'], 'Arne Auditor');
    board = await t.user(['board_member'], 'Britt Board');
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (as: TestUser, over: Record<string, unknown> = {}) =>
    t.http
      .post('/api/documents')
      .set(...bearer(as))
      .send({ kind: 'quality_policy', title: 'Quality policy', ownerId: qm.id, reviewIntervalMonths: 12, ...over });
  const upload = (as: TestUser, id: string, n: number, content: Buffer, filename: string, contentType = 'application/pdf') =>
    t.http
      .post(`/api/documents/${id}/versions/${n}/files`)
      .set(...bearer(as))
      .attach('file', content, { filename, contentType });
  const act = (as: TestUser, id: string, n: number, action: string, body: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/documents/${id}/versions/${n}/${action}`)
      .set(...bearer(as))
      .send(body);
  const approve = (as: TestUser, id: string, n: number, over: Record<string, unknown> = {}) =>
    act(as, id, n, 'approve', { password: as.password, comment: 'Reviewed and approved', ...over });
  const get = (as: TestUser, path: string) => t.http.get(path).set(...bearer(as));
  const rows = async () =>
    (
      await t.sql<{ n: number }>(
        `SELECT ((SELECT count(*) FROM controlled_document) + (SELECT count(*) FROM document_version) + (SELECT count(*) FROM document_file)
          + (SELECT count(*) FROM document_acknowledgement) + (SELECT count(*) FROM document_review))::int AS n`,
      )
    )[0].n;

  /** A document in force: created by `qm`, a PDF uploaded by `qm`, approved by `qm3`. */
  async function effectiveDocument(over: Record<string, unknown> = {}): Promise<Doc> {
    const doc = (await create(qm, over)).body as Doc;
    expect((await upload(qm, doc.id, 1, pdf(), 'policy.pdf')).status).toBe(201);
    expect((await act(qm, doc.id, 1, 'submit')).status).toBe(200);
    const approved = await approve(qm3, doc.id, 1);
    expect(approved.status).toBe(200);
    return approved.body as Doc;
  }

  it('creates a document with its first draft, a reference, a review-by day from its interval, and audits both', async () => {
    const res = await create(qm, { acknowledgementRoles: ['programme_leader'], changeSummary: 'First issue' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/documents/${res.body.id}`);
    expect(res.body).toMatchObject({
      kind: 'quality_policy',
      title: 'Quality policy',
      owner: { id: qm.id, name: 'Quinn Quality' },
      reviewIntervalMonths: 12,
      reviewBy: '2027-03-10',
      reviewOverdue: false,
      effectiveVersion: null,
      latestVersion: 1,
      latestState: 'draft',
      mayDraft: false,
    });
    expect(res.body.reference).toMatch(/^DOC-2026-\d{4}$/);
    expect(res.body.versions).toHaveLength(1);
    expect(res.body.versions[0]).toMatchObject({
      number: 1,
      state: 'draft',
      changeSummary: 'First issue',
      acknowledgementRoles: ['programme_leader'],
      author: { id: qm.id },
      contributors: [{ id: qm.id, contributions: ['created'] }],
      files: [],
      allowedActions: ['upload', 'submit'],
    });
    expect((await auditOf(t, res.body.id)).map((e) => e.action)).toEqual(['controlled_document.create']);
    const [version] = await t.sql<{ id: string }>(`SELECT id FROM document_version WHERE document_id = $1`, [res.body.id]);
    expect((await auditOf(t, version.id)).map((e) => e.action)).toEqual(['document_version.create']);
  });

  it('refuses a document without a review interval or day, with an owner who cannot act, or from anyone but a quality manager', async () => {
    const before = await rows();
    const noReview = await create(qm, { reviewIntervalMonths: undefined });
    expectProblem(noReview, 422, 'review_by_invalid');
    expect(problemFields(noReview)).toEqual(['reviewBy']);
    expectProblem(await create(qm, { reviewIntervalMonths: undefined, reviewBy: TODAY }), 422, 'review_by_invalid');
    const auditorOwner = await create(qm, { ownerId: auditor.id });
    expectProblem(auditorOwner, 422, 'document_owner_cannot_act');
    expect(problemFields(auditorOwner)).toEqual(['ownerId']);
    expectProblem(await create(qm, { kind: 'poem' }), 400, 'validation_failed');
    expectProblem(await create(leader), 403, 'forbidden_role');
    expectProblem(await create(auditor), 403, 'forbidden_role');
    expect(await rows()).toBe(before);
  });

  it('stores an uploaded file with its SHA-256 and serves it with its type, name, ETag and nosniff', async () => {
    const doc = (await create(qm)).body as Doc;
    const content = pdf('stored');
    const res = await upload(qm2, doc.id, 1, content, '../../Kvalitetspolicy <2026>.pdf');
    expect(res.status).toBe(201);
    const [file] = res.body.versions[0].files;
    expect(file).toMatchObject({
      filename: 'Kvalitetspolicy 2026.pdf',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256: sha(content),
    });
    expect(res.body.versions[0].contributors).toEqual([
      { id: qm.id, name: 'Quinn Quality', contributions: ['created'] },
      { id: qm2.id, name: 'Qara Second', contributions: ['uploaded'] },
    ]);
    const [stored] = await t.sql<{ content: Buffer; sha256: string }>(`SELECT content, sha256 FROM document_file WHERE id = $1`, [file.id]);
    expect(Buffer.compare(stored.content, content)).toBe(0);
    expect(stored.sha256).toBe(sha(content));

    const download = await get(qm, file.href).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Kvalitetspolicy 2026.pdf"; filename*=UTF-8''Kvalitetspolicy%202026.pdf`,
    );
    expect(download.headers.etag).toBe(`"${sha(content)}"`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
    const events = await auditOf(
      t,
      (await t.sql<{ id: string }>(`SELECT id FROM document_version WHERE document_id = $1`, [doc.id]))[0].id,
    );
    expect(events.map((e) => e.action)).toEqual(['document_version.create', 'document_version.upload']);
    expect(events[1].changes.file.new).toMatchObject({ filename: 'Kvalitetspolicy 2026.pdf', sha256: sha(content) });
  });

  it('refuses files that are too large, of another type than they claim, empty or missing, naming the file and storing nothing', async () => {
    const doc = (await create(qm)).body as Doc;
    const before = await rows();
    const big = await upload(qm, doc.id, 1, Buffer.concat([pdf(), Buffer.alloc(LIMIT)]), 'huge.pdf');
    expectProblem(big, 413, 'file_too_large');
    expect(big.body.detail).toContain('huge.pdf');
    const html = await upload(qm, doc.id, 1, Buffer.from('<html><script>alert(1)</script></html>'), 'policy.pdf');
    expectProblem(html, 415, 'unsupported_file_type');
    expect(html.body.detail).toContain('policy.pdf');
    const lie = await upload(qm, doc.id, 1, PNG, 'map.png', 'application/pdf');
    expectProblem(lie, 415, 'unsupported_file_type');
    expect(lie.body.detail).toBe('map.png is sent as application/pdf but its content is image/png');
    expectProblem(await upload(qm, doc.id, 1, Buffer.alloc(0), 'empty.pdf'), 415, 'unsupported_file_type');
    const none = await t.http
      .post(`/api/documents/${doc.id}/versions/1/files`)
      .set(...bearer(qm))
      .field('note', 'no file');
    expectProblem(none, 400, 'validation_failed');
    expect(problemFields(none)).toEqual(['file']);
    expectProblem(
      await t.http
        .post(`/api/documents/${doc.id}/versions/1/files`)
        .set(...bearer(qm))
        .send({ file: 'x' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.http
        .post(`/api/documents/${doc.id}/versions/1/files`)
        .set(...bearer(qm))
        .set('Content-Type', 'multipart/form-data; boundary=x')
        .send('garbage'),
      400,
      'bad_request',
    );
    // A key cannot be checked against a multipart body: a retry with another file must not replay the first.
    const keyed = await t.http
      .post(`/api/documents/${doc.id}/versions/1/files`)
      .set(...bearer(qm))
      .set('Idempotency-Key', 'upload-1')
      .attach('file', pdf(), { filename: 'policy.pdf', contentType: 'application/pdf' });
    expectProblem(keyed, 422, 'idempotency_key_not_supported');
    expect(await rows()).toBe(before);
    expect((await upload(qm, doc.id, 1, PNG, 'process map', 'image/png')).body.versions[0].files[0]).toMatchObject({
      filename: 'process map.png',
      mediaType: 'image/png',
    });
    expectProblem(await upload(qm, doc.id, 1, PNG, 'process map.png', 'image/png'), 409, 'document_file_exists');
  });

  it('keeps every author of a version from approving it, the uploader included; another quality manager signs', async () => {
    const doc = (await create(qm)).body as Doc;
    expect((await upload(qm2, doc.id, 1, pdf(), 'policy.pdf')).status).toBe(201);
    expectProblem(await approve(qm3, doc.id, 1), 409, 'transition_not_allowed');
    const submitted = await act(qm, doc.id, 1, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.versions[0]).toMatchObject({ state: 'in_review', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expectProblem(await upload(qm, doc.id, 1, pdf('late'), 'late.pdf'), 409, 'document_version_not_draft');
    expectProblem(await approve(qm, doc.id, 1), 403, 'document_author_cannot_approve');
    expectProblem(await approve(qm2, doc.id, 1), 403, 'document_author_cannot_approve');
    expectProblem(await approve(qm3, doc.id, 1, { password: 'not-my-password' }), 401, 'invalid_password');
    expect((await get(qm3, `/api/documents/${doc.id}`)).body.versions[0]).toMatchObject({
      state: 'in_review',
      allowedActions: ['approve', 'reject'],
    });
    expect((await get(qm2, `/api/documents/${doc.id}`)).body.versions[0].allowedActions).toEqual(['reject']);

    const res = await approve(qm3, doc.id, 1);
    expect(res.status).toBe(200);
    const v1 = (res.body as Doc).versions[0];
    expect(res.body).toMatchObject({ effectiveVersion: 1, reviewBy: '2027-03-10', mayDraft: true, mayReview: true });
    expect(v1).toMatchObject({ state: 'effective', effectiveOn: TODAY, allowedActions: ['retire'] });
    expect(v1.signatures).toHaveLength(1);
    expect(v1.signatures[0]).toMatchObject({ meaning: 'approved', signerId: qm3.id, contentHash: v1.contentHash });
    expect(v1.signatures[0].signedContent).toMatchObject({ version: 1, files: [{ filename: 'policy.pdf', sha256: sha(pdf()) }] });
    const [version] = await t.sql<{ id: string }>(`SELECT id FROM document_version WHERE document_id = $1`, [doc.id]);
    const events = await auditOf(t, version.id);
    expect(events.map((e) => e.action)).toEqual([
      'document_version.create',
      'document_version.upload',
      'document_version.submit',
      'document_version.approve',
    ]);
    expect(events[3].changes).toMatchObject({ status: { old: 'in_review', new: 'approved' }, effectiveOn: { old: null, new: TODAY } });
    expect(events[3].actor_id).toBe(qm3.id);
  });

  it('never changes or deletes an approved version or its files, and refuses to empty the tables', async () => {
    const doc = await effectiveDocument();
    const [v] = await t.sql<{ id: string }>(`SELECT id FROM document_version WHERE document_id = $1`, [doc.id]);
    const refused = async (sql: string, params: unknown[] = []) => {
      await expect(t.sql(sql, params)).rejects.toThrow(/cannot change|cannot move|immutable|fixed|never|refused/);
    };
    await refused(`UPDATE document_version SET change_summary = 'rewritten' WHERE id = $1`, [v.id]);
    await refused(`UPDATE document_version SET effective_on = '2030-01-01' WHERE id = $1`, [v.id]);
    await refused(`UPDATE document_version SET status = 'draft' WHERE id = $1`, [v.id]);
    await refused(`DELETE FROM document_version WHERE id = $1`, [v.id]);
    await refused(`UPDATE document_file SET content = 'x' WHERE version_id = $1`, [v.id]);
    await refused(`DELETE FROM document_file WHERE version_id = $1`, [v.id]);
    await refused(`INSERT INTO document_version_contributor (version_id, user_id, contribution) VALUES ($1, $2, 'edited')`, [v.id, qm2.id]);
    await refused(`DELETE FROM controlled_document WHERE id = $1`, [doc.id]);
    for (const table of [
      'controlled_document',
      'document_version',
      'document_file',
      'document_version_contributor',
      'document_review',
      'document_acknowledgement',
    ]) {
      await expect(t.sql(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/truncate|refused|immutable/i);
    }
  });

  it('brings a version approved ahead of its day into force on that day, superseding the one before', async () => {
    const doc = await effectiveDocument();
    const next = await t.http
      .post(`/api/documents/${doc.id}/versions`)
      .set(...bearer(qm))
      .send({ changeSummary: 'New objectives' });
    expect(next.status).toBe(201);
    expectProblem(
      await t.http
        .post(`/api/documents/${doc.id}/versions`)
        .set(...bearer(qm))
        .send({}),
      409,
      'document_open_version_exists',
    );
    expect((await upload(qm, doc.id, 2, pdf('v2'), 'policy-2.pdf')).status).toBe(201);
    expectProblem(
      await act(qm, doc.id, 2, 'submit').then(() => approve(qm3, doc.id, 2, { effectiveOn: '2026-03-09' })),
      422,
      'effective_date_invalid',
    );
    const approved = await approve(qm3, doc.id, 2, { effectiveOn: '2026-04-01' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ effectiveVersion: 1, reviewBy: '2027-04-01' });
    expect((approved.body as Doc).versions.map((v) => [v.number, v.state])).toEqual([
      [1, 'effective'],
      [2, 'approved'],
    ]);
    t.setToday('2026-04-01');
    try {
      const later = (await get(leader, `/api/documents/${doc.id}`)).body as Doc;
      expect(later.effectiveVersion).toBe(2);
      expect(later.versions.map((v) => [v.number, v.state, v.supersededOn])).toEqual([
        [1, 'superseded', '2026-04-01'],
        [2, 'effective', null],
      ]);
    } finally {
      t.setToday(TODAY);
    }
  });

  it('shows drafts to quality managers, auditors and the owner only; everyone reads what is approved and its files', async () => {
    const doc = await effectiveDocument({ kind: 'handbook', title: 'Mentor handbook', ownerId: leader.id });
    const draft = (
      await t.http
        .post(`/api/documents/${doc.id}/versions`)
        .set(...bearer(leader))
        .send({})
    ).body as Doc;
    expect(draft.versions.map((v) => v.state)).toEqual(['effective', 'draft']);
    const withFile = (await upload(leader, doc.id, 2, pdf('draft'), 'handbook-2.pdf')).body as Doc;
    const draftFile = withFile.versions[1].files[0];
    expect(withFile.versions[1].contributors.map((c) => c.id)).toEqual([leader.id]);

    const other = (await get(otherLeader, `/api/documents/${doc.id}`)).body as Doc;
    expect(other.versions.map((v) => v.number)).toEqual([1]);
    expect(other.latestState).toBe('effective');
    expect((await get(otherLeader, other.versions[0].files[0].href)).status).toBe(200);
    expectProblem(await get(otherLeader, draftFile.href), 404, 'not_found');
    expect((await get(auditor, `/api/documents/${doc.id}`)).body.versions).toHaveLength(2);
    expect((await get(auditor, draftFile.href)).status).toBe(200);
    expect((await get(auditor, `/api/documents/${doc.id}`)).body.versions[1].allowedActions).toEqual([]);

    expectProblem(await upload(otherLeader, doc.id, 2, pdf(), 'x.pdf'), 403, 'document_not_allowed');
    expectProblem(await act(otherLeader, doc.id, 2, 'submit'), 403, 'document_not_allowed');
    expectProblem(await upload(auditor, doc.id, 2, pdf(), 'x.pdf'), 403, 'forbidden_role');
    expectProblem(await approve(leader, doc.id, 2), 403, 'forbidden_role');
    const removed = await t.http.delete(draftFile.href).set(...bearer(leader));
    expect(removed.status).toBe(200);
    expect(removed.body.versions[1].files).toEqual([]);
    expectProblem(await act(leader, doc.id, 2, 'submit'), 409, 'document_version_empty');
  });

  it('lists overdue documents for their owner, and a review without change moves the review-by day', async () => {
    const doc = await effectiveDocument({
      kind: 'scope',
      title: 'Scope of the management system',
      ownerId: board.id,
      reviewIntervalMonths: 6,
    });
    expect(doc.reviewBy).toBe('2026-09-10');
    t.setToday('2026-09-11');
    try {
      const overdue = await get(board, '/api/documents?overdue=true&owner=me');
      expect(overdue.status).toBe(200);
      expect(overdue.body.map((d: Doc) => d.id)).toEqual([doc.id]);
      expect(overdue.body[0]).toMatchObject({ reviewOverdue: true, effectiveVersion: 1 });
      expect((await get(qm, '/api/documents?overdue=true&owner=me')).body.map((d: Doc) => d.id)).not.toContain(doc.id);
      expectProblem(await get(board, '/api/documents?owner=someone'), 400, 'validation_failed');

      expectProblem(
        await t.http
          .post(`/api/documents/${doc.id}/reviews`)
          .set(...bearer(board))
          .send({}),
        400,
        'validation_failed',
      );
      expectProblem(
        await t.http
          .post(`/api/documents/${doc.id}/reviews`)
          .set(...bearer(board))
          .send({ comment: 'Still right', nextReviewBy: '2026-09-11' }),
        422,
        'review_by_invalid',
      );
      expectProblem(
        await t.http
          .post(`/api/documents/${doc.id}/reviews`)
          .set(...bearer(leader))
          .send({ comment: 'Fine' }),
        403,
        'document_not_allowed',
      );
      const reviewed = await t.http
        .post(`/api/documents/${doc.id}/reviews`)
        .set(...bearer(board))
        .send({ comment: 'Scope still matches the programmes we run' });
      expect(reviewed.status).toBe(200);
      expect(reviewed.body).toMatchObject({ reviewBy: '2027-03-11', reviewOverdue: false });
      expect(reviewed.body.reviews).toEqual([
        expect.objectContaining({
          versionNumber: 1,
          reviewedBy: { id: board.id, name: 'Britt Board' },
          previousReviewBy: '2026-09-10',
          nextReviewBy: '2027-03-11',
        }),
      ]);
      expect((await get(board, '/api/documents?overdue=true&owner=me')).body).toEqual([]);
      const events = await auditOf(t, doc.id);
      expect(events.at(-1)).toMatchObject({
        action: 'controlled_document.review',
        actor_id: board.id,
        reason: 'Scope still matches the programmes we run',
        changes: { reviewBy: { old: '2026-09-10', new: '2027-03-11' } },
      });
    } finally {
      t.setToday(TODAY);
    }
  });

  it('asks the roles a version names to acknowledge it, once each, and shows the quality manager who has not', async () => {
    const doc = await effectiveDocument({
      title: 'Code of conduct',
      kind: 'handbook',
      acknowledgementRoles: ['programme_leader', 'board_member'],
    });
    expect((await get(leader, `/api/documents/${doc.id}`)).body.myAcknowledgement).toEqual({ required: true, acknowledgedAt: null });
    expect((await get(leader, '/api/documents?toAcknowledge=true')).body.map((d: Doc) => d.id)).toContain(doc.id);
    expect((await get(qm, `/api/documents/${doc.id}`)).body.myAcknowledgement).toEqual({ required: false, acknowledgedAt: null });

    const first = await t.http.post(`/api/documents/${doc.id}/acknowledgements`).set(...bearer(leader));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ documentId: doc.id, versionNumber: 1, recorded: true });
    const again = await t.http.post(`/api/documents/${doc.id}/acknowledgements`).set(...bearer(leader));
    expect(again.body).toEqual({ ...first.body, recorded: false });
    const [v] = await t.sql<{ id: string }>(`SELECT id FROM document_version WHERE document_id = $1`, [doc.id]);
    expect(await t.sql(`SELECT user_id FROM document_acknowledgement WHERE version_id = $1`, [v.id])).toEqual([{ user_id: leader.id }]);
    expect((await auditOf(t, v.id)).filter((e) => e.action === 'document_version.acknowledge')).toEqual([
      expect.objectContaining({ actor_id: leader.id, changes: expect.objectContaining({ acknowledgedBy: { old: null, new: leader.id } }) }),
    ]);
    expect((await get(leader, '/api/documents?toAcknowledge=true')).body.map((d: Doc) => d.id)).not.toContain(doc.id);

    expectProblem(await t.http.post(`/api/documents/${doc.id}/acknowledgements`).set(...bearer(qm)), 403, 'acknowledgement_not_required');
    expectProblem(await t.http.post(`/api/documents/${doc.id}/acknowledgements`).set(...bearer(auditor)), 403, 'forbidden_role');

    const who = await get(qm, `/api/documents/${doc.id}/acknowledgements`);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ versionNumber: 1, roles: ['programme_leader', 'board_member'], required: 3, acknowledged: 1 });
    expect(who.body.people.map((p: { name: string; acknowledgedAt: string | null }) => [p.name, p.acknowledgedAt !== null])).toEqual([
      ['Britt Board', false],
      ['Olof Other', false],
      ['Leila Leader', true],
    ]);
    expect((await get(auditor, `/api/documents/${doc.id}/acknowledgements`)).status).toBe(200);
    expectProblem(await get(leader, `/api/documents/${doc.id}/acknowledgements`), 403, 'forbidden_role');

    const counts = await acknowledgementCounts(t.db.manager, TODAY);
    expect(counts.find((c) => c.documentId === doc.id)).toMatchObject({ versionNumber: 1, required: 3, acknowledged: 1 });
  });

  it('counts read and understood per document in the evidence report', async () => {
    const doc = await effectiveDocument({
      title: 'Participant agreement',
      kind: 'participant_agreement',
      acknowledgementRoles: ['programme_leader'],
    });
    expect((await t.http.post(`/api/documents/${doc.id}/acknowledgements`).set(...bearer(otherLeader))).status).toBe(200);
    const dates = { startDate: '2026-01-12', endDate: '2026-12-18' };
    const programme = (await activateProgramme(t, qm, (await createProgramme(t, qm, { ...dates, leaderIds: [leader.id] })).id)).id;
    const json = await get(qm, `/api/programmes/${programme}/reports/evidence.json`);
    expect(json.status).toBe(200);
    expect(json.body.model.documents).toContainEqual({
      reference: doc.reference,
      title: 'Participant agreement',
      version: 1,
      effectiveOn: TODAY,
      required: 2,
      acknowledged: 1,
    });
    const pdf = await fetchReport(t, qm, `/api/programmes/${programme}/reports/evidence.pdf`);
    const text = (await pageTexts(pdf.body)).join('\n');
    expect(text).toContain('Controlled documents: read and understood');
    expect(text).toContain(doc.reference);
    expect(text).toContain('1 of 2');
  });

  it('retires the version in force with a signature; nothing is in force to acknowledge or review after it', async () => {
    const doc = await effectiveDocument({ kind: 'form', title: 'Intake form', acknowledgementRoles: ['programme_leader'] });
    expectProblem(await act(qm, doc.id, 1, 'retire', { reason: 'Replaced', password: 'wrong-password' }), 401, 'invalid_password');
    expectProblem(await act(leader, doc.id, 1, 'retire', { reason: 'Replaced', password: leader.password }), 403, 'forbidden_role');
    const retired = await act(qm, doc.id, 1, 'retire', { reason: 'The intake form moved into the procedure', password: qm.password });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ effectiveVersion: null, mayReview: false });
    expect(retired.body.versions[0]).toMatchObject({ state: 'retired', statusReason: 'The intake form moved into the procedure' });
    expect(retired.body.versions[0].signatures.map((s: { meaning: string }) => s.meaning)).toEqual(['approved', 'retirement']);
    expectProblem(await act(qm, doc.id, 1, 'retire', { reason: 'Again', password: qm.password }), 409, 'transition_not_allowed');
    expectProblem(await t.http.post(`/api/documents/${doc.id}/acknowledgements`).set(...bearer(leader)), 409, 'document_not_in_force');
    expectProblem(
      await t.http
        .post(`/api/documents/${doc.id}/reviews`)
        .set(...bearer(qm))
        .send({ comment: 'x' }),
      409,
      'document_not_in_force',
    );
  });

  it('rejects a version under review with a reason; the next version starts from there', async () => {
    const doc = (await create(qm, { kind: 'consent_text', title: 'Consent to data processing' })).body as Doc;
    await upload(qm, doc.id, 1, pdf(), 'consent.pdf');
    await act(qm, doc.id, 1, 'submit');
    expectProblem(await act(qm2, doc.id, 1, 'reject', {}), 400, 'validation_failed');
    const rejected = await act(qm2, doc.id, 1, 'reject', { comment: 'Name the retention period' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.versions[0]).toMatchObject({ state: 'rejected', statusReason: 'Name the retention period' });
    expect(
      (
        await t.http
          .post(`/api/documents/${doc.id}/versions`)
          .set(...bearer(qm))
          .send({})
      ).body.versions.map((v: { state: string }) => v.state),
    ).toEqual(['rejected', 'draft']);
    expectProblem(await get(qm, '/api/documents/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expectProblem(await get(qm, `/api/documents/${doc.id}/versions/9/files/00000000-0000-4000-8000-000000000000`), 404, 'not_found');
  });
});
