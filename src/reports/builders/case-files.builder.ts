/**
 * The case files of the evidence report: for each subject (or each sampled subject), every
 * execution with its records, corrections and judgements, and every deviation concerning it with
 * its corrective actions and signatures. A fixed number of queries for any number of subjects.
 * For a reader not entitled to names (`ProgrammeAccess.identifies`), what was written in words
 * about the subject (text fields, notes) is withheld, exactly as the execution view withholds it.
 */
import type { EntityManager } from 'typeorm';
import { localDate } from '../../common/calendar.js';
import { actionsForCaseFiles, deviationLinks, latestEffectivenessChecks } from '../../corrective-actions/corrective-actions.queries.js';
import { actionsLinkedTo } from '../../corrective-actions/corrective-actions.queries.js';
import { deviationsForCaseFiles } from '../../deviations/deviations.queries.js';
import type { DeviationCaseRow } from '../../deviations/deviations.queries.js';
import { correctionMarks } from '../../executions/corrections.queries.js';
import { executionsOfSubjects, judgementsOf, stepRecordsOf } from '../../executions/executions.queries.js';
import type { CaseExecutionRow } from '../../executions/executions.queries.js';
import type { StepRecord } from '../../executions/execution.entity.js';
import type { FieldDefinition, LocalisedText, ProcedureDefinition, Subject } from '../../procedures/procedure-definition.js';
import { versionsById } from '../../procedures/procedures.queries.js';
import { matrixPairs } from '../../programmes/programmes.queries.js';
import type { EnrolledParticipantRow as ParticipantRow } from '../../programmes/programmes.queries.js';
import type { SignaturesService } from '../../signatures/signatures.service.js';
import { userNames } from '../../users/users.queries.js';
import { DEVIATION_RULES } from '../models/codes.js';
import type { DeviationRule } from '../models/codes.js';
import type { CaseAction, CaseCorrection, CaseDeviation, CaseExecution, CaseFile, CaseFiles, CaseStep } from '../models/evidence-report.js';
import { signatureEntry } from './report-header.js';
import { samplePositions } from './sampling.js';

export interface CaseFileRequest {
  programmeId: string;
  timeZone: string;
  /** The day open deviations and actions are judged on (met or not their target date). */
  asOf: string;
  names: boolean;
  /** The participants of the programme, by role and code (as the participants table lists them). */
  participants: readonly ParticipantRow[];
  sample: { size: number; seed: number } | null;
}

interface Subj {
  id: string;
  code: string;
  type: Subject;
  name: string;
  participantId: string | null;
}

const rule = (value: unknown): DeviationRule | null => DEVIATION_RULES.find((r) => r === value) ?? null;

export async function buildCaseFiles(m: EntityManager, signatures: SignaturesService, req: CaseFileRequest): Promise<CaseFiles> {
  const byId = new Map(req.participants.map((p) => [p.id, p]));
  const all: Subj[] = [
    ...req.participants.map((p) => ({ id: p.id, code: p.code, type: p.role, name: p.fullName, participantId: p.id })),
    ...(await matrixPairs(m, req.programmeId)).map((pair) => {
      const mentor = byId.get(pair.mentor_id);
      const adept = byId.get(pair.adept_id);
      return {
        id: pair.id,
        code: `${mentor?.code ?? '?'}/${adept?.code ?? '?'}`,
        type: 'pair' as const,
        name: `${mentor?.fullName ?? '?'} / ${adept?.fullName ?? '?'}`,
        participantId: null,
      };
    }),
  ];
  const subjects = req.sample ? samplePositions(all.length, req.sample.size, req.sample.seed).map((i) => all[i]) : all;

  const executions = await executionsOfSubjects(
    m,
    req.programmeId,
    subjects.map((s) => s.id),
  );
  const executionIds = executions.map((e) => e.id);
  const versions = await versionsById(
    m,
    executions.map((e) => e.versionId),
  );
  const records = await stepRecordsOf(m, executionIds);
  const judgements = await judgementsOf(m, executionIds);
  const marks = await correctionMarks(m, executionIds);
  const deviations = await deviationsForCaseFiles(
    m,
    req.programmeId,
    subjects.flatMap((s) => (s.participantId ? [s.participantId] : [])),
    executionIds,
  );
  const deviationIds = deviations.map((d) => d.id);
  const actionIds = (await actionsLinkedTo(m, deviationIds)).map((a) => a.id);
  const actions = await actionsForCaseFiles(m, actionIds);
  const links = await deviationLinks(m, actionIds);
  const checks = new Map((await latestEffectivenessChecks(m, actionIds)).map((c) => [c.correctiveActionId, c]));
  const deviationSignatures = await signatures.listFor('deviation', deviationIds, m);
  const actionSignatures = await signatures.listFor('corrective_action', actionIds, m);
  const people = await userNames(m, [
    ...records.flatMap((r) => [r.performedBy, r.recordedBy].filter((x): x is string => x !== null)),
    ...actions.map((a) => a.ownerId),
    ...[...marks.values()].flatMap((k) => (k.approvedById ? [k.approvedById] : [])),
  ]);
  const person = (id: string | null): string | null => (id === null ? null : (people.get(id) ?? null));
  const day = (at: Date): string => localDate(at, req.timeZone);

  const recordsOf = group(records, (r) => r.executionId);
  const judgementsBy = group(judgements, (j) => j.executionId);
  const executionsOf = group(executions, (e) => e.participantId ?? e.pairId ?? '');

  const actionById = new Map(actions.map((a) => [a.id, a]));
  const linksOf = group(links, (l) => l.deviationId);
  const deviationSignaturesOf = group(deviationSignatures, (sg) => sg.recordId);
  const actionSignaturesOf = group(actionSignatures, (sg) => sg.recordId);
  const deviationsOfParticipant = group(
    deviations.filter((d) => d.participantId !== null),
    (d) => d.participantId!,
  );
  const deviationsOfExecution = group(
    deviations.filter((d) => d.executionId !== null),
    (d) => d.executionId!,
  );
  const caseAction = (id: string): CaseAction | null => {
    const a = actionById.get(id);
    if (!a) return null;
    const check = checks.get(a.id);
    const doneAt = a.implementedAt ?? a.closedAt;
    return {
      reference: a.reference,
      type: a.type,
      description: a.description,
      ownerName: person(a.ownerId) ?? '',
      state: a.state,
      dueOn: a.dueDate,
      dueMet: a.state === 'cancelled' ? null : doneAt ? day(doneAt) <= a.dueDate : req.asOf > a.dueDate ? false : null,
      effectivenessCriterion: a.effectivenessCriterion,
      effectiveness: check ? { verdict: check.verdict, at: check.occurredAt.toISOString(), evidence: check.evidence } : null,
      cancellationReason: a.cancellationReason,
      signatures: (actionSignaturesOf.get(a.id) ?? []).map(signatureEntry),
    };
  };
  const caseDeviation = (d: DeviationCaseRow): CaseDeviation => ({
    reference: d.reference,
    title: d.title,
    rule: rule(d.rule),
    severity: d.severity,
    state: d.state,
    occurredAt: d.occurredAt.toISOString(),
    detectedAt: d.detectedAt.toISOString(),
    closedAt: d.closedAt ? d.closedAt.toISOString() : null,
    procedureKey: d.procedureKey,
    procedureVersion: d.versionNumber,
    containment: d.containment,
    rootCause: d.rootCause,
    targetDate: d.targetDate,
    targetMet: d.state === 'cancelled' ? null : d.closedAt ? day(d.closedAt) <= d.targetDate : req.asOf > d.targetDate ? false : null,
    cancellationReason: d.cancellationReason,
    signatures: (deviationSignaturesOf.get(d.id) ?? []).map(signatureEntry),
    actions: (linksOf.get(d.id) ?? [])
      .map((l) => caseAction(l.correctiveActionId))
      .filter((a): a is CaseAction => a !== null)
      .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0)),
  });

  const caseExecution = (e: CaseExecutionRow): CaseExecution => {
    const definition = versions.get(e.versionId)?.definition;
    const own = recordsOf.get(e.id) ?? [];
    const superseding = new Map(own.filter((r) => r.supersedesId).map((r) => [r.supersedesId!, r]));
    const recordById = new Map(own.map((r) => [r.id, r]));
    return {
      procedureKey: e.procedureKey,
      title: definition?.title ?? { en: e.procedureKey },
      version: e.versionNumber,
      contentHash: e.contentHash,
      state: e.state,
      startedAt: e.createdAt.toISOString(),
      completedAt: e.completedAt ? e.completedAt.toISOString() : null,
      cancellation: e.cancelledAt ? { at: e.cancelledAt.toISOString(), reason: e.cancelReason } : null,
      conformingAfterCorrection: marks.has(e.id)
        ? {
            approvedBy: person(marks.get(e.id)!.approvedById),
            approvedAt: marks.get(e.id)!.approvedAt,
            reason: marks.get(e.id)!.reason,
          }
        : null,
      steps: own.filter((r) => !superseding.has(r.id)).map((r) => caseStep(r, definition, req.names, person)),
      corrections: own
        .filter((r) => r.supersedesId !== null)
        .map((r) => {
          const before = recordById.get(r.supersedesId!);
          return {
            stepKey: r.stepKey,
            by: person(r.recordedBy),
            at: r.recordedAt.toISOString(),
            reason: r.correctionReason ?? '',
            changes: before ? changes(before, r, fieldsOf(definition, r.stepKey), req.names) : [],
          };
        }),
      judgements: (judgementsBy.get(e.id) ?? []).map((j) => ({
        conformance: j.conformance,
        cause: j.cause,
        judgedAt: j.judgedAt.toISOString(),
        version: j.versionNumber,
        findings: (j.findings as { rule?: unknown; stepKey?: unknown }[]).map((f) => ({
          rule: rule(f.rule),
          stepKey: typeof f.stepKey === 'string' ? f.stepKey : null,
        })),
      })),
    };
  };

  const files: CaseFile[] = subjects.map((s) => {
    const own = executionsOf.get(s.id) ?? [];
    return {
      subject: s.code,
      subjectType: s.type,
      ...(req.names ? { name: s.name } : {}),
      executions: own.map(caseExecution),
      // By reference, each once: a deviation about the participant may also point at one of its executions.
      deviations: [
        ...new Set([
          ...(s.participantId === null ? [] : (deviationsOfParticipant.get(s.participantId) ?? [])),
          ...own.flatMap((e) => deviationsOfExecution.get(e.id) ?? []),
        ]),
      ]
        .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0))
        .map(caseDeviation),
    };
  });
  return { sample: req.sample ? { ...req.sample, size: subjects.length, of: all.length } : null, subjects: files };
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function fieldsOf(definition: ProcedureDefinition | undefined, stepKey: string): readonly FieldDefinition[] {
  return definition?.steps.find((s) => s.key === stepKey)?.fields ?? [];
}

/** Text fields, and anything the pinned definition does not type, are what was written about the subject. */
function isWords(fields: readonly FieldDefinition[], key: string): boolean {
  const type = fields.find((f) => f.key === key)?.type;
  return type === undefined || type === 'text';
}

function printable(value: unknown): string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
}

/** The labels of a multiselect's choices or a checklist's ticked items, joined, in each language; "—" for none. */
function listWords(field: FieldDefinition | undefined, value: unknown): LocalisedText | undefined {
  if (!field || (field.type !== 'multiselect' && field.type !== 'checklist') || !Array.isArray(value)) return undefined;
  const labels = field.type === 'multiselect' ? (field.options ?? []).map((o) => ({ key: o.value, label: o.label })) : (field.items ?? []);
  const chosen = value.map((v) => labels.find((l) => l.key === v)?.label ?? { en: String(v) });
  if (chosen.length === 0) return { en: '—' };
  const join = (lang: 'en' | 'sv' | 'nb') => chosen.map((c) => c[lang] ?? c.en).join(', ');
  return { en: join('en'), sv: join('sv'), nb: join('nb') };
}

function caseStep(
  r: StepRecord,
  definition: ProcedureDefinition | undefined,
  names: boolean,
  person: (id: string | null) => string | null,
): CaseStep {
  const fields = fieldsOf(definition, r.stepKey);
  const order = (key: string) => {
    const i = fields.findIndex((f) => f.key === key);
    return i < 0 ? fields.length : i;
  };
  const keys = Object.keys(r.values ?? {}).sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  const shown = keys.filter((k) => names || !isWords(fields, k));
  return {
    stepKey: r.stepKey,
    performedAt: r.performedAt.toISOString(),
    performedBy: person(r.performedBy),
    recordedAt: r.recordedAt.toISOString(),
    values: shown.map((k) => {
      const words = listWords(
        fields.find((f) => f.key === k),
        r.values[k],
      );
      return words ? { field: k, value: printable(r.values[k]), words } : { field: k, value: printable(r.values[k]) };
    }),
    withheld: keys.filter((k) => !shown.includes(k)),
    notes: names ? r.notes : null,
    notesWithheld: !names && r.notes !== null,
  };
}

/** Old → new of every field the correction changed, and of the time performed; withheld fields show neither value. */
function changes(before: StepRecord, after: StepRecord, fields: readonly FieldDefinition[], names: boolean): CaseCorrection['changes'] {
  const out: CaseCorrection['changes'] = [];
  if (before.performedAt.getTime() !== after.performedAt.getTime()) {
    out.push({ field: 'performedAt', old: before.performedAt.toISOString(), new: after.performedAt.toISOString(), withheld: false });
  }
  const keys = [...new Set([...Object.keys(before.values ?? {}), ...Object.keys(after.values ?? {})])].sort();
  const text = (v: unknown): string | null => (v === undefined || v === null ? null : String(printable(v)));
  for (const key of keys) {
    const a = before.values[key];
    const b = after.values[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (!names && isWords(fields, key)) out.push({ field: key, old: null, new: null, withheld: true });
    else out.push({ field: key, old: text(a), new: text(b), withheld: false });
  }
  if (names && (before.notes ?? null) !== (after.notes ?? null))
    out.push({ field: 'notes', old: before.notes, new: after.notes, withheld: false });
  return out;
}
