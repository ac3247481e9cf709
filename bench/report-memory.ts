/**
 * Time and memory of the evidence report against raw pdfkit writing the same table rows with
 * the same font. Not a test: a measurement to read (issue 7 asks the report to stay within 1.5x
 * of raw pdfkit's time, and its peak memory to grow less than 2x when the data grows 10x).
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/report-memory.js [sizes...] [--repeat n] [--cold]
 *
 * Each measurement runs in its own child process, so that one run's peak RSS cannot hide
 * another's; runs alternate between the two modes and the median is reported, because a
 * shared machine's noise is larger than the difference being measured. Output goes to
 * /dev/null. Times cover rendering only, the report's fingerprint (SHA-256 of the canonical
 * JSON of the model) included; the synthetic model is built first and its memory shows in the
 * starting RSS. CPU time (user + system) is less disturbed by other processes than wall time.
 * Each child first renders a small model the same way (100 participants, not measured), as a
 * long-running service will have done: without it the figures mostly compare JIT warm-up of
 * the report's larger code path with raw pdfkit's; `--cold` skips it.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import PDFDocument from 'pdfkit';
import { renderEvidenceReport } from '../src/reports/evidence-report.js';
import { reportFingerprint } from '../src/reports/fingerprint.js';
import type { EvidenceReportModel } from '../src/reports/models/evidence-report.js';
import { FONT_FILES } from '../src/reports/pdf/fonts.js';
import { syntheticEvidenceReport } from '../src/reports/testing/synthetic-evidence.js';

type Mode = 'report' | 'raw';

interface Result {
  mode: Mode;
  participants: number;
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
    ...model.conformance.rows.map((r) => [r.subject, r.subjectType, ...r.cells.map((c) => (c ? `${c.status} · v${c.version ?? '-'}` : '—'))]),
    ...model.deviations.map((d) => [d.reference, d.detectedAt, d.severity, d.source, d.procedureKey ?? '—', d.state, d.title, d.closedAt ?? '—']),
    ...model.correctiveActions.map((a) => [a.reference, a.type, a.description, a.ownerName, a.dueOn, a.state, String(a.overdueDays)]),
  ];
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
    doc.moveTo(56, y + 12).lineTo(539, y + 12).lineWidth(0.5).stroke();
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

async function child(mode: Mode, participants: number, warm: boolean): Promise<Result> {
  if (warm) await renderOnce(mode, syntheticEvidenceReport({ participants: 100, seed: 7 }), () => undefined);
  const model = syntheticEvidenceReport({ participants });
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

function run(mode: Mode, participants: number, warm: boolean): Result {
  const done = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', mode, String(participants), warm ? 'warm' : 'cold'], { encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`${mode} ${participants} failed:\n${done.stderr}`);
  return JSON.parse(done.stdout.trim().split('\n').pop() ?? '') as Result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    process.stdout.write(`${JSON.stringify(await child(args[1] as Mode, Number(args[2]), args[3] === 'warm'))}\n`);
    return;
  }
  const cold = args.includes('--cold');
  if (cold) args.splice(args.indexOf('--cold'), 1);
  const repeatAt = args.indexOf('--repeat');
  const repeat = repeatAt >= 0 ? Number(args.splice(repeatAt, 2)[1]) : 3;
  const sizes = args.length ? args.map(Number) : [1000, 10000];
  const results: Result[] = [];
  for (const n of sizes) {
    const runs: Record<Mode, Result[]> = { raw: [], report: [] };
    for (let i = 0; i < repeat; i++) for (const mode of ['raw', 'report'] as const) runs[mode].push(run(mode, n, !cold));
    for (const mode of ['raw', 'report'] as const) {
      const r = runs[mode];
      results.push({ ...r[0], ms: median(r.map((x) => x.ms)), cpuMs: median(r.map((x) => x.cpuMs)), peakRssMb: median(r.map((x) => x.peakRssMb)), peakHeapMb: median(r.map((x) => x.peakHeapMb)) });
    }
  }
  console.log(`medians of ${repeat} runs each, ${cold ? 'cold processes' : 'after a warm-up render'}`);
  console.table(results);
  for (const n of sizes) {
    const raw = results.find((r) => r.mode === 'raw' && r.participants === n);
    const report = results.find((r) => r.mode === 'report' && r.participants === n);
    if (raw && report) console.log(`${n} participants: report/raw time ${(report.ms / raw.ms).toFixed(2)}x wall, ${(report.cpuMs / raw.cpuMs).toFixed(2)}x CPU`);
  }
  const [small, large] = [sizes[0], sizes[sizes.length - 1]];
  for (const mode of ['raw', 'report'] as const) {
    const a = results.find((r) => r.mode === mode && r.participants === small);
    const b = results.find((r) => r.mode === mode && r.participants === large);
    if (a && b && a !== b) console.log(`${mode}: peak RSS ${a.peakRssMb} -> ${b.peakRssMb} MB (${(b.peakRssMb / a.peakRssMb).toFixed(2)}x) for ${large / small}x the data`);
  }
}

await main();
