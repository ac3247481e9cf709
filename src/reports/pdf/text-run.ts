/**
 * One line of text written into the page's content stream, byte for byte as pdfkit's own
 * `doc.text(text, x, y, { lineBreak: false })` writes it (its `_fragment`: the same operators,
 * numbers and glyph runs from the same font's `encode`, which also adds the glyphs to the
 * embedded subset), but as one content write instead of eight, and without pdfkit's option
 * handling and second measurement of every string. Tables of 20,000 rows call this for every
 * cell line; `text-run.spec.ts` checks the bytes against pdfkit's for the fonts and strings
 * reports use, so an upgrade of pdfkit that changes its output fails there.
 *
 * Only the plain case: left-aligned at (x, y), default baseline, no spacing, scaling, links or
 * underline. Anything else (or a line break in the text) goes through `doc.text`.
 */

/** The internals of pdfkit's document and embedded font that this writes through. */
interface EmbeddedFontInternals {
  id: string;
  ascender: number;
  encode(text: string, features?: unknown): [string[], GlyphPosition[]];
  ref(): unknown;
  layoutCache?: Record<string, unknown>;
}
interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}
interface DocumentInternals {
  _font: EmbeddedFontInternals;
  _fontSize: number;
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** PDFObject.number: six decimals at most, as JavaScript prints the rounded number. */
function num(n: number): string {
  if (n > -1e21 && n < 1e21) return String(Math.round(n * 1e6) / 1e6);
  throw new Error(`unsupported number: ${n}`);
}

/**
 * Writes `text` at (x, y) in the document's current font and size; `features` as pdfkit's
 * `features` option (e.g. `{ liga: false }`). Returns false (writing nothing) when the text is
 * outside the plain case, so the caller uses `doc.text`.
 */
export function writeTextRun(doc: PDFKit.PDFDocument, text: string, x: number, y: number, features?: unknown): boolean {
  if (text.length === 0) return true;
  if (text.includes('\n')) return false;
  const d = doc as unknown as DocumentInternals;
  const font = d._font;
  const size = d._fontSize;
  // What _initOptions leaves behind for the next call without coordinates.
  d.x = x;
  d.y = y;
  const pageHeight = d.page.height;
  const dy = (font.ascender / 1000) * size;
  const baseY = pageHeight - y - dy;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  const [encoded, positions] = font.encode(text, features);
  const scale = size / 1000;
  let out = `q\n1 0 0 -1 0 ${num(pageHeight)} cm\nBT\n1 0 0 1 ${num(x)} ${num(baseY)} Tm\n/${font.id} ${num(size)} Tf`;
  let commands = '';
  let last = 0;
  let hadOffset = false;
  let cx = x;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      let hex = '';
      for (let k = last; k < cur; k++) hex += encoded[k];
      const p = positions[cur - 1];
      const segment = `<${hex}> ${num(-(p.xAdvance - p.advanceWidth))}`;
      commands = commands === '' ? segment : `${commands} ${segment}`;
    }
    last = cur;
  };
  const flush = (i: number): void => {
    addSegment(i);
    if (commands !== '') {
      out += `\n[${commands}] TJ`;
      commands = '';
    }
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i];
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      out += `\n1 0 0 1 ${num(cx + pos.xOffset * scale)} ${num(baseY + pos.yOffset * scale)} Tm`;
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out += `\n1 0 0 1 ${num(cx)} ${num(baseY)} Tm`;
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    cx += pos.xAdvance * scale;
  }
  flush(i);
  d.addContent(`${out}\nET\nQ`);
  return true;
}

/**
 * pdfkit keeps the glyph layout of every word it has set, per font, for the life of the
 * document: in a report of 10,000 participants that is mostly codes, dates and references
 * that never come again. Forgetting them now and then bounds the memory; the words that do
 * recur are laid out again once. Each font's layouts are dropped once they number more than `kept`. The output does not change: layout depends only on the word.
 */
export function forgetLayouts(doc: PDFKit.PDFDocument, kept: number): void {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, EmbeddedFontInternals> })._fontFamilies;
  if (!fonts) return;
  for (const font of Object.values(fonts)) {
    if (font.layoutCache && Object.keys(font.layoutCache).length > kept) font.layoutCache = Object.create(null) as Record<string, unknown>;
  }
}
