/**
 * The case files of the evidence report: one per subject (or per sampled subject), each starting
 * on a new page. A case file is drawn from its part of the model when the flow reaches it, so
 * only one subject's text is laid out at a time, however many subjects the programme has.
 */
import { fill, formatDate, formatDateTime, type Labels, localise } from './i18n.js';
import type { CaseAction, CaseDeviation, CaseExecution, CaseFile, EvidenceReportModel } from './models/evidence-report.js';
import type { SignatureEntry } from './models/codes.js';
import { heading, keyValues, paragraph } from './pdf/blocks.js';
import type { PageFlow } from './pdf/layout.js';
import { COLOR, SIZE } from './pdf/style.js';
import { table } from './pdf/table.js';

/** "v1", or "v1, superseded by v2 on 2025-06-01" for a version no longer in force. */
export function versionMarker(model: EvidenceReportModel, l: Labels): (key: string, version: number) => string {
  const superseded = new Map(model.supersededVersions.map((s) => [`${s.key}\u0000${s.version}`, s]));
  return (key, version) => {
    const s = superseded.get(`${key}\u0000${version}`);
    return s
      ? fill(l.evidence.supersededMark, { version, by: s.by, date: formatDate(formatDateTime(s.on, model.timeZone).slice(0, 10)) })
      : `v${version}`;
  };
}

/** Room kept for a case file's start (its heading, the first execution's heading and facts), and for an execution's. */
const KEEP_CASE_FILE = 190;
const KEEP_EXECUTION = 140;
/** Room kept for a deviation's or an action's heading with its first facts. */
const KEEP_DEVIATION = 110;
const KEEP_ACTION = 80;

export async function caseFiles(flow: PageFlow, model: EvidenceReportModel, l: Labels): Promise<void> {
  const e = l.evidence;
  const files = model.caseFiles;
  await heading(flow, e.caseFiles, 1, { newPage: 'portrait' });
  await paragraph(
    flow,
    files.sample
      ? fill(e.caseFilesSample, { size: files.sample.size, of: files.sample.of, seed: files.sample.seed })
      : fill(e.caseFilesAll, { count: files.subjects.length }),
  );
  if (files.sample) await keyValues(flow, [[e.sampleSeed, String(files.sample.seed)]]);
  if (!model.includeNames) await paragraph(flow, e.withheldNote, { size: SIZE.small, color: COLOR.muted });
  const version = versionMarker(model, l);
  for (const file of files.subjects) await caseFile(flow, model, l, file, version);
}

async function caseFile(
  flow: PageFlow,
  model: EvidenceReportModel,
  l: Labels,
  file: CaseFile,
  version: (key: string, n: number) => string,
): Promise<void> {
  const e = l.evidence;
  const name = model.includeNames && file.name ? ` · ${file.name}` : '';
  // One after the other rather than a page each: ten thousand subjects would otherwise print
  // ten thousand mostly empty pages. A case file starts where its heading, its first execution's
  // heading and facts fit together, so no heading ends a page alone.
  await flow.ensure(KEEP_CASE_FILE);
  await heading(flow, `${file.subject} · ${l.subject[file.subjectType]}${name}`, 2, { listed: false });
  if (file.executions.length === 0) await paragraph(flow, e.noExecutions, { color: COLOR.muted });
  for (const x of file.executions) await execution(flow, model, l, x, version);
  await heading(flow, fill(e.deviationsOfSubject, { subject: file.subject }), 3, { numbered: false });
  if (file.deviations.length === 0) await paragraph(flow, e.noSubjectDeviations, { color: COLOR.muted });
  for (const d of file.deviations) await deviation(flow, model, l, d, version);
}

async function execution(
  flow: PageFlow,
  model: EvidenceReportModel,
  l: Labels,
  x: CaseExecution,
  version: (key: string, n: number) => string,
): Promise<void> {
  const e = l.evidence;
  const at = (instant: string) => formatDateTime(instant, model.timeZone);
  await flow.ensure(KEEP_EXECUTION);
  await heading(flow, `${x.procedureKey} · ${localise(x.title, model.lang)}`, 3, { numbered: false });
  const judgements = x.judgements.map((j) =>
    fill(e.judgementValue, {
      status: l.conformanceStatus[j.conformance],
      at: at(j.judgedAt),
      version: j.version,
      cause: j.cause === 'correction' ? e.judgementCause.correction : j.cause === 'completion' ? e.judgementCause.completion : j.cause,
    }),
  );
  await keyValues(
    flow,
    [
      [e.pinnedVersion, version(x.procedureKey, x.version)],
      [l.procedure.contentHash, x.contentHash],
      [e.started, at(x.startedAt)],
      [e.completedAt, x.completedAt ? at(x.completedAt) : e.stillOpen],
      ...(x.cancellation
        ? [[e.cancelled, fill(e.cancelledValue, { at: at(x.cancellation.at), reason: x.cancellation.reason ?? '—' })] as const]
        : []),
      [e.judgement, judgements.length ? judgements.join('\n') : e.notJudged],
      ...(x.conformingAfterCorrection
        ? [
            [
              l.conformanceStatus.conforming_after_correction,
              x.conformingAfterCorrection.approvedBy && x.conformingAfterCorrection.approvedAt
                ? fill(e.correctionApproved, {
                    name: x.conformingAfterCorrection.approvedBy,
                    at: at(x.conformingAfterCorrection.approvedAt),
                    reason: x.conformingAfterCorrection.reason ?? '—',
                  })
                : e.correctionBeforeApproval,
            ] as const,
          ]
        : []),
    ],
    { size: SIZE.small, labelWidth: 120 },
  );
  const yes = (v: boolean) => (v ? l.common.yes : l.common.no);
  await table(
    flow,
    [
      { header: e.step, weight: 1.1 },
      { header: e.performed, weight: 1.2 },
      { header: e.performer, weight: 1.2 },
      { header: e.recorded, weight: 1.2 },
      { header: e.values, weight: 2.6 },
    ],
    x.steps.map((s) => [
      s.stepKey,
      at(s.performedAt),
      s.performedBy ?? '—',
      at(s.recordedAt),
      [
        ...s.values.map(
          (v) => `${v.field}: ${v.words ? localise(v.words, model.lang) : typeof v.value === 'boolean' ? yes(v.value) : String(v.value)}`,
        ),
        ...s.withheld.map((f) => `${f}: ${e.withheld}`),
        ...(s.notes !== null ? [`${e.notes}: ${s.notes}`] : s.notesWithheld ? [`${e.notes}: ${e.withheld}`] : []),
      ].join('\n') || '—',
    ]),
    { size: 7.5, emptyText: l.common.none },
  );
  if (x.corrections.length) {
    await paragraph(flow, e.corrections, { face: 'bold', size: SIZE.small });
    await table(
      flow,
      [
        { header: e.step, weight: 1 },
        { header: e.correctedAt, weight: 1.2 },
        { header: e.correctedBy, weight: 1.1 },
        { header: e.reason, weight: 1.8 },
        { header: e.oldToNew, weight: 2.4 },
      ],
      x.corrections.map((c) => [
        c.stepKey,
        at(c.at),
        c.by ?? '—',
        c.reason,
        c.changes
          .map((ch) => {
            if (ch.withheld) return `${ch.field}: ${e.withheld}`;
            const show = (v: string | null) => (v === null ? '—' : ch.field === 'performedAt' ? at(v) : v);
            return `${ch.field === 'performedAt' ? e.performedAtField : ch.field}: ${show(ch.old)} → ${show(ch.new)}`;
          })
          .join('\n') || '—',
      ]),
      { size: 7.5 },
    );
  }
  const latest = x.judgements[x.judgements.length - 1];
  if (latest) {
    const findings = latest.findings.map((f) => {
      const what = f.rule ? l.deviationRule[f.rule] : '—';
      return f.stepKey ? `• ${what} (${e.step.toLowerCase()} ${f.stepKey})` : `• ${what}`;
    });
    await paragraph(flow, `${e.findings}: ${findings.length ? '' : e.noFindings}`, {
      face: 'bold',
      size: SIZE.small,
      gapAfter: 1,
    });
    for (const f of findings) await paragraph(flow, f, { size: SIZE.small, indent: 10, gapAfter: 1 });
    await paragraph(flow, '', { size: 4 });
  }
}

function signatureLines(model: EvidenceReportModel, l: Labels, signatures: readonly SignatureEntry[]): string {
  if (signatures.length === 0) return '—';
  return signatures
    .map((s) => {
      const line = fill(l.evidence.signatureValue, {
        name: s.signerName,
        meaning: s.meaning,
        at: formatDateTime(s.signedAt, model.timeZone),
      });
      return s.contentHash ? `${line}\n${fill(l.evidence.contentHashSigned, { hash: s.contentHash })}` : line;
    })
    .join('\n');
}

function metLabel(l: Labels, met: boolean | null): string {
  return met === null ? l.evidence.notYetDue : met ? l.evidence.met : l.evidence.notMet;
}

async function deviation(
  flow: PageFlow,
  model: EvidenceReportModel,
  l: Labels,
  d: CaseDeviation,
  version: (key: string, n: number) => string,
): Promise<void> {
  const e = l.evidence;
  const at = (instant: string) => formatDateTime(instant, model.timeZone);
  const title = d.rule === null ? d.title : l.deviationRule[d.rule];
  await flow.ensure(KEEP_DEVIATION);
  await paragraph(flow, `${d.reference} · ${title}`, { face: 'bold', size: SIZE.body, gapAfter: 2 });
  const procedure =
    d.procedureKey === null
      ? '—'
      : d.procedureVersion === null
        ? d.procedureKey
        : `${d.procedureKey} ${version(d.procedureKey, d.procedureVersion)}`;
  await keyValues(
    flow,
    [
      [e.severity, l.severity[d.severity]],
      [l.common.state, l.deviationState[d.state]],
      [e.procedure, procedure],
      [e.occurredAt, at(d.occurredAt)],
      [e.detectedAt, at(d.detectedAt)],
      [e.containment, d.containment ?? '—'],
      [e.rootCause, d.rootCause ?? '—'],
      [e.targetDate, d.state === 'cancelled' ? formatDate(d.targetDate) : `${formatDate(d.targetDate)} (${metLabel(l, d.targetMet)})`],
      [e.closedAt, d.closedAt ? at(d.closedAt) : '—'],
      ...(d.cancellationReason !== null || d.state === 'cancelled' ? [[e.cancellationReason, d.cancellationReason ?? '—'] as const] : []),
      [e.signatures, signatureLines(model, l, d.signatures)],
    ],
    { size: SIZE.small, labelWidth: 120 },
  );
  for (const a of d.actions) await action(flow, model, l, a);
}

async function action(flow: PageFlow, model: EvidenceReportModel, l: Labels, a: CaseAction): Promise<void> {
  const e = l.evidence;
  const at = (instant: string) => formatDateTime(instant, model.timeZone);
  await flow.ensure(KEEP_ACTION);
  await paragraph(flow, `${a.reference} · ${l.actionType[a.type]}`, {
    face: 'bold',
    size: SIZE.small,
    indent: 10,
    gapAfter: 2,
  });
  const rows: (readonly [string, string])[] = [
    [e.description, a.description],
    [e.owner, a.ownerName],
    [l.common.state, l.actionState[a.state]],
    [e.dueOn, a.state === 'cancelled' ? formatDate(a.dueOn) : `${formatDate(a.dueOn)} (${metLabel(l, a.dueMet)})`],
    [e.effectivenessCriterion, a.effectivenessCriterion],
    [
      e.effectiveness,
      a.effectiveness
        ? fill(e.effectivenessValue, { verdict: l.verdict[a.effectiveness.verdict], at: at(a.effectiveness.at) })
        : e.notChecked,
    ],
    [e.effectivenessEvidence, a.effectiveness?.evidence ?? '—'],
    ...(a.cancellationReason !== null || a.state === 'cancelled' ? [[e.cancellationReason, a.cancellationReason ?? '—'] as const] : []),
    [e.signatures, signatureLines(model, l, a.signatures)],
  ];
  await keyValues(flow, rows, { size: SIZE.small, labelWidth: 120 });
}
