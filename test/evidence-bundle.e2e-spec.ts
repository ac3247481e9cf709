/**
 * The evidence bundle through HTTP, and its offline verification (`npm run qms -- verify FILE`
 * runs `verifyBundle`): what the archive holds, that it agrees with the report and the records,
 * that an untouched bundle verifies and that a one-byte change in any file does not, and that
 * an auditor's bundle carries no participant's name. Nothing in this file writes after the
 * fixture is built, so bundles fetched by different tests can be compared byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalHash, canonicalJson } from '../src/common/canonical.js';
import { verifyBundle } from '../src/reports/bundle/verify.mjs';
import type { BundleManifest } from '../src/reports/bundle/bundle-format.js';
import { PERSONAL_HASH } from './support/audit-events.js';
import { createCast } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { expectProblem } from './support/expectations.js';
import { buildReportProgramme } from './support/report-fixtures.js';
import type { ReportProgramme } from './support/report-fixtures.js';
import { fetchReport } from './support/report-http.js';
import { hasWord, pageTexts, sha256, shows } from './support/report-pdf.js';
import { packTar, tarEntries, withByteChanged } from './support/tar.js';
import type { TarEntry } from './support/tar.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const AT = '2026-01-15T12:00:00.000Z';
const TAR = 'application/x-tar';

describe('evidence bundle', () => {
  let t: TestApp;
  let c: Cast;
  let fx: ReportProgramme;
  let dir: string;
  let bundle: Buffer;
  let fingerprint: string;
  let entries: TarEntry[];
  let manifest: BundleManifest;
  let n = 0;

  const url = (query = '') => `/api/programmes/${fx.programme.id}/reports/evidence-bundle?generatedAt=${AT}${query}`;
  const entry = (name: string) => entries.find((e) => e.name === name)!;
  /** Writes the archive to a file and verifies it, as the command line does. */
  const verify = (archive: Buffer) => {
    const file = join(dir, `bundle-${++n}.tar`);
    writeFileSync(file, archive);
    return verifyBundle(file);
  };
  /** The archive with one file replaced and the manifest rewritten to match it: a careful forger. */
  const forged = (name: string, data: Buffer, manifestChange: (m: BundleManifest) => void = () => {}) => {
    const m = JSON.parse(entry('manifest.json').data.toString('utf8')) as BundleManifest;
    const file = m.files.find((f) => f.path === name)!;
    file.sha256 = createHash('sha256').update(data).digest('hex');
    file.bytes = data.length;
    manifestChange(m);
    return packTar(
      entries.map((e) => ({
        name: e.name,
        data: e.name === name ? data : e.name === 'manifest.json' ? Buffer.from(canonicalJson(m)) : e.data,
      })),
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    fx = await buildReportProgramme(t, c);
    dir = mkdtempSync(join(tmpdir(), 'qms-bundle-spec-'));
    const r = await fetchReport(t, c.qm, url(), TAR);
    expect(r.res.headers['content-disposition']).toMatch(/^attachment; filename="evidence-bundle-[a-z0-9-]+-2026-01-15\.tar"$/);
    ({ body: bundle, fingerprint } = r);
    entries = tarEntries(bundle);
    manifest = JSON.parse(entry('manifest.json').data.toString('utf8'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('holds the manifest, the report, its model, the audit events, the cited procedure versions, the verifier and a README', () => {
    expect(entries.map((e) => e.name)).toEqual([
      'manifest.json',
      'report.pdf',
      'report-model.json',
      'audit-events.jsonl',
      'procedures/final-evaluation-v1.json',
      'procedures/intake-v2.json',
      'verify.mjs',
      'README.txt',
    ]);
    expect(entry('README.txt').data.toString()).toContain('node verify.mjs');
    expect(entry('README.txt').data.toString()).toContain('npm run qms -- verify');
  });

  it('has a manifest with the SHA-256 and size of every other file, the fingerprint and the audit chain head', async () => {
    expect(manifest.files).toEqual(
      entries.filter((e) => e.name !== 'manifest.json').map((e) => ({ path: e.name, sha256: sha256(e.data), bytes: e.size })),
    );
    const [head] = await t.sql<{ seq: number; hash: string }>(`SELECT seq::int AS seq, hash FROM audit_head WHERE id = 1`);
    const events = entry('audit-events.jsonl').data.toString().trimEnd().split('\n');
    expect(manifest).toMatchObject({
      format: 'mentoring-qms-evidence-bundle/1',
      programme: fx.programme,
      lang: 'en',
      generatedAt: AT,
      generatedBy: 'Qarin Quality',
      fingerprint,
      auditChain: { headSeq: head.seq, headHash: head.hash, eventsInScope: events.length, valid: true },
    });
    expect(entry('manifest.json').data.toString()).toBe(canonicalJson(manifest));
  });

  it('carries the evidence report and its model exactly as the same person gets them for the same time', async () => {
    const pdf = await fetchReport(t, c.qm, `/api/programmes/${fx.programme.id}/reports/evidence.pdf?generatedAt=${AT}`);
    expect(sha256(entry('report.pdf').data)).toBe(sha256(pdf.body));
    const json = await t.http.get(`/api/programmes/${fx.programme.id}/reports/evidence.json?generatedAt=${AT}`).set(...bearer(c.qm));
    const model = JSON.parse(entry('report-model.json').data.toString());
    expect(model).toEqual(json.body.model);
    expect(canonicalHash(model)).toBe(fingerprint);
    expect(entry('report-model.json').data.toString()).toBe(canonicalJson(model));
  });

  it('carries the audit events of the programme and its records, hashed and chained, personal data only as keyed hashes', async () => {
    const events = entry('audit-events.jsonl')
      .data.toString()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const created = events.filter((e) => e.action === 'participant.create');
    expect(created.map((e) => e.entityId).sort()).toEqual([...fx.adepts, ...fx.mentors].map((p) => p.id).sort());
    for (const e of created) expect(e.changes.fullName.new).toMatch(PERSONAL_HASH);
    const ids = new Set(events.map((e) => e.entityId));
    for (const id of [fx.programme.id, fx.deviations.d3.id, fx.actions.onTime.id, ...fx.systemDeviations.map((s) => s.id)])
      expect(ids.has(id)).toBe(true);
    // Staff records are not the programme's: the users created for the test are not in scope.
    expect(events.some((e) => e.action === 'user.create')).toBe(false);
    const stored = await t.sql<{ hash: string }>(`SELECT hash FROM audit_event WHERE seq = ANY($1) ORDER BY seq`, [seqs]);
    expect(stored.map((s) => s.hash)).toEqual(events.map((e) => e.hash));
  });

  it('cites the procedure versions of the plan with their definitions, content hashes and approval signatures', async () => {
    const versions = await t.sql<{ key: string; number: number; content_hash: string }>(
      `SELECT p.key, v.number, v.content_hash FROM procedure_version v JOIN procedure p ON p.id = v.procedure_id WHERE (p.key, v.number) IN (('final-evaluation', 1), ('intake', 2)) ORDER BY p.key`,
    );
    for (const v of versions) {
      const cited = JSON.parse(entry(`procedures/${v.key}-v${v.number}.json`).data.toString());
      expect(cited).toMatchObject({
        key: v.key,
        number: v.number,
        status: 'effective',
        contentHash: v.content_hash,
        definition: { key: v.key },
      });
      expect(cited.signatures).toEqual([
        expect.objectContaining({ signerName: 'Quentin Second', meaning: 'approved', contentHash: v.content_hash }),
      ]);
    }
  });

  it('verifies offline when untouched, saying what was checked', () => {
    const verdict = verify(bundle);
    expect(verdict.problem).toBeUndefined();
    expect(verdict.valid).toBe(true);
    expect(verdict.checked).toEqual([
      '7 files match their SHA-256 in the manifest',
      `report fingerprint ${fingerprint}`,
      'the manifest agrees with the report model',
      expect.stringMatching(
        new RegExp(
          `^${manifest.auditChain.eventsInScope} audit events: every hash recomputed, \\d+ chain links checked, none beyond head ${manifest.auditChain.headSeq}$`,
        ),
      ),
      '2 procedure versions match their content hashes and the report',
    ]);
  });

  it('fails after a one-byte change in any file of the archive, naming the file', () => {
    for (const e of entries.filter((x) => x.name !== 'manifest.json')) {
      for (const at of [0, Math.floor(e.size / 2), e.size - 1]) {
        const verdict = verify(withByteChanged(bundle, e.offset + at));
        expect({ file: e.name, at, valid: verdict.valid, problem: verdict.problem }).toEqual({
          file: e.name,
          at,
          valid: false,
          problem: `${e.name} does not match its SHA-256 in the manifest: it was changed`,
        });
      }
    }
  });

  it('fails after a one-byte change anywhere in the manifest', () => {
    const m = entry('manifest.json');
    for (let at = 0; at < m.size; at++) {
      const verdict = verify(withByteChanged(bundle, m.offset + at));
      if (verdict.valid)
        throw new Error(
          `a change at byte ${at} of the manifest (${JSON.stringify(m.data.subarray(Math.max(0, at - 20), at + 20).toString())}) went unnoticed`,
        );
      expect(verdict.problem).toEqual(expect.any(String));
    }
  });

  it('fails when a file is forged and the manifest rewritten to match, naming what no longer holds', async () => {
    const lines = entry('audit-events.jsonl').data.toString().trimEnd().split('\n');
    const altered = JSON.parse(lines[3]);
    altered.reason = 'Nothing happened';
    const events = (ls: string[]) => Buffer.from(ls.join('\n') + '\n');
    expect(
      verify(await forged('audit-events.jsonl', events([...lines.slice(0, 3), JSON.stringify(altered), ...lines.slice(4)]))).problem,
    ).toBe(`audit event ${altered.seq} does not match its own hash: it was altered`);
    expect(verify(await forged('audit-events.jsonl', events(lines.slice(0, -1)))).problem).toBe(
      `${lines.length - 1} audit events, but the report counts ${lines.length}`,
    );

    const model = JSON.parse(entry('report-model.json').data.toString());
    model.indicators.completed = 11;
    expect(verify(await forged('report-model.json', Buffer.from(canonicalJson(model)))).problem).toBe(
      `the report model's fingerprint ${canonicalHash(model)} is not the manifest's ${fingerprint}`,
    );
    expect(verify(await forged('report-model.json', Buffer.from(JSON.stringify(model, null, 2)))).problem).toBe(
      'report-model.json is not in canonical form: it was edited',
    );
    expect(verify(await forged('report.pdf', entry('report.pdf').data, (m) => (m.generatedBy = 'Someone Else'))).problem).toBe(
      'generatedBy differs between the manifest and the report model',
    );

    const name = 'procedures/intake-v2.json';
    const cited = JSON.parse(entry(name).data.toString());
    cited.definition.window.fromDays = -90;
    expect(verify(await forged(name, Buffer.from(canonicalJson(cited)))).problem).toBe(
      `${name}: the definition does not match its content hash`,
    );
  });

  it('fails on files outside the manifest, missing files, and what is not an archive at all', async () => {
    const all = entries.map((e) => ({ name: e.name, data: e.data }));
    expect(verify(await packTar([...all, { name: 'extra.txt', data: Buffer.from('x') }])).problem).toBe(
      'files not listed in the manifest: extra.txt',
    );
    expect(verify(await packTar(all.filter((e) => e.name !== 'report.pdf'))).problem).toBe(
      'report.pdf is listed in the manifest but missing',
    );
    expect(verify(await packTar(all.filter((e) => e.name !== 'manifest.json'))).problem).toBe('manifest.json is missing');
    // Without the report, even with the manifest rewritten to leave it out.
    const m = JSON.parse(entry('manifest.json').data.toString()) as BundleManifest;
    m.files = m.files.filter((f) => f.path !== 'report.pdf');
    const withoutReport = all
      .filter((e) => e.name !== 'report.pdf')
      .map((e) => (e.name === 'manifest.json' ? { name: e.name, data: Buffer.from(canonicalJson(m)) } : e));
    expect(verify(await packTar(withoutReport)).problem).toBe('report.pdf is missing');
    expect(verify(await packTar([...all, all[1]])).problem).toBe('report.pdf appears twice in the archive');
    expect(verify(Buffer.from('%PDF-1.7 not a tar archive'.padEnd(2048, ' '))).valid).toBe(false);
    expect(verifyBundle(join(dir, 'no-such-file.tar'))).toMatchObject({
      valid: false,
      problem: expect.stringContaining('cannot read'),
    });
  });

  it('gives an auditor a verifiable bundle in which no participant is named', async () => {
    const r = await fetchReport(t, c.auditor, url(), TAR);
    expect(verify(r.body).valid).toBe(true);
    const files = tarEntries(r.body);
    const texts = files.filter((e) => e.name !== 'report.pdf').map((e) => e.data.toString('utf8'));
    texts.push((await pageTexts(files.find((e) => e.name === 'report.pdf')!.data)).join('\n'));
    expect(JSON.parse(files[0].data.toString()).generatedBy).toBe('Arne Auditor');
    for (const text of texts) {
      for (const p of [...fx.adepts, ...fx.mentors]) {
        expect(shows(text, p.fullName)).toBe(false);
        for (const part of p.fullName.split(/[ -]/)) expect(hasWord(text, part)).toBe(false);
        expect(text).not.toContain(p.email);
      }
    }
  });

  it('is for quality managers and auditors only; refusals come as problems before any byte', async () => {
    for (const who of [c.leader, c.board, c.otherLeader, t.admin])
      expectProblem(await t.http.get(url()).set(...bearer(who)), 403, 'forbidden_role');
    expectProblem(await t.http.get(url('&includeNames=true')).set(...bearer(c.auditor)), 403, 'names_not_allowed');
    expectProblem(
      await t.http.get(url().replace(fx.programme.id, '00000000-0000-4000-8000-000000000000')).set(...bearer(c.qm)),
      404,
      'not_found',
    );
    const named = await fetchReport(t, c.qm, url('&includeNames=true'), TAR);
    expect(verify(named.body).valid).toBe(true);
    expect(JSON.parse(tarEntries(named.body)[2].data.toString()).participants.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([fx.adepts[0].fullName]),
    );
  });

  it('gives the same bytes for the same data and generation time', async () => {
    const again = await fetchReport(t, c.qm, url(), TAR);
    expect(sha256(again.body)).toBe(sha256(bundle));
    const later = await fetchReport(t, c.qm, url().replace('12:00:00.000Z', '12:00:01.000Z'), TAR);
    expect(sha256(later.body)).not.toBe(sha256(bundle));
  });
});
