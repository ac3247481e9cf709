/**
 * Renders the controlled procedure document: one version of a procedure as it is (or was) in
 * force, with its revision history and the signatures bound to its content hash.
 */
import type { Writable } from 'node:stream';
import type { FieldDefinition, StepDefinition } from '../procedures/procedure-definition.js';
import { cover, reportLayout } from './frame.js';
import { fill, formatDateTime, formatNumber, type Labels, labelsFor, localise, yesNo } from './i18n.js';
import type { ReportLanguage } from './models/codes.js';
import type { ProcedureDocumentModel } from './models/procedure-document.js';
import { heading, keyValues, paragraph, tableOfContents } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import { renderReport, type RenderOptions } from './pdf/render.js';
import { table } from './pdf/table.js';

/** Writes the PDF to `out` and ends it; resolves when `out` has finished. */
export function renderProcedureDocument(model: ProcedureDocumentModel, out: Writable, options?: RenderOptions): Promise<void> {
  const l = labelsFor(model.lang);
  const d = model.definition;
  return renderReport(
    reportLayout({
      model,
      title: l.titles.procedureDocument,
      about: `${d.key} · ${l.common.version} ${model.version.number}`,
      compose: (flow, fingerprint) => compose(flow, model, fingerprint, l),
    }),
    out,
    options,
  );
}

async function compose(flow: PageFlow, model: ProcedureDocumentModel, fingerprint: string, l: Labels): Promise<void> {
  const { lang, definition: d, version: v } = model;
  const p = l.procedure;
  const when = (at: string | null): string => (at === null ? '—' : formatDateTime(at, model.timeZone));
  await cover(flow, model, fingerprint, {
    title: l.titles.procedureDocument,
    subtitle: `${d.key} — ${localise(d.title, lang)}`,
    facts: [
      [p.key, d.key],
      [l.common.version, String(v.number)],
      [l.common.status, l.versionStatus[v.status]],
      [p.effectiveFrom, when(v.effectiveFrom)],
      [p.contentHash, v.contentHash],
    ],
  });
  await tableOfContents(flow, { title: l.common.contents, page: l.common.page });

  await heading(flow, p.documentControl, 1);
  await keyValues(flow, [
    [p.key, d.key],
    [l.common.title, localise(d.title, lang)],
    [l.common.version, String(v.number)],
    [l.common.status, l.versionStatus[v.status]],
    [p.effectiveFrom, when(v.effectiveFrom)],
    [p.supersededAt, when(v.supersededAt)],
    [p.retiredAt, when(v.retiredAt)],
    [p.contentHash, v.contentHash],
    [p.changeSummary, v.changeSummary ?? '—'],
    [
      p.contributors,
      v.contributors.length
        ? v.contributors.map((c) => `${c.name} (${c.contributions.map((k) => p.contribution[k]).join(', ')})`).join('\n')
        : '—',
    ],
  ]);

  await heading(flow, p.purposeAndScope, 1);
  await paragraph(flow, localise(d.purpose, lang));
  await keyValues(flow, [
    [p.subject, l.subject[d.subject]],
    [p.responsibleRoles, d.responsibleRoles.map((r) => l.staffRole[r]).join(', ')],
    [p.ordered, yesNo(d.ordered, lang)],
    ...(d.appliesWhen
      ? [
          [
            p.appliesWhen,
            fill(p.appliesWhenValue, { statuses: d.appliesWhen.status.in.map((s) => subjectStatusWord(s, l)).join(p.or) }),
          ] as const,
        ]
      : []),
    ...(d.afterClose ? [[p.afterClose, yesNo(true, lang)] as const] : []),
    ...(d.references?.length ? [[p.references, d.references.join('\n')] as const] : []),
  ]);

  await heading(flow, p.timeWindow, 1);
  const anchorProcedure = d.window.procedure
    ? [
        [
          p.anchorProcedure,
          model.anchorProcedureTitle ? `${d.window.procedure} — ${localise(model.anchorProcedureTitle, lang)}` : d.window.procedure,
        ] as const,
      ]
    : [];
  await keyValues(flow, [
    [p.anchor, l.anchor[d.window.anchor]],
    ...anchorProcedure,
    [p.window, fill(p.windowValue, { from: d.window.fromDays, to: d.window.toDays })],
  ]);

  await heading(flow, p.steps, 1);
  for (const [i, step] of d.steps.entries()) await stepSection(flow, step, i + 1, lang, l);

  await heading(flow, p.revisionHistory, 1);
  await table(
    flow,
    [
      { header: l.common.version, weight: 0.8, align: 'right' },
      { header: l.common.status, weight: 1.3 },
      { header: p.effectiveFrom, weight: 1.5 },
      { header: p.supersededAt, weight: 1.5 },
      { header: p.changeSummary, weight: 3.2 },
      { header: p.author, weight: 1.6 },
    ],
    model.revisions.map((r) => [
      String(r.number),
      { text: l.versionStatus[r.status], bold: r.number === v.number },
      when(r.effectiveFrom),
      when(r.supersededAt),
      r.changeSummary ?? '—',
      r.authorNames.join(', ') || '—',
    ]),
    { emptyText: l.common.none },
  );

  await heading(flow, p.signatures, 1);
  await table(
    flow,
    [
      { header: p.signer, weight: 1.5 },
      { header: p.meaning, weight: 1.1 },
      { header: p.signedAt, weight: 1.3 },
      { header: p.comment, weight: 1.6 },
      { header: p.signedHash, weight: 2.6 },
    ],
    model.signatures.map((s) => [
      s.signerName,
      s.meaning,
      formatDateTime(s.signedAt, model.timeZone),
      s.comment ?? '—',
      s.contentHash === null
        ? '—'
        : {
            text: `${s.contentHash} (${s.contentHash === v.contentHash ? p.hashMatches : p.hashDiffers})`,
            tone: s.contentHash === v.contentHash ? undefined : 'bad',
          },
    ]),
    { emptyText: p.noSignatures },
  );
}

async function stepSection(flow: PageFlow, step: StepDefinition, n: number, lang: ReportLanguage, l: Labels): Promise<void> {
  const p = l.procedure;
  await heading(flow, `${fill(p.step, { n })}: ${localise(step.title, lang)}`, 2);
  if (step.description) await paragraph(flow, localise(step.description, lang));
  await keyValues(flow, [
    [p.required, yesNo(step.required, lang)],
    [p.performerRoles, step.performerRoles?.length ? step.performerRoles.map((r) => l.staffRole[r]).join(', ') : p.anyStaff],
    [p.requiredCompetence, step.requiredCompetence ?? '—'],
    [p.evidence, step.evidence ? localise(step.evidence, lang) : '—'],
  ]);
  await table(
    flow,
    [
      { header: p.field, weight: 2.4 },
      { header: p.fieldKey, weight: 1.9 },
      { header: p.fieldType, weight: 1 },
      { header: p.required, weight: 1 },
      { header: p.constraints, weight: 2.6 },
    ],
    step.fields.map((f) => [
      localise(f.label, lang) + (f.help ? `\n${localise(f.help, lang)}` : ''),
      f.key,
      l.fieldType[f.type],
      yesNo(f.required, lang),
      constraints(f, lang, l, step.fields),
    ]),
    { emptyText: l.common.none },
  );
}

/** "1 to 5", or an open range in words: "at least 3", "at most 10". */
function range(min: number | undefined, max: number | undefined, lang: ReportLanguage, l: Labels): string {
  const n = (v: number) => formatNumber(v, lang, Number.isInteger(v) ? 0 : String(v).split('.')[1].length);
  if (min !== undefined && max !== undefined) return fill(l.procedure.range, { min: n(min), max: n(max) });
  return min !== undefined ? fill(l.procedure.atLeast, { min: n(min) }) : fill(l.procedure.atMost, { max: n(max!) });
}

function constraints(field: FieldDefinition, lang: ReportLanguage, l: Labels, siblings: readonly FieldDefinition[]): string {
  const p = l.procedure;
  const lines: string[] = [];
  if (field.options?.length) lines.push(...field.options.map((o) => `${o.value}: ${localise(o.label, lang)}`));
  if (field.items?.length) lines.push(...field.items.map((i) => `${i.key}: ${localise(i.label, lang)}`));
  if (field.min !== undefined || field.max !== undefined) {
    const r = range(field.min, field.max, lang, l);
    lines.push(field.type === 'multiselect' ? fill(p.choose, { range: r }) : r);
  }
  if (field.unit) lines.push(fill(p.unit, { unit: localise(field.unit, lang) }));
  const expected = expectedText(field, lang, l);
  if (expected) lines.push(fill(p.expected, { value: expected }));
  const c = field.requiredWhen;
  if (c) {
    const other = siblings.find((f) => f.key === c.field);
    const values = (c.equals !== undefined ? [c.equals] : (c.in ?? [])).map((v) => valueText(other, v, lang));
    lines.push(fill(p.requiredWhen, { field: other ? localise(other.label, lang) : c.field, values: values.join(p.or) }));
  }
  for (const e of field.effects ?? []) {
    const values = (e.when.equals !== undefined ? [e.when.equals] : (e.when.in ?? [])).map((v) => valueText(field, v, lang));
    lines.push(fill(p.effect, { values: values.join(p.or), status: subjectStatusWord(e.status, l) }));
  }
  return lines.join('\n') || '—';
}

function subjectStatusWord(status: string, l: Labels): string {
  const words: Record<string, string> = { ...l.participantStatus, ...l.subjectStatus };
  return words[status] ?? status;
}

/** An option's label, yes/no, or the value itself. */
function valueText(field: FieldDefinition | undefined, v: string | number | boolean, lang: ReportLanguage): string {
  if (typeof v === 'boolean') return yesNo(v, lang);
  const label = field?.options?.find((o) => o.value === v)?.label ?? field?.items?.find((i) => i.key === v)?.label;
  return label ? localise(label, lang) : String(v);
}

/** What conforms, in words; a checklist without `expected` expects every item ticked. */
function expectedText(field: FieldDefinition, lang: ReportLanguage, l: Labels): string {
  const e = field.expected;
  const p = l.procedure;
  if (e === undefined) return field.type === 'checklist' ? p.expectedAllTicked : '';
  if (typeof e === 'boolean') return yesNo(e, lang);
  if (e.min !== undefined || e.max !== undefined) return range(e.min, e.max, lang, l);
  if (e.oneOf) return fill(p.expectedOneOf, { values: e.oneOf.map((v) => valueText(field, v, lang)).join(p.or) });
  return fill(p.expectedTicked, { items: (e.ticked ?? []).map((v) => valueText(field, v, lang)).join(', ') || '—' });
}
