/**
 * Text in any script: which face sets each character, and the order in which a line's pieces
 * are drawn. Most lines of a report are Latin and go straight through (`plain`). A line with a
 * right-to-left character (Arabic, Persian, Hebrew) or a character the report's face lacks
 * (Ethiopic, Chinese) is cut into pieces in visual order, left to right, each in one face:
 *
 * - The Unicode Bidirectional Algorithm (bidi-js) resolves each character's level in a
 *   left-to-right paragraph; runs are put in visual order by rule L2 (reverse every sequence at
 *   or above each level, from the highest down to the lowest odd one), and characters in a
 *   right-to-left run are mirrored ("(" drawn as ")").
 * - pdfkit lays text out word by word, in logical order, so a right-to-left run is given to it one
 *   word at a time, the words in visual order. fontkit reverses the glyphs of a word whose script
 *   is right-to-left after shaping it (so Arabic letters join as they should); a word of neutral
 *   characters inside such a run is reversed here instead.
 */
import bidiFactory from 'bidi-js';
import type { Bidi } from 'bidi-js';
import { FALLBACK_FONT_FILES, FONT_FILES, type Face } from './fonts.js';

// bidi-js is a CommonJS module whose module.exports is the factory; its types declare an ES default export.
const bidi = (bidiFactory as unknown as () => Bidi)();

/** What this reads of pdfkit's embedded font: the fontkit font and the ascender. */
interface FontInternals {
  font: { hasGlyphForCodePoint(codePoint: number): boolean };
  ascender: number;
}
interface DocumentFontState {
  _font: unknown;
  _fontSource: unknown;
  _fontFamily: unknown;
}

export interface Piece {
  /** Characters to give pdfkit as they are (already mirrored, words already in visual order). */
  text: string;
  /** The face's font file. */
  file: string;
}

/** A character outside the ranges every line of Latin, Nordic, Sámi, Greek or Cyrillic text is made of. */
const NOT_SIMPLE = /[^\u0020-\u058f]/;
const RIGHT_TO_LEFT = new Set(['R', 'AL']);
/**
 * Invisible characters that steer direction or joining (marks, embeddings, overrides, isolates,
 * zero-width space and joiners, the byte-order mark): they take part in ordering the line, and
 * are never drawn (no face need have a glyph for them; DejaVu lacks the isolates).
 */
export const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
const NEUTRAL = new Set(['WS', 'ON', 'CS', 'ES', 'ET', 'S', 'BN', 'NSM']);

/** Per face: the font file chosen for each code point (the fonts are fixed, so one map serves every document). */
const chosen: Record<Face, Map<number, string>> = { regular: new Map(), bold: new Map() };
/** Per face: whether a code point of 0x0590 and above can be drawn as it is in the report's face. */
const plainCharacter: Record<Face, Map<number, boolean>> = { regular: new Map(), bold: new Map() };

export class ScriptFonts {
  private readonly fonts = new Map<string, FontInternals>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** True when the line can be written as it is in the report's face: nothing right-to-left, nothing the face lacks. */
  plain(text: string, face: Face): boolean {
    if (!NOT_SIMPLE.test(text)) return true;
    if (INVISIBLE.test(text)) return false;
    const cache = plainCharacter[face];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x0590) continue;
      let ok = cache.get(cp);
      if (ok === undefined) {
        ok = !RIGHT_TO_LEFT.has(bidi.getBidiCharTypeName(ch)) && this.fileFor(cp, face) === FONT_FILES[face];
        cache.set(cp, ok);
      }
      if (!ok) return false;
    }
    return true;
  }

  /** The font file for a code point: the report's face when it has the glyph, else the first fallback face that has it, else the report's face (its missing-glyph box). */
  fileFor(codePoint: number, face: Face): string {
    const cache = chosen[face];
    let file = cache.get(codePoint);
    if (file === undefined) {
      file = FONT_FILES[face];
      if (codePoint >= 0x0590 && !this.font(file).font.hasGlyphForCodePoint(codePoint)) {
        const fallback = FALLBACK_FONT_FILES.map((f) => f[face]).find(
          (f) => inRange(f, codePoint) && this.font(f).font.hasGlyphForCodePoint(codePoint),
        );
        if (fallback) file = fallback;
      }
      cache.set(codePoint, file);
    }
    return file;
  }

  /** The ascender of a font file, in thousandths of the size. */
  ascender(file: string): number {
    return this.font(file).ascender;
  }

  /** The line as pieces in visual order, left to right. */
  pieces(text: string, face: Face): Piece[] {
    const { levels } = bidi.getEmbeddingLevels(text, 'ltr');
    const runs: { text: string; level: number; file: string }[] = [];
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const level = levels[i];
      const last = runs[runs.length - 1];
      // A space or punctuation mark the report's face lacks stays in the face around it.
      let file = this.fileFor(cp, face);
      if (
        file !== FONT_FILES[face] &&
        last &&
        NEUTRAL.has(bidi.getBidiCharTypeName(ch)) &&
        this.font(last.file).font.hasGlyphForCodePoint(cp)
      )
        file = last.file;
      if (last && last.level === level && last.file === file) last.text += ch;
      else runs.push({ text: ch, level, file });
      i += ch.length;
    }
    // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
    const highest = Math.max(...runs.map((r) => r.level));
    const lowestOdd = Math.min(...runs.map((r) => (r.level % 2 === 1 ? r.level : Number.POSITIVE_INFINITY)));
    for (let level = highest; level >= lowestOdd; level--) {
      for (let i = 0; i < runs.length;) {
        if (runs[i].level < level) {
          i++;
          continue;
        }
        let j = i;
        while (j < runs.length && runs[j].level >= level) j++;
        runs.splice(i, j - i, ...runs.slice(i, j).reverse());
        i = j;
      }
    }
    const pieces: Piece[] = [];
    for (const run of runs) {
      run.text = run.text.replace(INVISIBLE_ALL, '');
      if (run.text === '') continue;
      if (run.level % 2 === 0) {
        pieces.push({ text: run.text, file: run.file });
        continue;
      }
      const mirrored = [...run.text].map((c) => bidi.getMirroredCharacter(c) ?? c).join('');
      for (const word of mirrored.split(/( +)/).reverse()) {
        if (word === '') continue;
        const shapedRightToLeft = [...word].some((c) => RIGHT_TO_LEFT.has(bidi.getBidiCharTypeName(c)));
        pieces.push({ text: shapedRightToLeft ? word : [...word].reverse().join(''), file: run.file });
      }
    }
    return pieces;
  }

  /** Opens a font file in the document without changing the document's current font. */
  private font(file: string): FontInternals {
    let font = this.fonts.get(file);
    if (!font) {
      const state = this.doc as unknown as DocumentFontState;
      const before = { _font: state._font, _fontSource: state._fontSource, _fontFamily: state._fontFamily };
      this.doc.font(file);
      font = state._font as FontInternals;
      Object.assign(state, before);
      this.fonts.set(file, font);
    }
    return font;
  }
}

/**
 * Fallback faces are opened (and so embedded) only for the characters they are for: the Ethiopic
 * face for the Ethiopic blocks, the Chinese face for the rest.
 */
function inRange(file: string, cp: number): boolean {
  const ethiopic =
    (cp >= 0x1200 && cp <= 0x139f) || (cp >= 0x2d80 && cp <= 0x2ddf) || (cp >= 0xab00 && cp <= 0xab2f) || (cp >= 0x1e7e0 && cp <= 0x1e7ff);
  return file.includes('Ethiopic') === ethiopic;
}
