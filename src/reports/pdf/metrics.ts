/**
 * Text measurement and line breaking, shared by the measuring pass and the drawing pass so both
 * break lines (and therefore pages) identically. Widths are the sum of per-character advance
 * widths, cached per face: kerning is ignored, which overestimates a line by a fraction of a
 * point (lines break a little early, never overflow) and keeps the cache bounded by the number
 * of distinct characters rather than by the number of distinct words in a 10,000-row report.
 */
import type { Face } from './fonts.js';
import { INVISIBLE, ScriptFonts } from './scripts.js';

/** Measurements happen at this size and scale linearly. */
const UNIT = 1000;

export class TextMetrics {
  // Indexed by UTF-16 code unit: a plain array lookup per character keeps the measuring pass
  // cheap next to drawing. Characters outside the BMP (surrogate pairs) go through a map.
  private readonly bmp: Record<Face, Float64Array> = { regular: new Float64Array(65536).fill(-1), bold: new Float64Array(65536).fill(-1) };
  private readonly astral: Record<Face, Map<string, number>> = { regular: new Map(), bold: new Map() };
  /** Bumped whenever measuring changes the document's current font, so a painter can tell. */
  touches = 0;

  /** Which face sets each character; shared with the drawing code. */
  readonly scripts: ScriptFonts;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.scripts = new ScriptFonts(doc);
  }

  width(text: string, face: Face, size: number): number {
    const table = this.bmp[face];
    let total = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        total += this.astralWidth(text.slice(i, i + 2), face);
        i++;
        continue;
      }
      let w = table[code];
      if (w < 0) {
        w = this.measure(text[i], face);
        table[code] = w;
      }
      total += w;
    }
    return (total * size) / UNIT;
  }

  private astralWidth(ch: string, face: Face): number {
    let w = this.astral[face].get(ch);
    if (w === undefined) {
      w = this.measure(ch, face);
      this.astral[face].set(ch, w);
    }
    return w;
  }

  private measure(ch: string, face: Face): number {
    if (INVISIBLE.test(ch)) return 0;
    this.touches += 1;
    return this.doc
      .font(this.scripts.fileFor(ch.codePointAt(0)!, face))
      .fontSize(UNIT)
      .widthOfString(ch);
  }

  /**
   * Greedy line breaking at spaces and explicit newlines; a word wider than the line (a hash,
   * a long reference) is broken between characters rather than allowed to overflow its cell.
   */
  wrap(text: string, maxWidth: number, face: Face, size: number): string[] {
    // Most table cells fit on one line: settle those with a single measurement.
    if (!text.includes('\n') && this.width(text, face, size) <= maxWidth) return [tidy(text)];
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      const space = this.width(' ', face, size);
      for (const word of paragraph.split(/ +/)) {
        if (word === '') continue;
        const w = this.width(word, face, size);
        if (line !== '' && lineWidth + space + w <= maxWidth) {
          line += ' ' + word;
          lineWidth += space + w;
          continue;
        }
        if (line !== '') lines.push(line);
        if (w <= maxWidth) {
          line = word;
          lineWidth = w;
          continue;
        }
        const pieces = this.breakWord(word, maxWidth, face, size);
        line = pieces.pop() ?? '';
        lineWidth = this.width(line, face, size);
        lines.push(...pieces);
      }
      lines.push(line);
    }
    return lines;
  }

  private breakWord(word: string, maxWidth: number, face: Face, size: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    let pieceWidth = 0;
    for (const ch of word) {
      const w = this.width(ch, face, size);
      if (piece !== '' && pieceWidth + w > maxWidth) {
        pieces.push(piece);
        piece = '';
        pieceWidth = 0;
      }
      piece += ch;
      pieceWidth += w;
    }
    pieces.push(piece);
    return pieces;
  }
}

/** What the word-by-word path makes of a line: single spaces between words, none around. */
function tidy(text: string): string {
  if (!text.includes('  ') && !text.startsWith(' ') && !text.endsWith(' ')) return text;
  return text
    .split(/ +/)
    .filter((w) => w !== '')
    .join(' ');
}
