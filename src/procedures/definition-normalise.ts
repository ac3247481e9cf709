/**
 * Turns a schema-valid definition, as an author wrote it, into the complete canonical form that
 * is stored and hashed: texts as `{ en, sv?, nb? }` with outer whitespace removed, defaults
 * written out, optional properties either present or absent (never `undefined` or `null`).
 * Two files that say the same thing therefore give the same stored JSON and the same hash,
 * whatever YAML style (block scalars, flow mappings, anchors, key order) they use.
 */
import type { Role } from '../common/roles.js';
import type {
  Anchor,
  Applicability,
  ExpectedValue,
  FieldCondition,
  FieldEffect,
  EnumOption,
  FieldDefinition,
  FieldType,
  LocalisedText,
  ProcedureDefinition,
  StepDefinition,
  Subject,
  TimeWindow,
  Recurrence,
  WindowEnd,
} from './procedure-definition.js';

/** A text as authors may write it: a plain string is English. */
export type TextInput = string | LocalisedText;

/** The definition as the schema accepts it, before shorthand and defaults are resolved. */
export interface DefinitionInput {
  key: string;
  title: TextInput;
  purpose: TextInput;
  subject: Subject;
  responsibleRoles: Role[];
  window: { anchor: Anchor; procedure?: string; fromDays: number; toDays: number; until?: WindowEnd };
  ordered?: boolean;
  oncePerSubject?: boolean;
  appliesWhen?: Applicability;
  afterClose?: boolean;
  recurring?: Recurrence;
  attendance?: boolean;
  steps: StepInput[];
  references?: string[];
}

export interface StepInput {
  key: string;
  title: TextInput;
  description?: TextInput;
  required?: boolean;
  performerRoles?: Role[];
  requiredCompetence?: string;
  fields?: FieldInput[];
  evidence?: TextInput;
}

export interface FieldInput {
  key: string;
  label: TextInput;
  type: FieldType;
  required?: boolean;
  requiredWhen?: FieldCondition;
  options?: { value: string; label: TextInput }[];
  items?: { key: string; label: TextInput }[];
  expected?: ExpectedValue;
  effects?: FieldEffect[];
  min?: number;
  unit?: TextInput;
  max?: number;
  help?: TextInput;
}

/** Defaults applied when a property is left out; the schema's `default` keywords say the same. */
export const DEFAULTS = { ordered: true, stepRequired: true, fieldRequired: true } as const;

/** Idempotent: a normalised definition comes back unchanged. Expects schema-valid input. */
export function normaliseDefinition(input: DefinitionInput): ProcedureDefinition {
  const out: ProcedureDefinition = {
    key: input.key,
    title: text(input.title),
    purpose: text(input.purpose),
    subject: input.subject,
    responsibleRoles: [...input.responsibleRoles],
    window: normaliseWindow(input.window),
    ordered: input.ordered ?? DEFAULTS.ordered,
    steps: input.steps.map(normaliseStep),
  };
  // Kept only when given, so that definitions written before it existed keep their content hash.
  if (input.oncePerSubject !== undefined) out.oncePerSubject = input.oncePerSubject;
  if (input.appliesWhen !== undefined) out.appliesWhen = { status: { in: [...input.appliesWhen.status.in] } };
  if (input.afterClose !== undefined) out.afterClose = input.afterClose;
  // Recurring activities and attendance: kept only when given (an absent attendance is false).
  if (input.recurring !== undefined) {
    out.recurring = { cadenceDays: input.recurring.cadenceDays };
    if (input.recurring.sessions !== undefined) out.recurring.sessions = input.recurring.sessions;
  }
  if (input.attendance === true) out.attendance = true;
  if (input.references !== undefined) out.references = input.references.map((r) => r.trim());
  return out;
}

function normaliseWindow(w: DefinitionInput['window']): TimeWindow {
  const out: TimeWindow = { anchor: w.anchor, fromDays: w.fromDays, toDays: w.toDays };
  if (w.procedure !== undefined) out.procedure = w.procedure;
  if (w.until !== undefined) out.until = { anchor: w.until.anchor, days: w.until.days };
  return out;
}

function normaliseStep(s: StepInput): StepDefinition {
  const out: StepDefinition = {
    key: s.key,
    title: text(s.title),
    required: s.required ?? DEFAULTS.stepRequired,
    fields: (s.fields ?? []).map(normaliseField),
  };
  if (s.description !== undefined) out.description = text(s.description);
  if (s.performerRoles !== undefined) out.performerRoles = [...s.performerRoles];
  // Trimmed like the module names of training records, which it must equal exactly.
  if (s.requiredCompetence !== undefined) out.requiredCompetence = s.requiredCompetence.trim();
  if (s.evidence !== undefined) out.evidence = text(s.evidence);
  return out;
}

function normaliseField(f: FieldInput): FieldDefinition {
  const out: FieldDefinition = {
    key: f.key,
    label: text(f.label),
    type: f.type,
    // A conditional field is required only while its condition holds, not always.
    required: f.required ?? (f.requiredWhen === undefined ? DEFAULTS.fieldRequired : false),
  };
  if (f.requiredWhen !== undefined) out.requiredWhen = condition(f.requiredWhen);
  if (f.options !== undefined) out.options = f.options.map((o): EnumOption => ({ value: o.value, label: text(o.label) }));
  if (f.items !== undefined) out.items = f.items.map((i) => ({ key: i.key, label: text(i.label) }));
  if (f.min !== undefined) out.min = f.min;
  if (f.max !== undefined) out.max = f.max;
  if (f.expected !== undefined) out.expected = expected(f.expected);
  if (f.effects !== undefined) out.effects = f.effects.map(effect);
  if (f.unit !== undefined) out.unit = text(f.unit);
  if (f.help !== undefined) out.help = text(f.help);
  return out;
}

function condition(c: FieldCondition): FieldCondition {
  const out: FieldCondition = { field: c.field };
  if (c.equals !== undefined) out.equals = c.equals;
  if (c.in !== undefined) out.in = [...c.in];
  return out;
}

function effect(e: FieldEffect): FieldEffect {
  const when: FieldEffect['when'] = {};
  if (e.when.equals !== undefined) when.equals = e.when.equals;
  if (e.when.in !== undefined) when.in = [...e.when.in];
  return { when, status: e.status };
}

function expected(e: ExpectedValue): ExpectedValue {
  if (typeof e === 'boolean') return e;
  const out: Exclude<ExpectedValue, boolean> = {};
  if (e.min !== undefined) out.min = e.min;
  if (e.max !== undefined) out.max = e.max;
  if (e.oneOf !== undefined) out.oneOf = [...e.oneOf];
  if (e.ticked !== undefined) out.ticked = [...e.ticked];
  return out;
}

// Outer whitespace is trimmed because YAML block scalars (`|`, `>`) add a final line break that
// carries no meaning; line breaks inside a text are kept, authors use them for paragraphs.
function text(value: TextInput): LocalisedText {
  if (typeof value === 'string') return { en: value.trim() };
  const out: LocalisedText = { en: value.en.trim() };
  if (value.sv !== undefined) out.sv = value.sv.trim();
  if (value.nb !== undefined) out.nb = value.nb.trim();
  return out;
}
