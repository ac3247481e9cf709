import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino } from 'pino';
import type { Logger as Pino } from 'pino';
import { pinoHttp } from 'pino-http';
import { isLinkTokenShape } from './link-tokens.js';

/**
 * The service's logs: JSON lines from pino on stdout, one per request (pino-http) and one per
 * message of Nest or of the code (`new Logger(context)`), each naming its `context`. A message
 * logged while a request is served carries that request's `req` (id, method, path), as the
 * request's own line does. Never bodies, query strings, headers, tokens or personal data.
 */
export function createRootLogger(level: string): Pino {
  return pino({ level });
}

const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,100}$/;

/** The logger of the request being served, for messages logged during it. */
const requestLogger = new AsyncLocalStorage<Pino>();

type Next = (err?: unknown) => void;

/**
 * Express middleware: gives each request its id (the client's `X-Request-Id` when it is
 * well-formed, else a new UUID, sent back in `X-Request-Id`) and logs it when it ends, at `error`
 * for a 5xx, `warn` for a 4xx, `info` otherwise.
 */
export function requestLogging(root: Pino): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const http = pinoHttp({
    logger: root,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID_RE.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: loggedPath(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: Error & { code?: string }) => ({ type: err.name, message: err.message, code: err.code, stack: err.stack }),
    },
    redact: { paths: ['req.headers', 'res.headers'], remove: true },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  });
  return (req, res, next) => {
    http(req, res);
    requestLogger.run((req as IncomingMessage & { log: Pino }).log, next);
  };
}

/**
 * The path as logged: without the query string, and with every segment shaped like a link token
 * (a survey invitation's `/s/<token>`, `/api/survey-invitations/<token>/answers`) replaced by
 * `:token`, because a token in a log line opens the link for whoever reads the logs.
 */
export function loggedPath(url: string): string {
  return url
    .split('?')[0]
    .split('/')
    .map((segment) => (isLinkTokenShape(segment) ? ':token' : segment))
    .join('/');
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger interface over pino: `log(message, context)`, `error(message, stack, context)`,
 * and an object first (`error({ err, requestId }, 'message')`) merged into the line's fields.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = requestLogger.getStore() ?? this.root;
    if (!logger.isLevelEnabled(level)) return;
    // Nest passes the context (the Logger's name) last.
    const fields: Record<string, unknown> = {};
    let rest = params;
    if (params.length > 0) {
      fields.context = params[params.length - 1];
      rest = params.slice(0, -1);
    }
    if (message instanceof Error) {
      fields.err = message;
      logger[level](fields, ...(rest as [string?]));
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
      logger[level](fields, ...(rest as [string?]));
    } else if (
      level === 'error' &&
      typeof message === 'string' &&
      rest.length === 1 &&
      typeof rest[0] === 'string' &&
      /\n\s*at /.test(rest[0])
    ) {
      // Nest's own exception handlers call error(message, stack, context).
      const err = new Error(message);
      err.stack = rest[0];
      fields.err = err;
      logger.error(fields);
    } else {
      logger[level](fields, String(message), ...rest);
    }
  }
}
