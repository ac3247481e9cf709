/**
 * Loading procedures/*.yaml into the library (issue 3): the first import of the shipped baseline
 * writes version 1 in review, for a quality manager to adopt (issue 15); later runs write nothing unless a file changed; a changed file
 * becomes a draft that a person must approve; a person's draft is never overwritten; an invalid
 * file stops the whole import and writes nothing. Runs the importer on temporary copies.
 *
 * The tests build on each other, in order: the library grows as a real one would.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commandLineContext } from '../src/users/command-context.js';
import { ProcedureImportService } from '../src/procedures/procedure-import.service.js';
import { ProcedureFileError, loadProcedureDirectory } from '../src/procedures/definition-validation.js';
import { auditHead, auditOf, auditSince } from './support/audit-events.js';
import { adoptBaseline } from './support/procedures.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';

const SHIPPED = resolve('procedures');
const KEYS = [
  'expression-of-interest',
  'final-evaluation',
  'information-meeting',
  'intake-interview',
  'internship',
  'introduction-day',
  'job-coaching',
  'matching',
  'mentor-end-evaluation',
  'mentor-meetings',
  'mentor-vetting',
  'mid-point-follow-up',
  'outcome-follow-up-12-months',
  'outcome-follow-up-6-months',
  'seminars',
];

describe('procedure import from procedures/*.yaml', () => {
  let t: TestApp;
  let importer: ProcedureImportService;
  let dir: string;
  let qm: TestUser;
  let approver: TestUser;

  const file = (name: string) => join(dir, name);
  const edit = (name: string, from: string | RegExp, to: string) => {
    const text = readFileSync(file(name), 'utf8');
    const changed = text.replace(from, to);
    if (changed === text) throw new Error(`${name}: nothing to replace for ${String(from)}`);
    writeFileSync(file(name), changed);
  };
  const counts = async () =>
    (
      await t.sql<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM procedure) AS procedures, (SELECT count(*)::int FROM procedure_version) AS versions,
                (SELECT count(*)::int FROM signature) AS signatures, (SELECT count(*)::int FROM audit_event) AS events,
                (SELECT coalesce(max(seq), 0)::int FROM audit_event) AS head`,
      )
    )[0];
  /** The import run by the quality manager `qm` (npm run qms -- procedures:import --as), who authors its drafts. */
  const asQm = () => commandLineContext(t.app, qm.email);
  const version = async (key: string, n: number) => (await t.http.get(`/api/procedures/${key}/versions/${n}`).set(...bearer(qm))).body;

  beforeAll(async () => {
    t = await startTestApp();
    importer = t.app.get(ProcedureImportService);
    qm = await t.user(['quality_manager'], 'Quinn Quality');
    approver = await t.user(['quality_manager'], 'Astrid Approver');
    dir = mkdtempSync(join(tmpdir(), 'qms-import-'));
    for (const name of readdirSync(SHIPPED).filter((n) => n.endsWith('.yaml'))) copyFileSync(join(SHIPPED, name), file(name));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates version 1 of each shipped procedure in review when the library is empty, authored and signed by nobody, and a quality manager adopts them', async () => {
    expect((await counts()).procedures).toBe(0);
    const hashes = new Map(loadProcedureDirectory(dir).definitions.map((d) => [d.definition.key, d.contentHash]));
    const report = await importer.importDirectory(dir);
    expect(report.created.map((c) => [c.key, c.file, c.version, c.baseline])).toEqual(KEYS.map((k) => [k, `${k}.yaml`, 1, true]));
    expect([report.drafted, report.updated, report.unchanged, report.skipped]).toEqual([[], [], [], []]);

    for (const key of KEYS) {
      const v = await version(key, 1);
      expect(v).toMatchObject({
        number: 1,
        status: 'in_review',
        baseline: true,
        author: null,
        contributors: [],
        contentHash: hashes.get(key),
        changeSummary: `Imported from procedures/${key}.yaml`,
        signatures: [],
      });
      const events = await auditOf(t, v.id);
      expect(events.map((e) => [e.action, e.actor_id, e.actor_email])).toEqual([
        ['procedure_version.create', null, 'system'],
        ['procedure_version.submit', null, 'system'],
      ]);
      expect(events[1].reason).toBe('baseline import: awaits adoption by a quality manager');
      expect((await t.http.get(`/api/procedures/${key}/effective`).set(...bearer(qm))).status).toBe(404);
    }

    // The import's actor is nobody's author: even the quality manager who ran it may adopt it.
    await adoptBaseline(t, qm);
    for (const key of KEYS) {
      const v = await version(key, 1);
      expect(v.status).toBe('effective');
      expect(v.signatures).toEqual([
        expect.objectContaining({
          signerId: qm.id,
          meaning: 'baseline adoption',
          recordId: v.id,
          recordVersion: 1,
          contentHash: hashes.get(key),
        }),
      ]);
      expect((await auditOf(t, v.id)).map((e) => e.action)).toEqual([
        'procedure_version.create',
        'procedure_version.submit',
        'procedure_version.adopt',
      ]);
      expect((await t.http.get(`/api/procedures/${key}/effective`).set(...bearer(qm))).body.number).toBe(1);
    }
  });

  it('writes nothing when run again, even on a file that was only reformatted', async () => {
    const before = await counts();
    writeFileSync(file('matching.yaml'), `# Reviewed 2025-02-01, no change.\n${readFileSync(file('matching.yaml'), 'utf8')}\n\n`);
    const report = await importer.importDirectory(dir);
    expect(report.unchanged.map((u) => [u.key, u.version])).toEqual(KEYS.map((k) => [k, 1]));
    expect([report.created, report.drafted, report.updated, report.skipped]).toEqual([[], [], [], []]);
    expect(await counts()).toEqual(before);
  });

  it('turns a changed file into a new draft for a person to approve, and keeps that draft following the file', async () => {
    const v1 = await version('intake-interview', 1);
    const start = await auditHead(t);
    edit('intake-interview.yaml', 'toDays: -15', 'toDays: -14');
    // The system writes no draft: nobody could be named as its author, and the author may not approve.
    const bySystem = await importer.importDirectory(dir);
    expect(bySystem.skipped).toEqual([
      { key: 'intake-interview', file: 'intake-interview.yaml', reason: expect.stringContaining('procedures:import --as EMAIL') },
    ]);
    expect(await auditSince(t, start)).toEqual([]);
    const report = await importer.importDirectory(dir, await asQm());
    expect(report.drafted).toEqual([{ key: 'intake-interview', file: 'intake-interview.yaml', version: 2 }]);
    const v2 = await version('intake-interview', 2);
    expect(v2).toMatchObject({
      status: 'draft',
      author: { id: qm.id, name: 'Quinn Quality' },
      contributors: [{ id: qm.id, name: 'Quinn Quality', contributions: ['imported'], firstAt: expect.any(String) }],
      signatures: [],
      changeSummary: 'Imported from procedures/intake-interview.yaml',
    });
    expect(v2.definition.window.toDays).toBe(-14);
    expect((await version('intake-interview', 1)).status).toBe('effective');
    expect((await t.http.get('/api/procedures/intake-interview/effective').set(...bearer(qm))).body.number).toBe(1);
    const created = await auditSince(t, start);
    expect(created.map((e) => [e.action, e.entity_id, e.actor_email])).toEqual([['procedure_version.create', v2.id, qm.email]]);

    edit('intake-interview.yaml', 'toDays: -14', 'toDays: -13');
    const again = await importer.importDirectory(dir, await asQm());
    expect(again.updated).toEqual([{ key: 'intake-interview', file: 'intake-interview.yaml', version: 2 }]);
    const followed = await version('intake-interview', 2);
    expect(followed).toMatchObject({ status: 'draft', rowVersion: 2 });
    expect(followed.definition.window.toDays).toBe(-13);
    const [update] = (await auditOf(t, v2.id)).filter((e) => e.action === 'procedure_version.update');
    expect(update.changes.contentHash).toEqual({ old: v2.contentHash, new: followed.contentHash });
    expect((await t.http.get('/api/procedures/intake-interview/versions').set(...bearer(qm))).body).toHaveLength(2);
    expect(v1.contentHash).not.toBe(followed.contentHash);

    // Later changes need a person's approval, like any other version, and not the importer's.
    await t.http
      .post('/api/procedures/intake-interview/versions/2/submit')
      .set(...bearer(qm))
      .expect(200);
    expect(
      (
        await t.http
          .post('/api/procedures/intake-interview/versions/2/approve')
          .set(...bearer(qm))
          .send({ password: qm.password, comment: 'My own import' })
      ).body.code,
    ).toBe('author_cannot_approve');
    const approved = await t.http
      .post('/api/procedures/intake-interview/versions/2/approve')
      .set(...bearer(approver))
      .send({ password: approver.password, comment: 'Window closes a day later' });
    expect(approved.status).toBe(200);
    expect(approved.body.signatures).toEqual([expect.objectContaining({ signerId: approver.id, meaning: 'approved' })]);
    expect((await importer.importDirectory(dir, await asQm())).unchanged.map((u) => u.key)).toContain('intake-interview');
  });

  it("never overwrites a person's open draft, nor a version under review", async () => {
    const current = await version('final-evaluation', 1);
    const mine = { ...current.definition, window: { ...current.definition.window, toDays: 31 } };
    const draft = await t.http
      .post('/api/procedures/final-evaluation/versions')
      .set(...bearer(qm))
      .send({ definition: mine, changeSummary: 'One more day' });
    expect(draft.status).toBe(201);
    edit('final-evaluation.yaml', 'toDays: 30', 'toDays: 45');
    // The import's own draft, once submitted, is not changed either.
    edit('introduction-day.yaml', 'toDays: 7', 'toDays: 8');
    expect((await importer.importDirectory(dir, await asQm())).drafted).toEqual([
      { key: 'introduction-day', file: 'introduction-day.yaml', version: 2 },
    ]);
    await t.http
      .post('/api/procedures/introduction-day/versions/2/submit')
      .set(...bearer(qm))
      .expect(200);
    edit('introduction-day.yaml', 'toDays: 8', 'toDays: 9');

    const before = await counts();
    const report = await importer.importDirectory(dir, await asQm());
    expect(report.skipped.map((s) => s.key)).toEqual(['final-evaluation', 'introduction-day']);
    expect(report.skipped[0].reason).toContain('version 2 is draft');
    expect(report.skipped[1].reason).toContain('version 2 is in_review');
    expect(await counts()).toEqual(before);
    const kept = await version('final-evaluation', 2);
    expect(kept).toMatchObject({ status: 'draft', author: { id: qm.id }, contentHash: draft.body.contentHash, rowVersion: 1 });
    expect(kept.definition.window.toDays).toBe(31);
    expect((await version('introduction-day', 2)).definition.window.toDays).toBe(8);
  });

  it('stops the whole import at an invalid file, naming the file and the path inside it, and writes nothing', async () => {
    // A valid change that would otherwise become a draft, next to a broken file.
    edit('matching.yaml', 'toDays: 45', 'toDays: 60');
    const before = await counts();
    const original = readFileSync(file('mid-point-follow-up.yaml'), 'utf8');

    const refusal = async (): Promise<ProcedureFileError> => {
      const error = await importer.importDirectory(dir, await asQm()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ProcedureFileError);
      return error as ProcedureFileError;
    };

    edit('mid-point-follow-up.yaml', /(- key: progress[\s\S]*?type: )number/, '$1colour');
    const wrongType = await refusal();
    expect(wrongType.file).toBe('mid-point-follow-up.yaml');
    expect(wrongType.problems.map((p) => p.path)).toContain('steps[1].fields[0].type');
    expect(wrongType.message).toContain('mid-point-follow-up.yaml');
    expect(wrongType.message).toMatch(/line \d+: steps\[1\]\.fields\[0\]\.type/);
    expect(await counts()).toEqual(before);

    writeFileSync(file('mid-point-follow-up.yaml'), original.replace('key: mid-point-follow-up', 'key: midpoint-follow-up'));
    const misnamed = await refusal();
    expect([misnamed.file, misnamed.problems[0].path]).toEqual(['mid-point-follow-up.yaml', 'key']);

    writeFileSync(file('mid-point-follow-up.yaml'), `${original}\nsteps: [oops\n`);
    const syntax = await refusal();
    expect(syntax.file).toBe('mid-point-follow-up.yaml');
    expect(syntax.message).toMatch(/line \d+/);

    writeFileSync(file('mid-point-follow-up.yaml'), original);
    // Work after the programme closes is measured from its end: another anchor is refused at afterClose.
    const followUp = readFileSync(file('outcome-follow-up-6-months.yaml'), 'utf8');
    edit('outcome-follow-up-6-months.yaml', 'anchor: programme_end', 'anchor: programme_start');
    const afterClose = await refusal();
    expect([afterClose.file, afterClose.problems.map((p) => p.path)]).toEqual(['outcome-follow-up-6-months.yaml', ['afterClose']]);
    expect(afterClose.message).toMatch(/line \d+: afterClose: is only allowed with a window anchored at programme_end/);
    writeFileSync(file('outcome-follow-up-6-months.yaml'), followUp);

    writeFileSync(
      file('zz-anchored.yaml'),
      readFileSync(file('matching.yaml'), 'utf8')
        .replace('key: matching', 'key: zz-anchored')
        .replace('procedure: intake-interview', 'procedure: no-such-procedure'),
    );
    const anchored = await refusal();
    expect([anchored.file, anchored.problems[0].path]).toEqual(['zz-anchored.yaml', 'window.procedure']);
    rmSync(file('zz-anchored.yaml'));

    expect(await counts()).toEqual(before);
    expect((await t.http.get('/api/procedures/matching/versions').set(...bearer(qm))).body).toHaveLength(1);
    // With the file fixed the same import goes through.
    expect((await importer.importDirectory(dir, await asQm())).drafted).toEqual([{ key: 'matching', file: 'matching.yaml', version: 2 }]);
  });

  it('adds a new file to a library that is no longer empty as a draft, without approving it', async () => {
    writeFileSync(
      file('group-meeting.yaml'),
      readFileSync(file('introduction-day.yaml'), 'utf8').replace('key: introduction-day', 'key: group-meeting'),
    );
    const start = await auditHead(t);
    const report = await importer.importDirectory(dir, await asQm());
    expect(report.created).toEqual([{ key: 'group-meeting', file: 'group-meeting.yaml', version: 1, baseline: false }]);
    expect(await version('group-meeting', 1)).toMatchObject({ status: 'draft', author: { id: qm.id }, signatures: [] });
    expect((await auditSince(t, start)).map((e) => e.action)).toEqual(['procedure_version.create']);
    expect((await t.http.get('/api/procedures/group-meeting/effective').set(...bearer(qm))).status).toBe(404);
  });

  it('accepts a file anchored on a procedure that is in the library but not in the directory, with the subject rule still applied', async () => {
    const intake = await version('intake-interview', 2);
    const local = { ...intake.definition, key: 'local-intake' };
    expect(
      (
        await t.http
          .post('/api/procedures')
          .set(...bearer(qm))
          .send({ definition: local })
      ).status,
    ).toBe(201);
    const matching = readFileSync(file('matching.yaml'), 'utf8');
    writeFileSync(
      file('local-matching.yaml'),
      matching.replace('key: matching', 'key: local-matching').replace('procedure: intake-interview', 'procedure: local-intake'),
    );
    const report = await importer.importDirectory(dir, await asQm());
    expect(report.created).toEqual([{ key: 'local-matching', file: 'local-matching.yaml', version: 1, baseline: false }]);

    // A cohort procedure cannot wait for one adept's procedure, wherever that procedure is defined.
    const intro = readFileSync(file('introduction-day.yaml'), 'utf8');
    writeFileSync(
      file('local-intro.yaml'),
      intro
        .replace('key: introduction-day', 'key: local-intro')
        .replace(/anchor: programme_start/, 'anchor: procedure_completed\n  procedure: local-intake'),
    );
    const before = await counts();
    const error = await importer.importDirectory(dir, await asQm()).then(
      () => undefined,
      (e: unknown) => e as ProcedureFileError,
    );
    expect([error?.file, error?.problems[0].path]).toEqual(['local-intro.yaml', 'window.procedure']);
    expect(await counts()).toEqual(before);
    rmSync(file('local-intro.yaml'));
  });
});
