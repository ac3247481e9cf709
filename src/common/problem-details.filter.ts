import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ERROR_CODES, isErrorCode } from './error-codes.js';
import type { ErrorCode } from './error-codes.js';
import { ProblemException } from './problem.js';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Codes for the framework's own exceptions, which carry none: Nest's 404 for an unknown route, and
 * a 400 from a built-in pipe. Any other status without a code is a defect (a registry gap): it is
 * logged and answered as 500, never with a code the registry does not know.
 */
const FRAMEWORK_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  404: 'not_found',
};

export const PROBLEM_TYPE_BASE = 'https://mentoring-qms.example/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** PostgreSQL SQLSTATEs that are the client's fault, and how the API names them. */
const PG_ERRORS: Record<string, { code: ErrorCode; detail: string }> = {
  '23505': { code: 'duplicate', detail: 'A record with the same unique value already exists' },
  '23503': { code: 'invalid_reference', detail: 'The request refers to a record that does not exist or is still referred to' },
  '23514': { code: 'constraint_violation', detail: 'The request breaks a rule of the data model' },
  '23502': { code: 'constraint_violation', detail: 'A required value is missing' },
  '22P02': { code: 'invalid_value', detail: 'A value has the wrong format' },
  '22007': { code: 'invalid_value', detail: 'A date or time has the wrong format' },
  '22008': { code: 'invalid_value', detail: 'A date or time is out of range' },
  '22003': { code: 'invalid_value', detail: 'A number is out of range' },
  '22001': { code: 'invalid_value', detail: 'A value is too long' },
  '22021': { code: 'invalid_value', detail: 'A text value contains a character that cannot be stored' },
  '22P05': { code: 'invalid_value', detail: 'A text value contains a character that cannot be stored' },
  '54000': { code: 'invalid_value', detail: 'A value is too large to store' },
  '40001': { code: 'concurrent_update', detail: 'The record was changed concurrently; retry the request' },
  '40P01': { code: 'concurrent_update', detail: 'The record was changed concurrently; retry the request' },
};

/** A problem document for a registered code, answered with the code's registered status. */
export function problemDocument(code: ErrorCode, detail: string, extras: Record<string, unknown> = {}): ProblemDocument {
  const status = ERROR_CODES[code].status;
  // Extras never override the RFC 9457 members (an extra named `status` once broke the response).
  return {
    ...extras,
    type: PROBLEM_TYPE_BASE + code,
    title: TITLES[status] ?? HttpStatus[status] ?? 'Error',
    status,
    detail,
    code,
  };
}

/**
 * Renders every error as an RFC 9457 problem document. Stack traces and driver
 * messages never reach the client; unexpected errors are logged with the request id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const doc = this.toProblem(exception, req);
    if (res.headersSent) {
      // A streamed response failed midway: nothing more can be said to the client.
      res.destroy();
      return;
    }
    if ((doc.status === 429 || doc.status === 503) && typeof doc.retryAfterSeconds === 'number') {
      res.setHeader('Retry-After', String(doc.retryAfterSeconds));
    }
    res.status(doc.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(doc));
  }

  private toProblem(exception: unknown, req: Request): ProblemDocument {
    const instance = req.originalUrl?.split('?')[0];
    // Body-parser errors arrive wrapped by the adapter; their `type` says what went wrong.
    const bodyParserError = asBodyParserError(exception instanceof HttpException ? exception.cause : exception);
    if (bodyParserError) return problemDocument(bodyParserError.code, bodyParserError.detail, { instance });
    if (exception instanceof ProblemException && isErrorCode(exception.code)) {
      if (exception.getStatus() >= 500) this.logger.error({ err: exception, requestId: req.id }, 'request failed');
      return problemDocument(exception.code, exception.message, { ...exception.extras, instance });
    }
    const frameworkCode = exception instanceof HttpException ? FRAMEWORK_CODES[exception.getStatus()] : undefined;
    if (exception instanceof HttpException && frameworkCode) {
      const body = exception.getResponse();
      const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
      const detail = typeof message === 'string' ? message : Array.isArray(message) ? message.join('; ') : exception.message;
      return problemDocument(frameworkCode, sanitiseDetail(exception.getStatus(), detail, req), { instance });
    }
    if (exception instanceof QueryFailedError) {
      const sqlState = (exception.driverError as { code?: string } | undefined)?.code;
      const known = sqlState ? PG_ERRORS[sqlState] : undefined;
      if (known) return problemDocument(known.code, known.detail, { instance });
    }
    if (isPoolExhausted(exception)) {
      // Every connection stayed busy for the pool's whole wait: overload, not a fault of the
      // service. The request may have got as far as an earlier transaction, so a retry is safe
      // with an Idempotency-Key.
      this.logger.warn({ requestId: req.id }, 'no database connection came free in time');
      return problemDocument(
        'database_busy',
        'The database is too busy to take the request; retry in a moment (with an Idempotency-Key to make the retry safe)',
        { instance, retryAfterSeconds: 1 },
      );
    }
    // Also an exception with a code or status the registry does not know: a defect, so logged and 500.
    this.logger.error({ err: exception, requestId: req.id }, 'unexpected error');
    return problemDocument('internal_error', 'An unexpected error occurred; it has been logged with the request id', {
      instance,
      requestId: req.id,
    });
  }
}

/** Nest's own 404 for an unknown route echoes the path; keep it but do not echo query strings. */
function sanitiseDetail(status: number, detail: string, req: Request): string {
  if (status === 404 && detail.startsWith('Cannot ')) return `No route for ${req.method} ${req.path}`;
  return detail;
}

/** pg-pool's refusal when no connection came free within connectionTimeoutMillis. */
function isPoolExhausted(e: unknown): boolean {
  return e instanceof Error && e.message === 'timeout exceeded when trying to connect';
}

function asBodyParserError(e: unknown): { code: ErrorCode; detail: string } | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const type = (e as { type?: unknown }).type;
  switch (type) {
    case 'entity.parse.failed':
    case 'entity.verify.failed':
      return { code: 'malformed_json', detail: 'The request body is not valid JSON' };
    case 'entity.too.large':
      return { code: 'payload_too_large', detail: 'The request body is larger than the configured limit' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { code: 'unsupported_media_type', detail: 'The request body encoding is not supported' };
    case 'request.size.invalid':
    case 'request.aborted':
      return { code: 'bad_request', detail: 'The request body ended before the length its Content-Length header declared' };
    default:
      return undefined;
  }
}
