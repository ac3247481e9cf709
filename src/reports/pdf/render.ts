/**
 * The two-pass renderer every report goes through. The first pass lays the report out without
 * drawing, to learn the page count and where each heading lands; the second draws it, page by
 * page, straight into the output stream. Nothing keeps finished pages in memory (pdfkit's
 * `bufferPages` would, about 1.9 GB for 100,000 table rows).
 */
import type { Writable } from 'node:stream';
import { drawContents, type ContentsLabels } from './blocks.js';
import { createPdf, type DocumentInfo, PdfSink } from './document.js';
import { type Chrome, type Heading, PageFlow } from './layout.js';
import { TextMetrics } from './metrics.js';

export interface RenderOptions {
  /** Called after each page is drawn, with (pages done, total pages). */
  onProgress?: (done: number, total: number) => void;
  /** Deflate page contents (default true); false gives output independent of the zlib build. */
  compress?: boolean;
}

export interface ReportLayout {
  info: Omit<DocumentInfo, 'compress'>;
  chrome: Chrome;
  contents: ContentsLabels;
  /** Lays the report out on the flow; runs once per pass and must depend only on the model. */
  compose(flow: PageFlow): Promise<void>;
}

/**
 * Renders to `out` and ends it. If layout fails before the first byte is written `out` is left
 * untouched (a caller can still answer with an error); once streaming has begun, a failure
 * destroys `out`.
 */
export async function renderReport(report: ReportLayout, out: Writable, options: RenderOptions = {}): Promise<void> {
  const pdf = createPdf({ ...report.info, compress: options.compress });
  const metrics = new TextMetrics(pdf);

  const measuring = new PageFlow({ pdf, metrics, chrome: report.chrome });
  await report.compose(measuring);
  const tocPages = measuring.tocStart === null ? 0 : await contentsLength(pdf, metrics, report, measuring.headings);
  const tocStart = measuring.tocStart ?? Number.POSITIVE_INFINITY;
  const headings: Heading[] = measuring.headings.map((h) => ({ ...h, page: h.page >= tocStart ? h.page + tocPages : h.page }));
  const totalPages = measuring.page + tocPages;

  const sink = new PdfSink(pdf, out);
  try {
    const drawing = new PageFlow({
      pdf,
      metrics,
      chrome: report.chrome,
      drawing: { sink, totalPages, headings, onPage: options.onProgress },
    });
    await report.compose(drawing);
    drawing.finish();
  } catch (err) {
    sink.abort(err);
    throw err;
  }
  await sink.finish();
}

async function contentsLength(
  pdf: PDFKit.PDFDocument,
  metrics: TextMetrics,
  report: ReportLayout,
  headings: readonly Heading[],
): Promise<number> {
  const flow = new PageFlow({ pdf, metrics, chrome: report.chrome });
  await flow.newPage('portrait');
  await drawContents(flow, report.contents, headings);
  return flow.page;
}
