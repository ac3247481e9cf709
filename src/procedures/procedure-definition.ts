/**
 * The shape of a documented procedure (a process definition), as written in procedures/*.yaml
 * and stored whole in each procedure version. Plain types only; validation lives in
 * definition-validation.ts, the JSON Schema in procedures/procedure.schema.json.
 */
import type { Role } from '../common/roles.js';

export const SUBJECTS = ['adept', 'mentor', 'pair', 'cohort'] as const;
export type Subject = (typeof SUBJECTS)[number];

export const FIELD_TYPES = ['text', 'number', 'boolean', 'date', 'enum', 'scale', 'multiselect', 'checklist'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What a time window is measured from. `procedure_completed` names another procedure. */
export const ANCHORS = ['enrolment', 'programme_start', 'programme_midpoint', 'programme_end', 'procedure_completed'] as const;
export type Anchor = (typeof ANCHORS)[number];

export const LANGUAGES = ['en', 'sv', 'nb'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text shown to people: English always, Swedish and Norwegian Bokmål where given. */
export interface LocalisedText {
  en: string;
  sv?: string;
  nb?: string;
}

export interface TimeWindow {
  anchor: Anchor;
  /** Key of the procedure whose completion anchors the window (only with `procedure_completed`). */
  procedure?: string;
  /** First allowed day, relative to the anchor day (negative = before). */
  fromDays: number;
  /** Last allowed day, relative to the anchor day, inclusive. */
  toDays: number;
  /** The window ends no later than `days` after this anchor (recurring activities: until the programme ends). */
  until?: WindowEnd;
}

// --- Recurring activities and attendance ---

/** Anchors an end of a window may be measured from: the programme's fixed dates. */
export const UNTIL_ANCHORS = ['programme_start', 'programme_midpoint', 'programme_end'] as const;
export type UntilAnchor = (typeof UNTIL_ANCHORS)[number];

export interface WindowEnd {
  anchor: UntilAnchor;
  /** Last day, relative to that anchor, inclusive. */
  days: number;
}

/** A procedure carried out again and again for each subject, each occurrence an execution. */
export interface Recurrence {
  /** The longest allowed gap in days (period start to first occurrence, between occurrences, last to today or the period's end). */
  cadenceDays: number;
  /** A planned series: how many occurrences the period must hold. */
  sessions?: number;
}
// --- end recurring activities ---

export interface EnumOption {
  value: string;
  label: LocalisedText;
}

/** One item of a `checklist` field: something to tick. */
export interface ChecklistItem {
  key: string;
  label: LocalisedText;
}

/**
 * What a recorded value must be to conform; a value outside it is a finding `unexpected_value`.
 * - `boolean` fields: `true` or `false`;
 * - `number` and `scale` fields: `{ min?, max? }` (inclusive, at least one);
 * - `enum` fields: `{ oneOf: [option values] }`;
 * - `checklist` fields: `{ ticked: [item keys] }` (absent: every item must be ticked).
 */
export type ExpectedValue = boolean | { min?: number; max?: number; oneOf?: string[]; ticked?: string[] };

/**
 * A condition on another field of the same step: it holds when that field's recorded value equals
 * `equals`, or is one of `in` (exactly one of the two is given).
 */
export interface FieldCondition {
  field: string;
  equals?: string | number | boolean;
  in?: (string | number | boolean)[];
}

/**
 * A value that changes the subject's status when the execution completes: the intake decision
 * admits (`active`: enrols), wait-lists or rejects an applicant; a "match ended" value ends the
 * pair. Only on `enum` and `boolean` fields; `when` holds when the recorded value equals `equals`
 * or is one of `in` (exactly one of the two); `status` is a status of the procedure's subject type.
 */
export interface FieldEffect {
  when: { equals?: string | boolean; in?: (string | boolean)[] };
  status: string;
}

export interface FieldDefinition {
  key: string;
  label: LocalisedText;
  type: FieldType;
  /** Always required. A field with `requiredWhen` is normalised to `required: false`. */
  required: boolean;
  /** Required only while the condition holds (the field is then not `required`). */
  requiredWhen?: FieldCondition;
  /** For `enum` and `multiselect`. */
  options?: EnumOption[];
  /** For `checklist`. */
  items?: ChecklistItem[];
  /**
   * For `number` and `scale` (a scale needs both, e.g. 1..5) the allowed values; for `multiselect`
   * how many options may be chosen.
   */
  min?: number;
  max?: number;
  /** What conforms; see ExpectedValue. */
  expected?: ExpectedValue;
  /** Status changes the recorded value makes when the execution completes; see FieldEffect. */
  effects?: FieldEffect[];
  /** For `number`: what the value counts or measures, e.g. minutes. */
  unit?: LocalisedText;
  help?: LocalisedText;
}

export interface StepDefinition {
  key: string;
  title: LocalisedText;
  description?: LocalisedText;
  required: boolean;
  /** Roles allowed to perform the step; any staff member when absent. */
  performerRoles?: Role[];
  /** A training module the performer must hold, valid on the day performed. */
  requiredCompetence?: string;
  fields: FieldDefinition[];
  /** Evidence expected to be kept (e.g. the signed participation agreement). */
  evidence?: LocalisedText;
}

/**
 * Statuses a subject can have today, by subject type (participant, pair, programme). A participant
 * is an applicant (`applicant`, `waiting_list`, `not_admitted`) before enrolment.
 */
export const SUBJECT_STATUS_VALUES: Record<Subject, readonly string[]> = {
  adept: ['applicant', 'waiting_list', 'not_admitted', 'active', 'completed', 'withdrawn'],
  mentor: ['applicant', 'waiting_list', 'not_admitted', 'active', 'completed', 'withdrawn'],
  pair: ['active', 'ended'],
  cohort: ['planned', 'active', 'closed'],
};

/**
 * Statuses of a participant who is not enrolled. A procedure applies to them only when its
 * appliesWhen names their status (the intake interview, for applicants): without appliesWhen a
 * procedure is for enrolled participants.
 */
export const APPLICANT_STATUSES: readonly string[] = ['applicant', 'waiting_list', 'not_admitted'];

/** Which subjects the procedure applies to; others are shown not_applicable and owe nothing. */
export interface Applicability {
  /** The subject's status must be one of these. */
  status: { in: string[] };
}

export interface ProcedureDefinition {
  key: string;
  title: LocalisedText;
  purpose: LocalisedText;
  subject: Subject;
  /** Roles responsible for the procedure being carried out. */
  responsibleRoles: Role[];
  window: TimeWindow;
  /** When true, steps must be recorded in the defined order. */
  ordered: boolean;
  /**
   * When true, the procedure is carried out once for each subject (an intake interview, a final
   * evaluation): a second execution for the same subject is refused unless the first was cancelled.
   * Absent: as often as needed.
   */
  oncePerSubject?: boolean;
  /** Absent: every subject of the procedure's subject type, applicants excepted (APPLICANT_STATUSES). */
  appliesWhen?: Applicability;
  // --- After the programme closes (outcome follow-up) ---
  /**
   * When true, the procedure is carried out after the programme ends (an outcome follow-up 6 or 12
   * months later): its executions are still started, recorded and completed once the programme is
   * closed, and for subjects who left (a withdrawn participant, an ended pair). Only with a window
   * anchored at programme_end that ends after it (toDays > 0). Absent: false.
   */
  afterClose?: boolean;
  // --- end after close ---
  /** A recurring activity (never with oncePerSubject); the window is the period the cadence applies in. */
  recurring?: Recurrence;
  /** Cohort procedures: each occurrence records who of the programme's participants attended. */
  attendance?: boolean;
  steps: StepDefinition[];
  /** Clauses of ISO 9001 or internal documents the procedure implements, for the auditor. */
  references?: string[];
}
