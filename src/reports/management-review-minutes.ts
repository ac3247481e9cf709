/**
 * Renders the minutes of a management review (ISO 9001 9.3): attendees, the inputs the board
 * looked at (9.3.2), its decisions with the corrective actions that carry them out (9.3.3),
 * and the closing signature. Unsigned minutes say so on the cover and at the end.
 */
import type { Writable } from 'node:stream';
import { cover, reportLayout } from './frame.js';
import { fill, formatDate, formatDateTime, formatNumber, formatPercent, type Labels, labelsFor, localise } from './i18n.js';
import { CORRECTIVE_ACTION_STATES, DEVIATION_SOURCES, SEVERITIES } from './models/codes.js';
import type { ManagementReviewMinutesModel, ReviewDecision, SurveySource } from './models/management-review-minutes.js';
import { heading, keyValues, paragraph, tableOfContents } from './pdf/blocks.js';
import { barChart } from './pdf/charts.js';
import type { PageFlow } from './pdf/layout.js';
import { renderReport, type RenderOptions } from './pdf/render.js';
import { SIZE } from './pdf/style.js';
import { table, type TableCell } from './pdf/table.js';

/** Writes the PDF to `out` and ends it; resolves when `out` has finished. */
export function renderManagementReviewMinutes(model: ManagementReviewMinutesModel, out: Writable, options?: RenderOptions): Promise<void> {
  const l = labelsFor(model.lang);
  const v = l.review;
  return renderReport(
    reportLayout({
      model,
      title: l.titles.managementReview,
      about: `${model.review.title} · ${formatDate(model.review.heldOn)}`,
      compose: async (flow, fingerprint) => {
        await cover(flow, model, fingerprint, {
          title: l.titles.managementReview,
          subtitle: model.review.title,
          facts: [
            [v.heldOn, formatDate(model.review.heldOn)],
            [
              v.signedBy,
              model.signature ? `${model.signature.signerName}, ${formatDateTime(model.signature.signedAt, model.timeZone)}` : '—',
            ],
          ],
          notice: model.signature ? undefined : v.draft,
        });
        await tableOfContents(flow, { title: l.common.contents, page: l.common.page });
        await meeting(flow, model, l);
        await inputs(flow, model, l);
        await clauseItems(flow, model, l);
        await heading(flow, v.decisions, 1);
        if (model.decisions.length === 0) await paragraph(flow, l.common.none);
        for (const d of model.decisions) await decision(flow, d, l);
        await closingMeasurements(flow, model, l);
        await signature(flow, model, l);
      },
    }),
    out,
    options,
  );
}

async function meeting(flow: PageFlow, model: ManagementReviewMinutesModel, l: Labels): Promise<void> {
  const v = l.review;
  await heading(flow, v.meeting, 1);
  await keyValues(flow, [
    [l.common.title, model.review.title],
    [v.heldOn, formatDate(model.review.heldOn)],
    ...(model.review.periodFrom && model.review.periodTo
      ? [[v.r93Period, `${formatDate(model.review.periodFrom)} – ${formatDate(model.review.periodTo)}`] as [string, string]]
      : []),
    [v.closedAt, model.review.closedAt === null ? '—' : formatDateTime(model.review.closedAt, model.timeZone)],
    [v.inputsAsOf, formatDate(model.inputs.asOf)],
    [v.inputsComposedAt, formatDateTime(model.inputs.composedAt, model.timeZone)],
  ]);
  await heading(flow, v.attendees, 2);
  await table(
    flow,
    [
      { header: v.name, weight: 2 },
      { header: v.roles, weight: 3 },
    ],
    model.attendees.map((a) => [a.name, a.roles.map((r) => l.staffRole[r]).join(', ') || '—']),
    { emptyText: l.common.none },
  );
  if (model.guests && model.guests.length > 0) {
    await heading(flow, v.r93Guests, 2);
    await table(
      flow,
      [
        { header: v.name, weight: 2 },
        { header: v.r93Role, weight: 3 },
      ],
      model.guests.map((g) => [g.name, g.role]),
    );
  }
}

async function inputs(flow: PageFlow, model: ManagementReviewMinutesModel, l: Labels): Promise<void> {
  const v = l.review;
  const { lang, inputs: i } = model;
  const count = (n: number): string => formatNumber(n, lang);
  const counts = [
    { header: v.category, weight: 3 },
    { header: v.count, weight: 1, align: 'right' as const },
  ];
  await heading(flow, v.inputs, 1);

  await heading(flow, v.deviations, 2);
  await keyValues(
    flow,
    [
      [v.openDeviations, count(i.deviations.open)],
      [v.overdueDeviations, count(i.deviations.overdue)],
      ...(i.deviations.oldestOpen
        ? [
            [
              v.oldestOpenDeviation,
              fill(v.oldestOpenDeviationValue, {
                reference: i.deviations.oldestOpen.reference,
                occurred: formatDateTime(i.deviations.oldestOpen.occurredAt, model.timeZone),
                detected: formatDateTime(i.deviations.oldestOpen.detectedAt, model.timeZone),
              }),
            ] as [string, string],
          ]
        : []),
    ],
    { labelWidth: 230 },
  );
  await paragraph(flow, v.openDeviationsBySeverity, { face: 'bold', size: SIZE.small, gapAfter: 3 });
  await table(
    flow,
    counts,
    SEVERITIES.map((s) => [l.severity[s], count(i.deviations.openBySeverity[s])]),
  );
  await paragraph(flow, v.openDeviationsBySource, { face: 'bold', size: SIZE.small, gapAfter: 3 });
  await table(
    flow,
    counts,
    DEVIATION_SOURCES.map((s) => [l.deviationSource[s], count(i.deviations.openBySource[s])]),
  );

  await heading(flow, v.actions, 2);
  await table(
    flow,
    counts,
    CORRECTIVE_ACTION_STATES.map((s) => [l.actionState[s], count(i.correctiveActions.byState[s])]),
  );
  await keyValues(
    flow,
    [
      [
        v.overdueActions,
        i.correctiveActions.overdue === 0
          ? count(0)
          : `${count(i.correctiveActions.overdue)}: ${i.correctiveActions.overdueReferences.join(', ')}`,
      ],
    ],
    { labelWidth: 230 },
  );

  await heading(flow, v.conformance, 2);
  const procedure = (key: string): string => (model.procedureTitles[key] ? `${key} — ${localise(model.procedureTitles[key], lang)}` : key);
  const percent = (rate: number | null): string => (rate === null ? l.common.noData : formatPercent(rate * 100, lang));
  await table(
    flow,
    [
      { header: l.evidence.procedure, weight: 3 },
      { header: l.evidence.rate, weight: 1, align: 'right' },
      { header: l.evidence.judged, weight: 1.4, align: 'right' },
    ],
    i.conformance.map((c) => [procedure(c.procedureKey), percent(c.rate), `${count(c.conforming)} / ${count(c.completed)}`]),
    { emptyText: l.common.none },
  );
  if (i.conformance.length > 0) {
    await barChart(flow, {
      bars: i.conformance.map((c) => ({
        label: c.procedureKey,
        value: c.rate === null ? null : c.rate * 100,
        valueLabel: percent(c.rate),
      })),
      legend: l.evidence.conformanceLegend,
      axisLabel: l.evidence.conformanceAxis,
      tick: (t) => formatPercent(t, lang).replace(/[.,]0(?=\D*$)/, ''),
    });
  }

  await heading(flow, v.earlierDecisions, 2);
  await table(
    flow,
    [
      { header: v.review, weight: 1.6 },
      { header: v.decision, weight: 3 },
      { header: v.trackedBy, weight: 1.8 },
    ],
    i.earlierDecisions.map((d): TableCell[] => [
      `${d.title}\n${formatDate(d.heldOn)}`,
      `${d.seq}. ${d.text}`,
      d.action === null
        ? v.notTracked
        : {
            text: `${d.action.reference} · ${l.actionState[d.action.state]} · ${formatDate(d.action.dueDate)}${d.action.overdue ? ` (${v.overdue})` : ''}`,
            tone: d.action.overdue ? 'bad' : undefined,
          },
    ]),
    { emptyText: l.common.none },
  );
}

/** The ISO 9001 9.3.2 items beyond deviations, actions, conformance and earlier decisions (absent in older snapshots). */
async function clauseItems(flow: PageFlow, model: ManagementReviewMinutesModel, l: Labels): Promise<void> {
  const v = l.review;
  const { lang, inputs: i } = model;
  const n = (x: number | string): string => (typeof x === 'number' ? formatNumber(x, lang) : x);
  const dash = (x: number | null | undefined, f: (y: number) => string = (y) => formatNumber(y, lang)) =>
    x === null || x === undefined ? l.common.noData : f(x);
  const pct = (x: number | null) => dash(x, (y) => formatPercent(y * 100, lang));
  // Mean scores 1-5 with two decimals, as measured (3.57, not 4).
  const mean = (x: number | null | undefined) => dash(x, (y) => formatNumber(y, lang, 2));
  const trend = (t: string | null | undefined) => (t ? v[`r93${t[0].toUpperCase()}${t.slice(1)}` as 'r93Up'] : '—');
  const texts = async (title: string, rows: { seq: number; text: string }[] | undefined) => {
    if (rows === undefined) return;
    await heading(flow, title, 2);
    if (rows.length === 0) await paragraph(flow, v.r93NotRecorded);
    for (const r of rows) await paragraph(flow, `${r.seq}. ${r.text}`);
  };
  await texts(v.r93Issues, i.issues);
  // Which source a satisfaction figure comes from: the people's own survey answers, or the leaders' record.
  const source = (s: 'survey' | 'recorded_by_leaders' | undefined, survey: SurveySource | null | undefined, answers: number | string) =>
    s === 'survey' && survey
      ? fill(v.r93SourceSurvey, { answers: n(answers), rate: survey.responseRate === null ? v.r93RateHidden : pct(survey.responseRate) })
      : v.r93SourceLeaders;
  if (i.satisfaction) {
    const sat = i.satisfaction;
    await heading(flow, v.r93Satisfaction, 2);
    await keyValues(
      flow,
      [
        [v.r93Source, source(sat.source, sat.survey, sat.responses)],
        [v.r93Responses, n(sat.responses)],
        [v.r93Mean, mean(sat.mean)],
        [v.r93Previous, mean(sat.previousMean)],
        [v.r93Trend, trend(sat.trend)],
        [v.r93FeedbackGiven, n(sat.feedbackGiven)],
      ],
      { labelWidth: 230 },
    );
    await table(
      flow,
      [
        { header: v.r93Score, weight: 1 },
        { header: v.count, weight: 1, align: 'right' },
      ],
      (['1', '2', '3', '4', '5'] as const).map((k) => [k, n(sat.distribution[k])]),
    );
    if (sat.employers) {
      const e = sat.employers;
      await heading(flow, v.r93Employers, 3);
      await keyValues(
        flow,
        [
          [v.r93Source, source('survey', e.survey, e.responses)],
          [v.r93Mean, mean(e.mean)],
          [v.r93Previous, mean(e.previousMean)],
          [v.r93Trend, trend(e.trend)],
        ],
        { labelWidth: 230 },
      );
    }
  }
  if (i.objectives) {
    await heading(flow, v.r93Objectives, 2);
    await table(
      flow,
      [
        { header: v.r93Objective, weight: 3 },
        { header: v.r93Owner, weight: 1.6 },
        { header: v.r93Deadline, weight: 1.2 },
        { header: v.r93Target, weight: 1.1, align: 'right' },
        { header: v.r93Measured, weight: 1.1, align: 'right' },
        { header: v.r93Status, weight: 1.2 },
        { header: v.r93Trend, weight: 1 },
      ],
      i.objectives.map((o): TableCell[] => {
        const value = (x: number | null) => (o.unit === 'rate' ? pct(x) : dash(x));
        return [
          o.title,
          o.ownerName ?? '—',
          formatDate(o.deadline),
          `${o.comparator} ${value(o.target)}`,
          value(o.measured),
          {
            text: v[`r93${o.status === 'met' ? 'Met' : o.status === 'not_met' ? 'Not_met' : 'Not_measurable'}`],
            tone: o.status === 'not_met' ? 'bad' : undefined,
          },
          trend(o.trend),
        ];
      }),
      { emptyText: l.common.none },
    );
  }
  if (i.processPerformance) {
    await heading(flow, v.r93ProcessPerformance, 2);
    await table(
      flow,
      [
        { header: l.evidence.procedure, weight: 3 },
        { header: l.evidence.rate, weight: 1, align: 'right' },
        { header: v.r93Previous, weight: 1, align: 'right' },
        { header: v.r93Trend, weight: 1 },
        { header: l.evidence.judged, weight: 1.2, align: 'right' },
      ],
      i.processPerformance.map((p) => [
        p.procedureKey,
        pct(p.rate),
        pct(p.previousRate),
        trend(p.trend),
        `${n(p.conforming)} / ${n(p.completed)}`,
      ]),
      { emptyText: l.common.none },
    );
  }
  if (i.nonconformities) {
    await heading(flow, v.r93Nonconformities, 2);
    await keyValues(flow, [
      [v.r93Detected, n(i.nonconformities.detected)],
      [v.r93Closed, n(i.nonconformities.closed)],
      ...SEVERITIES.map((sv): [string, string] => [l.severity[sv], n(i.nonconformities!.detectedBySeverity[sv])]),
    ]);
  }
  if (i.monitoring) {
    const mo = i.monitoring;
    await heading(flow, v.r93Monitoring, 2);
    await keyValues(
      flow,
      [
        ['conformance_rate', pct(mo.conformanceRate)],
        ['completion_rate', pct(mo.completionRate)],
        ['withdrawal_rate', pct(mo.withdrawalRate)],
        ['in_work_or_studies_rate', pct(mo.inWorkOrStudiesRate)],
        ['actions_closed_on_time_rate', pct(mo.actionsClosedOnTimeRate)],
        ['median_days_to_close', dash(mo.medianDaysToClose)],
        ['open_deviations', dash(mo.openDeviations)],
      ],
      { labelWidth: 230 },
    );
  }
  if (i.internalAudits) {
    await heading(flow, v.r93InternalAudits, 2);
    if (!i.internalAudits.available) await paragraph(flow, i.internalAudits.note ?? l.common.noData);
    else
      await table(
        flow,
        [
          { header: l.common.reference, weight: 1.4 },
          { header: l.common.title, weight: 3 },
          { header: l.common.state, weight: 1.2 },
          { header: v.count, weight: 2 },
        ],
        i.internalAudits.audits.map((a) => [
          a.reference,
          a.title,
          (l.internalAudit.states as Record<string, string>)[a.state] ?? a.state,
          `${a.findings.major} / ${a.findings.minor} / ${a.findings.observations} / ${a.findings.opportunities}`,
        ]),
        { emptyText: l.common.none },
      );
  }
  if (i.externalProviders) {
    const e = i.externalProviders;
    await heading(flow, v.r93ExternalProviders, 2);
    await keyValues(
      flow,
      [
        [v.r93PairsMatched, n(e.pairsMatched)],
        [v.r93PairsEndedEarly, n(e.pairsEndedEarly)],
        [v.r93MentorFeedback, n(e.mentorFeedbackGiven)],
        [v.r93MentorSatisfaction, mean(e.mentorSatisfactionMean)],
        ...(e.mentorSatisfactionSource
          ? [
              [v.r93Source, source(e.mentorSatisfactionSource, e.mentorSatisfactionSurvey, e.mentorSatisfactionResponses)] as [
                string,
                string,
              ],
            ]
          : []),
      ],
      { labelWidth: 230 },
    );
  }
  await texts(v.r93Resources, i.resources);
  if (i.risks) {
    await heading(flow, v.r93Risks, 2);
    await table(
      flow,
      [
        { header: l.common.reference, weight: 1.2 },
        { header: l.common.title, weight: 3 },
        { header: v.r93RatingBefore, weight: 1, align: 'right' },
        { header: v.r93RatingAfter, weight: 1, align: 'right' },
        { header: v.r93ActionsCol, weight: 2.4 },
      ],
      i.risks.map((r) => [
        r.reference,
        r.title,
        n(r.ratingBefore),
        dash(r.ratingAfter),
        r.actions.map((a) => `${a.reference} (${l.actionState[a.state as keyof typeof l.actionState] ?? a.state})`).join(', '),
      ]),
      { emptyText: l.common.none },
    );
  }
  if (i.opportunities) {
    await heading(flow, v.r93Opportunities, 2);
    await table(
      flow,
      [
        { header: l.common.reference, weight: 1.2 },
        { header: v.r93Source, weight: 3 },
        { header: l.common.state, weight: 1.2 },
        { header: l.evidence.dueOn, weight: 1.2 },
      ],
      [
        ...i.opportunities.actions.map((a) => [
          a.reference,
          a.sourceText ?? a.source,
          l.actionState[a.state as keyof typeof l.actionState] ?? a.state,
          formatDate(a.dueDate),
        ]),
        ...i.opportunities.register.map((r) => [r.reference, r.title, '—', '—']),
      ],
      { emptyText: l.common.none },
    );
  }
}

async function decision(flow: PageFlow, d: ReviewDecision, l: Labels): Promise<void> {
  const v = l.review;
  await heading(flow, fill(v.decisionNumber, { n: d.seq }), 2);
  if (d.category) {
    const c = d.category;
    const label =
      c === 'improvement'
        ? v.r93Improvement
        : c === 'qms_change'
          ? v.r93Qms_change
          : c === 'resource_need'
            ? v.r93Resource_need
            : v.r93Other;
    await paragraph(flow, `${v.category}: ${label}`, { size: SIZE.small });
  }
  await paragraph(flow, d.text);
  if (d.trackedActions.length === 0) {
    await paragraph(flow, v.notTracked, { size: SIZE.small });
    return;
  }
  await table(
    flow,
    [
      { header: l.common.reference, weight: 1.4 },
      { header: l.common.state, weight: 1.4 },
      { header: l.evidence.dueOn, weight: 1.2 },
      { header: l.register.overdue, weight: 1 },
    ],
    d.trackedActions.map((a): TableCell[] => [
      a.reference,
      l.actionState[a.state],
      formatDate(a.dueOn),
      a.overdue ? { text: l.common.yes, tone: 'bad' } : l.common.no,
    ]),
  );
}

/** The objectives' measurements signed at closing: recorded then, or recorded before and kept. */
async function closingMeasurements(flow: PageFlow, model: ManagementReviewMinutesModel, l: Labels): Promise<void> {
  const rows = model.objectiveMeasurements;
  if (!rows?.length) return;
  const v = l.review;
  const { lang } = model;
  const value = (unit: string, x: number | null) =>
    x === null ? l.common.noData : unit === 'rate' ? formatPercent(x * 100, lang) : formatNumber(x, lang, unit === 'score' ? 2 : 0);
  await heading(flow, v.closingMeasurements, 1);
  await paragraph(flow, v.closingMeasurementsIntro, { size: SIZE.small });
  await table(
    flow,
    [
      { header: v.r93Objective, weight: 3 },
      { header: v.closingQuarter, weight: 1.1 },
      { header: v.closingMeasuredOn, weight: 1.2 },
      { header: v.r93Target, weight: 1.1, align: 'right' },
      { header: v.r93Measured, weight: 1.1, align: 'right' },
      { header: v.r93Status, weight: 1.2 },
      { header: v.closingRecorded, weight: 1.8 },
    ],
    rows.map((o): TableCell[] => [
      o.title,
      o.period,
      formatDate(o.measuredOn),
      `${o.comparator} ${value(o.unit, o.target)}`,
      value(o.unit, o.measured),
      {
        text: v[`r93${o.status === 'met' ? 'Met' : o.status === 'not_met' ? 'Not_met' : 'Not_measurable'}`],
        tone: o.status === 'not_met' ? 'bad' : undefined,
      },
      o.recordedAtClose ? v.closingAtClose : `${v.closingKept}${o.recordedBy ? ` (${o.recordedBy})` : ''}`,
    ]),
  );
}

async function signature(flow: PageFlow, model: ManagementReviewMinutesModel, l: Labels): Promise<void> {
  const v = l.review;
  await heading(flow, v.signature, 1);
  const s = model.signature;
  if (s === null) {
    await paragraph(flow, v.draft, { face: 'bold', size: SIZE.h3 });
    return;
  }
  await keyValues(flow, [
    [v.signedBy, s.signerName],
    [v.signedAt, formatDateTime(s.signedAt, model.timeZone)],
    [v.meaning, s.meaning],
    [v.comment, s.comment ?? '—'],
    [l.procedure.signedHash, s.contentHash ?? '—'],
  ]);
}
