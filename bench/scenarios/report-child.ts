/**
 * One measurement of the evidence-report scenario (bench/scenarios/report.ts), in a process of its
 * own so that one run's peak RSS cannot hide another's:
 *
 *   node --expose-gc dist/bench/scenarios/report-child.js <report|raw> <participants> <warm|cold> [cases]
 *
 * Without `cases` the model has no case files: the report as it was before case files, against the
 * same baseline as before. With `cases` every participant has a case file, and raw pdfkit writes
 * the case files' lines too (one line per execution, step, correction and deviation field).
 *
 * `report` renders the evidence report of a synthetic programme (one matrix row per participant,
 * deviations and corrective actions in proportion); `raw` has raw pdfkit write the same table rows
 * with the same font and size, one line per cell, no layout pass. Output goes to /dev/null. Times
 * cover rendering only, the report's fingerprint (SHA-256 of the canonical JSON of the model)
 * included; the synthetic model is built first and its memory shows in the starting RSS. A warm
 * child first renders a small model the same way (100 participants, not measured), as a
 * long-running service will have done: without it the figures mostly compare JIT warm-up of the
 * report's larger code path with raw pdfkit's. Prints one JSON line.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { getHeapStatistics } from 'node:v8';
import PDFDocument from 'pdfkit';
import { renderEvidenceReport } from '../../src/reports/evidence-report.js';
import { reportFingerprint } from '../../src/reports/fingerprint.js';
import type { EvidenceReportModel } from '../../src/reports/models/evidence-report.js';
import { FONT_FILES } from '../../src/reports/pdf/fonts.js';
import { syntheticEvidenceReport } from '../seed/synthetic-evidence.js';

export type Mode = 'report' | 'raw';

export interface ReportRun {
  mode: Mode;
  participants: number;
  /** Case files for every participant were part of the model and of the raw rows. */
  cases: boolean;
  rows: number;
  pages: number;
  ms: number;
  cpuMs: number;
  fingerprintMs: number;
  startRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

const mb = (bytes: number): number => Math.round(bytes / 1048576);

/** The table rows the report draws, as text: participants, matrix, deviations, actions. */
function tableRows(model: EvidenceReportModel): string[][] {
  return [
    ...model.participants.map((p) => [p.code, p.role, p.gender, p.profession, p.enrolledOn, p.status]),
    ...model.conformance.rows.map((r) => [
      r.subject,
      r.subjectType,
      ...r.cells.map((c) => (c ? `${c.status} · v${c.version ?? '-'}` : '—')),
    ]),
    ...model.deviations.map((d) => [
      d.reference,
      d.detectedAt,
      d.severity,
      d.source,
      d.procedureKey ?? '—',
      d.state,
      d.title,
      d.closedAt ?? '—',
    ]),
    ...model.correctiveActions.map((a) => [a.reference, a.type, a.description, a.ownerName, a.dueOn, a.state, String(a.overdueDays)]),
    ...caseFileRows(model),
  ];
}

/** The case files' text as rows: what the report prints of each subject, execution, step, correction and deviation. */
function* caseFileRowsOf(model: EvidenceReportModel): Generator<string[]> {
  for (const f of model.caseFiles.subjects) {
    yield [f.subject, f.subjectType];
    for (const x of f.executions) {
      yield [x.procedureKey, `v${x.version}`, x.contentHash];
      yield [x.startedAt, x.completedAt ?? '—', ...x.judgements.map((j) => `${j.conformance} ${j.judgedAt} v${j.version} ${j.cause}`)];
      for (const st of x.steps) {
        yield [
          st.stepKey,
          st.performedAt,
          st.performedBy ?? '—',
          st.recordedAt,
          ...st.values.map((v) => `${v.field}: ${String(v.value)}`),
          ...st.withheld,
        ];
      }
      for (const c of x.corrections)
        yield [c.stepKey, c.at, c.by ?? '—', c.reason, ...c.changes.map((ch) => `${ch.field}: ${ch.old} → ${ch.new}`)];
      for (const j of x.judgements) for (const fd of j.findings) yield [fd.rule ?? '—', fd.stepKey ?? '—'];
    }
    for (const d of f.deviations) {
      yield [d.reference, d.title];
      for (const value of [
        d.severity,
        d.state,
        d.procedureKey ?? '—',
        d.occurredAt,
        d.detectedAt,
        d.containment ?? '—',
        d.rootCause ?? '—',
        d.targetDate,
        d.closedAt ?? '—',
      ]) {
        yield [value];
      }
      for (const sg of d.signatures) yield [sg.signerName, sg.meaning, sg.signedAt, sg.contentHash ?? '—'];
    }
  }
}

function caseFileRows(model: EvidenceReportModel): string[][] {
  return [...caseFileRowsOf(model)];
}

/** Raw pdfkit: the same rows, same font and size, one line per cell, no layout pass. */
async function rawPdfkit(rows: string[][], onPage: () => void): Promise<number> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, font: FONT_FILES.regular, info: { CreationDate: new Date(0) } });
  const out = createWriteStream('/dev/null');
  doc.pipe(out);
  let pages = 1;
  let y = 68;
  doc.font(FONT_FILES.regular).fontSize(8);
  for (const row of rows) {
    if (y > 841.89 - 64 - 14) {
      doc.addPage({ size: 'A4', margin: 0 });
      pages += 1;
      y = 68;
      onPage();
      // Like the report, let the bytes leave between pages.
      if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    const width = 483 / row.length;
    row.forEach((cell, i) => doc.text(cell, 56 + i * width, y, { lineBreak: false }));
    doc
      .moveTo(56, y + 12)
      .lineTo(539, y + 12)
      .lineWidth(0.5)
      .stroke();
    y += 14;
  }
  doc.end();
  await finished(out);
  return pages;
}

async function renderOnce(mode: Mode, model: EvidenceReportModel, onPage: () => void, rows = tableRows(model)): Promise<number> {
  if (mode === 'raw') return rawPdfkit(rows, onPage);
  let pages = 0;
  await renderEvidenceReport(model, createWriteStream('/dev/null'), {
    onProgress: (done) => {
      pages = done;
      onPage();
    },
  });
  return pages;
}

async function child(mode: Mode, participants: number, warm: boolean, cases: boolean): Promise<ReportRun> {
  if (warm) await renderOnce(mode, syntheticEvidenceReport({ participants: 100, seed: 7, caseFiles: cases }), () => undefined);
  const model = syntheticEvidenceReport({ participants, caseFiles: cases });
  const rows = tableRows(model);
  global.gc?.();
  const startRss = process.memoryUsage().rss;
  let peakHeap = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size);
  };
  const timer = setInterval(sample, 10);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const pages = await renderOnce(mode, model, sample, rows);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  sample();
  // Part of the report's time above; shown on its own because it is fixed by design.
  const hashing = performance.now();
  if (mode === 'report') reportFingerprint(model);
  const fingerprintMs = Math.round(performance.now() - hashing);
  return {
    mode,
    participants,
    cases,
    rows: rows.length,
    pages,
    ms: Math.round(ms),
    cpuMs: Math.round((used.user + used.system) / 1000),
    fingerprintMs,
    startRssMb: mb(startRss),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMb: mb(peakHeap),
  };
}

const [mode, participants, warmth, cases] = process.argv.slice(2);
if ((mode !== 'report' && mode !== 'raw') || !Number.isInteger(Number(participants)) || (cases !== undefined && cases !== 'cases')) {
  process.stderr.write('usage: report-child.js <report|raw> <participants> <warm|cold> [cases]\n');
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await child(mode, Number(participants), warmth !== 'cold', cases === 'cases'))}\n`);
