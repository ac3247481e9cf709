/**
 * Renders an internal audit's report: a cover with its state and counts, scope and criteria, the
 * team, the sample, the checklist with the answers that stand, the findings with what each
 * opened, the conclusion and the lead auditor's signature.
 */
import type { Writable } from 'node:stream';
import { cover, reportLayout } from './frame.js';
import { fill, formatDate, formatDateTime, formatNumber, type Labels, labelsFor } from './i18n.js';
import type { AuditAnswerResult, InternalAuditReportModel } from './models/internal-audit-report.js';
import { heading, keyValues, paragraph, tableOfContents } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import { renderReport, type RenderOptions } from './pdf/render.js';
import type { Tone } from './pdf/style.js';
import { table } from './pdf/table.js';

const TONE: Record<AuditAnswerResult, Tone | undefined> = {
  conforming: 'good',
  nonconforming: 'bad',
  observation: 'warn',
  not_applicable: undefined,
};

/** Writes the PDF to `out` and ends it; resolves when `out` has finished. */
export function renderInternalAuditReport(model: InternalAuditReportModel, out: Writable, options?: RenderOptions): Promise<void> {
  const l = labelsFor(model.lang);
  const r = l.internalAudit;
  const a = model.audit;
  const about = `${a.reference} — ${a.title}`;
  const count = (n: number) => formatNumber(n, model.lang);
  return renderReport(
    reportLayout({
      model,
      title: l.titles.internalAuditReport,
      about,
      compose: async (flow, fingerprint) => {
        await cover(flow, model, fingerprint, {
          title: l.titles.internalAuditReport,
          subtitle: about,
          facts: [
            [r.state, r.states[a.state]],
            [r.itemsAnswered, `${count(model.items.filter((i) => i.result !== null).length)} / ${count(model.items.length)}`],
            [r.findingsCount, count(model.findings.length)],
          ],
        });
        await tableOfContents(flow, { title: l.common.contents, page: l.common.page });
        await scopeAndCriteria(flow, model, l);
        await checklist(flow, model, l);
        await findings(flow, model, l);
        await conclusion(flow, model, l);
      },
    }),
    out,
    options,
  );
}

async function scopeAndCriteria(flow: PageFlow, model: InternalAuditReportModel, l: Labels): Promise<void> {
  const r = l.internalAudit;
  const a = model.audit;
  await heading(flow, r.scopeAndCriteria, 1);
  await keyValues(flow, [
    [r.scope, a.scope ?? '—'],
    [r.programme, a.programmeName ?? r.organisation],
    [r.processes, a.processes.join(', ') || '—'],
    [r.procedures, a.procedureKeys.join(', ') || '—'],
    [r.clauses, a.clauses.map((c) => `${c.number} ${c.title}`).join('; ') || '—'],
    [r.period, a.periodFrom && a.periodTo ? `${formatDate(a.periodFrom)} – ${formatDate(a.periodTo)}` : '—'],
    [r.plannedMonth, `${a.year}-${String(a.plannedMonth).padStart(2, '0')}`],
    [r.performedOn, a.performedOn ? formatDate(a.performedOn) : '—'],
  ]);
  await heading(flow, r.team, 2);
  await keyValues(flow, [[r.leadAuditor, a.leadAuditor ?? '—'], ...a.team.map((name): [string, string] => [r.member, name])]);
  await heading(flow, r.sample, 2);
  await keyValues(flow, [
    [r.executionsSampled, formatNumber(model.sample.executions, model.lang)],
    [r.deviationsSampled, model.sample.deviations.join(', ') || '—'],
  ]);
}

async function checklist(flow: PageFlow, model: InternalAuditReportModel, l: Labels): Promise<void> {
  const r = l.internalAudit;
  await heading(flow, r.checklist, 1, { newPage: 'landscape' });
  await table(
    flow,
    [
      { header: '#', weight: 0.4, align: 'right' },
      { header: r.item, weight: 3 },
      { header: r.result, weight: 1.2 },
      { header: r.notes, weight: 3 },
      { header: r.sampled, weight: 1.8 },
    ],
    model.items.map((i) => [
      formatNumber(i.seq, model.lang),
      `${i.title} (${i.ref})`,
      i.result === null ? r.results.unanswered : { text: r.results[i.result], tone: TONE[i.result] },
      i.notes ?? '—',
      [i.executions ? fill(r.executions, { n: formatNumber(i.executions, model.lang) }) : '', i.deviations.join(', ')]
        .filter(Boolean)
        .join('; ') || '—',
    ]),
    { size: 8, emptyText: l.common.none },
  );
}

async function findings(flow: PageFlow, model: InternalAuditReportModel, l: Labels): Promise<void> {
  const r = l.internalAudit;
  await heading(flow, r.findings, 1);
  if (model.findings.length === 0) {
    await paragraph(flow, r.noFindings);
    return;
  }
  await table(
    flow,
    [
      { header: '#', weight: 0.4, align: 'right' },
      { header: r.kind, weight: 1.6 },
      { header: r.grade, weight: 0.8 },
      { header: l.common.title, weight: 3.5 },
      { header: r.item, weight: 0.8 },
      { header: r.link, weight: 1.8 },
      { header: r.state, weight: 1.1 },
    ],
    model.findings.map((f) => [
      formatNumber(f.seq, model.lang),
      r.kinds[f.kind],
      f.grade ? r.grades[f.grade] : '—',
      `${f.title}: ${f.description}`,
      f.items.join(', '),
      f.opened ?? '—',
      { text: f.handled ? r.handled : r.notHandled, tone: f.handled ? 'good' : 'warn' },
    ]),
    { size: 8, emptyText: r.noFindings },
  );
}

async function conclusion(flow: PageFlow, model: InternalAuditReportModel, l: Labels): Promise<void> {
  const r = l.internalAudit;
  await heading(flow, r.conclusion, 1);
  await paragraph(flow, model.audit.conclusion ?? '—');
  await heading(flow, r.signature, 2);
  const s = model.signature;
  await paragraph(
    flow,
    s ? fill(r.signedBy, { name: s.signerName, meaning: s.meaning, at: formatDateTime(s.signedAt, model.timeZone) }) : r.notSigned,
  );
  if (s?.contentHash) await paragraph(flow, s.contentHash, { size: 7 });
}
