/**
 * Helpers for the report specs: render a report into memory, read it back as text with
 * pdf-parse (the way an auditor's tools would see it), and the checks the specs share,
 * including the stored-expectation check that makes an unintended change to rendering visible.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { PDFParse } from 'pdf-parse';

export async function renderToBuffer(render: (out: Writable) => Promise<void>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await render(out);
  return Buffer.concat(chunks);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Text of each page (index 0 is page 1); `pages` limits extraction to those page numbers. */
export async function pageTexts(pdf: Buffer, pages?: number[]): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText(pages ? { partial: pages } : {});
    return result.pages.map((p) => normalise(p.text));
  } finally {
    await parser.destroy();
  }
}

export async function pageCount(pdf: Buffer): Promise<number> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getInfo()).total;
  } finally {
    await parser.destroy();
  }
}

export async function documentInfo(pdf: Buffer): Promise<Record<string, unknown>> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getInfo()).info as Record<string, unknown>;
  } finally {
    await parser.destroy();
  }
}

/** No-break spaces (thousands, "87,5 %") read back as plain spaces. */
function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

const PAGE_LABEL = { en: 'Page', sv: 'Sida', nb: 'Side' } as const;
const OF = { en: 'of', sv: 'av', nb: 'av' } as const;

/** Every page carries "Page i of N" (in the report's language), N being the page count. */
export function expectPageNumbers(pages: readonly string[], lang: keyof typeof PAGE_LABEL, first = 1, total = pages.length): void {
  pages.forEach((text, i) => {
    expect(text).toContain(`${PAGE_LABEL[lang]} ${first + i} ${OF[lang]} ${total}`);
  });
}

/**
 * Compares the rendered bytes with the hash stored in the spec. When rendering changes on
 * purpose, look at the PDF this writes and put the printed hash into the spec.
 */
export function expectStoredHash(pdf: Buffer, expected: string, name: string): void {
  const actual = sha256(pdf);
  if (actual !== expected) {
    const file = join(tmpdir(), `${name}-${actual.slice(0, 12)}.pdf`);
    writeFileSync(file, pdf);
    throw new Error(
      `${name}: rendered bytes changed (sha256 ${actual}, expected ${expected}).\n` +
        `If the change is intended, look at ${file} and store the new hash in the spec.`,
    );
  }
}

/**
 * Whether `text` shows `needle`, allowing for the line breaks a table cell puts into it: runs
 * of white space count as one space, and a needle without spaces (a hash, a reference) may
 * have been broken anywhere.
 */
export function shows(text: string, needle: string): boolean {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.includes(needle.replace(/\s+/g, ' '))) return true;
  return !/\s/.test(needle) && text.replace(/\s+/g, '').includes(needle);
}

export function expectShows(text: string, needles: readonly string[]): void {
  const missing = needles.filter((n) => !shows(text, n));
  expect(missing).toEqual([]);
}

/** Whether `word` stands as a word of its own in `text` (so "Per" is not found in "Period"). */
export function hasWord(text: string, word: string): boolean {
  return new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text);
}
