/**
 * The sentences an auditor reads in a finding. Kept apart from the rules so wording changes do not
 * touch the judgement. English only: findings are stored evidence, translated at display time.
 */
import type { FieldDefinition, ProcedureDefinition, StepDefinition, TimeWindow } from '../procedures/procedure-definition.js';
import type { StepRecordInput } from './conformance.js';
import { type DateRange, daysBetween, localDate } from '../common/calendar.js';
import { expectationOf } from './step-values.js';

function stepName(step: StepDefinition): string {
  return `step "${step.title.en}" (${step.key})`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

function list(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function performer(record: StepRecordInput): string {
  return record.performedBy ? `user ${record.performedBy.id}` : 'an unknown performer';
}

function anchorName(window: TimeWindow): string {
  switch (window.anchor) {
    case 'enrolment':
      return 'enrolment';
    case 'programme_start':
      return 'the programme start';
    case 'programme_midpoint':
      return 'the programme midpoint';
    case 'programme_end':
      return 'the programme end';
    case 'procedure_completed':
      return `completion of procedure ${window.procedure ?? '(unnamed)'}`;
    default:
      return String(window.anchor);
  }
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function missingStep(step: StepDefinition): string {
  return `Required ${stepName(step)} has no current record.`;
}

export function unknownStep(record: StepRecordInput, definition: ProcedureDefinition, day: string): string {
  return (
    `Record ${record.id}, performed on ${day}, is for step "${record.stepKey}", which this version of ` +
    `procedure "${definition.title.en}" (${definition.key}) does not define.`
  );
}

export function missingField(step: StepDefinition, field: FieldDefinition, record: StepRecordInput, day: string): string {
  return `Record ${record.id} of ${stepName(step)}, performed on ${day}, lacks the required field ` + `"${field.label.en}" (${field.key}).`;
}

export function unexpectedValue(
  step: StepDefinition,
  field: FieldDefinition,
  record: StepRecordInput,
  day: string,
  value: unknown,
): string {
  return (
    `Record ${record.id} of ${stepName(step)}, performed on ${day}, records "${field.label.en}" (${field.key}) as ` +
    `${valueWords(field, value)}; the procedure expects ${expectedWords(field)}.`
  );
}

/** A recorded value in English words: yes/no, an option's label with its value, the items ticked. */
export function valueWords(field: FieldDefinition, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const option = (v: unknown) => {
    const o =
      field.options?.find((x) => x.value === v) ?? field.items?.map((i) => ({ value: i.key, label: i.label })).find((x) => x.value === v);
    return o ? `"${o.label.en}" (${o.value})` : JSON.stringify(v);
  };
  if (Array.isArray(value))
    return value.length === 0 ? (field.type === 'checklist' ? 'nothing ticked' : 'nothing chosen') : list(value.map(option));
  if (field.type === 'enum') return option(value);
  return JSON.stringify(value);
}

/** What the field expects, in English words: "yes", "at least 3", "one of ...", "... ticked". */
export function expectedWords(field: FieldDefinition): string {
  const expected = expectationOf(field);
  if (expected === undefined) return 'any value';
  if (typeof expected === 'boolean') return expected ? 'yes' : 'no';
  if (expected.min !== undefined && expected.max !== undefined) return `${expected.min} to ${expected.max}`;
  if (expected.min !== undefined) return `at least ${expected.min}`;
  if (expected.max !== undefined) return `at most ${expected.max}`;
  if (expected.oneOf !== undefined) {
    const words = expected.oneOf.map((v) => valueWords(field, v));
    return words.length === 1 ? words[0] : `one of ${list(words, 'or')}`;
  }
  const ticked = expected.ticked ?? [];
  return ticked.length === 0 ? 'nothing in particular' : `${valueWords(field, ticked)} ticked`;
}

export function outsideWindow(
  step: StepDefinition,
  record: StepRecordInput,
  day: string,
  timeZone: string,
  window: DateRange,
  definitionWindow: TimeWindow,
  anchorDate: string,
): string {
  const gap =
    day < window.from
      ? `${days(daysBetween(day, window.from))} before the window opened`
      : `${days(daysBetween(window.to, day))} after the window closed`;
  return (
    `${capital(stepName(step))} was performed on ${day} (${timeZone}, record ${record.id}), ${gap}; ` +
    `the window is ${window.from} to ${window.to} inclusive (day ${signed(definitionWindow.fromDays)} to ` +
    `day ${signed(definitionWindow.toDays)} from ${anchorName(definitionWindow)} on ${anchorDate}).`
  );
}

export function performerRole(step: StepDefinition, record: StepRecordInput, day: string): string {
  const required = (step.performerRoles ?? []).join(', ');
  const by = record.performedBy;
  const held = by ? `, who holds none of them (roles held: ${by.roles.length > 0 ? by.roles.join(', ') : 'none'})` : '';
  return (
    `${capital(stepName(step))} requires a performer with one of the roles ${required}; record ${record.id} ` +
    `was performed on ${day} by ${performer(record)}${held}.`
  );
}

export function performerCompetence(step: StepDefinition, record: StepRecordInput, day: string, module: string): string {
  const head = `${capital(stepName(step))} requires valid training "${module}"; record ${record.id} was performed on ${day} by ${performer(record)}`;
  if (!record.performedBy) return `${head}, so the training cannot be shown.`;
  const held = record.performerTraining.filter((t) => t.module === module);
  // No record for the module is valid on the day, so any completed by then has expired.
  const expired = held
    .filter((t) => t.completedAt <= day)
    .map((t) => t.validUntil ?? '')
    .sort();
  if (expired.length > 0) return `${head}, whose training "${module}" had expired on ${expired[expired.length - 1]}.`;
  const later = held.map((t) => t.completedAt).sort();
  if (later.length > 0) return `${head}, who completed training "${module}" only on ${later[0]}.`;
  return `${head}, who has no record of training "${module}".`;
}

export function outOfOrder(
  step: StepDefinition,
  record: StepRecordInput,
  precedingLater: { step: StepDefinition; record: StepRecordInput }[],
): string {
  const seen = new Set<string>();
  const others = precedingLater
    .filter((p) => !seen.has(p.step.key) && seen.add(p.step.key))
    .map((p) => `${stepName(p.step)} (performed at ${p.record.performedAt}, record ${p.record.id})`);
  return (
    `${capital(stepName(step))} was performed at ${record.performedAt} (record ${record.id}), before ${list(others)}, ` +
    `which the procedure requires to come first.`
  );
}

export function windowNotJudged(definition: ProcedureDefinition): string {
  return (
    `The time window of procedure "${definition.title.en}" (${definition.key}) could not be judged: ` +
    `the anchor day (${anchorName(definition.window)}) is not known yet.`
  );
}

export function beforeEffective(step: StepDefinition, record: StepRecordInput, effectiveFrom: string, timeZone: string): string {
  return `${capital(stepName(step))} was performed on ${localDate(record.performedAt, timeZone)} (${record.performedAt}), before the pinned version became effective on ${localDate(effectiveFrom, timeZone)} (${effectiveFrom}): it was not carried out under that version.`;
}
