/**
 * Text measurement and line breaking, shared by the measuring pass and the drawing pass so both
 * break lines (and therefore pages) identically. Widths are the sum of per-character advance
 * widths, cached per face: kerning is ignored, which overestimates a line by a fraction of a
 * point (lines break a little early, never overflow) and keeps the cache bounded by the number
 * of distinct characters rather than by the number of distinct words in a 10,000-row report.
 */
import { type Face, FONT_FILES } from './fonts.js';

/** Measurements happen at this size and scale linearly. */
const UNIT = 1000;

export class TextMetrics {
  private readonly widths: Record<Face, Map<string, number>> = { regular: new Map(), bold: new Map() };

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  width(text: string, face: Face, size: number): number {
    const cache = this.widths[face];
    let total = 0;
    for (const ch of text) {
      let w = cache.get(ch);
      if (w === undefined) {
        // Switching the document's font is harmless: the painter sets the font before each draw.
        w = this.doc.font(FONT_FILES[face]).fontSize(UNIT).widthOfString(ch);
        cache.set(ch, w);
      }
      total += w;
    }
    return (total * size) / UNIT;
  }

  /**
   * Greedy line breaking at spaces and explicit newlines; a word wider than the line (a hash,
   * a long reference) is broken between characters rather than allowed to overflow its cell.
   */
  wrap(text: string, maxWidth: number, face: Face, size: number): string[] {
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
