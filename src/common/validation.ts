import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { validationFailed } from './problem.js';
import type { FieldError } from './problem.js';

/** Flattens class-validator's error tree into `field` paths such as `steps[2].fields[0].key`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const isIndex = /^\d+$/.test(e.property);
    const field = parent === '' ? e.property : isIndex ? `${parent}[${e.property}]` : `${parent}.${e.property}`;
    if (e.constraints) {
      const messages = Object.entries(e.constraints);
      // "property X should not exist" is how whitelisting reports an unknown property.
      const unknown = messages.find(([k]) => k === 'whitelistValidation');
      if (unknown) out.push({ field, message: 'is not a known property' });
      else for (const [, message] of messages) out.push({ field, message: message.replace(new RegExp(`^${escape(e.property)} `), '') });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
