/**
 * The controlled-documents section of the evidence report: each document in force that asks for
 * "read and understood", with how many of the people asked have acknowledged it ("12 of 14"), and
 * the same for procedures. A model without `documents` (made before documents existed) has no
 * documents table, one without `procedureAcknowledgements` no procedures table; neither, no section.
 */
import { fill, formatDate, formatDateTime, formatNumber, localise, type Labels } from './i18n.js';
import type { EvidenceReportModel } from './models/evidence-report.js';
import { heading, paragraph } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import { table } from './pdf/table.js';

export async function controlledDocuments(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  if (!model.documents && !model.procedureAcknowledgements) return;
  const d = l.documents;
  const n = (x: number) => formatNumber(x, model.lang);
  await heading(flow, d.heading, 1);
  await paragraph(flow, d.intro);
  if (model.documents) await documentsTable(flow, model.documents, l, n);
  if (model.procedureAcknowledgements) {
    await heading(flow, d.proceduresHeading, 2);
    await paragraph(flow, d.proceduresIntro);
    await table(
      flow,
      [
        { header: d.procedure, weight: 4.4 },
        { header: d.version, weight: 0.8, align: 'right' },
        { header: d.effectiveFrom, weight: 1.6 },
        { header: d.acknowledged, weight: 1.3, align: 'right' },
      ],
      model.procedureAcknowledgements.map((x) => [
        `${localise(x.title, model.lang)} (${x.key})`,
        n(x.version),
        formatDateTime(x.effectiveFrom, model.timeZone),
        fill(d.acknowledgedValue, { acknowledged: n(x.acknowledged), required: n(x.required) }),
      ]),
      { emptyText: d.noProcedure },
    );
  }
}

async function documentsTable(
  flow: PageFlow,
  documents: NonNullable<EvidenceReportModel['documents']>,
  l: Labels,
  n: (x: number) => string,
): Promise<void> {
  const d = l.documents;
  await table(
    flow,
    [
      { header: d.reference, weight: 1.4 },
      { header: d.title, weight: 3 },
      { header: d.version, weight: 0.8, align: 'right' },
      { header: d.effectiveOn, weight: 1.3 },
      { header: d.acknowledged, weight: 1.3, align: 'right' },
    ],
    documents.map((x) => [
      x.reference,
      x.title,
      n(x.version),
      formatDate(x.effectiveOn),
      fill(d.acknowledgedValue, { acknowledged: n(x.acknowledged), required: n(x.required) }),
    ]),
    { emptyText: d.none },
  );
}
