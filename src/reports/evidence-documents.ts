/**
 * The controlled-documents section of the evidence report: each document in force that asks for
 * "read and understood", with how many of the people asked have acknowledged it ("12 of 14").
 * Left out of a model that has no `documents` (made before documents existed).
 */
import { fill, formatDate, formatNumber, type Labels } from './i18n.js';
import type { EvidenceReportModel } from './models/evidence-report.js';
import { heading, paragraph } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import { table } from './pdf/table.js';

export async function controlledDocuments(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  if (!model.documents) return;
  const d = l.documents;
  const n = (x: number) => formatNumber(x, model.lang);
  await heading(flow, d.heading, 1);
  await paragraph(flow, d.intro);
  await table(
    flow,
    [
      { header: d.reference, weight: 1.4 },
      { header: d.title, weight: 3 },
      { header: d.version, weight: 0.8, align: 'right' },
      { header: d.effectiveOn, weight: 1.3 },
      { header: d.acknowledged, weight: 1.3, align: 'right' },
    ],
    model.documents.map((x) => [
      x.reference,
      x.title,
      n(x.version),
      formatDate(x.effectiveOn),
      fill(d.acknowledgedValue, { acknowledged: n(x.acknowledged), required: n(x.required) }),
    ]),
    { emptyText: d.none },
  );
}
