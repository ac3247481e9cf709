/**
 * Renders the board's register of corrective actions: the selection it was drawn with, a
 * summary, the register itself (one row per action), and then each action in full with the
 * deviations it answers, its effectiveness check and the board's reviews.
 */
import type { Writable } from 'node:stream';
import { cover, reportLayout } from './frame.js';
import { fill, formatDate, formatDateTime, formatNumber, type Labels, labelsFor } from './i18n.js';
import { CORRECTIVE_ACTION_STATES, type ReportLanguage } from './models/codes.js';
import type { CorrectiveActionEntry, CorrectiveActionFilters, CorrectiveActionRegisterModel } from './models/corrective-action-register.js';
import { heading, keyValues, paragraph, tableOfContents } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import { renderReport, type RenderOptions } from './pdf/render.js';
import { table, type TableCell } from './pdf/table.js';

/** Writes the PDF to `out` and ends it; resolves when `out` has finished. */
export function renderCorrectiveActionRegister(
  model: CorrectiveActionRegisterModel,
  out: Writable,
  options?: RenderOptions,
): Promise<void> {
  const l = labelsFor(model.lang);
  const r = l.register;
  const about = model.filters.programmeName ?? r.noFilter;
  return renderReport(
    reportLayout({
      model,
      title: l.titles.correctiveActionRegister,
      about,
      compose: async (flow, fingerprint) => {
        await cover(flow, model, fingerprint, {
          title: l.titles.correctiveActionRegister,
          subtitle: about,
          facts: [...selection(model.filters, l), [r.actionsInRegister, formatNumber(model.actions.length, model.lang)]],
        });
        await tableOfContents(flow, { title: l.common.contents, page: l.common.page });
        await summary(flow, model, l);
        await register(flow, model, l);
        await heading(flow, r.actions, 1, { newPage: 'portrait' });
        for (const action of model.actions) await details(flow, action, model.lang, model.timeZone, l);
      },
    }),
    out,
    options,
  );
}

/** The filters in words; an empty selection says so rather than printing nothing. */
function selection(f: CorrectiveActionFilters, l: Labels): [string, string][] {
  const r = l.register;
  const facts: [string, string][] = [];
  if (f.programmeName) facts.push([l.common.programme, f.programmeName]);
  if (f.states?.length) facts.push([r.states, f.states.map((s) => l.actionState[s]).join(', ')]);
  if (f.types?.length) facts.push([r.types, f.types.map((t) => l.actionType[t]).join(', ')]);
  if (f.overdueOnly) facts.push([r.overdueOnly, l.common.yes]);
  if (f.ownerName) facts.push([r.owner, f.ownerName]);
  if (f.dueFrom) facts.push([r.dueFrom, formatDate(f.dueFrom)]);
  if (f.dueTo) facts.push([r.dueTo, formatDate(f.dueTo)]);
  return facts.length ? [[r.selection, facts.map(([k, v]) => `${k}: ${v}`).join('\n')]] : [[r.selection, r.noFilter]];
}

async function summary(flow: PageFlow, model: CorrectiveActionRegisterModel, l: Labels): Promise<void> {
  const r = l.register;
  const count = (n: number): string => formatNumber(n, model.lang);
  await heading(flow, r.summary, 1);
  const overdue = model.actions.filter((a) => a.overdueDays > 0).length;
  await table(
    flow,
    [
      { header: l.common.state, weight: 3 },
      { header: l.review.count, weight: 1, align: 'right' },
    ],
    [
      ...CORRECTIVE_ACTION_STATES.map((s) => [l.actionState[s], count(model.actions.filter((a) => a.state === s).length)]),
      [{ text: r.overdue, bold: true }, overdue > 0 ? { text: count(overdue), tone: 'bad' } : count(0)],
    ] satisfies TableCell[][],
  );
}

async function register(flow: PageFlow, model: CorrectiveActionRegisterModel, l: Labels): Promise<void> {
  const e = l.evidence;
  await heading(flow, l.titles.correctiveActionRegister, 1, { newPage: 'landscape' });
  await table(
    flow,
    [
      { header: l.common.reference, weight: 1.2 },
      { header: e.type, weight: 1.2 },
      { header: e.description, weight: 3 },
      { header: e.owner, weight: 1.3 },
      { header: e.dueOn, weight: 1 },
      { header: l.common.state, weight: 1.2 },
      { header: e.overdueDays, weight: 0.9, align: 'right' },
      { header: e.effectiveness, weight: 1.2 },
      { header: l.register.deviations, weight: 1.3 },
    ],
    model.actions.map((a) => [
      a.reference,
      l.actionType[a.type],
      a.description,
      a.ownerName,
      formatDate(a.dueOn),
      l.actionState[a.state],
      overdueCell(a, model.lang),
      a.effectiveness === null
        ? '—'
        : { text: l.verdict[a.effectiveness.verdict], tone: a.effectiveness.verdict === 'effective' ? 'good' : 'bad' },
      a.deviations.map((d) => d.reference).join('\n') || '—',
    ]),
    { size: 7.5, emptyText: l.common.none },
  );
}

function overdueCell(a: CorrectiveActionEntry, lang: ReportLanguage): TableCell {
  return a.overdueDays > 0 ? { text: formatNumber(a.overdueDays, lang), tone: 'bad' } : '—';
}

async function details(flow: PageFlow, a: CorrectiveActionEntry, lang: ReportLanguage, timeZone: string, l: Labels): Promise<void> {
  const r = l.register;
  const e = l.evidence;
  await heading(flow, `${a.reference} — ${l.actionType[a.type]}`, 2, { listed: false });
  await keyValues(flow, [
    [l.common.state, l.actionState[a.state]],
    [e.owner, a.ownerName],
    [r.opened, formatDateTime(a.createdAt, timeZone)],
    [e.dueOn, formatDate(a.dueOn)],
    [e.overdueDays, a.overdueDays > 0 ? fill(l.common.days, { n: formatNumber(a.overdueDays, lang) }) : '—'],
    [l.actionState.implemented, a.implementedAt === null ? '—' : formatDateTime(a.implementedAt, timeZone)],
    [e.closedAt, a.closedAt === null ? '—' : formatDateTime(a.closedAt, timeZone)],
    [e.description, a.description],
    [r.criterion, a.effectivenessCriterion],
  ]);
  await heading(flow, r.deviations, 3, { numbered: false, listed: false });
  await table(
    flow,
    [
      { header: l.common.reference, weight: 1.2 },
      { header: l.common.title, weight: 3.2 },
      { header: e.severity, weight: 1 },
      { header: l.common.state, weight: 1.1 },
    ],
    a.deviations.map((d) => [
      d.reference,
      d.title,
      { text: l.severity[d.severity], bold: d.severity === 'critical' },
      l.deviationState[d.state],
    ]),
    { emptyText: l.common.none },
  );
  await heading(flow, r.effectivenessCheck, 3, { numbered: false, listed: false });
  if (a.effectiveness === null) await paragraph(flow, r.notChecked);
  else {
    await keyValues(flow, [
      [r.verdict, l.verdict[a.effectiveness.verdict]],
      [r.checkedAt, formatDateTime(a.effectiveness.checkedAt, timeZone)],
      [r.checkedBy, a.effectiveness.checkedByName],
      [r.evidence, a.effectiveness.evidence ?? '—'],
      ...(a.effectiveness.signedContentHash ? [[l.procedure.signedHash, a.effectiveness.signedContentHash] as const] : []),
    ]);
  }
  await heading(flow, r.boardReviews, 3, { numbered: false, listed: false });
  await table(
    flow,
    [
      { header: r.decision, weight: 1.3 },
      { header: r.reviewer, weight: 1.4 },
      { header: r.reviewedAt, weight: 1.2 },
      { header: r.comment, weight: 3 },
    ],
    a.boardReviews.map((b) => [l.boardDecision[b.decision], b.reviewerName, formatDateTime(b.reviewedAt, timeZone), b.comment ?? '—']),
    { emptyText: r.noReviews },
  );
  // Each review's signature, bound to the content hashed here: whole, on a line of its own.
  const signed = a.boardReviews.filter((b) => b.signedContentHash !== null);
  if (signed.length)
    await keyValues(
      flow,
      signed.map((b) => [`${l.procedure.signedHash}: ${l.boardDecision[b.decision]}, ${b.reviewerName}`, b.signedContentHash!] as const),
    );
}
