/**
 * Evidence report for a programme of 1,000 and of 10,000 participants (executions, deviations
 * and corrective actions in proportion) against raw pdfkit writing the same table rows with the
 * same font. Targets (issue 7): within 1.5x of raw pdfkit's time, and peak memory growing less
 * than 2x when the data grows 10x.
 *
 * Every measurement is a child process of its own (report-child.ts), runs alternate between the
 * report and raw pdfkit, and medians are reported. Rendering works from the report's model, built
 * ahead in the child: the database read that fills the model in the service is not part of it
 * (the matrix scenario measures the heaviest of those reads).
 *
 * Case files (a section with a page or more per subject) are measured apart, so the figures of the
 * report as it was stay comparable: the first rows render a model without case files against the
 * same baseline as before; the case-file rows render the model with a case file for every
 * participant against raw pdfkit writing the same rows plus every case file's lines.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from '../lib/stats.js';
import type { BenchRow, Scenario } from '../lib/types.js';
import { row } from '../lib/types.js';
import type { Mode, ReportRun } from './report-child.js';

const CHILD = fileURLToPath(new URL('./report-child.js', import.meta.url));

function measure(mode: Mode, participants: number, cases: boolean): ReportRun {
  const done = spawnSync(process.execPath, ['--expose-gc', CHILD, mode, String(participants), 'warm', ...(cases ? ['cases'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (done.status !== 0)
    throw new Error(`${mode} with ${participants} participants${cases ? ' and case files' : ''} failed:\n${done.stderr}`);
  return JSON.parse(done.stdout.trim().split('\n').pop() ?? '') as ReportRun;
}

export const reportScenario: Scenario = {
  key: 'report',
  title: 'Evidence report against raw pdfkit writing the same rows with the same font',
  run({ repeat, smoke, log }) {
    const sizes = smoke ? [100, 1000] : [1000, 10000];
    const rows: BenchRow[] = [];
    for (const cases of [false, true]) rows.push(...measureAll(sizes, repeat, cases, log));
    return Promise.resolve(rows);
  },
};

function measureAll(sizes: number[], repeat: number, cases: boolean, log: (line: string) => void): BenchRow[] {
  const what = cases ? ' with case files' : '';
  const runs = new Map<string, ReportRun[]>();
  const key = (mode: Mode, n: number) => `${mode}:${n}`;
  for (const n of sizes) {
    for (let i = 0; i < repeat; i++) {
      for (const mode of ['raw', 'report'] as const) {
        const r = measure(mode, n, cases);
        log(`report: ${mode} ${n} participants${what} run ${i + 1}/${repeat}: ${r.ms} ms, ${r.pages} pages, peak RSS ${r.peakRssMb} MB`);
        runs.set(key(mode, n), [...(runs.get(key(mode, n)) ?? []), r]);
      }
    }
  }
  const med = (mode: Mode, n: number, pick: (r: ReportRun) => number) => median((runs.get(key(mode, n)) ?? []).map(pick));
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    const first = runs.get(key('report', n))![0];
    rows.push(
      row(
        {
          scenario: 'report',
          case: `${n.toLocaleString('en-US')} participants${cases ? ', a case file each' : ''} (${first.rows.toLocaleString('en-US')} table rows, ${first.pages} pages)`,
          metric: 'ms',
          value: med('report', n, (r) => r.ms),
          baselineName: 'raw pdfkit, same rows and font',
          baseline: med('raw', n, (r) => r.ms),
          details: {
            cpuMs: { report: med('report', n, (r) => r.cpuMs), raw: med('raw', n, (r) => r.cpuMs) },
            fingerprintMs: med('report', n, (r) => r.fingerprintMs),
            peakRssMb: { report: med('report', n, (r) => r.peakRssMb), raw: med('raw', n, (r) => r.peakRssMb) },
            runs: { report: runs.get(key('report', n)), raw: runs.get(key('raw', n)) },
          },
        },
        { max: 1.5 },
      ),
    );
  }
  const [small, large] = sizes;
  for (const mode of ['report', 'raw'] as const) {
    rows.push(
      row(
        {
          scenario: 'report',
          case: `${mode === 'report' ? 'report' : 'raw pdfkit'}${what}: peak RSS at ${large.toLocaleString('en-US')} participants`,
          metric: 'MB',
          value: med(mode, large, (r) => r.peakRssMb),
          baselineName: `same, ${small.toLocaleString('en-US')} participants`,
          baseline: med(mode, small, (r) => r.peakRssMb),
          details: {
            startRssMb: { [small]: med(mode, small, (r) => r.startRssMb), [large]: med(mode, large, (r) => r.startRssMb) },
            peakHeapMb: { [small]: med(mode, small, (r) => r.peakHeapMb), [large]: med(mode, large, (r) => r.peakHeapMb) },
          },
        },
        mode === 'report' ? { max: 2 } : undefined,
      ),
    );
  }
  return rows;
}
