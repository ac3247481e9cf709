/**
 * Judges one execution of a procedure against the procedure version it is pinned to.
 * Pure and deterministic: the caller gathers the records, the anchor day and the performers'
 * training; the same input always gives the same findings in the same order.
 */
import type { Role } from '../common/roles.js';
import type { ProcedureDefinition, StepDefinition } from '../procedures/procedure-definition.js';
import { isUnexpected, missingRequiredFields } from './step-values.js';
import { type DateRange, isCalendarDate, localDate, parseInstant } from '../common/calendar.js';
import { boundedWindow } from './anchors.js';
import * as say from './conformance-details.js';

export interface TrainingRecordInput {
  module: string;
  /** YYYY-MM-DD */
  completedAt: string;
  /** YYYY-MM-DD, inclusive; null when the training does not expire. */
  validUntil: string | null;
}

export interface StepRecordInput {
  id: string;
  stepKey: string;
  values: Record<string, unknown>;
  /** ISO timestamp with offset (RFC 3339). */
  performedAt: string;
  performedBy: { id: string; roles: Role[] } | null;
  /** The performer's training records. */
  performerTraining: TrainingRecordInput[];
  /** Set when a later correction replaced this record; superseded records are not judged. */
  supersededById: string | null;
}

export interface ConformanceInput {
  definition: ProcedureDefinition;
  /**
   * When the pinned version became effective (RFC 3339), or null if it never did. A step performed
   * before it was not carried out under that version: a finding `before_effective`.
   */
  effectiveFrom: string | null;
  /** The anchor day (YYYY-MM-DD) the window is measured from, or null when unknown (e.g. the anchoring procedure is not completed). */
  anchorDate: string | null;
  /** The last day of the window at the latest, from the window's `until` (see anchors.ts windowEnd); absent or null: none. */
  windowEnd?: string | null;
  /** IANA time zone of the programme, e.g. Europe/Stockholm. */
  timeZone: string;
  records: StepRecordInput[];
}

/**
 * `unknown_step`: a current record names a step the pinned version does not define (see
 * evaluateConformance for why this is a finding rather than an error).
 */
export const FINDING_RULES = [
  'missing_step',
  'missing_field',
  'unexpected_value',
  'outside_window',
  'before_effective',
  'performer_role',
  'performer_competence',
  'order',
  'unknown_step',
] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

export interface Finding {
  rule: FindingRule;
  stepKey?: string;
  fieldKey?: string;
  recordId?: string;
  /** An English sentence for the auditor. */
  detail: string;
}

export interface ConformanceResult {
  status: 'conforming' | 'nonconforming';
  findings: Finding[];
  /** The allowed days, or null when the anchor day is unknown. */
  window: DateRange | null;
  /** False when the anchor day is unknown: no record was judged against the window. */
  windowJudged: boolean;
  /** Sentences for the auditor about what could not be judged (not findings). */
  notes: string[];
}

interface CurrentRecord {
  record: StepRecordInput;
  step: StepDefinition | undefined;
  stepIndex: number;
  at: number;
  day: string;
}

interface SortableFinding extends Finding {
  sortStep: number;
  sortRecord: number;
  sortField: number;
}

/** A valid training record for `module` on `day`, both ends of the validity inclusive. */
export function holdsValidTraining(training: readonly TrainingRecordInput[], module: string, day: string): boolean {
  return training.some(
    (t) => t.module === module && dateOf(t.completedAt) <= day && (t.validUntil === null || dateOf(t.validUntil) >= day),
  );
}

function dateOf(value: string): string {
  if (!isCalendarDate(value)) throw new RangeError(`training date must be YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * Records for step keys the version does not define are reported as `unknown_step` findings and
 * make the execution nonconforming, rather than throwing. They are legitimate stored data after a
 * migration to a newer version that dropped or renamed a step, and throwing would break the whole
 * conformance matrix over one execution while hiding the record from the auditor. Nonconforming,
 * because the execution no longer matches the documented procedure it is pinned to; a correction
 * (superseding the record) or a deliberate migration clears it.
 */
export function evaluateConformance(input: ConformanceInput): ConformanceResult {
  const { definition, anchorDate, timeZone } = input;
  const effectiveAt = input.effectiveFrom === null ? null : parseInstant(input.effectiveFrom);
  const stepIndex = new Map(definition.steps.map((s, i) => [s.key, i]));
  const window = anchorDate === null ? null : boundedWindow(anchorDate, definition.window, input.windowEnd ?? null);

  const current: CurrentRecord[] = input.records
    .filter((r) => r.supersededById === null)
    .map((record) => {
      const index = stepIndex.get(record.stepKey);
      return {
        record,
        step: index === undefined ? undefined : definition.steps[index],
        stepIndex: index ?? definition.steps.length,
        at: parseInstant(record.performedAt),
        day: localDate(record.performedAt, timeZone),
      };
    })
    // Performed order, ties by definition order (so same-instant steps in the right order pass).
    .sort((a, b) => a.at - b.at || a.stepIndex - b.stepIndex || compareStrings(a.record.id, b.record.id));

  const findings: SortableFinding[] = [];
  const add = (f: Finding, sortStep: number, sortRecord = -1, sortField = -1) => findings.push({ ...f, sortStep, sortRecord, sortField });

  definition.steps.forEach((step, i) => {
    if (step.required && !current.some((c) => c.step === step)) {
      add({ rule: 'missing_step', stepKey: step.key, detail: say.missingStep(step) }, i);
    }
  });

  current.forEach((c, pos) => {
    const { record, step, day } = c;
    if (!step) {
      add(
        { rule: 'unknown_step', stepKey: record.stepKey, recordId: record.id, detail: say.unknownStep(record, definition, day) },
        c.stepIndex,
        pos,
      );
      return;
    }
    for (const fieldKey of missingRequiredFields(step, record.values)) {
      const fieldIndex = step.fields.findIndex((f) => f.key === fieldKey);
      const detail = say.missingField(step, step.fields[fieldIndex], record, day);
      add({ rule: 'missing_field', stepKey: step.key, fieldKey, recordId: record.id, detail }, c.stepIndex, pos, fieldIndex);
    }
    step.fields.forEach((field, fieldIndex) => {
      const value = Object.hasOwn(record.values, field.key) ? record.values[field.key] : undefined;
      if (!isUnexpected(field, value)) return;
      const detail = say.unexpectedValue(step, field, record, day, value);
      add({ rule: 'unexpected_value', stepKey: step.key, fieldKey: field.key, recordId: record.id, detail }, c.stepIndex, pos, fieldIndex);
    });
    if (window && !(window.from <= day && day <= window.to)) {
      const detail = say.outsideWindow(step, record, day, timeZone, window, definition.window, anchorDate!);
      add({ rule: 'outside_window', stepKey: step.key, recordId: record.id, detail }, c.stepIndex, pos);
    }
    if (effectiveAt !== null && c.at < effectiveAt) {
      const detail = say.beforeEffective(step, record, input.effectiveFrom!, timeZone);
      add({ rule: 'before_effective', stepKey: step.key, recordId: record.id, detail }, c.stepIndex, pos);
    }
    // An empty list is read as absent ("any staff member"): refusing everyone would make the step
    // impossible to conform, which definition validation should catch instead.
    const roles = step.performerRoles ?? [];
    if (roles.length > 0 && !(record.performedBy && record.performedBy.roles.some((r) => roles.includes(r)))) {
      add(
        { rule: 'performer_role', stepKey: step.key, recordId: record.id, detail: say.performerRole(step, record, day) },
        c.stepIndex,
        pos,
      );
    }
    const module = step.requiredCompetence;
    if (module && !(record.performedBy && holdsValidTraining(record.performerTraining, module, day))) {
      const detail = say.performerCompetence(step, record, day, module);
      add({ rule: 'performer_competence', stepKey: step.key, recordId: record.id, detail }, c.stepIndex, pos);
    }
  });

  if (definition.ordered) {
    const reported = new Set<string>();
    current.forEach((c, i) => {
      if (!c.step || reported.has(c.step.key)) return;
      // Later-performed records of steps that the definition puts before this one.
      const precedingLater = current.slice(i + 1).filter((later) => later.step && later.stepIndex < c.stepIndex);
      if (precedingLater.length === 0) return;
      reported.add(c.step.key);
      const detail = say.outOfOrder(
        c.step,
        c.record,
        precedingLater.map((l) => ({ step: l.step!, record: l.record })),
      );
      add({ rule: 'order', stepKey: c.step.key, recordId: c.record.id, detail }, c.stepIndex, i);
    });
  }

  findings.sort(
    (a, b) =>
      a.sortStep - b.sortStep ||
      FINDING_RULES.indexOf(a.rule) - FINDING_RULES.indexOf(b.rule) ||
      a.sortRecord - b.sortRecord ||
      a.sortField - b.sortField,
  );

  return {
    status: findings.length === 0 ? 'conforming' : 'nonconforming',
    findings: findings.map(({ sortStep: _s, sortRecord: _r, sortField: _f, ...f }) => f),
    window,
    windowJudged: window !== null,
    notes: window === null ? [say.windowNotJudged(definition)] : [],
  };
}

// Locale-independent, unlike localeCompare: the order must not depend on the machine.
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
