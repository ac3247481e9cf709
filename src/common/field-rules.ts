/**
 * Every rule a request field can break, as a stable id beside the English `message`: a client
 * (the web console) translates a field error by its `rule`, filling in `params`, instead of
 * matching English sentences. Published in the OpenAPI document (`FieldError.rule`).
 */
export const FIELD_RULES = {
  required: 'The field is missing (or null).',
  string: 'The value must be a string.',
  email: 'The value must be an e-mail address.',
  uuid: 'The value must be a UUID.',
  uuid_list: 'The list must contain only UUIDs.',
  array: 'The value must be an array.',
  integer: 'The value must be a whole number.',
  number: 'The value must be a finite number.',
  boolean: 'The value must be true or false.',
  object: 'The value must be an object.',
  plain_json: 'The value must be plain JSON without NUL characters, nested at most 16 levels deep.',
  date: 'The value must be a calendar date YYYY-MM-DD that exists.',
  timestamp: 'The value must be a date and time with a time zone.',
  not_empty: 'The text or list must not be empty.',
  not_blank: 'The text must contain more than spaces.',
  min_length: 'The text must have at least `params.min` characters.',
  max_length: 'The text must have at most `params.max` characters.',
  no_nul: 'The text must not contain NUL characters.',
  pattern: 'The text is not in the expected form.',
  procedure_key: 'The text must be a procedure key: lower-case letters, digits and hyphens, starting with a letter.',
  min: 'The number must be at least `params.min`.',
  max: 'The number must be at most `params.max`.',
  one_of: 'The value must be one of `params.values`.',
  only_values: 'The list must contain only values of `params.values`.',
  no_repeats: 'The list must not name the same value twice.',
  min_items: 'The list must contain at least `params.min` entries.',
  max_items: 'The list must contain at most `params.max` entries.',
  unknown_property: 'The request names a field the operation does not know.',
  json_object: 'The body must be a JSON object, not an array.',
} as const;

export type FieldRule = keyof typeof FIELD_RULES;

/** What fills a rule's message: limits and the allowed values. */
export type FieldRuleParams = Record<string, number | string | string[]>;

/** The `context` class-validator carries from a rule's declaration to its error. */
export interface FieldRuleContext {
  rule: FieldRule;
  params?: FieldRuleParams;
}

export function isFieldRuleContext(v: unknown): v is FieldRuleContext {
  return (
    typeof v === 'object' && v !== null && typeof (v as { rule?: unknown }).rule === 'string' && (v as { rule: string }).rule in FIELD_RULES
  );
}
