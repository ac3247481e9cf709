/**
 * The page flow: a cursor moving down A4 pages, breaking pages, and drawing the running header
 * and footer. The same report code runs twice over a flow: first in the measuring pass, where
 * nothing is drawn and only page breaks and headings are recorded, then in the drawing pass,
 * which knows the page count ("page X of Y") and the headings' pages (table of contents) and
 * streams each page as it is finished. Both passes take every decision through the same code and
 * the same measurements, so they break pages identically; the drawing pass checks that they did.
 */
import type { Face } from './fonts.js';
import { FONT_FILES } from './fonts.js';
import type { TextMetrics } from './metrics.js';
import type { PdfSink } from './document.js';
import { A4, COLOR, MARGIN, SIZE } from './style.js';
import { forgetLayouts, writeTextRun } from './text-run.js';

export type Orientation = 'portrait' | 'landscape';
export type Align = 'left' | 'right' | 'center';

/** The running header and footer; strings arrive already localised. */
export interface Chrome {
  title: string;
  headerRight: string;
  footerLeft: string;
  footerCentre: string;
  pageLabel(page: number, total: number): string;
}

export interface Heading {
  /** Section number as printed ("2", "2.3"); empty for unnumbered headings. */
  number: string;
  title: string;
  level: 1 | 2 | 3;
  page: number;
  /** Listed in the table of contents and the PDF outline. */
  listed: boolean;
}

export interface DrawingPass {
  sink: PdfSink;
  totalPages: number;
  /** Headings with their final pages, from the measuring pass. */
  headings: readonly Heading[];
  onPage?: (done: number, total: number) => void;
}

export interface FlowOptions {
  pdf: PDFKit.PDFDocument;
  metrics: TextMetrics;
  chrome: Chrome;
  /** Absent in the measuring pass. */
  drawing?: DrawingPass;
}

export class PageFlow {
  readonly metrics: TextMetrics;
  /** Pages started so far; the current page's number. */
  page = 0;
  y = 0;
  orientation: Orientation = 'portrait';
  readonly headings: Heading[] = [];
  /** Page on which the table of contents starts, if the report has one. */
  tocStart: number | null = null;

  private readonly pdf: PDFKit.PDFDocument;
  private readonly chrome: Chrome;
  private readonly pass: DrawingPass | undefined;
  private fresh = true;
  private fill: string | null = null;
  private stroke: string | null = null;
  private face: Face | null = null;
  private size = 0;
  private touches = -1;
  private readonly counters = [0, 0, 0];
  private outline: PDFKit.PDFOutline[] = [];

  constructor(options: FlowOptions) {
    this.pdf = options.pdf;
    this.metrics = options.metrics;
    this.chrome = options.chrome;
    this.pass = options.drawing;
  }

  get drawing(): boolean {
    return this.pass !== undefined;
  }
  get pageWidth(): number {
    return this.orientation === 'portrait' ? A4.width : A4.height;
  }
  get pageHeight(): number {
    return this.orientation === 'portrait' ? A4.height : A4.width;
  }
  get left(): number {
    return MARGIN.left;
  }
  get right(): number {
    return this.pageWidth - MARGIN.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  get top(): number {
    return MARGIN.top;
  }
  get bottom(): number {
    return this.pageHeight - MARGIN.bottom;
  }
  /** Final headings (drawing pass) for the table of contents. */
  get plannedHeadings(): readonly Heading[] {
    return this.pass?.headings ?? this.headings;
  }

  async newPage(orientation: Orientation = this.orientation): Promise<void> {
    if (this.pass && this.page > 0) {
      // The finished page is written out before the pause, so nothing of it is held while
      // waiting for the destination to drain.
      this.pdf.flushPages();
      if (this.page % FORGET_LAYOUTS_EVERY === 0) forgetLayouts(this.pdf, LAYOUTS_KEPT);
      this.pass.onPage?.(this.page, this.pass.totalPages);
      await this.pass.sink.relieve();
    }
    this.page += 1;
    this.orientation = orientation;
    this.y = this.top;
    this.fresh = true;
    this.fill = null;
    this.stroke = null;
    if (this.pass) {
      if (this.page > this.pass.totalPages) throw new Error(`layout passes disagree: page ${this.page} of ${this.pass.totalPages}`);
      this.pdf.addPage({ size: 'A4', layout: orientation, margin: 0 });
      this.drawChrome();
    }
  }

  /** Starts a new page unless nothing has been placed on the current one yet. */
  async pageBreak(orientation: Orientation = this.orientation): Promise<void> {
    if (this.page === 0 || !this.fresh || orientation !== this.orientation) await this.newPage(orientation);
  }

  /** Starts a new page when a block of `height` would not fit; on an empty page it goes as it is. */
  async ensure(height: number): Promise<void> {
    if (this.page === 0 || (!this.fresh && this.y + height > this.bottom)) await this.newPage();
  }

  advance(height: number): void {
    this.y += height;
    this.fresh = false;
  }

  /** Called once after the report is composed: accounts for the last page. */
  finish(): void {
    if (this.pass) {
      if (this.page !== this.pass.totalPages)
        throw new Error(`layout passes disagree: ${this.page} pages drawn, ${this.pass.totalPages} counted`);
      const drawn = JSON.stringify(this.headings.map((h) => [h.number, h.title, h.page]));
      const planned = JSON.stringify(this.pass.headings.map((h) => [h.number, h.title, h.page]));
      if (drawn !== planned) throw new Error('layout passes disagree on heading pages');
      this.pass.onPage?.(this.page, this.pass.totalPages);
    }
  }

  /** Records a heading and returns its number; in the drawing pass also links and outlines it. */
  registerHeading(title: string, level: 1 | 2 | 3, numbered: boolean, listed: boolean): Heading {
    let number = '';
    if (numbered) {
      this.counters[level - 1] += 1;
      for (let i = level; i < this.counters.length; i++) this.counters[i] = 0;
      number = this.counters.slice(0, level).join('.');
    }
    const heading: Heading = { number, title, level, page: this.page, listed };
    this.headings.push(heading);
    if (this.pass && listed) {
      this.pdf.addNamedDestination(destination(this.headings.length - 1), 'XYZ', null, this.y, null);
      const label = number ? `${number} ${title}` : title;
      if (level === 1) this.outline = [this.pdf.outline.addItem(label)];
      else if (level === 2 && this.outline[0]) this.outline[1] = this.outline[0].addItem(label);
    }
    return heading;
  }

  // Drawing primitives: no-ops in the measuring pass.

  text(text: string, x: number, y: number, face: Face, size: number, color: string = COLOR.text, align: Align = 'left', width = 0): void {
    if (!this.pass || text === '') return;
    let at = x;
    if (align !== 'left') {
      const w = this.metrics.width(text, face, size);
      at = align === 'right' ? x + width - w : x + (width - w) / 2;
    }
    this.setFill(color);
    if (this.face !== face || this.size !== size || this.touches !== this.metrics.touches) {
      this.pdf.font(FONT_FILES[face]).fontSize(size);
      this.face = face;
      this.size = size;
      this.touches = this.metrics.touches;
    }
    if (!this.metrics.scripts.plain(text, face)) {
      this.mixedText(text, at, y, face, size);
      return;
    }
    const hex = text.length >= 16 && HEX_RUN.test(text);
    if (!writeTextRun(this.pdf, text, at, y, hex ? NO_LIGATURE_FEATURES : undefined))
      this.pdf.text(text, at, y, hex ? NO_LIGATURES : PLAIN);
  }

  /**
   * A line with right-to-left text or characters from a fallback face: its pieces in visual
   * order, each in its face, all on the baseline of the report's face.
   */
  private mixedText(text: string, x: number, y: number, face: Face, size: number): void {
    const scripts = this.metrics.scripts;
    const baseline = (scripts.ascender(FONT_FILES[face]) / 1000) * size;
    let at = x;
    for (const piece of scripts.pieces(text, face)) {
      this.pdf.font(piece.file).fontSize(size);
      const top = y + baseline - (scripts.ascender(piece.file) / 1000) * size;
      if (!writeTextRun(this.pdf, piece.text, at, top)) this.pdf.text(piece.text, at, top, PLAIN);
      at += this.pdf.widthOfString(piece.text);
    }
    // The document's font is now the last piece's: the next line sets its own.
    this.face = null;
  }

  rect(x: number, y: number, w: number, h: number, color: string): void {
    if (!this.pass) return;
    this.setFill(color);
    this.pdf.rect(x, y, w, h).fill();
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string = COLOR.hairline, lineWidth = 0.5): void {
    if (!this.pass) return;
    const stroke = `${color}/${lineWidth}`;
    if (this.stroke !== stroke) {
      this.pdf.lineWidth(lineWidth).strokeColor(color);
      this.stroke = stroke;
    }
    this.pdf.moveTo(x1, y1).lineTo(x2, y2).stroke();
  }

  /** Free drawing with pdfkit's path operations (charts); only in the drawing pass. */
  paint(draw: (pdf: PDFKit.PDFDocument) => void): void {
    if (!this.pass) return;
    this.pdf.save();
    draw(this.pdf);
    this.pdf.restore();
  }

  /** A clickable area leading to a heading's destination. */
  link(x: number, y: number, w: number, h: number, headingIndex: number): void {
    if (this.pass) this.pdf.goTo(x, y, w, h, destination(headingIndex));
  }

  /** Shortens `text` with an ellipsis so that it fits `width`. */
  fit(text: string, width: number, face: Face, size: number): string {
    if (this.metrics.width(text, face, size) <= width) return text;
    const chars = [...text];
    while (chars.length > 0 && this.metrics.width(chars.join('') + '…', face, size) > width) chars.pop();
    return chars.join('') + '…';
  }

  private setFill(color: string): void {
    // pdfkit writes a colour operator on every call; most text is the same colour.
    if (this.fill === color) return;
    this.pdf.fillColor(color);
    this.fill = color;
  }

  private drawChrome(): void {
    const total = this.pass?.totalPages ?? 0;
    const size = SIZE.chrome;
    const headerY = 34;
    const titleWidth = Math.min(this.metrics.width(this.chrome.title, 'bold', size), this.width * 0.55);
    const aboutWidth = this.width - titleWidth - 16;
    this.text(this.fit(this.chrome.title, titleWidth, 'bold', size), this.left, headerY, 'bold', size, COLOR.text);
    this.text(
      this.fit(this.chrome.headerRight, aboutWidth, 'regular', size),
      this.right - aboutWidth,
      headerY,
      'regular',
      size,
      COLOR.muted,
      'right',
      aboutWidth,
    );
    this.line(this.left, headerY + 13, this.right, headerY + 13, COLOR.rule, 0.6);
    const footerY = this.pageHeight - MARGIN.bottom + 24;
    const third = this.width / 3;
    this.line(this.left, footerY - 6, this.right, footerY - 6, COLOR.rule, 0.6);
    this.text(this.fit(this.chrome.footerLeft, third, 'regular', size), this.left, footerY, 'regular', size, COLOR.muted);
    this.text(
      this.fit(this.chrome.footerCentre, third, 'regular', size),
      this.left + third,
      footerY,
      'regular',
      size,
      COLOR.muted,
      'center',
      third,
    );
    this.text(this.chrome.pageLabel(this.page, total), this.left + 2 * third, footerY, 'bold', size, COLOR.text, 'right', third);
  }
}

const HEX_RUN = /[0-9a-f]{16,}/;
/** Every so many pages, pdfkit's word layouts are counted and forgotten beyond LAYOUTS_KEPT (see forgetLayouts). */
const FORGET_LAYOUTS_EVERY = 16;
/** Word layouts kept at most before they are forgotten. */
const LAYOUTS_KEPT = 4000;
// pdfkit measures every fragment once more only to size links and underlines, which these
// texts never have; giving it the width (and word count) up front saves a third of its text
// layout work. Positions come from the glyph layout itself, not from these numbers.
const PLAIN = { lineBreak: false, textWidth: 0, wordCount: 0 } as unknown as PDFKit.Mixins.TextOptions;
// Ligatures would turn "ff" in a hash into one glyph: wrong to read out, odd to copy. fontkit
// takes { liga: false }; the pdfkit typings only know the array form.
const NO_LIGATURE_FEATURES = { liga: false };
const NO_LIGATURES = { lineBreak: false, textWidth: 0, wordCount: 0, features: { liga: false } } as unknown as PDFKit.Mixins.TextOptions;

function destination(index: number): string {
  return `section-${index + 1}`;
}
