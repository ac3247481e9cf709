/**
 * Renders the register of risks and opportunities: a cover with the counts, the heat maps of the
 * open ones before and after treatment (each cell's band written in it, the colour repeating it),
 * the register (one row per risk), and each risk in full with its history.
 */
import type { Writable } from 'node:stream';
import { cover, reportLayout } from './frame.js';
import { fill, formatDate, formatDateTime, formatNumber, type Labels, labelsFor } from './i18n.js';
import type { HeatMapCounts, RiskBand, RiskChange, RiskEntry, RiskRegisterModel } from './models/risk-register.js';
import { heading, keyValues, paragraph, tableOfContents } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import { renderReport, type RenderOptions } from './pdf/render.js';
import type { Tone } from './pdf/style.js';
import { table, type TableCell } from './pdf/table.js';

const TONE: Record<RiskBand, Tone> = { low: 'good', medium: 'warn', high: 'bad' };
const RATINGS = [1, 2, 3, 4, 5] as const;

/** Writes the PDF to `out` and ends it; resolves when `out` has finished. */
export function renderRiskRegister(model: RiskRegisterModel, out: Writable, options?: RenderOptions): Promise<void> {
  const l = labelsFor(model.lang);
  const r = l.risks;
  const about = model.programmeName ? fill(r.withOrganisation, { programme: model.programmeName }) : r.allProgrammes;
  const count = (n: number) => formatNumber(n, model.lang);
  return renderReport(
    reportLayout({
      model,
      title: l.titles.riskRegister,
      about,
      compose: async (flow, fingerprint) => {
        await cover(flow, model, fingerprint, {
          title: l.titles.riskRegister,
          subtitle: about,
          facts: [
            [r.risksInRegister, count(model.risks.length)],
            [r.openRisks, count(model.heatMaps.risk.total)],
            [r.openOpportunities, count(model.heatMaps.opportunity.total)],
          ],
        });
        await tableOfContents(flow, { title: l.common.contents, page: l.common.page });
        await heading(flow, r.heatMaps, 1);
        await heatMaps(flow, r.heatMapRisks, model.heatMaps.risk, model, l);
        await heatMaps(flow, r.heatMapOpportunities, model.heatMaps.opportunity, model, l);
        await register(flow, model, l);
        await heading(flow, r.details, 1, { newPage: 'portrait' });
        for (const risk of model.risks) await details(flow, risk, model, l);
      },
    }),
    out,
    options,
  );
}

const bandOf = (s: number): RiskBand => (s >= 15 ? 'high' : s >= 6 ? 'medium' : 'low');

async function heatMaps(flow: PageFlow, title: string, counts: HeatMapCounts, model: RiskRegisterModel, l: Labels): Promise<void> {
  const r = l.risks;
  await heading(flow, `${title}: ${formatNumber(counts.total, model.lang)}`, 2);
  for (const [caption, grid] of [
    [r.before, counts.inherent],
    [r.after, counts.residual],
  ] as const) {
    await heading(flow, caption, 3, { numbered: false, listed: false });
    await table(
      flow,
      [
        { header: r.likelihoodImpact, weight: 1.6 },
        ...RATINGS.map((n) => ({ header: fill(r.impact, { n }), weight: 1, align: 'center' as const })),
      ],
      [...RATINGS].reverse().map((likelihood) => [
        fill(r.likelihood, { n: likelihood }),
        ...RATINGS.map((impact): TableCell => {
          const band = bandOf(likelihood * impact);
          const n = grid[likelihood - 1][impact - 1];
          return { text: `${formatNumber(n, model.lang)} · ${r[band]}`, tone: n > 0 ? TONE[band] : undefined, bold: n > 0 };
        }),
      ]),
      { zebra: false },
    );
  }
  if (counts.residualNotAssessed > 0)
    await paragraph(flow, fill(r.notAssessed, { n: formatNumber(counts.residualNotAssessed, model.lang) }));
}

function ratingText(l: Labels, likelihood: number | null, impact: number | null): string {
  if (likelihood === null || impact === null) return '—';
  const score = likelihood * impact;
  return fill(l.risks.ratingText, { likelihood, impact, score, band: l.risks[bandOf(score)] });
}

async function register(flow: PageFlow, model: RiskRegisterModel, l: Labels): Promise<void> {
  const r = l.risks;
  await heading(flow, r.register, 1, { newPage: 'landscape' });
  await table(
    flow,
    [
      { header: l.common.reference, weight: 1.3 },
      { header: r.kind, weight: 1 },
      { header: l.common.title, weight: 3 },
      { header: r.context, weight: 1.6 },
      { header: r.rating, weight: 1 },
      { header: r.residual, weight: 1 },
      { header: r.owner, weight: 1.4 },
      { header: r.nextReview, weight: 1.2 },
      { header: r.status, weight: 0.9 },
    ],
    model.risks.map((x) => [
      x.reference,
      x.kind === 'risk' ? r.risk : r.opportunity,
      x.title,
      x.programmeName ?? r.organisation,
      { text: `${formatNumber(x.score, model.lang)} ${r[x.band]}`, tone: TONE[x.band] },
      x.residualScore === null ? '—' : `${formatNumber(x.residualScore, model.lang)} ${r[bandOf(x.residualScore)]}`,
      x.ownerName,
      x.reviewOverdue ? { text: `${formatDate(x.nextReviewOn)} (${r.overdue})`, tone: 'bad' } : formatDate(x.nextReviewOn),
      x.status === 'open' ? r.open : r.closed,
    ]),
    { size: 7.5, emptyText: l.common.none },
  );
}

const CHANGE_LABEL = (l: Labels): Record<RiskChange, string> => ({
  created: l.risks.created,
  revised: l.risks.revised,
  reviewed: l.risks.reviewed,
  closed: l.risks.closedChange,
  reopened: l.risks.reopened,
});

async function details(flow: PageFlow, x: RiskEntry, model: RiskRegisterModel, l: Labels): Promise<void> {
  const r = l.risks;
  await heading(flow, `${x.reference} — ${x.title}`, 2, { listed: false });
  await keyValues(flow, [
    [r.kind, x.kind === 'risk' ? r.risk : r.opportunity],
    [r.context, x.programmeName ?? r.organisation],
    [r.status, x.status === 'open' ? r.open : r.closed],
    [r.cause, x.cause],
    [r.consequence, x.consequence],
    [r.rating, ratingText(l, x.likelihood, x.impact)],
    [r.treatment, x.treatment ?? '—'],
    [r.actions, x.actions.map((a) => `${a.reference} (${l.actionState[a.state]})`).join(', ') || '—'],
    [r.residual, ratingText(l, x.residualLikelihood, x.residualImpact)],
    [r.owner, x.ownerName],
    [r.nextReview, x.reviewOverdue ? `${formatDate(x.nextReviewOn)} (${r.overdue})` : formatDate(x.nextReviewOn)],
  ]);
  await heading(flow, r.history, 3, { numbered: false, listed: false });
  const changes = CHANGE_LABEL(l);
  await table(
    flow,
    [
      { header: r.revision, weight: 0.8, align: 'right' },
      { header: r.change, weight: 1.1 },
      { header: r.by, weight: 1.5 },
      { header: r.at, weight: 1.5 },
      { header: r.reason, weight: 3.5 },
    ],
    x.revisions.map((v) => [
      formatNumber(v.revision, model.lang),
      changes[v.change],
      v.recordedByName,
      formatDateTime(v.recordedAt, model.timeZone),
      v.reason ?? '—',
    ]),
    { emptyText: l.common.none },
  );
}
