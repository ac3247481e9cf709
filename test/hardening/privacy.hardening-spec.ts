/**
 * Privacy: participants with known, unmistakable names and e-mail addresses are enrolled, paired,
 * withdrawn and named in pair rationales and reasons (the free texts that may hold personal data),
 * and refused requests carry them too. Then the service's own logs (stdout and stderr at
 * LOG_LEVEL=debug) and everything an auditor can export (the audit trail as pages and as export,
 * evidence.json, evidence.pdf, the evidence bundle with its PDF, the register and the minutes) are
 * searched for them: zero hits. In the audit trail personal values appear only as keyed hashes,
 * which the test recomputes with the key from the database.
 */
import { createHmac } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import tar from 'tar-stream';
import { activeProgramme, createStaff, participantBody } from './client.js';
import type { Reply } from './client.js';
import { Service, attach, embeddedUrl, freePort, tempDataDir } from './service.js';

const PEOPLE = [
  { role: 'adept', fullName: 'Zaraqa Privacytestdottir', email: 'zaraqa.canary@example.org' },
  { role: 'mentor', fullName: 'Oluwaseun Canaryson', email: 'o.canaryson@example.net' },
  { role: 'adept', fullName: 'Åsaliina Kanarieström', email: 'asaliina.kanariestrom@example.se' },
  { role: 'mentor', fullName: 'Mikkjel Sentinelsen', email: 'mikkjel+sentinel@example.no' },
] as const;

/** Every name, every part of a name, every address and its local part: none may show. */
const NEEDLES = [...new Set(PEOPLE.flatMap((p) => [p.fullName, ...p.fullName.split(' '), p.email, p.email.split('@')[0]]))].map((n) =>
  n.toLowerCase(),
);

function hits(what: string, text: string): string[] {
  const lower = text.normalize('NFC').toLowerCase();
  return NEEDLES.filter((n) => lower.includes(n)).map((n) => `${what}: ${n}`);
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function tarEntries(bytes: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const out: { name: string; data: Buffer }[] = [];
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        out.push({ name: header.name, data: Buffer.concat(chunks) });
        next();
      });
      stream.resume();
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  extract.end(bytes);
  await done;
  return out;
}

function ok(r: Reply, what: string): Reply {
  if (r.status !== 200) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

describe('privacy: participant names and e-mail addresses never reach logs or exports', () => {
  it('finds none of them in the logs at debug level, the audit trail or any auditor export; the trail holds keyed hashes', async () => {
    const data = tempDataDir();
    const dbPort = await freePort();
    const service = await Service.start({ DATA_DIR: data.dir, EMBEDDED_DB_PORT: String(dbPort), LOG_LEVEL: 'debug' });
    try {
      const staff = await createStaff(service.url);
      const programmeId = await activeProgramme(staff);
      const base = `/api/programmes/${programmeId}`;

      const enrolled = [];
      for (const [i, p] of PEOPLE.entries()) {
        enrolled.push(
          await staff.leader.must(
            201,
            'POST',
            `${base}/participants`,
            participantBody(i, { role: p.role, fullName: p.fullName, email: p.email }),
          ),
        );
      }
      const [zaraqa, oluwaseun, asaliina, mikkjel] = enrolled;
      const pair = await staff.leader.must(201, 'POST', `${base}/pairs`, {
        mentorId: oluwaseun.id,
        adeptId: zaraqa.id,
        matchedAt: '2026-01-08',
        rationale: `${PEOPLE[1].fullName} and ${PEOPLE[0].fullName} are both civil engineers`,
      });
      await staff.leader.must(200, 'POST', `/api/pairs/${pair.id}/end`, {
        date: '2026-02-01',
        reason: `${PEOPLE[0].fullName} asked for a new mentor`,
      });
      await staff.leader.must(200, 'POST', `${base}/participants/${mikkjel.id}/withdraw`, {
        date: '2026-02-02',
        reason: `${PEOPLE[3].fullName} moved to Tromsø`,
      });
      await staff.leader.must(201, 'POST', '/api/deviations', {
        programmeId,
        participantId: asaliina.id,
        title: 'Intake interview not held',
        description: 'The adept was not interviewed before the start',
        severity: 'minor',
        source: 'manual',
        detectedAt: '2026-01-20T10:00:00Z',
      });
      // Refused requests that carry personal data, each answered without echoing it.
      const refusals = [
        await staff.leader.post(
          `${base}/participants`,
          participantBody(9, { fullName: PEOPLE[0].fullName, email: PEOPLE[0].email, gender: 'unknown' }),
        ),
        await staff.leader.post(
          `${base}/participants`,
          participantBody(9, { fullName: PEOPLE[1].fullName, email: `${PEOPLE[1].email}@@` }),
        ),
        await staff.auditor.post(`${base}/participants`, participantBody(9, { fullName: PEOPLE[2].fullName, email: PEOPLE[2].email })),
        await staff.leader.post('/api/auth/login', { email: PEOPLE[3].email, password: PEOPLE[3].fullName }),
      ];
      expect(refusals.map((r) => r.status)).toEqual([400, 400, 403, 401]);
      const found = refusals.flatMap((r, i) => hits(`refusal ${i}`, JSON.stringify(r.body)));
      // Controls: the search finds the names where they belong. The quality manager sees them (that
      // read is logged too), and may print them in the evidence report, where text extraction finds them.
      const qmView = ok(await staff.qm.get(`${base}/participants`), 'participants as quality manager');
      expect(hits('control', JSON.stringify(qmView.body))).toHaveLength(NEEDLES.length);
      const named = await pdfText(
        ok(await staff.qm.get(`${base}/reports/evidence.pdf?includeNames=true`), 'evidence.pdf with names').bytes,
      );
      expect(hits('control', named).length).toBeGreaterThan(0);

      // Everything an auditor can read or export.
      const auditor = staff.auditor;
      const exports: [string, string][] = [];
      let cursor: string | null = null;
      do {
        const page: Reply = ok(await auditor.get(`/api/audit-events?limit=500${cursor ? `&cursor=${cursor}` : ''}`), 'audit events');
        exports.push([`audit events page`, JSON.stringify(page.body)]);
        cursor = page.body.nextCursor;
      } while (cursor);
      exports.push(['audit export', ok(await auditor.get('/api/audit-events/export'), 'audit export').bytes.toString('utf8')]);
      exports.push(['participants as auditor', JSON.stringify(ok(await auditor.get(`${base}/participants`), 'participants').body)]);
      exports.push(['pairs as auditor', JSON.stringify(ok(await auditor.get(`${base}/pairs`), 'pairs').body)]);
      exports.push([
        'deviations as auditor',
        JSON.stringify(ok(await auditor.get(`/api/deviations?programmeId=${programmeId}`), 'deviations').body),
      ]);
      exports.push(['indicators as auditor', JSON.stringify(ok(await auditor.get(`${base}/indicators`), 'indicators').body)]);
      exports.push(['evidence.json', JSON.stringify(ok(await auditor.get(`${base}/reports/evidence.json`), 'evidence.json').body)]);
      exports.push(['evidence.pdf', await pdfText(ok(await auditor.get(`${base}/reports/evidence.pdf`), 'evidence.pdf').bytes)]);
      exports.push(['register pdf', await pdfText(ok(await auditor.get('/api/reports/corrective-actions.pdf'), 'register').bytes)]);
      const bundle = await tarEntries(ok(await auditor.get(`${base}/reports/evidence-bundle`), 'evidence bundle').bytes);
      expect(bundle.map((e) => e.name)).toEqual(
        expect.arrayContaining(['manifest.json', 'report.pdf', 'report-model.json', 'audit-events.jsonl']),
      );
      for (const e of bundle) exports.push([`bundle ${e.name}`, e.name.endsWith('.pdf') ? await pdfText(e.data) : e.data.toString('utf8')]);
      // The exports are about these people: their pseudonymous codes are there, their names not.
      const evidence = exports.find(([w]) => w === 'evidence.json')![1];
      for (const p of enrolled) expect(evidence).toContain(p.code);
      for (const [what, text] of exports) found.push(...hits(what, text));

      // In the trail, every personal value is the keyed hash of the value.
      const db = await attach(embeddedUrl(dbPort));
      let key: string;
      try {
        key = (await db.query<{ value: string }>(`SELECT value FROM app_setting WHERE key = 'pii_hash_key'`)).rows[0].value;
      } finally {
        await db.end();
      }
      const keyed = (v: string) => `hmac-sha256:${createHmac('sha256', key).update(v).digest('hex')}`;
      const events = exports
        .filter(([w]) => w === 'audit export')
        .flatMap(([, text]) => text.split('\n').filter(Boolean))
        .map((line) => JSON.parse(line) as { action: string; entityId: string; changes: Record<string, { new: unknown }> });
      for (const [i, p] of enrolled.entries()) {
        const created = events.find((e) => e.action === 'participant.create' && e.entityId === p.id)!;
        expect(created.changes.fullName.new).toBe(keyed(PEOPLE[i].fullName));
        expect(created.changes.email.new).toBe(keyed(PEOPLE[i].email));
      }
      const withdrawn = events.find((e) => e.action === 'participant.withdraw' && e.entityId === mikkjel.id)!;
      expect(withdrawn.changes.withdrawalReason.new).toBe(keyed(`${PEOPLE[3].fullName} moved to Tromsø`));

      // The logs: captured after an orderly stop, so nothing is left unflushed.
      await service.stop();
      const logs = service.output;
      // Every request was logged (with its path, never its body), refused ones at warn.
      expect(logs).toContain(`"path":"${base}/participants"`);
      expect(logs).toMatch(/"level":40,.*"statusCode":400/);
      found.push(...hits('service logs', logs));
      expect(found).toEqual([]);
      process.stdout.write(
        `privacy: ${NEEDLES.length} needles, ${exports.length} exports and ${logs.split('\n').length} log lines searched, 0 hits\n`,
      );
    } finally {
      await service.stop();
      data.remove();
    }
  });
});
