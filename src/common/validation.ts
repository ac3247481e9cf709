import { ValidationPipe } from '@nestjs/common';
import type { ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { isFieldRuleContext } from './field-rules.js';
import { validationFailed } from './problem.js';
import type { FieldError } from './problem.js';

/**
 * Rules that decide whether the other rules mean anything: a missing field is only "required", a
 * string given for a number is only "not a number" (not also "too small" and "too large").
 */
const PRESENCE_RULES = ['isDefined'];
const TYPE_RULES = ['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject'];

/**
 * Flattens class-validator's error tree into `field` paths such as `steps[2].fields[0].key`, one
 * message per problem of a field: when the field is missing or of the wrong type, only that.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const isIndex = /^\d+$/.test(e.property);
    const field = parent === '' ? e.property : isIndex ? `${parent}[${e.property}]` : `${parent}.${e.property}`;
    if (e.constraints) {
      for (const [constraint, message] of fieldMessages(e.constraints)) {
        const context: unknown = e.contexts?.[constraint];
        out.push({
          field,
          message: message.replace(new RegExp(`^${escape(e.property)} `), ''),
          ...(isFieldRuleContext(context) ? { rule: context.rule, ...(context.params ? { params: context.params } : {}) } : {}),
          ...(constraint === 'whitelistValidation' ? { rule: 'unknown_property' as const } : {}),
        });
      }
      // Children of a field that is missing or of the wrong type would only repeat that.
      if (Object.keys(e.constraints).some((rule) => PRESENCE_RULES.includes(rule) || TYPE_RULES.includes(rule))) continue;
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** The constraints to report, each with its message, once per message. */
function fieldMessages(constraints: Record<string, string>): [string, string][] {
  // "property X should not exist" is how whitelisting reports an unknown property.
  if (constraints.whitelistValidation) return [['whitelistValidation', 'is not a known property']];
  const rules = Object.keys(constraints);
  const decisive = rules.find((r) => PRESENCE_RULES.includes(r)) ?? rules.find((r) => TYPE_RULES.includes(r));
  const chosen = decisive ? [decisive] : rules;
  const seen = new Set<string>();
  return chosen.filter((r) => !seen.has(constraints[r]) && seen.add(constraints[r])).map((r) => [r, constraints[r]]);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Refuses a JSON array where a request DTO expects an object: validated as an object, its
 * elements would come back as unknown properties named `0`, `1`...
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && Array.isArray(value) && isDtoClass(metadata.metatype)) {
      throw validationFailed([{ field: '', message: 'must be a JSON object, not an array', rule: 'json_object' }]);
    }
    return super.transform(value, metadata);
  }
}

function isDtoClass(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && !([String, Boolean, Number, Array, Object] as unknown[]).includes(metatype);
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
