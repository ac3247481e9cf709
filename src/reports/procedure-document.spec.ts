import { reportFingerprint } from './fingerprint.js';
import { renderProcedureDocument } from './procedure-document.js';
import { OLD_HASH, PROCEDURE_HASH, procedureDocumentFixture } from '../../test/support/reports/procedure-fixture.js';
import {
  documentInfo,
  expectPageNumbers,
  expectShows,
  expectStoredHash,
  pageTexts,
  renderToBuffer,
  sha256,
} from '../../test/support/report-pdf.js';

/**
 * SHA-256 of the uncompressed rendering of `procedureDocumentFixture('en')` (uncompressed, so
 * the hash does not depend on the zlib build). To update after an intended change: run the
 * spec, open the PDF named in the failure message, and paste the printed hash here.
 */
const EXPECTED_SHA256 = 'de42ed1d31e97733526823a7fd71ad1387bc07b99eca964b8d9307065c2458d8';

const render = (model = procedureDocumentFixture(), compress?: boolean) =>
  renderToBuffer((out) => renderProcedureDocument(model, out, { compress }));

describe('renderProcedureDocument', () => {
  let en: Buffer;
  let pages: string[];
  beforeAll(async () => {
    en = await render();
    pages = await pageTexts(en);
  });

  it('prints the version, its hash, every step and field, the revisions and the signatures', () => {
    const text = pages.join('\n');
    // On one line in the document control block, where it is meant to be copied from.
    expect(pages[2]).toContain(`Content hash (SHA-256) ${PROCEDURE_HASH}`);
    expectShows(text, [
      'intake-interview',
      'Intake interview',
      'Effective',
      '2027-01-10 13:00 UTC+1',
      'Consent is recorded before the interview starts.',
    ]);
    expectShows(text, [
      'Step 1: Preparation',
      'Step 2: Interview',
      'application_reviewed',
      'language_level',
      'Basic (A2)',
      '1 to 5',
      'at least 0',
      'interviewing-basics',
      'Signed consent form',
    ]);
    expectShows(text, [
      'application-review — Application review',
      'day 0 to day 21 relative to the anchor day',
      'Programme leader, Quality manager',
      'ISO 9001:2015 8.5.1',
    ]);
    expectShows(text, [
      'First issue.',
      'Interpreter booking added.',
      'Máret Ŋuolbmá',
      'Bjørn Sæther',
      'Ánde Đuolbmá',
      'approved',
      'reviewed',
    ]);
  });

  it('tells whether each signature was given on this version’s content', () => {
    const text = pages.join('\n').replace(/\s+/g, '');
    expect(text).toContain(`${PROCEDURE_HASH}(matchesthisversion)`);
    expect(text).toContain(`${OLD_HASH}(DIFFERSfromthisversion)`);
  });

  it('carries the full fingerprint on the cover and the short one on every page', () => {
    const fingerprint = reportFingerprint(procedureDocumentFixture());
    expect(pages[0]).toContain(fingerprint);
    for (const page of pages) expect(page).toContain(`Fingerprint ${fingerprint.slice(0, 16)}`);
  });

  it('numbers every page "Page i of N" and lists the sections with their pages', () => {
    expectPageNumbers(pages, 'en');
    expect(pages[1]).toMatch(/Contents/);
    expect(pages[1]).toMatch(/6 Signatures \d+/);
  });

  it('sets the document information from the model', async () => {
    const info = await documentInfo(en);
    expect(info.Title).toBe('Controlled procedure document: intake-interview · Version 3');
    expect(info.Author).toBe('Mentoring QMS');
    expect(info.CreationDate).toBe('D:20270214083000Z');
    expect(info.ModDate).toBe('D:20270214083000Z');
    expect(info.Keywords).toBe(`fingerprint-sha256:${reportFingerprint(procedureDocumentFixture())}`);
  });

  it.each([
    [
      'sv',
      [
        'Styrt rutindokument',
        'Intagssamtal',
        'Moment 1: Förberedelse',
        'Revisionshistorik',
        'Underskrifter',
        'stämmer med denna version',
        'Sida 1 av',
      ],
      'Skapad',
    ],
    [
      'nb',
      [
        'Styrt prosedyredokument',
        'Inntakssamtale',
        'Trinn 1: Forberedelse',
        'Revisjonshistorikk',
        'Signaturer',
        'stemmer med denne versjonen',
        'Side 1 av',
      ],
      'Generert',
    ],
  ] as const)('speaks %s throughout', async (lang, words, generated) => {
    const texts = await pageTexts(await render(procedureDocumentFixture(lang)));
    const text = texts.join('\n');
    expectShows(text, [...words, generated]);
    for (const english of [
      'Controlled procedure document',
      'Revision history',
      'Signatures',
      'Page 1 of',
      'Fingerprint',
      'Generated',
      'Step 1',
    ]) {
      expect(text).not.toContain(english);
    }
    expectPageNumbers(texts, lang);
  });

  it('keeps Swedish, Norwegian and Sámi letters', () => {
    expectShows(pages.join('\n'), ['Åsa Læstadius-Øberg', 'Bjørn Sæther', 'Máret Ŋuolbmá', 'Ánde Đuolbmá', 'Godkänt efter granskning']);
  });

  it('renders the same model to the same bytes', async () => {
    expect(sha256(await render())).toBe(sha256(en));
    expect(sha256(await render(undefined, false))).toBe(sha256(await render(undefined, false)));
  });

  it('matches the stored expectation', async () => {
    expectStoredHash(await render(undefined, false), EXPECTED_SHA256, 'procedure-document');
  });
});
