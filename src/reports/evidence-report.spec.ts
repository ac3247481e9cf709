import { Writable } from 'node:stream';
import { renderEvidenceReport } from './evidence-report.js';
import { reportFingerprint } from './fingerprint.js';
import type { EvidenceReportModel } from './models/evidence-report.js';
import { CHAIN_HEAD_HASH, evidenceReportFixture, INTAKE_HASH, NAMES } from '../../bench/seed/evidence-fixture.js';
import { syntheticEvidenceReport } from '../../bench/seed/synthetic-evidence.js';
import {
  expectPageNumbers,
  expectShows,
  expectStoredHash,
  pageCount,
  pageTexts,
  renderToBuffer,
  sha256,
  shows,
} from '../../test/support/report-pdf.js';

/**
 * SHA-256 of the uncompressed rendering of `evidenceReportFixture('en')`. To update after an
 * intended change: run the spec, open the PDF named in the failure message, paste the hash.
 */
const EXPECTED_SHA256 = 'd5c64462b80ab12526f20fe25496a4e13e4662110a85d9e8404a9a77945cfdc7';

const render = (model: EvidenceReportModel = evidenceReportFixture(), compress?: boolean) =>
  renderToBuffer((out) => renderEvidenceReport(model, out, { compress }));

describe('renderEvidenceReport', () => {
  let pdf: Buffer;
  let pages: string[];
  let text: string;
  beforeAll(async () => {
    pdf = await render();
    pages = await pageTexts(pdf);
    text = pages.join('\n');
  });

  it('shows the programme, the period and the full fingerprint on the cover', () => {
    expectShows(pages[0], [
      'Programme evidence report',
      'Mentorprogrammet Malmö–Tromsø 2027',
      '2027-01-01 to 2027-06-30',
      'Åsa Læstadius-Øberg',
      '2027-06-30 16:05 UTC+2',
    ]);
    expect(pages[0]).toContain(reportFingerprint(evidenceReportFixture()));
  });

  it('lists the procedures in force with their versions, approvals and content hashes', () => {
    expectShows(text, [
      'intake-interview',
      'Intake interview',
      INTAKE_HASH,
      'Bjørn Sæther (approved), 2027-01-10 12:58 UTC+1',
      'aa11bb22cc33dd44ee55ff6600778899aa11bb22cc33dd44ee55ff6600778899',
    ]);
  });

  it('shows the conformance matrix with status and version in each cell', () => {
    expectShows(text, [
      'A-0001 Adept Conforming · v3 Overdue · v1',
      'M-0001 Mentor — Nonconforming · v1',
      'P-0001 Mentor–adept pair — Not yet due',
      'Statuses as of 2027-06-30',
    ]);
  });

  it('shows the deviations and corrective actions with their references', () => {
    expectShows(text, [
      'DEV-2027-0001',
      'DEV-2027-0002',
      'matching v1',
      'Critical',
      'Participant feedback',
      'Consent form missing for one adept',
      // An automatic deviation is titled by its rule in the report's language, not as recorded.
      'Performed outside the time window',
      '2027-03-01 10:00 UTC+1',
    ]);
    expectShows(text, [
      'CA-2027-0001',
      'CA-2027-0002',
      'Corrective action',
      'Máret Ŋuolbmá',
      'Endorsed 2027-03-20',
      'Effective',
      'In progress 60',
    ]);
  });

  it('shows every indicator with what it was computed from', () => {
    expectShows(text, [
      'Adept 23 17 <5 <5 42',
      'Mentor 21 19 0 <5 41',
      'Countries of origin 17',
      '75.0% (9 of 12)',
      'Employed full time 6',
      'Studies <5',
    ]);
    expectShows(text, [
      'intake-interview — Intake interview 87.5% 35 / 40',
      'matching — Matching no data 0 / 0',
      'intake-interview 2 83.3% 10 / 12',
      'intake-interview 3 89.3% 25 / 28',
    ]);
    expectShows(text, ['Severity Major 1', 'Source System detection 1', 'State Action plan 1', '100.0% (1 of 1)', '26 days']);
    // The charts: axis ticks, bar values, month labels and legends are text.
    expectShows(text, ['0% 25% 50% 75% 100%', 'Conformance rate (%)', '2027-02', '2027-04', 'Month it occurred', 'Minor Major Critical']);
  });

  it('reports the state of the audit trail', () => {
    expectShows(text, [
      'Events in scope 1,234',
      'Chain head sequence number 5678',
      `Chain head hash ${CHAIN_HEAD_HASH}`,
      'Verified events 1 to 5678 (incrementally: events verified before are not read again)',
      'Last full verification passed 2026-11-30 19:00 UTC+1',
      'VALID — every link of the hash chain verified',
    ]);
    expect(text).not.toContain('INVALID');
  });

  it('marks in a case file an execution cancelled, and one made conforming by an approved correction', async () => {
    const model = evidenceReportFixture();
    const [first] = model.caseFiles.subjects[0].executions;
    model.caseFiles.subjects[0].executions = [
      {
        ...first,
        conformingAfterCorrection: {
          approvedBy: 'Quentin Second',
          approvedAt: '2027-01-22T10:00:00.000Z',
          reason: 'The consent form was found',
        },
      },
      { ...first, state: 'cancelled', cancellation: { at: '2027-01-23T10:00:00.000Z', reason: 'Started for the wrong adept' } },
    ];
    const text = (await pageTexts(await render(model))).join('\n');
    expectShows(text, [
      'Conforming after correction approved by Quentin Second, 2027-01-22 11:00 UTC+1: The consent form was found',
      'Cancelled 2027-01-23 11:00 UTC+1: Started for the wrong adept',
    ]);
  });

  it('says where the audit trail breaks', async () => {
    const model = {
      ...evidenceReportFixture(),
      auditTrail: {
        eventsInScope: 10,
        chainHead: { seq: 9000, hash: CHAIN_HEAD_HASH },
        verification: { valid: false as const, firstInvalidSeq: 4711, throughSeq: 9000, fullVerifiedAt: null },
      },
    };
    expectShows((await pageTexts(await render(model))).join('\n'), ['INVALID — the chain breaks at sequence number 4711']);
  });

  it('numbers every page and lists the sections at the pages they start on', () => {
    expectPageNumbers(pages, 'en');
    const contents = pages[1];
    for (const section of [
      'Procedures in force',
      'Participants',
      'Conformance matrix',
      'Deviations register',
      'Corrective actions',
      'Audit trail',
    ]) {
      const page = Number(new RegExp(`\\d ${section} (\\d+)`).exec(contents)?.[1]);
      expect(pages[page - 1]).toMatch(new RegExp(`\\d ${section}`));
    }
  });

  it.each([
    [
      'sv',
      [
        'Underlag för revision av programmet',
        'Gällande rutiner',
        'Överensstämmelsematris',
        'Avvikelseregister',
        'Korrigerande åtgärder',
        'Nyckeltal',
        'Granskningslogg',
        'Överensstämmer · v3',
        'Försenad · v1',
        '87,5 %',
        'Ursprungsländer 17',
        'Kvinna',
        'GILTIG',
        'Sida 1 av',
      ],
    ],
    [
      'nb',
      [
        'Dokumentasjon av programmet for revisjon',
        'Gjeldende prosedyrer',
        'Samsvarsmatrise',
        'Avviksregister',
        'Korrigerende tiltak',
        'Nøkkeltall',
        'Revisjonslogg',
        'I samsvar · v3',
        'Forsinket · v1',
        '87,5 %',
        'Opprinnelsesland 17',
        'Kvinne',
        'GYLDIG',
        'Side 1 av',
      ],
    ],
  ] as const)('speaks %s throughout', async (lang, words) => {
    const texts = await pageTexts(await render(evidenceReportFixture(lang)));
    const all = texts.join('\n');
    expectShows(all, words);
    for (const english of [
      'Programme evidence report',
      'Procedures in force',
      'Conformance matrix',
      'Deviations register',
      'Indicators',
      'Conforming',
      'Overdue',
      'Page 1 of',
      'Fingerprint',
      'Female',
    ]) {
      expect(all).not.toContain(english);
    }
    expectPageNumbers(texts, lang);
  });

  it('keeps Swedish, Norwegian and Sámi letters', () => {
    expectShows(text, ['Malmö–Tromsø', 'Åsa Læstadius-Øberg', 'Bjørn Sæther', 'Máret Ŋuolbmá', 'Läkare', 'Sjuksköterska']);
  });

  it('prints participants by code only, unless the model includes names', async () => {
    for (const name of NAMES) expect(shows(text, name)).toBe(false);
    expect(text).not.toContain('Name');
    const named = (await pageTexts(await render(evidenceReportFixture('en', true)))).join('\n');
    expectShows(named, ['Code Name Role', ...NAMES]);
    // A name that reached the model without the flag is still not printed.
    const leaked = evidenceReportFixture('en', true);
    leaked.includeNames = false;
    const unflagged = (await pageTexts(await render(leaked))).join('\n');
    for (const name of NAMES) expect(shows(unflagged, name)).toBe(false);
  });

  it('renders the same model to the same bytes', async () => {
    expect(sha256(await render())).toBe(sha256(pdf));
  });

  it('matches the stored expectation', async () => {
    expectStoredHash(await render(undefined, false), EXPECTED_SHA256, 'evidence-report');
  });

  it('reports progress page by page up to the total', async () => {
    const calls: [number, number][] = [];
    await renderToBuffer((out) =>
      renderEvidenceReport(evidenceReportFixture(), out, { onProgress: (done, total) => calls.push([done, total]) }),
    );
    expect(calls.map(([done]) => done)).toEqual(pages.map((_, i) => i + 1));
    expect(calls.every(([, total]) => total === pages.length)).toBe(true);
  });

  it('waits for a slow destination, and gives up when the destination fails', async () => {
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        setTimeout(done, 1);
      },
    });
    await renderEvidenceReport(evidenceReportFixture(), slow);
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(pdf));

    let written = 0;
    const failing = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done(written > 20_000 ? new Error('disk full') : null);
      },
    });
    await expect(renderEvidenceReport(evidenceReportFixture(), failing)).rejects.toThrow('disk full');
  });

  describe('a large programme (3,000 participants)', () => {
    let large: Buffer;
    let total: number;
    beforeAll(async () => {
      large = await render(syntheticEvidenceReport({ participants: 3000 }));
      total = await pageCount(large);
    });

    it('runs to many pages, each numbered against the true total', async () => {
      expect(total).toBeGreaterThan(150);
      const [first, second, last] = await pageTexts(large, [1, 2, total]);
      expectPageNumbers([first, second], 'en', 1, total);
      expect(last).toContain(`Page ${total} of ${total}`);
      // The synthetic model leaves case files out (the benchmark measures them apart): the last section is their heading.
      expect(last).toContain('Case files');
    });

    it('repeats the table header on every page of the matrix and ends it with the last subject', async () => {
      const [contents] = await pageTexts(large, [2]);
      const matrix = Number(/\d Conformance matrix (\d+)/.exec(contents)?.[1]);
      const deviations = Number(/\d Deviations register (\d+)/.exec(contents)?.[1]);
      expect(deviations - matrix).toBeGreaterThan(90);
      const [start, middle, end] = await pageTexts(large, [matrix, Math.floor((matrix + deviations) / 2), deviations - 1]);
      expect(start).toContain('Conformance matrix');
      for (const page of [start, middle, end]) expect(page).toMatch(/Subject Type intake-interview/);
      expect(end).toContain('M-03000');
      expect(middle).toContain(`Page ${Math.floor((matrix + deviations) / 2)} of ${total}`);
    });
  });
});
