import { Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, lastValueFrom } from 'rxjs';
import type { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { JWT_SECRET } from '../config/secrets.js';
import { inRequestTransaction } from './request-transaction.js';
import { canonicalHash } from '../common/canonical.js';
import { badRequest, conflict, unprocessable } from '../common/problem.js';
import { RequestHasher, holdsSecret } from '../common/request-hash.js';
import type { AuthenticatedRequest } from '../common/request-context.js';

const KEY_RE = /^[\x21-\x7e]{1,200}$/;
const REPLAYED_HEADERS = ['etag', 'location'] as const;
/** Keys are remembered this long; a retry after that is a new request. */
const RETENTION_HOURS = 24;
/** How long a retry waits for a first request with the same key that is still running. */
const IN_FLIGHT_WAIT_MS = 5_000;
const LOCK_NOT_AVAILABLE = '55P03';

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
 * nothing; the same key with another request (body or path) is refused (422). A failed request
 * forgets its key so the client can correct and retry. Only signed-in callers' requests are remembered.
 *
 * The key's record commits or rolls back with the business change. The whole keyed request runs
 * in one transaction on one connection (`inRequestTransaction`; the services' own transactions
 * nest in it as savepoints): first the record is inserted, then the request is handled, then the
 * record is completed with the response, then everything commits. Hence:
 *  - a crash (kill -9, lost connection) before the commit rolls back the change and the record
 *    together: a retry after the restart finds no record and performs the request, once;
 *  - after the commit, the change and the remembered answer exist together: a retry replays it;
 *  - a retry while the first request runs waits on the first one's uncommitted record (a row
 *    lock held by a session that dies with its process) and then replays its answer, or, if the
 *    first one failed, performs the request itself. It answers 409 `idempotency_key_in_flight`
 *    only when the first one takes longer than IN_FLIGHT_WAIT_MS; no key stays stuck.
 * On the embedded database a single connection serves the whole request (see inRequestTransaction),
 * so nothing waits on a second connection while the transaction is open.
 *
 * The stored request hash is keyed and leaves secrets out (see RequestHasher). Rows left
 * `in_progress` by versions before this design are answered 409 until they expire.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private lastPurge = 0;
  private readonly hasher: RequestHasher;

  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) serverSecret: string,
  ) {
    this.hasher = new RequestHasher(serverSecret);
  }

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
    // A multipart body (a file upload) is read after this runs: its hash would be of nothing, and a
    // retry with another file under the same key would replay the first answer. Refused, not ignored.
    if (/^multipart\//i.test(req.headers['content-type'] ?? ''))
      throw unprocessable(
        'idempotency_key_not_supported',
        'A file upload cannot be sent with an Idempotency-Key: its content cannot be checked against the key. Send it without one.',
      );
    const userId = req.user!.id;
    const requestHash = this.hasher.hash({ method: req.method, path: req.originalUrl, body: req.body as unknown });
    await this.purgeOld();
    return inRequestTransaction(this.dataSource, async (m): Promise<unknown> => {
      if (!(await this.claim(m, userId, key, requestHash))) {
        // Records written before the hash was keyed hold a plain SHA-256 (gone within RETENTION_HOURS).
        const legacyHash = canonicalHash({ method: req.method, path: req.originalUrl, body: (req.body as unknown) ?? null });
        return this.replay(m, res, userId, key, [requestHash, legacyHash]);
      }
      const body: unknown = await lastValueFrom(next.handle() as Observable<unknown>, { defaultValue: undefined });
      if (holdsSecret(body)) {
        // An answer that carries a secret (a token, a generated password) is never stored: the
        // key is forgotten with the change committed, and a retry runs again, as a sign-in does.
        await m.query(`DELETE FROM idempotency_record WHERE user_id = $1 AND key = $2`, [userId, key]);
        return body;
      }
      const headers: Record<string, string> = {};
      for (const h of REPLAYED_HEADERS) {
        const v = res.getHeader(h);
        if (typeof v === 'string') headers[h] = v;
      }
      await m.query(
        `UPDATE idempotency_record SET state = 'completed', response_status = $3, response_body = $4, response_headers = $5
         WHERE user_id = $1 AND key = $2`,
        [userId, key, res.statusCode, JSON.stringify(body ?? null), JSON.stringify(headers)],
      );
      return body;
    });
  }

  /**
   * Inserts the key's record in the request's transaction. False when the key is taken: by a
   * committed request (its record is then read), or by one still running, which is waited for.
   */
  private async claim(m: EntityManager, userId: string, key: string, requestHash: string): Promise<boolean> {
    await m.query(`SELECT set_config('lock_timeout', $1, true)`, [`${IN_FLIGHT_WAIT_MS}ms`]);
    try {
      const inserted = await m.query<unknown[]>(
        `INSERT INTO idempotency_record (user_id, key, request_hash, state) VALUES ($1, $2, $3, 'in_progress')
         ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
        [userId, key, requestHash],
      );
      return inserted.length === 1;
    } catch (e) {
      if ((e as { code?: string }).code === LOCK_NOT_AVAILABLE) throw inFlight();
      throw e;
    } finally {
      await m.query(`SET LOCAL lock_timeout TO DEFAULT`).catch(() => undefined);
    }
  }

  private async replay(m: EntityManager, res: Response, userId: string, key: string, acceptedHashes: string[]): Promise<unknown> {
    const [row] = await m.query<
      {
        request_hash: string;
        state: string;
        response_status: number;
        response_body: unknown;
        response_headers: Record<string, string>;
      }[]
    >(
      `SELECT request_hash, state, response_status, response_body, response_headers FROM idempotency_record WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    // Gone between the insert and this read: expired and purged just now. Rare; the client retries.
    if (!row) throw inFlight();
    if (!acceptedHashes.includes(row.request_hash)) {
      throw unprocessable('idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
    }
    if (row.state !== 'completed') throw inFlight();
    for (const [h, v] of Object.entries(row.response_headers ?? {})) res.setHeader(h, v);
    res.setHeader('Idempotent-Replayed', 'true');
    res.status(row.response_status);
    return row.response_body;
  }

  private async purgeOld(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < 10 * 60_000) return;
    this.lastPurge = now;
    await this.dataSource.query(`DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => $1)`, [RETENTION_HOURS]);
  }
}

function inFlight() {
  return conflict('idempotency_key_in_flight', 'A request with this Idempotency-Key is being processed; retry shortly');
}
