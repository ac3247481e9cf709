/**
 * Four eyes under document control (security review, issue 11, item 2, and retirement): everyone
 * who wrote a version's content counts as its author (who created the draft, everyone who edited
 * it, whoever imported it from a file), is listed on the version and in its document, and none of
 * them may approve it. A version nobody is named for cannot be approved at all. An import writes
 * drafts only in a named quality manager's name. Retiring the version in force is signed like an
 * approval (password re-entered, meaning `retirement`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandLineContext } from '../src/users/command-context.js';
import { ProcedureImportService } from '../src/procedures/procedure-import.service.js';
import { auditHead, auditOf, auditSince } from './support/audit-events.js';
import { expectProblem, problemFields } from './support/expectations.js';
import { procedureDefinition } from './support/programmes.js';
import { approveVersion, effectiveProcedure } from './support/procedures.js';
import { fetchReport } from './support/report-http.js';
import { pageTexts } from './support/report-pdf.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

describe('document control: no contributor approves, every author is named', () => {
  let t: TestApp;
  let karin: TestUser;
  let johan: TestUser;
  let lena: TestUser;

  const version = (key: string, n: number) => t.http.get(`/api/procedures/${key}/versions/${n}`).set(...bearer(karin));
  const approve = (who: TestUser, key: string, n: number, password = who.password) =>
    t.http
      .post(`/api/procedures/${key}/versions/${n}/approve`)
      .set(...bearer(who))
      .send({ password, comment: 'Reviewed' });
  const signatures = async (versionId: string) =>
    (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM signature WHERE record_id = $1`, [versionId]))[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    karin = await t.user(['quality_manager'], 'Karin Lindqvist');
    johan = await t.user(['quality_manager'], 'Johan Bergström');
    lena = await t.user(['quality_manager'], 'Lena Third');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the approval of an editor of the draft (and of its creator); a third quality manager approves', async () => {
    const key = 'four-eyes';
    await effectiveProcedure(t, karin, lena, procedureDefinition(key));
    const drafted = await t.http
      .post(`/api/procedures/${key}/versions`)
      .set(...bearer(karin))
      .send({ definition: procedureDefinition(key), changeSummary: 'Longer window' });
    expect(drafted.status).toBe(201);
    const edited = await t.http
      .put(`/api/procedures/${key}/versions/2`)
      .set(...bearer(johan))
      .set('If-Match', drafted.headers.etag)
      .send({ definition: procedureDefinition(key, { window: { anchor: 'programme_start', fromDays: -20, toDays: 0 } }) });
    expect(edited.status).toBe(200);
    expect(edited.body.author).toEqual({ id: karin.id, name: 'Karin Lindqvist' });
    expect(edited.body.contributors).toEqual([
      { id: karin.id, name: 'Karin Lindqvist', contributions: ['created'], firstAt: expect.any(String) },
      { id: johan.id, name: 'Johan Bergström', contributions: ['edited'], firstAt: expect.any(String) },
    ]);
    expect((await t.http.post(`/api/procedures/${key}/versions/2/submit`).set(...bearer(johan))).status).toBe(200);

    const head = await auditHead(t);
    for (const who of [johan, karin]) expectProblem(await approve(who, key, 2), 403, 'author_cannot_approve');
    const refused = (await version(key, 2)).body;
    expect(refused.status).toBe('in_review');
    expect(await signatures(refused.id)).toBe(0);
    expect(await auditSince(t, head)).toEqual([]);

    const approved = await approve(lena, key, 2);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'effective',
      signatures: [expect.objectContaining({ signerId: lena.id, meaning: 'approved' })],
    });
    expect(approved.body.contributors.map((c: { id: string }) => c.id)).toEqual([karin.id, johan.id]);

    const pdf = await fetchReport(t, karin, `/api/procedures/${key}/versions/2/document.pdf`);
    const text = (await pageTexts(pdf.body)).join('\n');
    expect(text).toContain('Written by Karin Lindqvist (created)');
    expect(text).toContain('Johan Bergström (edited)');
  });

  it('keeps the contributors as records: the database refuses to change them, or to add one after the draft', async () => {
    const [v] = await t.sql<{ id: string }>(
      `SELECT v.id FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id WHERE p.key = 'four-eyes' AND v.number = 2`,
    );
    await expect(t.sql(`DELETE FROM procedure_version_contributor WHERE version_id = $1`, [v.id])).rejects.toThrow();
    await expect(t.sql(`UPDATE procedure_version_contributor SET user_id = $2 WHERE version_id = $1`, [v.id, lena.id])).rejects.toThrow();
    await expect(
      t.sql(`INSERT INTO procedure_version_contributor (version_id, user_id, contribution) VALUES ($1, $2, 'edited')`, [v.id, lena.id]),
    ).rejects.toThrow(/left draft/);
  });

  describe('drafts written by the import of procedure files', () => {
    let dir: string;
    let importer: ProcedureImportService;

    beforeAll(() => {
      importer = t.app.get(ProcedureImportService);
      dir = mkdtempSync(join(tmpdir(), 'qms-authors-'));
      writeFileSync(join(dir, 'imported-intake.yaml'), JSON.stringify(procedureDefinition('imported-intake'), null, 2));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('writes nothing as the system into a library in use, and names the quality manager who imports', async () => {
      const head = await auditHead(t);
      const bySystem = await importer.importDirectory(dir);
      expect(bySystem.created).toEqual([]);
      expect(bySystem.skipped).toEqual([
        { key: 'imported-intake', file: 'imported-intake.yaml', reason: expect.stringMatching(/--as EMAIL/) },
      ]);
      expect(await auditSince(t, head)).toEqual([]);

      const leader = await t.user(['programme_leader'], 'Leila Leader');
      await expect(importer.importDirectory(dir, await commandLineContext(t.app, leader.email))).rejects.toThrow(/not a quality manager/);

      const byJohan = await importer.importDirectory(dir, await commandLineContext(t.app, johan.email));
      expect(byJohan.created).toEqual([{ key: 'imported-intake', file: 'imported-intake.yaml', version: 1, baseline: false }]);
      const v1 = (await version('imported-intake', 1)).body;
      expect(v1).toMatchObject({ status: 'draft', author: { id: johan.id, name: 'Johan Bergström' } });
      expect(v1.contributors).toEqual([
        { id: johan.id, name: 'Johan Bergström', contributions: ['imported'], firstAt: expect.any(String) },
      ]);
      expect((await auditOf(t, v1.id))[0]).toMatchObject({ action: 'procedure_version.create', actor_id: johan.id });

      expect((await t.http.post('/api/procedures/imported-intake/versions/1/submit').set(...bearer(johan))).status).toBe(200);
      expectProblem(await approve(johan, 'imported-intake', 1), 403, 'author_cannot_approve');
      expect((await approve(karin, 'imported-intake', 1)).status).toBe(200);
    });

    it('cannot approve a version nobody is named for: a person takes the draft over, and another approves', async () => {
      const key = 'unnamed';
      await effectiveProcedure(t, karin, lena, procedureDefinition(key));
      // A draft written by the system before authors were recorded (as an older start-up import left it).
      const [proc] = await t.sql<{ id: string }>(`SELECT id FROM procedure WHERE key = $1`, [key]);
      await t.sql(
        `INSERT INTO procedure_version (procedure_id, number, status, definition, content_hash, change_summary, author_id)
         SELECT procedure_id, 2, 'draft', definition, content_hash, 'Imported from procedures/unnamed.yaml', NULL FROM procedure_version
         WHERE procedure_id = $1 AND number = 1`,
        [proc.id],
      );
      expectProblem(await t.http.post(`/api/procedures/${key}/versions/2/submit`).set(...bearer(karin)), 409, 'no_named_author');
      const draft = await version(key, 2);
      expect(draft.body.contributors).toEqual([]);
      const adopted = await t.http
        .put(`/api/procedures/${key}/versions/2`)
        .set(...bearer(karin))
        .set('If-Match', draft.headers.etag)
        .send({ definition: procedureDefinition(key), changeSummary: 'Taken over from the import' });
      expect(adopted.status).toBe(200);
      await approveVersion(t, karin, johan, key, 2);
      expect((await version(key, 2)).body.status).toBe('effective');
    });
  });

  it('signs a retirement like an approval: password re-entered, meaning retirement, bound to the content hash', async () => {
    const key = 'retired-by-signature';
    await effectiveProcedure(t, karin, johan, procedureDefinition(key));
    const v1 = (await version(key, 1)).body;
    const retire = (body: Record<string, unknown>) =>
      t.http
        .post(`/api/procedures/${key}/versions/1/retire`)
        .set(...bearer(lena))
        .send(body);
    const head = await auditHead(t);
    const noPassword = await retire({ reason: 'Replaced by the group intake' });
    expectProblem(noPassword, 400, 'validation_failed');
    expect([...new Set(problemFields(noPassword))]).toEqual(['password']);
    expectProblem(await retire({ reason: 'Replaced by the group intake', password: 'not-the-password' }), 401, 'invalid_password');
    expect((await version(key, 1)).body.status).toBe('effective');
    expect(await auditSince(t, head)).toEqual([]);

    const retired = await retire({ reason: 'Replaced by the group intake', password: lena.password });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', statusReason: 'Replaced by the group intake' });
    const signature = retired.body.signatures.find((s: { meaning: string }) => s.meaning === 'retirement');
    expect(signature).toMatchObject({
      signerId: lena.id,
      signerName: 'Lena Third',
      comment: 'Replaced by the group intake',
      contentHash: v1.contentHash,
    });
    const event = (await auditOf(t, v1.id)).at(-1)!;
    expect(event).toMatchObject({ action: 'procedure_version.retire', actor_id: lena.id, reason: 'Replaced by the group intake' });
    expect(event.changes).toMatchObject({
      status: { old: 'effective', new: 'retired' },
      signature: { new: expect.objectContaining({ signerId: lena.id, meaning: 'retirement', contentHash: v1.contentHash }) },
    });
  });
});
