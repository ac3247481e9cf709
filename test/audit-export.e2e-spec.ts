import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { ChainVerifier } from '../src/audit/audit-chain.js';
import type { ChainVerdict, ChainedEvent } from '../src/audit/audit-chain.js';
import { verifyAuditExport } from '../src/audit/audit-export.js';
import { startTestApp, bearer, uniqueSuffix } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';
import { storedEvents } from './support/audit.js';

/** The export is the whole chain as JSON lines, and verifies offline without the database. */
describe('audit export and offline verification', () => {
  let t: TestApp;
  let auditor: TestUser;
  let dir: string;
  let exported: Response;
  let text: string;
  const k = 3;

  beforeAll(async () => {
    t = await startTestApp();
    dir = await mkdtemp(join(tmpdir(), 'qms-audit-export-'));
    auditor = await t.user(['auditor']);
    for (let i = 0; i < 3; i++) {
      const s = uniqueSuffix();
      const res = await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send({ email: `export.${s}@example.org`, name: `Åse Nordmann ${s}`, password: 'a-long-enough-password', roles: ['board_member'] });
      expect(res.status).toBe(201);
      expect(
        (
          await t.http
            .patch(`/api/users/${res.body.id}`)
            .set(...bearer(t.admin))
            .set('If-Match', '"1"')
            .send({ name: `Ánde ${s}` })
        ).status,
      ).toBe(200);
    }
    exported = await t.http
      .get('/api/audit-events/export')
      .set(...bearer(auditor))
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done(null, body));
      });
    text = exported.body as string;
  });
  afterAll(async () => {
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const linesOf = (s: string) => s.split('\n').filter((l) => l !== '');

  async function fileWith(name: string, content: string | Buffer): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  }

  function verifyLines(lines: string[]): ChainVerdict {
    const verifier = new ChainVerifier();
    for (const line of lines) {
      let event: ChainedEvent;
      try {
        event = JSON.parse(line) as ChainedEvent;
      } catch {
        verifier.reportMalformed('not JSON');
        break;
      }
      if (!verifier.push(event)) break;
    }
    return verifier.verdict();
  }

  it('streams JSON lines, one stored event per line, with the head in the headers', async () => {
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="audit-events-\d+\.jsonl"$/);
    expect(text.endsWith('\n')).toBe(true);

    const stored = await storedEvents(t);
    expect(stored.length).toBeGreaterThanOrEqual(8);
    const lines = linesOf(text);
    expect(lines.map((l) => JSON.parse(l))).toEqual(stored.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })));
    expect(exported.headers['x-audit-head-seq']).toBe(String(stored.length));
    expect(exported.headers['x-audit-head-hash']).toBe(stored[stored.length - 1].hash);
  });

  it('verifies offline, from the file, and line by line with the same verifier', async () => {
    const n = linesOf(text).length;
    const headHash = exported.headers['x-audit-head-hash'];
    const expected = { valid: true, events: n, firstSeq: 1, lastSeq: n, headHash };
    expect(await verifyAuditExport(await fileWith('export.jsonl', text))).toEqual(expected);
    expect(verifyLines(linesOf(text))).toEqual(expected);
    // Windows line endings do not matter to the file verifier.
    expect(await verifyAuditExport(await fileWith('export-crlf.jsonl', text.replace(/\n/g, '\r\n')))).toEqual(expected);
  });

  it('finds a single changed byte in the file, at the event that holds it', async () => {
    const bytes = Buffer.from(text, 'utf8');
    const lines = linesOf(text);
    const lineStart = Buffer.byteLength(lines.slice(0, k - 1).join('\n') + '\n', 'utf8');
    const hashAt = lineStart + Buffer.from(lines[k - 1], 'utf8').indexOf('"hash":"') + 20;
    const changed = Buffer.from(bytes);
    changed[hashAt] = changed[hashAt] === 0x61 ? 0x62 : 0x61;
    const v = await verifyAuditExport(await fileWith('one-byte.jsonl', changed));
    expect(v).toMatchObject({ valid: false, firstInvalidSeq: k, problem: 'hash_mismatch', events: k - 1 });
  });

  it('finds a change of any single byte of an event, at that event', () => {
    const lines = linesOf(text);
    const original = Buffer.from(lines[k - 1], 'utf8');
    const missed: number[] = [];
    for (let i = 0; i < original.length; i++) {
      const changed = Buffer.from(original);
      changed[i] ^= 0x01;
      const v = verifyLines([...lines.slice(0, k - 1), changed.toString('utf8'), ...lines.slice(k)]);
      if (v.valid || v.firstInvalidSeq !== k) missed.push(i);
    }
    expect(missed).toEqual([]);
  });

  it('refuses an export that does not start at the first event, unless told it is a tail', async () => {
    const lines = linesOf(text);
    const tail = await fileWith('tail.jsonl', lines.slice(2).join('\n') + '\n');
    expect(await verifyAuditExport(tail)).toMatchObject({ valid: false, firstInvalidSeq: 1, problem: 'sequence_gap' });
    expect(await verifyAuditExport(tail, { anchored: false })).toMatchObject({ valid: true, events: lines.length - 2, firstSeq: 3 });
  });

  it('catches an export cut short at the end when the head from the export headers is given', async () => {
    const lines = linesOf(text);
    const head = { seq: Number(exported.headers['x-audit-head-seq']), hash: exported.headers['x-audit-head-hash'] };
    const cut = await fileWith('cut.jsonl', lines.slice(0, -1).join('\n') + '\n');
    expect(await verifyAuditExport(cut)).toMatchObject({ valid: true });
    expect(await verifyAuditExport(cut, { expectedHead: head })).toMatchObject({
      valid: false,
      firstInvalidSeq: head.seq,
      problem: 'sequence_gap',
    });
    expect(await verifyAuditExport(await fileWith('whole.jsonl', text), { expectedHead: head })).toMatchObject({ valid: true });
  });

  it('finds a removed line and a line that is not JSON', async () => {
    const lines = linesOf(text);
    const removed = await fileWith('removed.jsonl', [...lines.slice(0, k - 1), ...lines.slice(k)].join('\n'));
    expect(await verifyAuditExport(removed)).toMatchObject({ valid: false, firstInvalidSeq: k, problem: 'sequence_gap' });
    const garbage = await fileWith('garbage.jsonl', [...lines.slice(0, k - 1), '{"seq": 3,', ...lines.slice(k)].join('\n'));
    expect(await verifyAuditExport(garbage)).toMatchObject({ valid: false, firstInvalidSeq: k, problem: 'malformed_event' });
  });
});
