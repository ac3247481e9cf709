import type { BenchRow } from './types.js';

const number = (v: number): string =>
  Number.isFinite(v) ? (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * 100) / 100)) : '—';

/** The rows as a Markdown table: scenario, case, service, baseline, ratio, target, verdict. */
export function renderTable(rows: BenchRow[]): string {
  const lines = [
    '| Scenario | Case | Metric | Service | Baseline | Baseline value | Ratio | Target | Met |',
    '|---|---|---|---:|---|---:|---:|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.scenario} | ${r.case} | ${r.metric} | ${number(r.value)} | ${r.baselineName} | ${number(r.baseline)} | ${Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}x` : '—'} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : 'no'} |`,
    );
  }
  return lines.join('\n');
}
