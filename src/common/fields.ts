/**
 * Composite decorators for DTO fields: each states the field's validation rules and its
 * OpenAPI schema in one place, so the documentation cannot drift from what is enforced.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  registerDecorator,
} from 'class-validator';
import type { ValidationOptions } from 'class-validator';
import { isCalendarDate as isExistingDate } from './calendar.js';
import { count } from './wording.js';
import type { FieldRule, FieldRuleParams } from './field-rules.js';

/** A rule's message and the id and parameters a client translates it by (`FieldError.rule`). */
function says(rule: FieldRule, message: string, params?: FieldRuleParams): ValidationOptions {
  return { message, context: { rule, params } };
}

interface Common {
  description?: string;
  optional?: boolean;
  /** Allows an explicit `null` (to clear a value) as well as omission. */
  nullable?: boolean;
  example?: unknown;
}

function doc(opts: Common, schema: Record<string, unknown>) {
  const base = { description: opts.description, example: opts.example, nullable: opts.nullable, ...schema };
  return opts.optional ? ApiPropertyOptional(base) : ApiProperty({ ...base, required: true });
}

/**
 * A required field that is missing (or null) fails only this rule: `flattenValidationErrors` then
 * drops the field's other rules, so the answer says "is required" and nothing else.
 */
function presence(opts: Common): PropertyDecorator[] {
  if (opts.optional || opts.nullable) return [IsOptional()];
  return [IsDefined(says('required', 'is required'))];
}

// The NUL character is what the pattern refuses: PostgreSQL text cannot hold it.
// eslint-disable-next-line no-control-regex
const NO_NUL = /^[^\u0000]*$/;

/** The message for a field holding a procedure key (the pattern `^[a-z][a-z0-9-]{1,62}$`). */
export const PROCEDURE_KEY_FORM =
  'must be a procedure key: lower-case letters, digits and hyphens, starting with a letter, such as intake-interview';

/** Free text. Rejects NUL characters, which PostgreSQL cannot store. */
export function TextField(
  opts: Common & {
    min?: number;
    max: number;
    pattern?: RegExp;
    patternMessage?: string;
    patternRule?: 'pattern' | 'not_blank' | 'procedure_key';
  },
) {
  return applyDecorators(
    doc(opts, { type: String, minLength: opts.min ?? (opts.optional ? undefined : 1), maxLength: opts.max, pattern: opts.pattern?.source }),
    ...presence(opts),
    IsString(says('string', 'must be a string')),
    MinLength(
      opts.min ?? 1,
      (opts.min ?? 1) <= 1
        ? says('not_empty', 'must not be empty')
        : says('min_length', `must be at least ${count(opts.min!, 'character')} long`, { min: opts.min! }),
    ),
    MaxLength(opts.max, says('max_length', `must be at most ${count(opts.max, 'character')} long`, { max: opts.max })),
    Matches(NO_NUL, says('no_nul', 'must not contain NUL characters')),
    ...(opts.pattern ? [Matches(opts.pattern, says(patternRule(opts), opts.patternMessage ?? 'is not in the expected form'))] : []),
  );
}

/** The rule a pattern states: "not blank" (`/\S/`), a procedure key, or a form of its own. */
function patternRule(opts: { pattern?: RegExp; patternMessage?: string; patternRule?: FieldRule }): FieldRule {
  if (opts.patternRule) return opts.patternRule;
  if (opts.pattern?.source === '\\S') return 'not_blank';
  return opts.patternMessage === PROCEDURE_KEY_FORM ? 'procedure_key' : 'pattern';
}

export function EmailField(opts: Common = {}) {
  return applyDecorators(
    doc(opts, { type: String, format: 'email', maxLength: 254 }),
    ...presence(opts),
    IsString(says('string', 'must be a string')),
    IsEmail({}, says('email', 'must be an e-mail address')),
    MaxLength(254, says('max_length', `must be at most ${count(254, 'character')} long`, { max: 254 })),
  );
}

/** UUIDs are read in lower case, the form the database returns (services compare ids as strings). */
const lowerCaseUuid = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value));
const lowerCaseUuids = Transform(({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v)) : value,
);

export function UuidField(opts: Common = {}) {
  return applyDecorators(
    doc(opts, { type: String, format: 'uuid' }),
    ...presence(opts),
    lowerCaseUuid,
    IsUUID('all', says('uuid', 'must be a UUID')),
  );
}

export function UuidListField(opts: Common & { min?: number; max?: number } = {}) {
  return applyDecorators(
    doc(opts, { type: [String], format: 'uuid', minItems: opts.min, maxItems: opts.max ?? 100 }),
    ...presence(opts),
    lowerCaseUuids,
    IsArray(says('array', 'must be an array')),
    ...listSize(opts.min ?? 0, opts.max ?? 100, 'id'),
    ArrayUnique(says('no_repeats', 'must not name the same id twice')),
    IsUUID('all', { each: true, ...says('uuid_list', 'must contain only UUIDs') }),
  );
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is refused). */
export function DateField(opts: Common = {}) {
  return applyDecorators(
    doc(opts, { type: String, format: 'date', example: opts.example ?? '2026-03-03' }),
    ...presence(opts),
    IsCalendarDate(),
  );
}

/** An ISO 8601 timestamp with a time zone (`2026-03-03T09:30:00Z`). */
export function DateTimeField(opts: Common = {}) {
  return applyDecorators(
    doc(opts, { type: String, format: 'date-time', example: opts.example ?? '2026-03-03T09:30:00Z' }),
    ...presence(opts),
    IsTimestamp(),
  );
}

export function IntField(opts: Common & { min: number; max: number }) {
  return applyDecorators(
    doc(opts, { type: 'integer', minimum: opts.min, maximum: opts.max }),
    ...presence(opts),
    IsInt(says('integer', 'must be a whole number')),
    Min(opts.min, says('min', `must be at least ${opts.min}`, { min: opts.min })),
    Max(opts.max, says('max', `must be at most ${opts.max}`, { max: opts.max })),
  );
}

export function NumberField(opts: Common & { min: number; max: number }) {
  return applyDecorators(
    doc(opts, { type: Number, minimum: opts.min, maximum: opts.max }),
    ...presence(opts),
    IsNumber({ allowNaN: false, allowInfinity: false }, says('number', 'must be a number')),
    Min(opts.min, says('min', `must be at least ${opts.min}`, { min: opts.min })),
    Max(opts.max, says('max', `must be at most ${opts.max}`, { max: opts.max })),
  );
}

export function BoolField(opts: Common = {}) {
  return applyDecorators(doc(opts, { type: Boolean }), ...presence(opts), IsBoolean(says('boolean', 'must be true or false')));
}

export function EnumField<T extends string>(values: readonly T[], opts: Common & { enumName?: string } = {}) {
  return applyDecorators(
    doc(opts, { enum: [...values], enumName: opts.enumName }),
    ...presence(opts),
    IsIn([...values], says('one_of', `must be one of: ${values.join(', ')}`, { values: [...values] })),
  );
}

export function EnumListField<T extends string>(values: readonly T[], opts: Common & { min?: number; enumName?: string } = {}) {
  return applyDecorators(
    doc(opts, { enum: [...values], enumName: opts.enumName, isArray: true, minItems: opts.min }),
    ...presence(opts),
    IsArray(says('array', 'must be an array')),
    ...listSize(opts.min ?? 0, values.length, 'value'),
    ArrayUnique(says('no_repeats', 'must not contain the same value twice')),
    IsIn([...values], {
      each: true,
      ...says('only_values', `must contain only these values: ${values.join(', ')}`, { values: [...values] }),
    }),
  );
}

/** Size rules of an array field, worded for people ("must not be empty", "at most 5 values"). */
function listSize(min: number, max: number, one: string, many = `${one}s`): PropertyDecorator[] {
  return [
    ...(min > 0
      ? [
          ArrayMinSize(
            min,
            min === 1
              ? says('not_empty', 'must not be empty')
              : says('min_items', `must contain at least ${count(min, one, many)}`, { min }),
          ),
        ]
      : []),
    ArrayMaxSize(max, says('max_items', `must contain at most ${count(max, one, many)}`, { max })),
  ];
}

export function NestedField(type: () => new () => object, opts: Common & { each?: boolean; maxItems?: number } = {}) {
  return applyDecorators(
    doc(opts, { type: opts.each ? [type()] : type(), maxItems: opts.each ? opts.maxItems : undefined }),
    ...presence(opts),
    ...(opts.each
      ? [IsArray(says('array', 'must be an array')), ...listSize(0, opts.maxItems ?? 1000, 'entry', 'entries')]
      : [IsObject(says('object', 'must be an object'))]),
    // Reported on an element that is not an object (`steps[2]`); a non-object field fails IsObject first.
    ValidateNested({ each: opts.each, ...says('object', 'must be an object') }),
    Type(type),
  );
}

/** A free-form JSON object (validated elsewhere against a schema of its own). */
export function ObjectField(opts: Common = {}) {
  return applyDecorators(
    doc(opts, { type: 'object', additionalProperties: true }),
    ...presence(opts),
    IsObject(says('object', 'must be an object')),
    IsPlainJson(says('plain_json', 'must be a plain JSON object without NUL characters, nested at most 16 levels deep')),
  );
}

/** A calendar date that exists, within years an API client can sensibly mean (1900-2200). */
export function isCalendarDate(v: unknown): v is string {
  return isExistingDate(v) && Number(v.slice(0, 4)) >= 1900 && Number(v.slice(0, 4)) <= 2200;
}

const TIMESTAMP_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isTimestamp(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = TIMESTAMP_RE.exec(v);
  if (!m || !isCalendarDate(m[1])) return false;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return false;
  return !Number.isNaN(Date.parse(v));
}

function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: object.constructor,
      propertyName: propertyName as string,
      options: { ...says('date', 'must be a date written YYYY-MM-DD that exists, such as 2026-03-03'), ...options },
      validator: { validate: isCalendarDate },
    });
}

function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTimestamp',
      target: object.constructor,
      propertyName: propertyName as string,
      options: { ...says('timestamp', 'must be a date and time with a time zone, such as 2026-03-03T09:30:00Z'), ...options },
      validator: { validate: isTimestamp },
    });
}

/** Plain JSON: no NUL characters in keys or strings, bounded depth, no prototype keys. */
export function isPlainJson(v: unknown, depth = 0): boolean {
  if (depth > 16) return false;
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return typeof v !== 'number' || Number.isFinite(v);
  if (typeof v === 'string') return !v.includes('\u0000');
  if (Array.isArray(v)) return v.every((x) => isPlainJson(x, depth + 1));
  if (typeof v === 'object') {
    return Object.entries(v).every(
      ([k, x]) => !k.includes('\u0000') && k !== '__proto__' && k !== 'constructor' && k !== 'prototype' && isPlainJson(x, depth + 1),
    );
  }
  return false;
}

function IsPlainJson(options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPlainJson',
      target: object.constructor,
      propertyName: propertyName as string,
      options,
      validator: { validate: (v: unknown) => isPlainJson(v) },
    });
}

export { Type };

/** A boolean in a query string: `true` or `false`. */
export function QueryBoolField(opts: Common = {}) {
  return applyDecorators(
    doc({ ...opts, optional: true }, { type: Boolean }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(says('boolean', 'must be true or false')),
  );
}
