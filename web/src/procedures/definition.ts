/**
 * The shape of a procedure definition as the API returns it inside a procedure version (the
 * OpenAPI document types it only as an object; procedures/procedure.schema.json is its schema).
 */
export type LocalisedText = { en: string; sv?: string; nb?: string };
export type FieldType = 'text' | 'number' | 'boolean' | 'date' | 'enum' | 'scale';

export interface FieldDefinition {
  key: string;
  label: LocalisedText;
  type: FieldType;
  required?: boolean;
  options?: { value: string; label: LocalisedText }[];
  min?: number;
  max?: number;
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
  steps: StepDefinition[];
}

export function asDefinition(value: unknown): ProcedureDefinition {
  const d = value as ProcedureDefinition;
  return { ...d, steps: Array.isArray(d?.steps) ? d.steps : [] };
}
