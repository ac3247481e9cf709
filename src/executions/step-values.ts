/**
 * Validation of the values recorded for one step against the step's field definitions.
 * Values arrive as untrusted JSON and are stored as jsonb, so everything here is defensive:
 * the functions never throw on any input and never copy keys they do not know.
 */
import type { FieldCondition, FieldDefinition, StepDefinition } from '../procedures/procedure-definition.js';
import { isCalendarDate } from '../common/calendar.js';
import type { FieldRule, FieldRuleParams } from '../common/field-rules.js';

export const MAX_TEXT_LENGTH = 10_000;

/** `field` is a path: `values` for the object itself, `values.<fieldKey>` for one field. */
export interface FieldError {
  field: string;
  message: string;
  /** The rule broken, for a client that says it in its own language (set by the newer checks). */
  rule?: FieldRule;
  params?: FieldRuleParams;
}

export type StepValuesResult = { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldError[] };

type FieldCheck = { ok: true; value: unknown } | { ok: false; message: string; rule?: FieldRule; params?: FieldRuleParams };

// Lone surrogates survive JSON.parse but PostgreSQL refuses them in jsonb (as it refuses \u0000),
// so they would fail at insert time with a database error instead of a field error.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * An object literal or JSON object, not an array, Date, Map or class instance. Compared by shape
 * rather than with `=== Object.prototype` so objects from another realm (structuredClone under a
 * test VM, worker messages) are still recognised.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * True when the field holds no answer. Blank text counts as absent for every type: a form that
 * sends "" for an untouched date or choice has not answered it.
 */
function isEmpty(value: unknown, field?: FieldDefinition): boolean {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return true;
  // No option chosen is no answer; a checklist with nothing ticked is an answer (that nothing was done).
  return field?.type === 'multiselect' && Array.isArray(value) && value.length === 0;
}

/** Whether `condition` holds for the values of its step (compared exactly: true, 3, "not_admitted"). */
export function conditionHolds(condition: FieldCondition, values: Record<string, unknown>): boolean {
  const value = Object.hasOwn(values, condition.field) ? values[condition.field] : undefined;
  if (value === undefined || value === null) return false;
  if (condition.equals !== undefined) return value === condition.equals;
  return (condition.in ?? []).some((v) => v === value);
}

/** Whether the field must hold an answer, given the other values of its step. */
export function isRequiredNow(field: FieldDefinition, values: Record<string, unknown>): boolean {
  return field.required || (field.requiredWhen !== undefined && conditionHolds(field.requiredWhen, values));
}

function bounds(field: FieldDefinition): string {
  if (field.min !== undefined && field.max !== undefined) return ` between ${field.min} and ${field.max}`;
  if (field.min !== undefined) return ` of at least ${field.min}`;
  if (field.max !== undefined) return ` of at most ${field.max}`;
  return '';
}

function inBounds(field: FieldDefinition, n: number): boolean {
  return (field.min === undefined || n >= field.min) && (field.max === undefined || n <= field.max);
}

function checkText(value: unknown): FieldCheck {
  if (typeof value !== 'string') return { ok: false, message: 'must be text' };
  const text = value.trim();
  if (text.includes('\u0000')) return { ok: false, message: 'must not contain NUL characters' };
  if (LONE_SURROGATE.test(text)) return { ok: false, message: 'must be valid Unicode text' };
  // Characters as people count them (code points), not UTF-16 units: an emoji is one character.
  let length = 0;
  for (const _ of text) if (++length > MAX_TEXT_LENGTH) break;
  if (length > MAX_TEXT_LENGTH) return { ok: false, message: `must be at most ${MAX_TEXT_LENGTH} characters` };
  return { ok: true, value: text };
}

function checkField(field: FieldDefinition, value: unknown): FieldCheck {
  switch (field.type) {
    case 'text':
      return checkText(value);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, message: 'must be a finite number' };
      if (!inBounds(field, value)) return { ok: false, message: `must be a number${bounds(field)}` };
      return { ok: true, value: value === 0 ? 0 : value }; // -0 becomes 0
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: 'must be true or false' };
    case 'date':
      return isCalendarDate(value) ? { ok: true, value } : { ok: false, message: 'must be a calendar date YYYY-MM-DD that exists' };
    case 'enum': {
      const allowed = (field.options ?? []).map((o) => o.value);
      if (allowed.length === 0) return { ok: false, message: 'has no options defined in this procedure version' };
      return typeof value === 'string' && allowed.includes(value)
        ? { ok: true, value }
        : { ok: false, message: `must be one of: ${allowed.join(', ')}` };
    }
    case 'scale':
      if (typeof value !== 'number' || !Number.isInteger(value) || !inBounds(field, value)) {
        return { ok: false, message: `must be a whole number${bounds(field)}` };
      }
      return { ok: true, value: value === 0 ? 0 : value };
    case 'multiselect':
      return checkSelection(field, value);
    case 'checklist':
      return checkTicks(field, value);
    default: {
      // A definition that passed definition validation cannot get here; refuse rather than store.
      const type: string = field.type;
      return { ok: false, message: `has an unsupported field type ${JSON.stringify(type)}` };
    }
  }
}

/** A list of distinct option values, as many as the field allows; kept in the definition's order. */
function checkSelection(field: FieldDefinition, value: unknown): FieldCheck {
  const allowed = (field.options ?? []).map((o) => o.value);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && allowed.includes(v))) {
    return {
      ok: false,
      message: `must be a list of options from: ${allowed.join(', ')}`,
      rule: 'only_values',
      params: { values: allowed },
    };
  }
  if (new Set(value).size !== value.length) return { ok: false, message: 'must name each option only once', rule: 'no_repeats' };
  const n = value.length;
  if (field.min !== undefined && n < field.min) {
    return { ok: false, message: `must choose${countBounds(field)} options`, rule: 'min_items', params: { min: field.min } };
  }
  if (field.max !== undefined && n > field.max) {
    return { ok: false, message: `must choose${countBounds(field)} options`, rule: 'max_items', params: { max: field.max } };
  }
  return { ok: true, value: allowed.filter((v) => value.includes(v)) };
}

/** The keys of the items ticked, each once; kept in the definition's order. */
function checkTicks(field: FieldDefinition, value: unknown): FieldCheck {
  const keys = (field.items ?? []).map((i) => i.key);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && keys.includes(v))) {
    return {
      ok: false,
      message: `must be a list of the items ticked, from: ${keys.join(', ')}`,
      rule: 'only_values',
      params: { values: keys },
    };
  }
  if (new Set(value).size !== value.length) return { ok: false, message: 'must name each item only once', rule: 'no_repeats' };
  return { ok: true, value: keys.filter((k) => value.includes(k)) };
}

function countBounds(field: FieldDefinition): string {
  if (field.min !== undefined && field.max !== undefined)
    return field.min === field.max ? ` exactly ${field.min}` : ` ${field.min} to ${field.max}`;
  if (field.min !== undefined) return ` at least ${field.min}`;
  return ` at most ${field.max}`;
}

/**
 * Whether a recorded (present) value lies outside what the field expects. A value of the wrong
 * shape (recorded under another version's field) is not judged here: only presence is, elsewhere.
 */
export function isUnexpected(field: FieldDefinition, value: unknown): boolean {
  const expected = expectationOf(field);
  if (expected === undefined || isEmpty(value, field)) return false;
  if (typeof expected === 'boolean') return typeof value === 'boolean' && value !== expected;
  if (field.type === 'number' || field.type === 'scale') {
    if (typeof value !== 'number') return false;
    return (expected.min !== undefined && value < expected.min) || (expected.max !== undefined && value > expected.max);
  }
  if (field.type === 'enum') return typeof value === 'string' && !(expected.oneOf ?? []).includes(value);
  if (field.type === 'checklist') return Array.isArray(value) && !(expected.ticked ?? []).every((k) => value.includes(k));
  return false;
}

/** The field's expectation, with a checklist's default (every item ticked) written out. */
export function expectationOf(field: FieldDefinition): FieldDefinition['expected'] {
  if (field.type === 'checklist' && field.expected === undefined) return { ticked: (field.items ?? []).map((i) => i.key) };
  return field.expected;
}

/**
 * Checks the values submitted for `step` and returns them normalised (text trimmed, -0 as 0,
 * optional fields left empty omitted). Never throws.
 */
export function validateStepValues(step: StepDefinition, values: unknown): StepValuesResult {
  if (!isPlainObject(values)) {
    return { ok: false, errors: [{ field: 'values', message: 'must be an object of field values' }] };
  }
  const errors: FieldError[] = [];
  const normalised: [string, unknown][] = [];
  for (const field of step.fields) {
    const value = Object.hasOwn(values, field.key) ? values[field.key] : undefined;
    if (isEmpty(value, field)) {
      if (field.required) errors.push({ field: `values.${field.key}`, message: 'is required' });
      else if (isRequiredNow(field, values))
        errors.push({ field: `values.${field.key}`, message: `is required when ${conditionWords(field)}`, rule: 'required' });
      continue;
    }
    const check = checkField(field, value);
    if (check.ok) normalised.push([field.key, check.value]);
    else
      errors.push({
        field: `values.${field.key}`,
        message: check.message,
        ...(check.rule && { rule: check.rule }),
        ...(check.params && { params: check.params }),
      });
  }
  const known = new Set(step.fields.map((f) => f.key));
  for (const key of Object.keys(values).sort()) {
    if (!known.has(key)) errors.push({ field: `values.${key}`, message: 'is not a field of this step' });
  }
  // fromEntries defines own properties, so a field named __proto__ cannot reach the prototype.
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values: Object.fromEntries(normalised) };
}

/**
 * Keys of the step's required fields that hold no answer in stored values, in definition order.
 * Only presence is judged: stored values were validated against the version they were recorded
 * under, and after a migration to a newer version an answer may be present yet shaped for the old
 * field; that is a data question for the migration, not a missing record.
 */
export function missingRequiredFields(step: StepDefinition, values: unknown): string[] {
  const present = isPlainObject(values) ? values : {};
  return step.fields
    .filter((f) => isRequiredNow(f, present) && isEmpty(Object.hasOwn(present, f.key) ? present[f.key] : undefined, f))
    .map((f) => f.key);
}

/** "decision is not_admitted", "outcome is one of other, not_evaluated". */
export function conditionWords(field: FieldDefinition): string {
  const c = field.requiredWhen;
  if (c === undefined) return '';
  if (c.equals !== undefined) return `${c.field} is ${JSON.stringify(c.equals)}`;
  return `${c.field} is one of ${(c.in ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
}
