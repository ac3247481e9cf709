/**
 * Names in any script: participants come from Eritrea, Syria, Iran and China, and their names are
 * printed (for a quality manager or their programme's leader) in the evidence report. Ethiopic
 * and Chinese characters are set in faces that have them (no empty boxes), Arabic and Persian
 * right to left with their letters joined, and the PDF reads back as the names that were entered.
 */
import { inflateSync } from 'node:zlib';
import { addParticipant, createStaff, procedureDefinition, programmeFixture } from './support/programmes.js';
import type { ProgrammeFixture, Staff } from './support/programmes.js';
import { fetchReport } from './support/report-http.js';
import { pageTexts } from './support/report-pdf.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const AT = '2026-06-15T12:00:00.000Z';
const NAMES = {
  tigrinya: 'ሰላም ተስፋይ ገብረሚካኤል',
  chinese: '王秀英',
  arabic: 'محمد الحلبي',
  persian: 'زهرا رضایی (Zahra)',
};

/** The page content streams of a PDF, inflated. */
function contentStreams(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/\/Filter \/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not every stream ends exactly at the marker (fonts are binary); the content streams do.
    }
  }
  return out.join('\n');
}

describe('names in any script in the evidence report', () => {
  let t: TestApp;
  let staff: Staff;
  let fx: ProgrammeFixture;
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await createStaff(t);
    fx = await programmeFixture(t, {
      staff,
      procedures: [procedureDefinition('scripts-intake')],
      startDate: '2026-03-02',
      endDate: '2027-02-26',
      enrolledAt: '2026-01-12',
    });
    for (const fullName of Object.values(NAMES))
      await addParticipant(t, staff.leader, fx.programme.id, { role: 'adept', enrolledAt: '2026-01-12', fullName });
    pdf = (await fetchReport(t, staff.qm, `/api/programmes/${fx.programme.id}/reports/evidence.pdf?generatedAt=${AT}&includeNames=true`))
      .body;
    text = (await pageTexts(pdf)).join('\n');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('embeds a face for Ethiopic and one for Chinese characters, and only because the names need them', async () => {
    const fonts = [...pdf.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z-]+)/g)].map((m) => m[1]);
    // Bold too: each case file's heading names its subject.
    expect(new Set(fonts)).toEqual(
      new Set([
        'DejaVuSans',
        'DejaVuSans-Bold',
        'NotoSansEthiopic-Regular',
        'NotoSansEthiopic-Bold',
        'NotoSansSC-Regular',
        'NotoSansSC-Bold',
      ]),
    );

    // A report without such names embeds the report's face alone.
    const plain = await programmeFixture(t, { staff, startDate: '2026-03-02', endDate: '2027-02-26', adepts: 1 });
    const other = (
      await fetchReport(t, staff.qm, `/api/programmes/${plain.programme.id}/reports/evidence.pdf?generatedAt=${AT}&includeNames=true`)
    ).body;
    const otherFonts = [...other.toString('latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z-]+)/g)].map((m) => m[1]);
    expect(new Set(otherFonts)).toEqual(new Set(['DejaVuSans', 'DejaVuSans-Bold']));
  });

  it('reads back the Ethiopic and Chinese names as entered', () => {
    expect(text).toContain(NAMES.tigrinya);
    expect(text).toContain(NAMES.chinese);
  });

  it('sets Arabic and Persian right to left: each word joined and reversed, the words in visual order, brackets mirrored', () => {
    // A text extractor reads each word back in logical order (it undoes the reversal of a
    // right-to-left word) and lists the words as they stand on the page, left to right: a name
    // of two Arabic words therefore reads back with its words swapped, which is what a reader
    // sees (the first name on the right).
    expect(text).toContain('الحلبي محمد');
    expect(text).toContain('رضایی زهرا (Zahra)');
    // No word is drawn with its letters in logical order (the mistake that jumbled names before).
    expect(text).not.toContain('يبلحلا');
  });

  it('draws no missing-glyph box for any name', () => {
    // Glyph 0 is the missing-glyph box in every TrueType font; pdfkit writes each glyph as four
    // hex digits inside <...> in the text arrays (TJ) of the page content streams.
    const arrays = [...contentStreams(pdf).matchAll(/\[([^\]]*)\] TJ/g)].map((m) => m[1]);
    const runs = arrays.flatMap((a) => [...a.matchAll(/<([0-9a-f]+)>/g)].map((m) => m[1]));
    expect(runs.length).toBeGreaterThan(0);
    const missing = runs.filter((hex) => hex.match(/.{4}/g)!.includes('0000'));
    expect(missing).toEqual([]);
  });
});
