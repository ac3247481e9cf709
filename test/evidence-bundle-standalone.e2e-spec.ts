/**
 * The standalone verifier shipped in every evidence bundle (`verify.mjs`), run as an auditor runs
 * it: taken out of a bundle downloaded through HTTP and started with plain `node` in a child
 * process (no TypeScript, no import of the service's code, nothing installed beside it). It must
 * pass an untouched bundle and one re-packed with the system's `tar` (directory entries and all),
 * name the file after a one-byte change, refuse an extra file, and give on every archive the verdict
 * the repository's copy gives when the service's `qms verify` imports it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalHash, canonicalJson } from '../src/common/canonical.js';
import { verifyBundle } from '../src/reports/bundle/verify.mjs';
import type { BundleManifest } from '../src/reports/bundle/bundle-format.js';
import { createCast } from './support/deviation-fixtures.js';
import type { Cast } from './support/deviation-fixtures.js';
import { buildReportProgramme } from './support/report-fixtures.js';
import type { ReportProgramme } from './support/report-fixtures.js';
import { fetchReport } from './support/report-http.js';
import { packTar, tarEntries, withByteChanged } from './support/tar.js';
import type { TarEntry } from './support/tar.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const AT = '2026-01-15T12:00:00.000Z';
const REPOSITORY_COPY = join(process.cwd(), 'src/reports/bundle/verify.mjs');

interface Verdict {
  valid: boolean;
  checked: string[];
  problem?: string;
}

describe('standalone bundle verifier (node verify.mjs)', () => {
  let t: TestApp;
  let c: Cast;
  let fx: ReportProgramme;
  let dir: string;
  let verifier: string;
  let bundle: Buffer;
  let entries: TarEntry[];
  let n = 0;

  /** Plain node: no ts loader, no experimental flags, no module path, a directory of its own. */
  const plainEnv = () => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C' });
  const save = (archive: Buffer) => {
    const file = join(dir, `bundle-${++n}.tar`);
    writeFileSync(file, archive);
    return file;
  };
  /** Runs the shipped verifier on a file: exit status, the JSON verdict, and the human output. */
  const standalone = (file: string) => {
    const json = spawnSync(process.execPath, [verifier, file, '--json'], { cwd: dir, env: plainEnv(), encoding: 'utf8' });
    const human = spawnSync(process.execPath, [verifier, file], { cwd: dir, env: plainEnv(), encoding: 'utf8' });
    expect(json.stderr).toBe('');
    expect(human.status).toBe(json.status);
    return { status: json.status, verdict: JSON.parse(json.stdout) as Verdict, stdout: human.stdout, stderr: human.stderr };
  };
  /** The standalone verdict, checked to be the service verifier's verdict on the same file. */
  const both = (archive: Buffer | string) => {
    const file = typeof archive === 'string' ? archive : save(archive);
    const s = standalone(file);
    const service = verifyBundle(file);
    expect(s.verdict).toEqual(JSON.parse(JSON.stringify(service)));
    expect(s.status).toBe(service.valid ? 0 : 1);
    return s;
  };
  /** The bundle extracted by the system's tar into a fresh directory. */
  const extracted = (archive: Buffer) => {
    const to = join(dir, `x-${++n}`);
    mkdirSync(to);
    execFileSync('tar', ['-xf', save(archive), '-C', to]);
    return to;
  };

  beforeAll(async () => {
    t = await startTestApp();
    c = await createCast(t);
    fx = await buildReportProgramme(t, c);
    dir = mkdtempSync(join(tmpdir(), 'qms-standalone-'));
    ({ body: bundle } = await fetchReport(
      t,
      c.qm,
      `/api/programmes/${fx.programme.id}/reports/evidence-bundle?generatedAt=${AT}`,
      'application/x-tar',
    ));
    entries = tarEntries(bundle);
    // The auditor's way: take the verifier out of the bundle with tar, into a directory of its own.
    const own = join(dir, 'auditor');
    mkdirSync(own);
    execFileSync('tar', ['-xf', save(bundle), '-C', own, 'verify.mjs']);
    verifier = join(own, 'verify.mjs');
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('is shipped in the bundle, listed in the manifest, and is the repository copy byte for byte', () => {
    const manifest = JSON.parse(entries[0].data.toString('utf8')) as BundleManifest;
    const shipped = readFileSync(verifier);
    expect(shipped.equals(readFileSync(REPOSITORY_COPY))).toBe(true);
    expect(manifest.files).toContainEqual({
      path: 'verify.mjs',
      sha256: createHash('sha256').update(shipped).digest('hex'),
      bytes: shipped.length,
    });
    // Only node: built-ins: nothing to install.
    const imports = [...shipped.toString('utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const i of imports) expect(i).toMatch(/^node:/);
    expect(shipped.toString('utf8')).not.toMatch(/\brequire\(|import\(/);
  });

  it('passes the untouched bundle with plain node, saying what it checked, as the service does', () => {
    const s = both(bundle);
    expect(s.status).toBe(0);
    expect(s.verdict.valid).toBe(true);
    expect(s.verdict.checked[0]).toBe(`${entries.length - 1} files match their SHA-256 in the manifest`);
    expect(s.stdout).toContain('VALID: the bundle is exactly as it was exported.');
    expect(s.stderr).toBe('');
  });

  it('fails after a one-byte change in any file, naming the file', () => {
    for (const e of entries.filter((x) => x.name !== 'manifest.json')) {
      const s = both(withByteChanged(bundle, e.offset + Math.floor(e.size / 2)));
      expect({ file: e.name, status: s.status, problem: s.verdict.problem }).toEqual({
        file: e.name,
        status: 1,
        problem: `${e.name} does not match its SHA-256 in the manifest: it was changed`,
      });
      expect(s.stderr).toBe(`INVALID: ${e.name} does not match its SHA-256 in the manifest: it was changed\n`);
    }
  });

  it('fails after a one-byte change in the manifest, as the service does', () => {
    const m = entries[0];
    for (let at = 0; at < m.size; at += Math.max(1, Math.floor(m.size / 40))) {
      const s = both(withByteChanged(bundle, m.offset + at));
      expect(s.status).toBe(1);
    }
  });

  it('passes the bundle re-packed with the system tar, directory entries included, in every format tar writes', () => {
    const from = extracted(bundle);
    for (const format of ['gnu', 'posix', 'ustar']) {
      // `-C dir .`: every name starts with ./ and the directories are entries of their own.
      const dotted = join(dir, `repacked-dot-${format}.tar`);
      execFileSync('tar', [`--format=${format}`, '-cf', dotted, '-C', from, '.']);
      const listing = execFileSync('tar', ['-tf', dotted], { encoding: 'utf8' }).split('\n');
      expect(listing).toEqual(expect.arrayContaining(['./', './procedures/', './manifest.json']));
      expect(both(dotted).verdict.valid).toBe(true);
      // Named one by one: no ./ prefix, a directory entry procedures/.
      const named = join(dir, `repacked-named-${format}.tar`);
      execFileSync('tar', [
        `--format=${format}`,
        '-cf',
        named,
        '-C',
        from,
        'README.txt',
        'procedures',
        'report.pdf',
        'manifest.json',
        'audit-events.jsonl',
        'report-model.json',
        'verify.mjs',
      ]);
      expect(execFileSync('tar', ['-tf', named], { encoding: 'utf8' }).split('\n')).toContain('procedures/');
      expect(both(named).verdict.valid).toBe(true);
    }
  });

  it('fails on an extra file, and on a changed file, in a re-packed bundle', () => {
    const from = extracted(bundle);
    writeFileSync(join(from, 'procedures', 'notes.txt'), 'added later');
    const extra = join(dir, 'repacked-extra.tar');
    execFileSync('tar', ['-cf', extra, '-C', from, '.']);
    expect(both(extra).verdict.problem).toBe('files not listed in the manifest: procedures/notes.txt');

    const again = extracted(bundle);
    const events = readFileSync(join(again, 'audit-events.jsonl'));
    events[10] ^= 1;
    writeFileSync(join(again, 'audit-events.jsonl'), events);
    const changed = join(dir, 'repacked-changed.tar');
    execFileSync('tar', ['-cf', changed, '-C', again, '.']);
    expect(both(changed).verdict.problem).toBe('audit-events.jsonl does not match its SHA-256 in the manifest: it was changed');
  });

  it('agrees with the service when a file is forged and the manifest rewritten to match', async () => {
    const entry = (name: string) => entries.find((e) => e.name === name)!;
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
    const lines = entry('audit-events.jsonl').data.toString().trimEnd().split('\n');
    const altered = JSON.parse(lines[3]);
    altered.reason = 'Nothing happened';
    const events = (ls: string[]) => Buffer.from(ls.join('\n') + '\n');
    expect(
      both(await forged('audit-events.jsonl', events([...lines.slice(0, 3), JSON.stringify(altered), ...lines.slice(4)]))).verdict.problem,
    ).toBe(`audit event ${altered.seq} does not match its own hash: it was altered`);
    expect(both(await forged('audit-events.jsonl', events(lines.slice(0, -1)))).verdict.problem).toBe(
      `${lines.length - 1} audit events, but the report counts ${lines.length}`,
    );
    expect(both(await forged('audit-events.jsonl', events([lines[1], lines[0], ...lines.slice(2)]))).verdict.valid).toBe(false);
    const model = JSON.parse(entry('report-model.json').data.toString());
    model.indicators.completed = 11;
    expect(both(await forged('report-model.json', Buffer.from(canonicalJson(model)))).verdict.problem).toMatch(
      `the report model's fingerprint ${canonicalHash(model)} is not`,
    );
    expect(both(await forged('report-model.json', Buffer.from(JSON.stringify(model, null, 2)))).verdict.problem).toBe(
      'report-model.json is not in canonical form: it was edited',
    );
    expect(both(await forged('report.pdf', entry('report.pdf').data, (m) => (m.generatedBy = 'Someone Else'))).verdict.problem).toBe(
      'generatedBy differs between the manifest and the report model',
    );
    expect(both(await forged('report.pdf', entry('report.pdf').data, (m) => (m.auditChain.headSeq += 1))).verdict.problem).toBe(
      'audit chain differs between the manifest and the report model',
    );
    const name = entries.find((e) => e.name.startsWith('procedures/'))!.name;
    const cited = JSON.parse(entry(name).data.toString());
    cited.definition.steps[0].title = { en: 'Something else' };
    expect(both(await forged(name, Buffer.from(canonicalJson(cited)))).verdict.problem).toBe(
      `${name}: the definition does not match its content hash`,
    );
    // Whitespace around a text is not content (the definition is normalised before hashing).
    const spaced = JSON.parse(entry(name).data.toString());
    spaced.definition.steps[0].title.en = ` ${spaced.definition.steps[0].title.en} `;
    expect(both(await forged(name, Buffer.from(canonicalJson(spaced)))).verdict.valid).toBe(true);
  });

  it('agrees with the service on missing, duplicated and extra files, and on what is not an archive', async () => {
    const all = entries.map((e) => ({ name: e.name, data: e.data }));
    expect(both(await packTar([...all, { name: 'extra.txt', data: Buffer.from('x') }])).verdict.problem).toBe(
      'files not listed in the manifest: extra.txt',
    );
    expect(both(await packTar(all.filter((e) => e.name !== 'report.pdf'))).verdict.problem).toBe(
      'report.pdf is listed in the manifest but missing',
    );
    expect(both(await packTar(all.filter((e) => e.name !== 'manifest.json'))).verdict.problem).toBe('manifest.json is missing');
    expect(both(await packTar([...all, all[1]])).verdict.problem).toBe('report.pdf appears twice in the archive');
    const notTar = standalone(save(Buffer.from('%PDF-1.7 not a tar archive'.padEnd(2048, ' '))));
    expect(notTar).toMatchObject({ status: 1, verdict: { valid: false } });
    expect(verifyBundle(join(dir, `bundle-${n}.tar`)).valid).toBe(false);
    const missing = standalone(join(dir, 'no-such-file.tar'));
    expect(missing).toMatchObject({ status: 1, verdict: { valid: false, problem: expect.stringContaining('cannot read') } });
    const usage = spawnSync(process.execPath, [verifier], { env: plainEnv(), encoding: 'utf8' });
    expect({ status: usage.status, stderr: usage.stderr }).toEqual({ status: 2, stderr: 'usage: node verify.mjs BUNDLE.tar [--json]\n' });
  });
});
