/**
 * The register sections of the evidence report: procedures in force, participants, the
 * conformance matrix, deviations and corrective actions. These are the long tables (thousands
 * of rows for a large programme): rows are produced lazily from the model as they are drawn.
 */
import { versionMarker } from './case-files.js';
import { conformanceTone } from './frame.js';
import { fill, formatDate, formatDateTime, formatNumber, type Labels, localise } from './i18n.js';
import type { ConformanceCell, DeviationRow, EvidenceReportModel } from './models/evidence-report.js';
import { heading, paragraph } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import { SIZE } from './pdf/style.js';
import { table, type TableCell, type TableColumn } from './pdf/table.js';

export async function proceduresInForce(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  const e = l.evidence;
  await heading(flow, e.proceduresInForce, 1, { newPage: 'portrait' });
  const version = versionMarker(model, l);
  await table(
    flow,
    [
      { header: l.procedure.key, weight: 1.5 },
      { header: l.common.title, weight: 1.7 },
      { header: l.common.version, weight: 0.8, align: 'right' },
      { header: l.procedure.effectiveFrom, weight: 1.2 },
      { header: e.approvals, weight: 1.8 },
      { header: l.procedure.contentHash, weight: 2.2 },
    ],
    model.procedures.map((p) => [
      p.key,
      localise(p.title, model.lang),
      // The column says "Version": the number alone, unless superseded ("v1, superseded by v2 on ...").
      version(p.key, p.version) === `v${p.version}` ? String(p.version) : version(p.key, p.version),
      formatDateTime(p.effectiveFrom, model.timeZone),
      p.approvals.length
        ? p.approvals.map((s) => `${s.signerName} (${s.meaning}), ${formatDateTime(s.signedAt, model.timeZone)}`).join('\n')
        : '—',
      p.contentHash,
    ]),
    { emptyText: l.common.none },
  );
}

export async function participants(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  const e = l.evidence;
  await heading(flow, e.participants, 1, { newPage: 'portrait' });
  // The flag decides, not the data: a name that slipped into a row is still never printed.
  const names = model.includeNames;
  const columns: TableColumn[] = [
    { header: e.code, weight: 1.1 },
    ...(names ? [{ header: e.name, weight: 2 }] : []),
    { header: e.role, weight: 1 },
    { header: e.gender, weight: 1.1 },
    { header: e.profession, weight: 2 },
    { header: e.enrolled, weight: 1.1 },
    { header: l.common.status, weight: 1 },
  ];
  function* rows(): Generator<TableCell[]> {
    for (const p of model.participants) {
      yield [
        p.code,
        ...(names ? [p.name ?? '—'] : []),
        l.participantRole[p.role],
        l.gender[p.gender],
        p.profession,
        formatDate(p.enrolledOn),
        l.participantStatus[p.status],
      ];
    }
  }
  await table(flow, columns, rows(), { emptyText: l.common.none });
}

/** Procedure columns per table: more would squeeze a status into an unreadable column. */
const MATRIX_COLUMNS = 9;

export async function conformanceMatrix(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  const e = l.evidence;
  const m = model.conformance;
  await heading(flow, e.conformanceMatrix, 1, { newPage: 'landscape' });
  await paragraph(flow, fill(e.asOf, { date: formatDate(m.asOf) }), { size: SIZE.small });
  const groups = Math.max(1, Math.ceil(m.procedures.length / MATRIX_COLUMNS));
  const version = versionMarker(model, l);
  for (let g = 0; g < groups; g++) {
    const from = g * MATRIX_COLUMNS;
    const to = Math.min(m.procedures.length, from + MATRIX_COLUMNS);
    if (groups > 1) {
      await heading(flow, fill(e.matrixPart, { from: from + 1, to, total: m.procedures.length }), 3, { numbered: false, newPage: g > 0 });
    }
    const columns: TableColumn[] = [
      { header: e.subject, weight: 1.25 },
      { header: l.evidence.type, weight: 1.1 },
      ...m.procedures.slice(from, to).map((p) => ({ header: `${p.key}\n${localise(p.title, model.lang)}`, weight: 1.5 })),
    ];
    function* rows(): Generator<TableCell[]> {
      for (const row of m.rows) {
        yield [
          row.subject,
          l.subject[row.subjectType],
          ...row.cells.slice(from, to).map((c, i) => matrixCell(c, l, (n) => version(m.procedures[from + i].key, n))),
        ];
      }
    }
    await table(flow, columns, rows(), { size: 7.5, emptyText: l.common.none });
  }
}

function matrixCell(cell: ConformanceCell | null, l: Labels, version: (n: number) => string): TableCell {
  if (cell === null) return '—';
  const text = cell.version === null ? l.conformanceStatus[cell.status] : `${l.conformanceStatus[cell.status]} · ${version(cell.version)}`;
  return { text, tone: conformanceTone(cell.status) };
}

export async function deviationsRegister(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  const e = l.evidence;
  await heading(flow, e.deviations, 1, { newPage: 'landscape' });
  const version = versionMarker(model, l);
  await table(
    flow,
    [
      { header: l.common.reference, weight: 1.35 },
      { header: e.occurredAt, weight: 1.1 },
      { header: e.detectedAt, weight: 1.1 },
      { header: e.severity, weight: 0.95 },
      { header: e.source, weight: 1.1 },
      { header: e.procedure, weight: 1.3 },
      { header: l.common.state, weight: 0.95 },
      { header: l.common.title, weight: 2.2 },
      { header: e.closedAt, weight: 1.1 },
    ],
    model.deviations.map((d) => [
      d.reference,
      formatDateTime(d.occurredAt, model.timeZone),
      formatDateTime(d.detectedAt, model.timeZone),
      { text: l.severity[d.severity], bold: d.severity === 'critical' },
      l.deviationSource[d.source],
      d.procedureKey === null
        ? '—'
        : d.procedureVersion === null
          ? d.procedureKey
          : `${d.procedureKey} ${version(d.procedureKey, d.procedureVersion)}`,
      l.deviationState[d.state],
      deviationTitle(d, l),
      d.closedAt === null ? '—' : formatDateTime(d.closedAt, model.timeZone),
    ]),
    { size: 7.5, emptyText: l.common.none },
  );
}

export async function correctiveActions(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  const e = l.evidence;
  await heading(flow, e.correctiveActions, 1, { newPage: 'landscape' });
  await table(
    flow,
    [
      { header: l.common.reference, weight: 1.25 },
      { header: e.type, weight: 1.1 },
      { header: e.description, weight: 2.3 },
      { header: e.owner, weight: 1.2 },
      { header: e.dueOn, weight: 1 },
      { header: l.common.state, weight: 1.1 },
      { header: e.overdueDays, weight: 0.9, align: 'right' },
      { header: e.effectiveness, weight: 1.1 },
      { header: e.boardDecisions, weight: 1.5 },
    ],
    model.correctiveActions.map((a) => [
      a.reference,
      l.actionType[a.type],
      a.description,
      a.ownerName,
      formatDate(a.dueOn),
      l.actionState[a.state],
      a.overdueDays > 0 ? { text: formatNumber(a.overdueDays, model.lang), tone: 'bad' } : '—',
      a.effectiveness === null ? '—' : { text: l.verdict[a.effectiveness], tone: a.effectiveness === 'effective' ? 'good' : 'bad' },
      a.boardDecisions.length ? a.boardDecisions.map((b) => `${l.boardDecision[b.decision]} ${formatDate(b.decidedOn)}`).join('\n') : '—',
    ]),
    { size: 7.5, emptyText: l.common.none },
  );
}

/**
 * An automatic deviation by its rule in the report's language, with the participant's code and the
 * steps concerned; one reported by a person as they titled it.
 */
function deviationTitle(d: DeviationRow, l: Labels): string {
  const title = d.rule === null ? d.title : d.subject === null ? l.deviationRule[d.rule] : `${l.deviationRule[d.rule]} (${d.subject})`;
  return d.steps.length ? `${title} · ${l.evidence.stepsConcerned}: ${d.steps.join(', ')}` : title;
}
