/**
 * Tables drawn row by row: text wraps within its cell, a row is never split across pages, and
 * the header row is repeated at the top of every page the table runs onto. pdfkit's own
 * `doc.table()` neither repeats its header nor stays fast with an embedded font.
 */
import type { Face } from './fonts.js';
import type { Align, PageFlow } from './layout.js';
import { COLOR, LEADING, SIZE, type Tone, TONE_FILL } from './style.js';

export interface TableColumn {
  header: string;
  /** Share of the table width, relative to the other columns' weights. */
  weight: number;
  align?: Align;
}

/** A cell: plain text, or text with a status tone (coloured and bold, text always printed). */
export type TableCell = string | { text: string; tone?: Tone; bold?: boolean };

export interface TableOptions {
  /** Shade every other row; default true. */
  zebra?: boolean;
  size?: number;
  /** Printed in a single row when there are no rows. */
  emptyText?: string;
}

const PAD_X = 3;
const PAD_Y = 2.2;
/** Rows read ahead to size the columns. */
const LOOKAHEAD = 100;

export async function table(
  flow: PageFlow,
  columns: readonly TableColumn[],
  rows: Iterable<readonly TableCell[]>,
  options: TableOptions = {},
): Promise<void> {
  const size = options.size ?? SIZE.table;
  const lineHeight = size * LEADING;
  // The first rows are read ahead so that column widths can respect their longest words.
  const iterator = rows[Symbol.iterator]();
  const ahead: (readonly TableCell[])[] = [];
  while (ahead.length < LOOKAHEAD) {
    const next = iterator.next();
    if (next.done) break;
    ahead.push(next.value);
  }
  const widths = columnWidths(
    flow,
    columns,
    size,
    ahead.map((row) => row.map(normalise)),
  );
  const xs = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const headerLines = columns.map((c, i) => flow.metrics.wrap(c.header, widths[i] - 2 * PAD_X, 'bold', size));
  const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lineHeight + 2 * PAD_Y;
  // A row taller than a whole page would never fit: its cells are cut with an ellipsis.
  const maxLines = Math.max(1, Math.floor((flow.bottom - flow.top - headerHeight - 2 * PAD_Y) / lineHeight));

  const drawHeader = (): void => {
    flow.rect(flow.left, flow.y, flow.width, headerHeight, COLOR.headerFill);
    columns.forEach((c, i) => drawLines(flow, headerLines[i], xs[i], widths[i], 'bold', size, c.align ?? 'left', COLOR.text));
    flow.line(flow.left, flow.y + headerHeight, flow.right, flow.y + headerHeight, COLOR.rule, 0.8);
    flow.advance(headerHeight);
  };

  let started = false;
  let index = 0;
  // Reused from row to row: a large table allocates little per row.
  const n = columns.length;
  const lines = new Array<string[]>(n);
  const faces = new Array<Face>(n);
  const tones = new Array<Tone | undefined>(n);
  for (const row of chain(ahead, iterator)) {
    let count = 1;
    for (let i = 0; i < n; i++) {
      const cell = row[i] ?? '';
      const plain = typeof cell === 'string';
      tones[i] = plain ? undefined : cell.tone;
      // Bold marks coloured statuses too, so they stand out on a black-and-white print.
      faces[i] = plain ? 'regular' : (cell.bold ?? (cell.tone === 'bad' || cell.tone === 'warn')) ? 'bold' : 'regular';
      lines[i] = clip(flow.metrics.wrap(plain ? cell : cell.text, widths[i] - 2 * PAD_X, faces[i], size), maxLines);
      if (lines[i].length > count) count = lines[i].length;
    }
    const height = count * lineHeight + 2 * PAD_Y;
    if (!started) {
      await flow.ensure(headerHeight + height);
      drawHeader();
      started = true;
    } else if (flow.y + height > flow.bottom) {
      await flow.newPage();
      drawHeader();
    }
    if (flow.drawing) {
      // Fills first, then text: one colour change per fill rather than two.
      if (options.zebra !== false && index % 2 === 1) flow.rect(flow.left, flow.y, flow.width, height, COLOR.zebraFill);
      for (let i = 0; i < n; i++) {
        const tone = tones[i];
        if (tone) flow.rect(xs[i], flow.y, widths[i], height, TONE_FILL[tone]);
      }
      for (let i = 0; i < n; i++) drawLines(flow, lines[i], xs[i], widths[i], faces[i], size, columns[i].align ?? 'left', COLOR.text);
      flow.line(flow.left, flow.y + height, flow.right, flow.y + height);
    }
    flow.advance(height);
    index += 1;
  }
  if (!started) {
    const height = lineHeight + 2 * PAD_Y;
    await flow.ensure(headerHeight + height);
    drawHeader();
    flow.text(options.emptyText ?? '—', flow.left + PAD_X, flow.y + PAD_Y, 'regular', size, COLOR.muted);
    flow.line(flow.left, flow.y + height, flow.right, flow.y + height);
    flow.advance(height);
  }
  flow.advance(size);
}

function* chain<T>(first: readonly T[], rest: Iterator<T>): Generator<T> {
  yield* first;
  for (let r = rest.next(); !r.done; r = rest.next()) yield r.value;
}

/**
 * Shares the width out by weight, but keeps each column at least as wide as its longest word
 * (in the header and the rows read ahead): "Obligatori-skt" or "DEV-2027-000-1" read badly.
 * The room comes from the other columns in proportion to their spare width. Very long words
 * (hashes) are not counted: they are broken anyway.
 */
function columnWidths(
  flow: PageFlow,
  columns: readonly TableColumn[],
  size: number,
  rows: readonly { text: string; bold?: boolean }[][],
): number[] {
  const totalWeight = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (flow.width * c.weight) / totalWeight);
  const cap = flow.width * 0.3;
  const longest = (text: string, face: Face): number =>
    Math.max(
      0,
      ...text
        .split(/\s+/)
        .map((w) => flow.metrics.width(w, face, size))
        .filter((w) => w <= cap),
    );
  const minimum = columns.map((c, i) => {
    let widest = longest(c.header, 'bold');
    for (const row of rows) if (row[i]) widest = Math.max(widest, longest(row[i].text, row[i].bold ? 'bold' : 'regular'));
    return widest + 2 * PAD_X + 1;
  });
  const short = widths.reduce((sum, w, i) => sum + Math.max(0, minimum[i] - w), 0);
  const slack = widths.reduce((sum, w, i) => sum + Math.max(0, w - minimum[i]), 0);
  if (short === 0) return widths;
  if (slack < short) {
    const total = minimum.reduce((a, b) => a + b, 0);
    return minimum.map((m) => (m * flow.width) / total);
  }
  return widths.map((w, i) => (w < minimum[i] ? minimum[i] : w - ((w - minimum[i]) / slack) * short));
}

function normalise(cell: TableCell): { text: string; bold?: boolean } {
  return typeof cell === 'string' ? { text: cell } : { text: cell.text, bold: cell.bold ?? (cell.tone === 'bad' || cell.tone === 'warn') };
}

function clip(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]} …`;
  return kept;
}

function drawLines(
  flow: PageFlow,
  lines: readonly string[],
  x: number,
  width: number,
  face: Face,
  size: number,
  align: Align,
  color: string,
): void {
  const lineHeight = size * LEADING;
  for (let i = 0; i < lines.length; i++)
    flow.text(lines[i], x + PAD_X, flow.y + PAD_Y + i * lineHeight, face, size, color, align, width - 2 * PAD_X);
}
