import { createPdf } from './document.js';
import { FALLBACK_FONT_FILES, FONT_FILES } from './fonts.js';
import { ScriptFonts } from './scripts.js';

const pdf = () => createPdf({ title: 't', subject: 's', lang: 'en', generatedAt: '2027-01-01T00:00:00Z', fingerprint: 'cd'.repeat(32) });
const [ETHIOPIC, HAN] = FALLBACK_FONT_FILES;

describe('text in any script', () => {
  const scripts = new ScriptFonts(pdf());
  const texts = (line: string) => scripts.pieces(line, 'regular').map((p) => p.text);

  it('lets Latin, Nordic, Sámi, Greek and Cyrillic lines through as they are', () => {
    for (const line of ['Åsa Ødegård', 'Áile Ŋŧđšž', 'Ελένη', 'Ольга', 'DEV-2027-000-1 · v2 — 87,5 %', '✓ Conforming'])
      expect(scripts.plain(line, 'regular')).toBe(true);
    for (const line of ['محمد', 'زهرا', 'שרה', '王秀英', 'ሰላም']) expect(scripts.plain(line, 'regular')).toBe(false);
  });

  it('chooses the face that has the character', () => {
    expect(scripts.fileFor('ሰ'.codePointAt(0)!, 'regular')).toBe(ETHIOPIC.regular);
    expect(scripts.fileFor('ሰ'.codePointAt(0)!, 'bold')).toBe(ETHIOPIC.bold);
    expect(scripts.fileFor('王'.codePointAt(0)!, 'regular')).toBe(HAN.regular);
    expect(scripts.fileFor('م'.codePointAt(0)!, 'regular')).toBe(FONT_FILES.regular);
    expect(scripts.fileFor('A'.codePointAt(0)!, 'bold')).toBe(FONT_FILES.bold);
  });

  it('puts right-to-left words in visual order, keeps numbers left to right, and mirrors brackets', () => {
    // Logical: "Ali", then two Arabic words, a number inside the right-to-left run, and a bracketed Arabic word.
    expect(texts('Ali علی رضا')).toEqual(['Ali ', 'رضا', ' ', 'علی']);
    expect(texts('علی 12 رضا')).toEqual(['رضا', ' ', '12', ' ', 'علی']);
    // Brackets take the direction around them: after Latin text they stay left to right; inside
    // right-to-left text they are drawn mirrored, so they still open towards what they enclose.
    expect(texts('x (علی)')).toEqual(['x (', 'علی', ')']);
    expect(texts('علی (رضا)')).toEqual([')رضا(', ' ', 'علی']);
  });

  it('sets a Chinese or Ethiopic name in its face and the rest in the report face', () => {
    const pieces = scripts.pieces('王秀英 (P-0001)', 'regular');
    expect(pieces).toEqual([
      { text: '王秀英', file: HAN.regular },
      { text: ' (P-0001)', file: FONT_FILES.regular },
    ]);
    expect(scripts.pieces('ሰላም ተስፋይ', 'bold')).toEqual([
      { text: 'ሰላም', file: ETHIOPIC.bold },
      { text: ' ', file: FONT_FILES.bold },
      { text: 'ተስፋይ', file: ETHIOPIC.bold },
    ]);
  });

  it('orders by the invisible direction marks a copied name carries, and draws none of them', () => {
    // A right-to-left mark after a Latin word makes the space after it right to left (as a browser
    // shows it); an isolate keeps an Arabic name apart from its neighbours (DejaVu has no glyph for isolates).
    expect(texts('Ali\u200f علی')).toEqual(['Ali', 'علی', ' ']);
    expect(texts('x \u2067علی رضا\u2069 y')).toEqual(['x ', 'رضا', ' ', 'علی', ' y']);
    expect(scripts.plain('Ola\u200b Nordmann', 'regular')).toBe(false);
    expect(
      scripts
        .pieces('Ola\u200b Nordmann', 'regular')
        .map((p) => p.text)
        .join(''),
    ).toBe('Ola Nordmann');
  });
});
