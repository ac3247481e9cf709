import { createPdf } from './document.js';
import { FONT_FILES, type Face } from './fonts.js';
import { forgetLayouts, writeTextRun } from './text-run.js';

const FINGERPRINT = 'cd'.repeat(32);

/** The whole uncompressed document, drawn by `draw` on one A4 page of each orientation. */
async function bytesOf(draw: (pdf: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const pdf = createPdf({
    title: 't',
    subject: 's',
    lang: 'en',
    generatedAt: '2027-01-01T00:00:00Z',
    fingerprint: FINGERPRINT,
    compress: false,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => pdf.on('end', () => resolve()));
  for (const layout of ['portrait', 'landscape'] as const) {
    pdf.addPage({ size: 'A4', layout, margin: 0 });
    draw(pdf);
  }
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}

// Kerning pairs (AV, Te, Wo), ligatures (ffi), combining marks (positioned glyphs), Nordic
// letters, digits, a hash, punctuation, a lone space at either end, and text outside the BMP.
const TEXTS = [
  'AVAVA Tempo Wolf',
  'office affiliation',
  'Läs ansökan och cv:t före samtalet; Ærø, Øst, Åsa',
  'e\u0301te\u0301 n\u0303',
  'DEV-2027-000-1 · v2',
  '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  ' leading and trailing ',
  'Sida 12 av 584',
  '—',
  'emoji 😀 and 𝔘',
];

describe('writeTextRun', () => {
  it("writes exactly the bytes pdfkit's own text() writes, in both faces, sizes and with ligatures off", async () => {
    const cases: { text: string; face: Face; size: number; features?: { liga: false } }[] = [];
    for (const text of TEXTS)
      for (const face of ['regular', 'bold'] as const)
        for (const size of [7.5, 8, 11.25]) {
          cases.push({ text, face, size });
          cases.push({ text, face, size, features: { liga: false } });
        }
    const at = (i: number) => ({ x: 40 + (i % 7) * 61.37, y: 30 + (i % 41) * 13.1 });
    const viaPdfkit = await bytesOf((pdf) =>
      cases.forEach((c, i) => {
        pdf.font(FONT_FILES[c.face]).fontSize(c.size);
        pdf.text(c.text, at(i).x, at(i).y, {
          lineBreak: false,
          ...(c.features ? { features: c.features } : {}),
        } as PDFKit.Mixins.TextOptions);
      }),
    );
    const viaRun = await bytesOf((pdf) =>
      cases.forEach((c, i) => {
        pdf.font(FONT_FILES[c.face]).fontSize(c.size);
        expect(writeTextRun(pdf, c.text, at(i).x, at(i).y, c.features)).toBe(true);
      }),
    );
    expect(viaRun.length).toBeGreaterThan(10_000);
    expect(viaRun.equals(viaPdfkit)).toBe(true);
  });

  it('leaves text with a line break to pdfkit, writing nothing', async () => {
    const empty = await bytesOf(() => undefined);
    const refused = await bytesOf((pdf) => {
      pdf.font(FONT_FILES.regular).fontSize(8);
      expect(writeTextRun(pdf, 'two\nlines', 50, 50)).toBe(false);
    });
    expect(refused.equals(empty)).toBe(true);
  });

  it('gives the same bytes after the word layouts are forgotten', async () => {
    const draw = (forget: boolean) => (pdf: PDFKit.PDFDocument) => {
      for (const [i, text] of TEXTS.entries()) {
        pdf.font(FONT_FILES.regular).fontSize(8);
        writeTextRun(pdf, text, 50, 40 + i * 12);
        if (forget) forgetLayouts(pdf, 0);
      }
    };
    expect((await bytesOf(draw(true))).equals(await bytesOf(draw(false)))).toBe(true);
  });
});
