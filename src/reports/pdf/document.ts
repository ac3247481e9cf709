/**
 * Document setup and the stream to the reader. Everything that would otherwise vary between two
 * renders of the same model is fixed here: the creation and modification dates come from the
 * model's `generatedAt`, and pdfkit derives the document ID from the info dictionary, which
 * carries the model's fingerprint, so the ID follows the content.
 */
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import PDFDocument from 'pdfkit';
import { FONT_FILES } from './fonts.js';

export interface DocumentInfo {
  title: string;
  subject: string;
  /** BCP 47 tag written into the catalogue, for screen readers and hyphenation in viewers. */
  lang: string;
  /** ISO 8601 instant; becomes CreationDate and ModDate. */
  generatedAt: string;
  /** SHA-256 (hex) of the report model. */
  fingerprint: string;
  /** Deflate page contents (default). Uncompressed output does not depend on the zlib build. */
  compress?: boolean;
}

export const AUTHOR = 'Mentoring QMS';

export function createPdf(info: DocumentInfo): PDFKit.PDFDocument {
  const at = new Date(info.generatedAt);
  if (Number.isNaN(at.getTime())) throw new RangeError(`generatedAt is not an ISO instant: ${JSON.stringify(info.generatedAt)}`);
  if (!/^[0-9a-f]{64}$/.test(info.fingerprint)) throw new RangeError('fingerprint must be a SHA-256 hex digest');
  return new PDFDocument({
    autoFirstPage: false,
    compress: info.compress ?? true,
    lang: info.lang,
    displayTitle: true,
    // Setting the default font to DejaVu keeps the unused Helvetica metrics from being loaded.
    font: FONT_FILES.regular,
    info: {
      Title: info.title,
      Author: AUTHOR,
      Subject: info.subject,
      Keywords: `fingerprint-sha256:${info.fingerprint}`,
      Creator: AUTHOR,
      Producer: `${AUTHOR} (PDFKit)`,
      CreationDate: at,
      ModDate: at,
    },
  });
}

/**
 * Streams the document to `out` while it is drawn. pdfkit pushes bytes without looking at
 * backpressure, and a synchronous drawing loop would never let the bytes leave; so the drawing
 * loop calls `relieve()` between pages: it waits for the destination to drain and gives the
 * event loop a turn, which keeps memory bounded and the server responsive during long reports.
 */
export class PdfSink {
  private readonly done: Promise<void>;
  private failure: unknown = null;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly out: Writable,
  ) {
    this.done = pipeline(doc, out);
    this.done.catch((err: unknown) => {
      this.failure = err ?? new Error('output stream failed');
    });
  }

  async relieve(): Promise<void> {
    await nextTurn();
    const limit = this.doc.readableHighWaterMark;
    while (this.failure === null && (this.out.writableNeedDrain || this.doc.readableLength > limit)) {
      if (this.out.writableNeedDrain) await Promise.race([once(this.out, 'drain'), this.done]);
      else await nextTurn();
    }
    if (this.failure !== null)
      throw this.failure instanceof Error ? this.failure : new Error('writing the report failed', { cause: this.failure });
    if (this.out.destroyed) throw new Error('output stream closed before the report was complete');
  }

  /** Ends the document; resolves once `out` has received every byte and finished. */
  async finish(): Promise<void> {
    this.doc.end();
    await this.done;
  }

  abort(err: unknown): void {
    this.doc.destroy(err instanceof Error ? err : new Error(String(err)));
  }
}
