/**
 * Running text blocks placed on a page flow: headings, paragraphs, key-value blocks and the
 * table of contents. Each block asks the flow for room before it draws, so it behaves the same
 * in the measuring and in the drawing pass.
 */
import type { Face } from './fonts.js';
import type { Heading, PageFlow } from './layout.js';
import { COLOR, LEADING, SIZE } from './style.js';

export interface HeadingOptions {
  /** Numbered ("2.3 Title"); default true. */
  numbered?: boolean;
  /** Listed in the table of contents; default true for levels 1 and 2. */
  listed?: boolean;
  /** Start on a new page (in this orientation). */
  newPage?: boolean | 'portrait' | 'landscape';
}

const HEADING_SIZE = { 1: SIZE.h1, 2: SIZE.h2, 3: SIZE.h3 } as const;
/** Room kept below a heading so it never ends a page alone. */
const KEEP_WITH_NEXT = 48;

export async function heading(flow: PageFlow, title: string, level: 1 | 2 | 3, options: HeadingOptions = {}): Promise<void> {
  const size = HEADING_SIZE[level];
  const gapBefore = level === 1 ? 14 : 9;
  const gapAfter = level === 1 ? 8 : 5;
  if (options.newPage) await flow.pageBreak(options.newPage === true ? flow.orientation : options.newPage);
  const numberWidth = level === 1 ? 26 : 34;
  const lines = flow.metrics.wrap(title, flow.width - numberWidth, 'bold', size);
  const height = lines.length * size * LEADING;
  await flow.ensure(gapBefore + height + gapAfter + KEEP_WITH_NEXT);
  if (flow.y > flow.top) flow.advance(gapBefore);
  const h = flow.registerHeading(title, level, options.numbered ?? true, options.listed ?? level < 3);
  const color = level === 1 ? COLOR.accent : COLOR.text;
  const textX = h.number ? flow.left + numberWidth : flow.left;
  if (h.number) flow.text(h.number, flow.left, flow.y, 'bold', size, color);
  lines.forEach((line, i) => flow.text(line, textX, flow.y + i * size * LEADING, 'bold', size, color));
  flow.advance(height);
  if (level === 1) {
    flow.line(flow.left, flow.y + 2, flow.right, flow.y + 2, COLOR.accent, 0.8);
    flow.advance(4);
  }
  flow.advance(gapAfter);
}

export interface TextOptions {
  face?: Face;
  size?: number;
  color?: string;
  /** Left indent in points. */
  indent?: number;
  gapAfter?: number;
}

export async function paragraph(flow: PageFlow, text: string, options: TextOptions = {}): Promise<void> {
  const face = options.face ?? 'regular';
  const size = options.size ?? SIZE.body;
  const indent = options.indent ?? 0;
  const lineHeight = size * LEADING;
  for (const line of flow.metrics.wrap(text, flow.width - indent, face, size)) {
    await flow.ensure(lineHeight);
    flow.text(line, flow.left + indent, flow.y, face, size, options.color);
    flow.advance(lineHeight);
  }
  flow.advance(options.gapAfter ?? size * 0.6);
}

export async function spacer(flow: PageFlow, height: number): Promise<void> {
  await flow.ensure(height);
  flow.advance(height);
}

export interface KeyValueOptions {
  /** Width of the label column in points; default 150. */
  labelWidth?: number;
  size?: number;
}

/** Label and value pairs, one pair per row; a pair is never split across pages. */
export async function keyValues(
  flow: PageFlow,
  pairs: readonly (readonly [string, string])[],
  options: KeyValueOptions = {},
): Promise<void> {
  const size = options.size ?? SIZE.body;
  const labelWidth = options.labelWidth ?? 150;
  const lineHeight = size * LEADING;
  const valueWidth = flow.width - labelWidth - 8;
  for (const [label, value] of pairs) {
    const labelLines = flow.metrics.wrap(label, labelWidth - 6, 'bold', size);
    if (tooWideToken(flow, value, valueWidth, size)) {
      // A hash longer than the value column: under its label, across the whole width, on one line.
      const tokenLineSize = tokenSize(flow, value, flow.width - 8, size);
      const height = labelLines.length * lineHeight + tokenLineSize * LEADING + 3;
      await flow.ensure(height);
      labelLines.forEach((l, i) => flow.text(l, flow.left, flow.y + i * lineHeight, 'bold', size, COLOR.muted));
      flow.text(value, flow.left + 8, flow.y + labelLines.length * lineHeight, 'regular', tokenLineSize);
      flow.advance(height);
      continue;
    }
    const valueSize = tokenSize(flow, value, valueWidth, size);
    const valueLines = flow.metrics.wrap(value === '' ? '—' : value, valueWidth, 'regular', valueSize);
    const height = Math.max(labelLines.length * lineHeight, valueLines.length * valueSize * LEADING) + 3;
    await flow.ensure(height);
    labelLines.forEach((l, i) => flow.text(l, flow.left, flow.y + i * lineHeight, 'bold', size, COLOR.muted));
    const dy = (size - valueSize) * 0.8;
    valueLines.forEach((l, i) => flow.text(l, flow.left + labelWidth + 8, flow.y + dy + i * valueSize * LEADING, 'regular', valueSize));
    flow.advance(height);
  }
  flow.advance(size * 0.6);
}

/**
 * A hash (hex, as long as a SHA-256 or so) that would not fit on one line of `width` even at the
 * smallest size tokens are set in, but fits across the whole text width. Anything else too long
 * (a URL, a long word) wraps in its column as before: nothing may run off the page.
 */
function tooWideToken(flow: PageFlow, value: string, width: number, size: number): boolean {
  if (!/^[0-9a-f]{16,128}$/i.test(value)) return false;
  if (flow.metrics.width(value, 'regular', tokenSize(flow, value, width, size)) <= width) return false;
  return flow.metrics.width(value, 'regular', tokenSize(flow, value, flow.width - 8, size)) <= flow.width - 8;
}

/**
 * A single token too wide for its column (a SHA-256 in hex) is set smaller, down to a limit,
 * so that it stays on one line: easier to compare by eye and to copy whole.
 */
function tokenSize(flow: PageFlow, value: string, width: number, size: number): number {
  if (/\s/.test(value)) return size;
  const natural = flow.metrics.width(value, 'regular', size);
  return natural <= width ? size : Math.max(SIZE.small - 0.5, (size * width) / natural - 0.05);
}

export interface ContentsLabels {
  title: string;
  page: string;
}

/**
 * The table of contents. In the measuring pass it only marks where it goes (its length is
 * measured afterwards from the collected headings); in the drawing pass it lists the headings
 * with their final pages, each line a link to its section.
 */
export async function tableOfContents(flow: PageFlow, labels: ContentsLabels): Promise<void> {
  await flow.pageBreak('portrait');
  if (!flow.drawing && flow.tocStart === null) {
    flow.tocStart = flow.page;
    return;
  }
  await drawContents(flow, labels, flow.plannedHeadings);
  await flow.pageBreak('portrait');
}

/** Lays out the contents list; shared by the drawing pass and the measurement of its length. */
export async function drawContents(flow: PageFlow, labels: ContentsLabels, headings: readonly Heading[]): Promise<void> {
  const size = SIZE.body;
  const lineHeight = size * 1.6;
  flow.text(labels.title, flow.left, flow.y, 'bold', SIZE.h1, COLOR.accent);
  flow.advance(SIZE.h1 * LEADING + 4);
  flow.line(flow.left, flow.y, flow.right, flow.y, COLOR.accent, 0.8);
  flow.advance(8);
  flow.text(labels.page, flow.left, flow.y, 'bold', SIZE.small, COLOR.muted, 'right', flow.width);
  flow.advance(SIZE.small * LEADING + 2);
  const pageColumn = 36;
  for (const [index, h] of headings.entries()) {
    if (!h.listed) continue;
    const indent = h.level === 1 ? 0 : 26;
    const face: Face = h.level === 1 ? 'bold' : 'regular';
    const numberWidth = h.level === 1 ? 26 : 34;
    const titleWidth = flow.width - indent - numberWidth - pageColumn;
    const title = flow.fit(h.title, titleWidth, face, size);
    await flow.ensure(lineHeight);
    const x = flow.left + indent;
    flow.text(h.number, x, flow.y, face, size);
    flow.text(title, x + numberWidth, flow.y, face, size);
    const leaderFrom = x + numberWidth + flow.metrics.width(title, face, size) + 4;
    const leaderTo = flow.right - pageColumn + 4;
    if (leaderTo > leaderFrom) flow.line(leaderFrom, flow.y + size * 0.95, leaderTo, flow.y + size * 0.95, COLOR.hairline, 0.5);
    flow.text(String(h.page), flow.right - pageColumn, flow.y, face, size, COLOR.text, 'right', pageColumn);
    flow.link(flow.left, flow.y - 2, flow.width, lineHeight, index);
    flow.advance(lineHeight);
  }
}
