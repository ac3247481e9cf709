/**
 * The shape of a procedure definition as the API returns it inside a procedure version (the
 * OpenAPI document types it only as an object; procedures/procedure.schema.json is its schema).
 */
export type LocalisedText = { en: string; sv?: string; nb?: string };
export type FieldType = 'text' | 'number' | 'boolean' | 'date' | 'enum' | 'scale' | 'multiselect' | 'checklist';

export interface FieldDefinition {
  key: string;
  label: LocalisedText;
  type: FieldType;
  required?: boolean;
  /** Required only while another field of the step has one of these values. */
  requiredWhen?: { field: string; equals?: string | number | boolean; in?: (string | number | boolean)[] };
  options?: { value: string; label: LocalisedText }[];
  /** The things to tick of a checklist. */
  items?: { key: string; label: LocalisedText }[];
  min?: number;
  max?: number;
  /** What conforms: true/false, { min, max }, { oneOf }, { ticked } (checklist: every item when absent). */
  expected?: boolean | { min?: number; max?: number; oneOf?: string[]; ticked?: string[] };
  unit?: LocalisedText;
  help?: LocalisedText;
}

export interface StepDefinition {
  key: string;
  title: LocalisedText;
  description?: LocalisedText;
  required?: boolean;
  performerRoles?: string[];
  requiredCompetence?: string;
  fields?: FieldDefinition[];
  evidence?: LocalisedText;
}

export interface ProcedureDefinition {
  key: string;
  title: LocalisedText;
  purpose?: LocalisedText;
  subject: 'adept' | 'mentor' | 'pair' | 'cohort';
  responsibleRoles?: string[];
  window?: { anchor: string; procedure?: string; fromDays: number; toDays: number };
  ordered?: boolean;
  appliesWhen?: { status: { in: string[] } };
  /** Carried out after the programme closes (outcome follow-up): a closed programme still takes it. */
  afterClose?: boolean;
  /** A recurring activity: carried out again and again for each subject, at most cadenceDays apart. */
  recurring?: { cadenceDays: number; sessions?: number };
  /** Cohort procedures: each occurrence records who attended. */
  attendance?: boolean;
  steps: StepDefinition[];
}

export function asDefinition(value: unknown): ProcedureDefinition {
  const d = value as ProcedureDefinition;
  return { ...d, steps: Array.isArray(d?.steps) ? d.steps : [] };
}
