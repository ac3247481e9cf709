/**
 * The indicator and audit-trail sections of the evidence report. Every figure is printed with
 * what it was computed from ("35 of 40"), so an auditor can check it against the registers.
 */
import { fill, formatCount, formatDateTime, formatNumber, formatPercent, formatRate, type Labels, localise } from './i18n.js';
import { DEVIATION_SOURCES, DEVIATION_STATES, GENDERS, SEVERITIES } from './models/codes.js';
import type { EvidenceReportModel } from './models/evidence-report.js';
import { barChart, stackedColumnChart } from './pdf/charts.js';
import { heading, keyValues, paragraph } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import { SIZE } from './pdf/style.js';
import { table, type TableCell } from './pdf/table.js';

export async function evidenceIndicators(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  const e = l.evidence;
  const { lang, indicators: ind } = model;
  const count = (n: number): string => formatNumber(n, lang);
  await heading(flow, e.indicators, 1, { newPage: 'portrait' });

  await heading(flow, e.participantsByRoleGender, 2);
  await table(
    flow,
    [
      { header: e.role, weight: 1.6 },
      ...GENDERS.map((g) => ({ header: l.gender[g], weight: 1, align: 'right' as const })),
      { header: e.total, weight: 1, align: 'right' },
    ],
    ind.participantsByRoleAndGender.map((r) => [
      l.participantRole[r.role],
      ...GENDERS.map((g) => formatCount(r.counts[g], lang)),
      { text: formatCount(r.total, lang), bold: true },
    ]),
    { emptyText: l.common.none },
  );
  await paragraph(flow, e.suppressionNote, { size: SIZE.small });

  await heading(flow, e.programmeFlow, 2);
  await keyValues(
    flow,
    [
      [e.enrolled, formatCount(ind.enrolled, lang)],
      [e.completed, formatCount(ind.completed, lang)],
      [e.withdrawn, formatCount(ind.withdrawn, lang)],
      [e.countries, formatCount(ind.countries, lang)],
      [e.inWorkOrStudies, formatRate(ind.inWorkOrStudies, lang)],
    ],
    { labelWidth: 230 },
  );

  await heading(flow, e.outcomes, 2);
  await table(
    flow,
    [
      { header: e.outcome, weight: 3 },
      { header: e.count, weight: 1, align: 'right' },
    ],
    ind.outcomes.map((o) => [l.outcome[o.outcome], formatCount(o.count, lang)]),
    { emptyText: l.common.none },
  );

  if (ind.funnel) {
    await heading(flow, e.funnel, 2);
    await table(
      flow,
      [
        { header: e.role, weight: 1.6 },
        { header: e.interested, weight: 1, align: 'right' },
        { header: e.interviewed, weight: 1, align: 'right' },
        { header: e.admitted, weight: 1, align: 'right' },
        { header: e.completed, weight: 1, align: 'right' },
      ],
      ind.funnel.map((f) => [
        l.participantRole[f.role],
        formatCount(f.interested, lang),
        formatCount(f.interviewed, lang),
        formatCount(f.admitted, lang),
        formatCount(f.completed, lang),
      ]),
    );
  }
  if (ind.leavingOutcomes) {
    await heading(flow, e.leavingOutcomes, 2);
    await table(
      flow,
      [
        { header: e.outcome, weight: 3 },
        { header: e.count, weight: 1, align: 'right' },
      ],
      ind.leavingOutcomes.map((o) => [l.participantOutcome[o.outcome], formatCount(o.count, lang)]),
      { emptyText: l.common.none },
    );
    if (ind.successesAmongLeavers)
      await keyValues(flow, [[e.successesAmongLeavers, formatRate(ind.successesAmongLeavers, lang)]], { labelWidth: 230 });
  }

  await heading(flow, e.conformanceByProcedure, 2);
  await table(
    flow,
    [
      { header: e.procedure, weight: 3 },
      { header: e.rate, weight: 1, align: 'right' },
      { header: e.judged, weight: 1.4, align: 'right' },
    ],
    ind.conformanceByProcedure.map((c) => [
      `${c.key} — ${localise(c.title, lang)}`,
      percentCell(c.rate.percent, lang, l),
      `${formatCount(c.rate.numerator, lang)} / ${formatCount(c.rate.denominator, lang)}`,
    ]),
    { emptyText: l.common.none },
  );
  await barChart(flow, {
    bars: ind.conformanceByProcedure.map((c) => ({
      label: c.key,
      value: c.rate.percent,
      valueLabel: c.rate.percent === null ? l.common.noData : formatPercent(c.rate.percent, lang),
    })),
    legend: e.conformanceLegend,
    axisLabel: e.conformanceAxis,
    tick: (v) => formatPercent(v, lang).replace(/[.,]0(?=\D*$)/, ''),
  });

  await heading(flow, e.conformanceByVersion, 2);
  await table(
    flow,
    [
      { header: e.procedure, weight: 2.2 },
      { header: l.common.version, weight: 0.8, align: 'right' },
      { header: e.rate, weight: 1, align: 'right' },
      { header: e.judged, weight: 1.4, align: 'right' },
    ],
    ind.conformanceByVersion.map((c) => [
      c.key,
      String(c.version),
      percentCell(c.rate.percent, lang, l),
      `${formatCount(c.rate.numerator, lang)} / ${formatCount(c.rate.denominator, lang)}`,
    ]),
    { emptyText: l.common.none },
  );

  await heading(flow, e.deviationsBreakdown, 2);
  const breakdown: TableCell[][] = [
    ...SEVERITIES.map((s) => [e.severity, l.severity[s], count(ind.deviationsBySeverity[s])]),
    ...DEVIATION_SOURCES.map((s) => [e.source, l.deviationSource[s], count(ind.deviationsBySource[s])]),
    ...DEVIATION_STATES.map((s) => [l.common.state, l.deviationState[s], count(ind.deviationsByState[s])]),
  ];
  await table(
    flow,
    [
      { header: l.review.category, weight: 1.4 },
      { header: '', weight: 2 },
      { header: e.count, weight: 1, align: 'right' },
    ],
    breakdown,
  );

  await heading(flow, e.deviationsPerMonth, 2);
  await stackedColumnChart(flow, {
    categories: ind.deviationsPerMonth.map((m) => m.month),
    series: SEVERITIES.map((s) => ({ name: l.severity[s], values: ind.deviationsPerMonth.map((m) => m.counts[s]) })),
    axisLabel: e.deviationsAxis,
    categoryLabel: e.monthAxis,
    emptyText: e.noDeviations,
    count,
  });

  const days = (n: number | null) =>
    n === null ? l.common.noData : fill(l.common.days, { n: formatNumber(n, lang, Number.isInteger(n) ? 0 : 1) });
  await heading(flow, e.correctiveActionTimeliness, 2);
  await keyValues(
    flow,
    [
      [e.closedOnTime, formatRate(ind.correctiveActionsClosedOnTime, lang)],
      [e.medianDaysSinceOccurrence, days(ind.medianDaysOccurrenceToClosure)],
      [e.medianDays, days(ind.medianDaysDetectionToClosure)],
    ],
    { labelWidth: 230 },
  );
}

function percentCell(percent: number | null, lang: EvidenceReportModel['lang'], l: Labels): string {
  return percent === null ? l.common.noData : formatPercent(percent, lang);
}

/** The quality objectives (ISO 9001 6.2): owner, deadline, target, value now, status, trend, and the quarters measured in the period. */
export async function evidenceObjectives(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  if (!model.objectives) return;
  const v = l.review;
  const { lang } = model;
  const value = (unit: string, x: number | null): string =>
    x === null ? l.common.noData : unit === 'rate' ? formatPercent(x * 100, lang) : formatNumber(x, lang, unit === 'score' ? 2 : 0);
  const status = (s: string): string => (s === 'met' ? v.r93Met : s === 'not_met' ? v.r93Not_met : v.r93Not_measurable);
  const trend = (t: string | null): string => (t === 'up' ? v.r93Up : t === 'down' ? v.r93Down : t === 'flat' ? v.r93Flat : '—');
  await heading(flow, l.evidence.objectives, 2);
  await table(
    flow,
    [
      { header: v.r93Objective, weight: 3 },
      { header: v.r93Owner, weight: 1.6 },
      { header: v.r93Deadline, weight: 1.2 },
      { header: v.r93Target, weight: 1.1, align: 'right' },
      { header: v.r93Measured, weight: 1.1, align: 'right' },
      { header: v.r93Status, weight: 1.2 },
      { header: v.r93Trend, weight: 0.9 },
      { header: l.evidence.objectiveHistory, weight: 2 },
    ],
    model.objectives.map((o): TableCell[] => [
      o.title,
      o.ownerName ?? '—',
      o.deadline,
      `${o.comparator} ${value(o.unit, o.target)}`,
      value(o.unit, o.measured),
      { text: status(o.status), tone: o.status === 'not_met' ? 'bad' : undefined },
      trend(o.trend),
      o.history.map((h) => `${h.period}: ${value(o.unit, h.measured)} (${status(h.status)})`).join('\n') || '—',
    ]),
    { emptyText: l.common.none },
  );
}

export async function auditTrailSection(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  const e = l.evidence;
  const a = model.auditTrail;
  await heading(flow, e.auditTrail, 1);
  const v = a.verification;
  await keyValues(
    flow,
    [
      [e.eventsInScope, formatNumber(a.eventsInScope, model.lang)],
      [e.chainHeadSeq, String(a.chainHead.seq)],
      [e.chainHeadHash, a.chainHead.hash],
      [e.verifiedRange, fill(e.eventsRange, { from: '1', to: String(v.throughSeq) })],
      [e.fullVerification, v.fullVerifiedAt ? formatDateTime(v.fullVerifiedAt, model.timeZone) : e.never],
    ],
    { labelWidth: 190 },
  );
  await paragraph(flow, `${e.verification}: ${v.valid ? e.valid : fill(e.invalid, { seq: v.firstInvalidSeq })}`, {
    face: 'bold',
    size: SIZE.h3,
  });
}
