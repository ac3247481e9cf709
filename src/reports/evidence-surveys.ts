/**
 * The evidence report's section on satisfaction surveys (issue 18): per survey the response rate
 * by role, per question its answers as horizontal bars with the count written beside each bar
 * (a hidden cell printed as "fewer than 5 answers", never drawn), each scale question's mean
 * across programmes, and free text a quality manager has reviewed. Absent from models made before
 * surveys existed, and when the programme sent none.
 */
import { fill, formatCount, formatNumber, formatPercent, localise, type Labels } from './i18n.js';
import type { EvidenceReportModel, EvidenceSurvey, EvidenceSurveyQuestion, SurveyCount } from './models/evidence-report.js';
import { heading, paragraph } from './pdf/blocks.js';
import { barChart, type Bar } from './pdf/charts.js';
import type { PageFlow } from './pdf/layout.js';
import { SIZE } from './pdf/style.js';
import { table, type TableCell } from './pdf/table.js';

export async function satisfactionSurveys(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  const surveys = model.satisfactionSurveys ?? [];
  if (surveys.length === 0) return;
  const s = l.surveys;
  await heading(flow, s.heading, 1, { newPage: 'portrait' });
  await paragraph(flow, s.intro, { size: SIZE.small });
  for (const survey of surveys) await oneSurvey(flow, model, l, survey);
}

async function oneSurvey(flow: PageFlow, model: EvidenceReportModel, l: Labels, survey: EvidenceSurvey): Promise<void> {
  const s = l.surveys;
  const lang = model.lang;
  const count = (c: SurveyCount) => (c === '<5' ? s.fewerThanFive : c === '>=5' ? s.hiddenCount : formatNumber(c, lang));
  await heading(flow, `${localise(survey.title, lang)} (${survey.key})`, 2);
  await paragraph(flow, s.responseRate, { size: SIZE.small });
  await table(
    flow,
    [
      { header: s.role, weight: 1.6 },
      { header: s.invited, weight: 1, align: 'right' },
      { header: s.answered, weight: 1, align: 'right' },
      { header: s.declined, weight: 1, align: 'right' },
      { header: s.rate, weight: 1, align: 'right' },
    ],
    survey.responseRates.map((r): TableCell[] => [
      s.roles[r.role],
      formatCount(r.invited, lang),
      formatCount(r.answered, lang),
      formatCount(r.declined, lang),
      r.rate === null ? '—' : formatPercent(r.rate * 100, lang),
    ]),
    { size: 7.5, emptyText: l.common.none },
  );
  for (const q of survey.questions) await question(flow, model, l, q, count);
  for (const t of survey.trends) {
    const label = survey.questions.find((q) => q.key === t.questionKey)?.label ?? { en: t.questionKey };
    await heading(flow, fill(s.trend, { question: localise(label, lang) }), 3);
    await barChart(flow, {
      bars: t.points.map((p): Bar => ({
        label: p.programmeName,
        value: p.mean === null ? null : (p.mean / 5) * 100,
        valueLabel: p.mean === null ? (p.n === 0 ? l.common.noData : s.fewerThanFive) : formatNumber(p.mean, lang, 2),
      })),
      legend: s.meanLegend,
      axisLabel: s.meanAxis,
      tick: (v) => formatNumber(v / 20, lang, v % 20 === 0 ? 0 : 2),
    });
  }
  await heading(flow, s.freeText, 3);
  if (survey.freeText.length === 0) await paragraph(flow, s.noFreeText, { size: SIZE.small });
  for (const t of survey.freeText) {
    const label = survey.questions.find((q) => q.key === t.questionKey)?.label ?? { en: t.questionKey };
    await paragraph(flow, `${s.roles[t.role]} · ${localise(label, lang)}${t.redacted ? ` (${s.redacted})` : ''}: “${t.text}”`, {
      size: SIZE.small,
    });
  }
  if (survey.freeTextWithheld) await paragraph(flow, fill(s.withheld, { n: survey.freeTextWithheld }), { size: SIZE.small });
  if (survey.freeTextAwaitingReview)
    await paragraph(flow, fill(s.awaitingReview, { n: survey.freeTextAwaitingReview }), { size: SIZE.small });
}

async function question(
  flow: PageFlow,
  model: EvidenceReportModel,
  l: Labels,
  q: EvidenceSurveyQuestion,
  count: (c: SurveyCount) => string,
): Promise<void> {
  const s = l.surveys;
  const lang = model.lang;
  await heading(flow, localise(q.label, lang), 3);
  if (q.type === 'text') return paragraph(flow, s.textQuestion, { size: SIZE.small });
  const n = typeof q.n === 'number' ? q.n : null;
  const summary =
    q.mean !== null && n !== null
      ? fill(s.meanValue, { mean: formatNumber(q.mean, lang, 2), n: formatNumber(n, lang) })
      : n !== null && !q.suppressed
        ? fill(s.answersValue, { n: formatNumber(n, lang) })
        : count(q.n);
  await paragraph(flow, summary, { size: SIZE.small });
  if (q.suppressed || n === null || n === 0) return;
  await barChart(flow, {
    bars: q.distribution.map((d): Bar => {
      const shown = typeof d.count === 'number';
      const percent = shown ? ((d.count as number) / n) * 100 : null;
      return {
        label: q.type === 'scale' ? d.value : localise(d.label, lang),
        value: percent,
        valueLabel:
          percent === null
            ? count(d.count)
            : fill(s.countValue, { count: formatNumber(d.count as number, lang), percent: formatPercent(percent, lang) }),
      };
    }),
    legend: s.shareLegend,
    axisLabel: s.shareAxis,
    tick: (v) => formatPercent(v, lang).replace(/[.,]0(?=\D*$)/, ''),
  });
}
