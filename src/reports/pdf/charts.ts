/**
 * Vector charts drawn with pdfkit path operations (no images: they stay sharp when printed and
 * their labels remain text an auditor can search). Each chart has a fixed height known before
 * drawing, so the measuring pass places it exactly where the drawing pass will.
 */
import type { PageFlow } from './layout.js';
import { COLOR, LEADING, SERIES, SIZE } from './style.js';

export interface Bar {
  label: string;
  /** 0-100; null when there is nothing to measure (the bar is left out, the text says why). */
  value: number | null;
  /** Printed at the end of the bar, e.g. "87.5 %" or "no data". */
  valueLabel: string;
}

export interface BarChartSpec {
  bars: readonly Bar[];
  /** Name of the measured series, shown in the legend. */
  legend: string;
  /** Caption under the axis, e.g. "Conformance rate (%)". */
  axisLabel: string;
  /** Formats an axis tick (0, 25, ... 100). */
  tick: (value: number) => string;
}

const BAR = 11;
const BAR_GAP = 5;
const AXIS_HEIGHT = SIZE.small * LEADING * 2 + 6;
const LEGEND_HEIGHT = SIZE.small * LEADING + 8;

/** Horizontal bars on a 0-100 scale; long lists continue on the next page under a new axis. */
export async function barChart(flow: PageFlow, spec: BarChartSpec): Promise<void> {
  const perPage = Math.max(1, Math.floor((flow.bottom - flow.top - AXIS_HEIGHT - LEGEND_HEIGHT) / (BAR + BAR_GAP)));
  for (let start = 0; start === 0 || start < spec.bars.length; start += perPage) {
    await barChartPart(flow, spec, spec.bars.slice(start, start + perPage));
  }
}

async function barChartPart(flow: PageFlow, spec: BarChartSpec, bars: readonly Bar[]): Promise<void> {
  const size = SIZE.small;
  const plotHeight = Math.max(1, bars.length) * (BAR + BAR_GAP);
  await flow.ensure(plotHeight + AXIS_HEIGHT + LEGEND_HEIGHT);
  const widest = Math.max(0, ...bars.map((b) => flow.metrics.width(b.label, 'regular', size)));
  const labelWidth = Math.min(flow.width * 0.35, widest + 8);
  const valueRoom = 48;
  const x0 = flow.left + labelWidth;
  const plotWidth = flow.width - labelWidth - valueRoom;
  const top = flow.y;
  const scale = (v: number): number => x0 + (Math.max(0, Math.min(100, v)) / 100) * plotWidth;

  for (const tick of [0, 25, 50, 75, 100]) {
    flow.line(scale(tick), top, scale(tick), top + plotHeight, tick === 0 ? COLOR.rule : COLOR.hairline, tick === 0 ? 0.8 : 0.4);
    flow.text(spec.tick(tick), scale(tick) - 20, top + plotHeight + 3, 'regular', size, COLOR.muted, 'center', 40);
  }
  bars.forEach((bar, i) => {
    const y = top + i * (BAR + BAR_GAP) + BAR_GAP / 2;
    flow.text(flow.fit(bar.label, labelWidth - 8, 'regular', size), flow.left, y + (BAR - size) / 2, 'regular', size);
    if (bar.value !== null && bar.value > 0) {
      const end = scale(bar.value);
      flow.paint((pdf) => pdf.rect(x0, y, end - x0, BAR).fillAndStroke(SERIES[3], COLOR.text));
    }
    const labelX = bar.value === null ? x0 + 3 : scale(bar.value) + 3;
    flow.text(bar.valueLabel, labelX, y + (BAR - size) / 2, 'bold', size, bar.value === null ? COLOR.muted : COLOR.text);
  });
  flow.advance(plotHeight);
  flow.text(spec.axisLabel, x0, flow.y + size * LEADING + 4, 'regular', size, COLOR.muted, 'center', plotWidth);
  flow.advance(AXIS_HEIGHT);
  legend(flow, [{ name: spec.legend, color: SERIES[3] }]);
}

export interface StackedSeries {
  name: string;
  /** One value per category, bottom of the stack first. */
  values: readonly number[];
}

export interface StackedColumnSpec {
  categories: readonly string[];
  series: readonly StackedSeries[];
  /** Caption of the value axis, e.g. "Deviations". */
  axisLabel: string;
  /** Caption of the category axis, e.g. "Month it occurred". */
  categoryLabel: string;
  /** Printed instead of the chart when every value is zero. */
  emptyText: string;
  /** Formats an axis tick or a column total. */
  count: (value: number) => string;
  height?: number;
}

/** Columns per category with their series stacked, a total above each, ticks at round steps. */
export async function stackedColumnChart(flow: PageFlow, spec: StackedColumnSpec): Promise<void> {
  const size = SIZE.small;
  const plotHeight = spec.height ?? 140;
  const totals = spec.categories.map((_, c) => spec.series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0));
  const max = Math.max(0, ...totals);
  await flow.ensure(plotHeight + size * LEADING + 6 + AXIS_HEIGHT + LEGEND_HEIGHT);
  if (max === 0) {
    flow.text(spec.emptyText, flow.left, flow.y, 'regular', SIZE.body, COLOR.muted);
    flow.advance(SIZE.body * LEADING * 2);
    return;
  }
  const step = niceStep(max);
  // One step of headroom keeps the tallest column's total clear of the axis caption.
  const axisMax = (Math.floor(max / step) + 1) * step;
  const axisWidth = Math.max(...[0, axisMax].map((v) => flow.metrics.width(spec.count(v), 'regular', size))) + 8;
  const x0 = flow.left + axisWidth + size * LEADING;
  const plotWidth = flow.right - x0;
  const top = flow.y + size * LEADING + 6;
  const baseY = top + plotHeight;
  const yOf = (v: number): number => baseY - (v / axisMax) * plotHeight;

  flow.text(spec.axisLabel, flow.left, flow.y, 'regular', size, COLOR.muted);
  for (let v = 0; v <= axisMax; v += step) {
    flow.line(x0, yOf(v), flow.right, yOf(v), v === 0 ? COLOR.rule : COLOR.hairline, v === 0 ? 0.8 : 0.4);
    flow.text(spec.count(v), x0 - axisWidth - 2, yOf(v) - size / 2, 'regular', size, COLOR.muted, 'right', axisWidth - 4);
  }
  const slot = plotWidth / Math.max(1, spec.categories.length);
  const columnWidth = Math.min(36, slot * 0.62);
  const widestLabel = Math.max(0, ...spec.categories.map((c) => flow.metrics.width(c, 'regular', size)));
  const labelEvery = Math.max(1, Math.ceil((widestLabel + 6) / slot));
  spec.categories.forEach((category, c) => {
    const x = x0 + c * slot + (slot - columnWidth) / 2;
    let level = 0;
    spec.series.forEach((s, k) => {
      const v = s.values[c] ?? 0;
      if (v <= 0) return;
      const y1 = yOf(level + v);
      const y0 = yOf(level);
      // White edges keep adjacent segments apart on a greyscale print.
      flow.paint((pdf) =>
        pdf
          .rect(x, y1, columnWidth, y0 - y1)
          .lineWidth(0.6)
          .fillAndStroke(SERIES[k % SERIES.length], '#FFFFFF'),
      );
      level += v;
    });
    if (totals[c] > 0)
      flow.text(spec.count(totals[c]), x - 10, yOf(totals[c]) - size * LEADING, 'bold', size, COLOR.text, 'center', columnWidth + 20);
    if (c % labelEvery === 0) flow.text(category, x0 + c * slot, baseY + 3, 'regular', size, COLOR.muted, 'center', slot);
  });
  flow.advance(size * LEADING + 6 + plotHeight);
  flow.text(spec.categoryLabel, x0, flow.y + size * LEADING + 4, 'regular', size, COLOR.muted, 'center', plotWidth);
  flow.advance(AXIS_HEIGHT);
  legend(
    flow,
    spec.series.map((s, k) => ({ name: s.name, color: SERIES[k % SERIES.length] })),
  );
}

function legend(flow: PageFlow, entries: readonly { name: string; color: string }[]): void {
  const size = SIZE.small;
  let x = flow.left;
  for (const entry of entries) {
    flow.paint((pdf) =>
      pdf
        .rect(x, flow.y + 1, 9, 7)
        .lineWidth(0.4)
        .fillAndStroke(entry.color, COLOR.text),
    );
    flow.text(entry.name, x + 13, flow.y, 'regular', size);
    x += 13 + flow.metrics.width(entry.name, 'regular', size) + 16;
  }
  flow.advance(LEGEND_HEIGHT);
}

/** A step of 1, 2 or 5 times a power of ten giving at most six intervals. */
export function niceStep(max: number): number {
  const rough = max / 6;
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  for (const m of [1, 2, 5, 10]) if (m * power >= rough) return Math.max(1, m * power);
  return 10 * power;
}
