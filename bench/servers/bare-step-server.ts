/**
 * The framework-free baseline of the `step` benchmark: a bare `node:http` server with a `pg.Pool`
 * that records a step the way the service's database work does it, and nothing more.
 *
 *   POST /api/executions/:id/steps   { stepKey, values, performedAt, notes? }  ->  201 JSON
 *
 * In one transaction it inserts the same `execution_step_record` row as
 * ExecutionsService.recordStep and appends the audit event exactly as AuditService.append does
 * (the chain head locked with SELECT ... FOR UPDATE, the event hashed with the service's own
 * `hashEvent`, the INSERT ... RETURNING / UPDATE audit_head statement), so both pay for the same
 * rows, triggers, indexes and the same serialisation on the chain head.
 *
 * What it leaves out is what the framework and the domain add: it checks that a bearer token is
 * present but does not verify it (no signature check, no user lookup; the actor comes from
 * BARE_ACTOR_ID / BARE_ACTOR_EMAIL), checks only the body's shape (no step definition, no
 * execution or programme lookup, no conformance), and answers with the record, not the whole
 * execution view.
 *
 * Run as its own process (one event loop, like the service): prints `listening on http://...`.
 * Environment: DATABASE_URL, BARE_ACTOR_ID, BARE_ACTOR_EMAIL, HOST (127.0.0.1), PORT (0: any),
 * DB_POOL_SIZE (10, the service's default pool size: src/config/config.ts, dbPoolSize).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { hashEvent } from '../../src/audit/audit-chain.js';
import type { ChainedEvent } from '../../src/audit/audit-chain.js';
import { canonicalJson } from '../../src/common/canonical.js';

const env = (name: string, fallback?: string): string => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) throw new Error(`${name} is not set`);
  return v;
};

const pool = new pg.Pool({
  connectionString: env('DATABASE_URL'),
  max: Number(env('DB_POOL_SIZE', '10')),
  connectionTimeoutMillis: 10_000,
});
const actor = { id: env('BARE_ACTOR_ID'), email: env('BARE_ACTOR_EMAIL') };
const ROUTE = /^\/api\/executions\/([0-9a-f-]{36})\/steps$/;
const BEARER = /^Bearer\s+([A-Za-z0-9\-_.]+)\s*$/i;
const COLUMNS = `seq, occurred_at, actor_id, actor_email, action, entity_type, entity_id, entity_version, changes, reason, request_id, prev_hash, hash`;

// The keyed hash of the values, as AuditService.personal: the key is read once and kept.
const piiKey = ((await pool.query(`SELECT value FROM app_setting WHERE key = 'pii_hash_key'`)).rows[0] as { value: string }).value;
const personal = (value: string) => 'hmac-sha256:' + createHmac('sha256', piiKey).update(value).digest('hex');

interface StepBody {
  stepKey: string;
  values: Record<string, unknown>;
  performedAt: string;
  notes?: string;
}

function parseBody(text: string): StepBody | undefined {
  let b: unknown;
  try {
    b = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof b !== 'object' || b === null || Array.isArray(b)) return undefined;
  const o = b as Record<string, unknown>;
  if (typeof o.stepKey !== 'string' || o.stepKey.length === 0 || o.stepKey.length > 63) return undefined;
  if (typeof o.values !== 'object' || o.values === null || Array.isArray(o.values)) return undefined;
  if (typeof o.performedAt !== 'string' || Number.isNaN(Date.parse(o.performedAt))) return undefined;
  if (o.notes !== undefined && typeof o.notes !== 'string') return undefined;
  return o as unknown as StepBody;
}

async function record(executionId: string, body: StepBody, requestId: string) {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const inserted = await c.query<{ id: string; recorded_at: Date }>(
      `INSERT INTO execution_step_record (execution_id, step_key, "values", performed_at, performed_by, notes, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, recorded_at`,
      [executionId, body.stepKey, JSON.stringify(body.values), body.performedAt, actor.id, body.notes ?? null, actor.id],
    );
    const row = inserted.rows[0];
    // AuditService.append, statement for statement.
    const head = (
      await c.query<{ seq: string; hash: string; now: Date }>(
        `SELECT seq, hash, clock_timestamp() AS now FROM audit_head WHERE id = 1 FOR UPDATE`,
      )
    ).rows[0];
    const unhashed = {
      seq: Number(head.seq) + 1,
      occurredAt: head.now.toISOString(),
      actorId: actor.id,
      actorEmail: actor.email,
      action: 'execution.record_step',
      entityType: 'execution',
      entityId: executionId,
      entityVersion: 1,
      changes: JSON.parse(
        JSON.stringify({
          stepRecordId: { old: null, new: row.id },
          stepKey: { old: null, new: body.stepKey },
          valuesHash: { old: null, new: personal(canonicalJson(body.values)) },
          performedAt: { old: null, new: new Date(body.performedAt).toISOString() },
          performedBy: { old: null, new: actor.id },
        }),
      ) as Record<string, unknown>,
      reason: null,
      requestId,
      prevHash: head.hash,
    };
    const event: ChainedEvent = { ...unhashed, hash: hashEvent(unhashed) };
    await c.query(
      `WITH appended AS (
         INSERT INTO audit_event (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         RETURNING seq, hash)
       UPDATE audit_head SET seq = appended.seq, hash = appended.hash FROM appended WHERE audit_head.id = 1`,
      [
        event.seq,
        event.occurredAt,
        event.actorId,
        event.actorEmail,
        event.action,
        event.entityType,
        event.entityId,
        event.entityVersion,
        JSON.stringify(event.changes),
        event.reason,
        event.requestId,
        event.prevHash,
        event.hash,
      ],
    );
    await c.query('COMMIT');
    return {
      id: row.id,
      executionId,
      stepKey: body.stepKey,
      values: body.values,
      performedAt: new Date(body.performedAt).toISOString(),
      performedById: actor.id,
      notes: body.notes ?? null,
      recordedAt: row.recorded_at.toISOString(),
      recordedById: actor.id,
      auditSeq: event.seq,
    };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
  res.end(bytes);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const m = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
  if (!m) return send(res, 404, { title: 'Not Found' });
  // Present, well-formed, not verified: see the comment at the top.
  if (!BEARER.test(req.headers.authorization ?? '')) return send(res, 401, { title: 'Unauthorized' });
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = parseBody(Buffer.concat(chunks).toString('utf8'));
    if (!body) return send(res, 400, { title: 'Bad Request' });
    record(m[1], body, randomUUID()).then(
      (r) => send(res, 201, r),
      (e: Error) => {
        process.stderr.write(`record failed: ${e.message}\n`);
        send(res, 500, { title: 'Internal Server Error', detail: e.message });
      },
    );
  });
}

const server = createServer(handle);
server.keepAliveTimeout = 60_000;
server.listen(Number(env('PORT', '0')), env('HOST', '127.0.0.1'), () => {
  const a = server.address() as { address: string; port: number };
  process.stdout.write(`listening on http://${a.address}:${a.port}\n`);
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
