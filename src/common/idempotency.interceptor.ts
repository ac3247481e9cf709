import { Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, lastValueFrom, of } from 'rxjs';
import type { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { canonicalHash } from './canonical.js';
import { badRequest, conflict, unprocessable } from './problem.js';
import type { AuthenticatedRequest } from './request-context.js';

const KEY_RE = /^[\x21-\x7e]{1,200}$/;
const REPLAYED_HEADERS = ['etag', 'location'] as const;
/** Keys are remembered this long; a retry after that is a new request. */
const RETENTION_HOURS = 24;

const NOT_REMEMBERED_KEY = 'qms:idempotency-not-remembered';

/**
 * For routes whose body carries a password or whose answer carries a bearer token: their requests
 * are never remembered (the request hash would be a fast, unsalted hash of the password, and the
 * stored answer a live token). An Idempotency-Key sent to them is ignored.
 */
export const NotRemembered = () => SetMetadata(NOT_REMEMBERED_KEY, true);

/**
 * `Idempotency-Key` on POST: the first request with a key runs and its 2xx response is
 * remembered; a retry with the same key and body gets that response again and changes
 * nothing; the same key with another body is refused (422). A failed request forgets
 * its key so the client can correct and retry. Only signed-in callers' requests are remembered.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private lastPurge = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const raw = req.headers['idempotency-key'];
    // Keys belong to a user. Anonymous POSTs (sign-in) are not remembered: their answers
    // carry bearer tokens, which must not be stored, and anonymous callers share no key space.
    if (req.method !== 'POST' || raw === undefined || !req.user) return next.handle();
    if (this.reflector.get<boolean | undefined>(NOT_REMEMBERED_KEY, context.getHandler())) return next.handle();
    return from(this.run(req, context.switchToHttp().getResponse<Response>(), Array.isArray(raw) ? raw[0] : raw, next));
  }

  private async run(req: AuthenticatedRequest, res: Response, key: string, next: CallHandler): Promise<unknown> {
    if (!KEY_RE.test(key)) throw badRequest('invalid_idempotency_key', 'Idempotency-Key must be 1-200 visible ASCII characters');
    const userId = req.user!.id;
    const requestHash = canonicalHash({ method: req.method, path: req.originalUrl, body: req.body ?? null });
    await this.purgeOld();
    const inserted = (await this.dataSource.query(
      `INSERT INTO idempotency_record (user_id, key, request_hash, state) VALUES ($1, $2, $3, 'in_progress')
       ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, requestHash],
    )) as unknown[];
    if (inserted.length === 0) return this.replay(res, userId, key, requestHash);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const headers: Record<string, string> = {};
      for (const h of REPLAYED_HEADERS) {
        const v = res.getHeader(h);
        if (typeof v === 'string') headers[h] = v;
      }
      await this.dataSource.query(
        `UPDATE idempotency_record SET state = 'completed', response_status = $3, response_body = $4, response_headers = $5
         WHERE user_id = $1 AND key = $2`,
        [userId, key, res.statusCode, JSON.stringify(body ?? null), JSON.stringify(headers)],
      );
      return body;
    } catch (e) {
      await this.dataSource.query(`DELETE FROM idempotency_record WHERE user_id = $1 AND key = $2`, [userId, key]).catch(() => undefined);
      throw e;
    }
  }

  private async replay(res: Response, userId: string, key: string, requestHash: string): Promise<unknown> {
    const [row] = (await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_body, response_headers FROM idempotency_record WHERE user_id = $1 AND key = $2`,
      [userId, key],
    )) as {
      request_hash: string;
      state: string;
      response_status: number;
      response_body: unknown;
      response_headers: Record<string, string>;
    }[];
    if (!row) throw conflict('idempotency_key_in_flight', 'A request with this Idempotency-Key is being processed; retry shortly');
    if (row.request_hash !== requestHash) {
      throw unprocessable('idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
    }
    if (row.state !== 'completed') {
      throw conflict('idempotency_key_in_flight', 'A request with this Idempotency-Key is being processed; retry shortly');
    }
    for (const [h, v] of Object.entries(row.response_headers ?? {})) res.setHeader(h, v);
    res.setHeader('Idempotent-Replayed', 'true');
    res.status(row.response_status);
    return lastValueFrom(of(row.response_body));
  }

  private async purgeOld(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < 10 * 60_000) return;
    this.lastPurge = now;
    await this.dataSource.query(`DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => $1)`, [RETENTION_HOURS]);
  }
}
