/**
 * Renders the programme evidence report: the document a quality manager hands to the
 * certification auditor. Sections follow the order an audit usually takes: what was required
 * (procedures in force), of whom (participants), whether it was done (conformance matrix), what
 * went wrong and what was done about it (deviations, corrective actions), the results
 * (indicators), and the integrity of the records (audit trail).
 */
import type { Writable } from 'node:stream';
import { evidenceIndicators, evidenceObjectives, auditTrailSection } from './evidence-indicators.js';
import { conformanceMatrix, correctiveActions, deviationsRegister, participants, proceduresInForce } from './evidence-registers.js';
import { recurringActivities } from './evidence-recurring.js';
import { satisfactionSurveys } from './evidence-surveys.js';
import { caseFiles } from './case-files.js';
import { controlledDocuments } from './evidence-documents.js';
import { cover, reportLayout } from './frame.js';
import { fill, formatDate, labelsFor } from './i18n.js';
import type { EvidenceReportModel } from './models/evidence-report.js';
import { tableOfContents } from './pdf/blocks.js';
import { renderReport, type RenderOptions } from './pdf/render.js';

/**
 * Writes the PDF to `out` and ends it; resolves when `out` has finished. Progress is reported
 * in pages of the drawing pass.
 */
export function renderEvidenceReport(model: EvidenceReportModel, out: Writable, options?: RenderOptions): Promise<void> {
  const l = labelsFor(model.lang);
  const period = fill(l.common.periodValue, { from: formatDate(model.period.from), to: formatDate(model.period.to) });
  return renderReport(
    reportLayout({
      model,
      title: l.titles.evidenceReport,
      about: `${model.programme.name} · ${period}`,
      compose: async (flow, fingerprint) => {
        await cover(flow, model, fingerprint, {
          title: l.titles.evidenceReport,
          subtitle: model.programme.name,
          facts: [
            [l.common.programme, model.programme.name],
            [l.common.period, period],
          ],
        });
        await tableOfContents(flow, { title: l.common.contents, page: l.common.page });
        await proceduresInForce(flow, model, l);
        await participants(flow, model, l);
        await conformanceMatrix(flow, model, l);
        await recurringActivities(flow, model, l);
        await deviationsRegister(flow, model, l);
        await correctiveActions(flow, model, l);
        await evidenceIndicators(flow, model, l);
        await satisfactionSurveys(flow, model, l);
        await controlledDocuments(flow, model, l);
        await evidenceObjectives(flow, model, l);
        await auditTrailSection(flow, model, l);
        await caseFiles(flow, model, l);
      },
    }),
    out,
    options,
  );
}
