import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
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

/** Default codes for exceptions thrown without one (framework and body-parser errors). */
const DEFAULT_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  428: 'precondition_required',
  429: 'too_many_requests',
  500: 'internal_error',
  503: 'service_unavailable',
};

export const PROBLEM_TYPE_BASE = 'https://mentoring-qms.example/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** PostgreSQL SQLSTATEs that are the client's fault, and how the API names them. */
const PG_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  '23505': { status: 409, code: 'duplicate', detail: 'A record with the same unique value already exists' },
  '23503': { status: 422, code: 'invalid_reference', detail: 'The request refers to a record that does not exist or is still referenced' },
  '23514': { status: 422, code: 'constraint_violation', detail: 'The request breaks a rule of the data model' },
  '23502': { status: 422, code: 'constraint_violation', detail: 'A required value is missing' },
  '22P02': { status: 400, code: 'invalid_value', detail: 'A value has the wrong format' },
  '22007': { status: 400, code: 'invalid_value', detail: 'A date or time has the wrong format' },
  '22008': { status: 400, code: 'invalid_value', detail: 'A date or time is out of range' },
  '22003': { status: 400, code: 'invalid_value', detail: 'A number is out of range' },
  '22001': { status: 400, code: 'invalid_value', detail: 'A value is too long' },
  '22021': { status: 400, code: 'invalid_value', detail: 'A text value contains a character that cannot be stored' },
  '22P05': { status: 400, code: 'invalid_value', detail: 'A text value contains a character that cannot be stored' },
  '54000': { status: 400, code: 'invalid_value', detail: 'A value is too large to store' },
  '40001': { status: 409, code: 'concurrent_update', detail: 'The record was changed concurrently; retry the request' },
  '40P01': { status: 409, code: 'concurrent_update', detail: 'The record was changed concurrently; retry the request' },
};

export function problemDocument(status: number, code: string, detail: string, extras: Record<string, unknown> = {}): ProblemDocument {
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
    if (bodyParserError) return problemDocument(bodyParserError.status, bodyParserError.code, bodyParserError.detail, { instance });
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      let code = DEFAULT_CODES[status] ?? `http_${status}`;
      let detail = exception.message;
      let extras: Record<string, unknown> = {};
      if (typeof body === 'object' && body !== null) {
        const { code: c, detail: d, message, error: _e, statusCode: _s, ...rest } = body as Record<string, unknown>;
        if (typeof c === 'string') code = c;
        if (typeof d === 'string') detail = d;
        else if (typeof message === 'string') detail = message;
        else if (Array.isArray(message)) detail = message.join('; ');
        extras = rest;
      } else if (typeof body === 'string') {
        detail = body;
      }
      if (status >= 500) this.logger.error({ err: exception, requestId: req.id }, 'request failed');
      return problemDocument(status, code, sanitiseDetail(status, detail, req), { ...extras, instance });
    }
    if (exception instanceof QueryFailedError) {
      const sqlState = (exception.driverError as { code?: string } | undefined)?.code;
      const known = sqlState ? PG_ERRORS[sqlState] : undefined;
      if (known) return problemDocument(known.status, known.code, known.detail, { instance });
    }
    if (isPoolExhausted(exception)) {
      // Every connection stayed busy for the pool's whole wait: overload, not a fault of the
      // service. The request may have got as far as an earlier transaction, so a retry is safe
      // with an Idempotency-Key.
      this.logger.warn({ requestId: req.id }, 'no database connection came free in time');
      return problemDocument(
        503,
        'database_busy',
        'The database is too busy to take the request; retry in a moment (with an Idempotency-Key to make the retry safe)',
        {
          instance,
          retryAfterSeconds: 1,
        },
      );
    }
    this.logger.error({ err: exception, requestId: req.id }, 'unexpected error');
    return problemDocument(500, 'internal_error', 'An unexpected error occurred; it has been logged with the request id', {
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

function asBodyParserError(e: unknown): { status: number; code: string; detail: string } | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const type = (e as { type?: unknown }).type;
  switch (type) {
    case 'entity.parse.failed':
    case 'entity.verify.failed':
      return { status: 400, code: 'malformed_json', detail: 'The request body is not valid JSON' };
    case 'entity.too.large':
      return { status: 413, code: 'payload_too_large', detail: 'The request body is larger than the configured limit' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, code: 'unsupported_media_type', detail: 'The request body encoding is not supported' };
    default:
      return undefined;
  }
}
