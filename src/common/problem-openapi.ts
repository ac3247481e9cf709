import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ERROR_CODES } from './error-codes.js';
import { FIELD_RULES } from './field-rules.js';
import type { ErrorCode } from './error-codes.js';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from './problem-details.filter.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** The registry as the OpenAPI document publishes it: code -> { status, meaning }. */
export function errorCodeTable(): Record<ErrorCode, { status: number; meaning: string }> {
  return Object.fromEntries(
    (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => [
      code,
      { status: ERROR_CODES[code].status, meaning: ERROR_CODES[code].meaning },
    ]),
  ) as Record<ErrorCode, { status: number; meaning: string }>;
}

function problemSchema(): SchemaObject & Record<`x-${string}`, unknown> {
  return {
    type: 'object',
    description:
      'An RFC 9457 problem document. Branch on `code` (one of the registered codes, each always answered with the same status); ' +
      '`detail` is a sentence for people. `x-error-codes` gives the status and meaning of every code.',
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      type: { type: 'string', format: 'uri', description: `${PROBLEM_TYPE_BASE}<code>`, example: `${PROBLEM_TYPE_BASE}validation_failed` },
      title: { type: 'string', description: 'The HTTP status in words', example: 'Bad Request' },
      status: { type: 'integer', description: 'The HTTP status, the one registered for the code', example: 400 },
      detail: { type: 'string', description: 'What went wrong, as a sentence for people', example: 'name is required' },
      code: { type: 'string', enum: Object.keys(ERROR_CODES), description: 'Stable machine-readable code (see x-error-codes)' },
      instance: { type: 'string', description: 'The path of the request', example: '/api/users' },
      errors: {
        type: 'array',
        description: 'With validation_failed (and some 422 codes): each wrong field and what is wrong with it',
        items: { $ref: '#/components/schemas/FieldError' },
      },
      retryAfterSeconds: { type: 'integer', description: 'With too_many_attempts and database_busy: the same as the Retry-After header' },
      requestId: { type: 'string', description: 'With internal_error: the request id the error was logged with' },
    },
    additionalProperties: true,
    'x-error-codes': errorCodeTable(),
  };
}

const FIELD_ERROR: SchemaObject = {
  type: 'object',
  required: ['field', 'message'],
  properties: {
    field: {
      type: 'string',
      description: "Path of the field in the request, e.g. `subject.participantId` or `steps[0].fields[1].key`; '' for the whole body",
      example: 'name',
    },
    message: {
      type: 'string',
      description: 'What is wrong, said after the field name ("is required"), or a sentence of its own (starting with a capital)',
      example: 'is required',
    },
    rule: {
      type: 'string',
      enum: Object.keys(FIELD_RULES),
      description: 'The rule broken, to say it in another language (see x-field-rules); absent for checks of a use case of its own',
      example: 'required',
    },
    params: {
      type: 'object',
      additionalProperties: true,
      description: "What fills the rule's message, such as { max: 200 } for max_length or { values: [...] } for one_of",
    },
  },
  'x-field-rules': FIELD_RULES,
} as SchemaObject;

/**
 * Publishes the error registry: a `Problem` schema whose `code` enumerates every registered code
 * (with `x-error-codes`), and on every operation a problem+json body for each error response
 * the controllers documented plus a `default` one for the rest. Also at the top level as
 * `x-error-codes`, for clients that read no schemas.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Problem: problemSchema(), FieldError: FIELD_ERROR };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op: OperationObject | undefined = item[method];
      if (!op) continue;
      for (const [status, response] of Object.entries(op.responses)) {
        if (!response || '$ref' in response || !/^[45]/.test(status)) continue;
        response.content ??= { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } };
      }
      const fallback: ResponseObject = {
        description: 'An error: a problem document whose code is one of Problem.code',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } },
      };
      op.responses.default ??= fallback;
    }
  }
  (document as OpenAPIObject & { 'x-error-codes'?: unknown })['x-error-codes'] = errorCodeTable();
  return document;
}
