/**
 * The authorisation matrix, generated from the route table: every operation of the OpenAPI
 * document called by nobody, by an expired token, and by a user of every role (two programme
 * leaders: the one who leads programme A and one who leads only B), each compared with the
 * policy the route declares (POLICY_KEY metadata, mirrored as x-roles). Every path points at a
 * record of programme A, and every body passes DTO validation, so what answers is the guard or
 * the programme scoping, not the validation pipe.
 *
 *   no token, expired token      -> 401 (public routes: anything but 401/403)
 *   a role the policy leaves out -> 403
 *   an allowed role              -> anything but 401/403
 *   the leader of B on A's records -> 404 (and the leader of A reads them: 2xx)
 */
import { allows, fillPath, isPublic, loadApiSurface } from './support/api-surface.js';
import type { Operation } from './support/api-surface.js';
import { call } from './support/call.js';
import { problemViolation } from './support/problem-check.js';
import { nestRoutes } from './support/routes.js';
import { TEST_JWT_SECRET, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { decodePayload, nowSeconds, signHs256 } from './support/tokens.js';
import { buildWorld, defaultPath, sampleRequest } from './support/world.js';
import type { ActorName, World } from './support/world.js';

type Caller = 'no token' | 'expired token' | ActorName;
/** Callers that are refused come first, so the allowed ones' changes cannot mask a refusal. */
const CALLERS: Caller[] = [
  'no token',
  'expired token',
  'admin',
  'auditor',
  'board_member',
  'other_leader',
  'leader',
  'quality_manager',
  'all_roles',
];

/** Paths whose records belong to a programme: a leader of another programme must get 404. */
const PROGRAMME_SCOPED = /^\/api\/(programmes|executions|pairs|deviations|corrective-actions|internships)\/\{id\}/;
/** Operations scoped by a programme named in the body. */
const BODY_SCOPED = new Set(['POST /api/deviations', 'POST /api/risks']);

/**
 * Operations whose policy admits a role and whose record then decides: a controlled document is
 * worked on by a quality manager or its owner, so another programme leader or board member is
 * refused by the document (403 with this code), not by the policy.
 */
const RECORD_DECIDES: Record<string, string> = {
  'POST /api/documents/{id}/versions': 'document_not_allowed',
  'POST /api/documents/{id}/versions/{n}/files': 'document_not_allowed',
  'DELETE /api/documents/{id}/versions/{n}/files/{fileId}': 'document_not_allowed',
  'POST /api/documents/{id}/versions/{n}/submit': 'document_not_allowed',
  'POST /api/documents/{id}/reviews': 'document_not_allowed',
};

type Expectation = 'unauthenticated' | 'forbidden' | 'not found' | 'allowed' | 'reads';

describe('authorisation matrix: every role against every route, compared with the declared policy', () => {
  let t: TestApp;
  let w: World;
  let operations: Operation[];
  let expiredToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    operations = (await loadApiSurface(t)).operations;
    const gen = decodePayload(w.actors.all_roles.token).gen;
    expiredToken = signHs256({ sub: w.actors.all_roles.id, gen, iat: nowSeconds() - 7200, exp: nowSeconds() - 60 }, TEST_JWT_SECRET);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('signs the expired token like a real one: the same token unexpired is accepted', async () => {
    const gen = decodePayload(w.actors.all_roles.token).gen;
    const fresh = signHs256({ sub: w.actors.all_roles.id, gen, iat: nowSeconds(), exp: nowSeconds() + 600 }, TEST_JWT_SECRET);
    expect((await t.http.get('/api/users/me').set('Authorization', `Bearer ${fresh}`)).status).toBe(200);
    expect((await t.http.get('/api/users/me').set('Authorization', `Bearer ${expiredToken}`)).status).toBe(401);
  });

  it('documents every route with the policy the guard enforces', () => {
    const byKey = new Map(nestRoutes(t.app).map((r) => [`${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`, r.policy]));
    const disagreements = operations
      .map((op) => {
        const p = byKey.get(op.key);
        const declared =
          p?.kind === 'public'
            ? ['public']
            : p?.kind === 'authenticated'
              ? ['any signed-in user']
              : p?.kind === 'roles'
                ? p.roles
                : undefined;
        return JSON.stringify(declared) === JSON.stringify(op.roles)
          ? undefined
          : `${op.key}: x-roles ${JSON.stringify(op.roles)}, policy ${JSON.stringify(declared)}`;
      })
      .filter(Boolean);
    expect(disagreements).toEqual([]);
    expect(operations.length).toBe(byKey.size);
  });

  function expected(op: Operation, caller: Caller): Expectation {
    if (isPublic(op)) return 'allowed';
    if (caller === 'no token' || caller === 'expired token') return 'unauthenticated';
    if (!allows(op, w.actors[caller].roles)) return 'forbidden';
    const scoped = PROGRAMME_SCOPED.test(op.path) || BODY_SCOPED.has(op.key);
    if (scoped && caller === 'other_leader') return 'not found';
    if (scoped && op.method === 'GET' && PROGRAMME_SCOPED.test(op.path)) return 'reads';
    return 'allowed';
  }

  function meets(e: Expectation, status: number, code: unknown, op: Operation): boolean {
    if (e === 'allowed' && status === 403 && RECORD_DECIDES[op.key] !== undefined) return code === RECORD_DECIDES[op.key];
    switch (e) {
      case 'unauthenticated':
        return status === 401;
      case 'forbidden':
        return status === 403 && code === 'forbidden_role';
      case 'not found':
        return status === 404 && code === 'not_found';
      case 'reads':
        return status >= 200 && status < 300;
      case 'allowed':
        return status !== 401 && status !== 403 && status < 500;
    }
  }

  it('answers every cell as the policy says (100 % match)', async () => {
    const cells: { op: string; caller: Caller; expected: Expectation; status: number; code: unknown; ok: boolean; problem?: string }[] = [];
    for (const op of operations) {
      const url = fillPath(op.path, defaultPath(w, op));
      for (const caller of CALLERS) {
        const actor = caller === 'no token' || caller === 'expired token' ? w.actors.all_roles : w.actors[caller];
        const sample = sampleRequest(w, op, actor);
        const token = caller === 'no token' ? undefined : caller === 'expired token' ? expiredToken : actor.token;
        const res = await call(t, op, {
          url,
          query: Object.entries(sample.query),
          token,
          headers: op.method === 'PATCH' || op.method === 'PUT' ? { 'If-Match': '"1"' } : {},
          bodyText: sample.body === undefined ? undefined : JSON.stringify(sample.body),
        });
        const e = expected(op, caller);
        const code = res.status >= 400 ? (res.body as { code?: unknown })?.code : undefined;
        const problem = problemViolation(res);
        cells.push({ op: op.key, caller, expected: e, status: res.status, code, ok: meets(e, res.status, code, op) && !problem, problem });
      }
    }
    const failures = cells.filter((c) => !c.ok);
    if (failures.length) {
      const mark: Record<Expectation, string> = {
        unauthenticated: '401',
        forbidden: '403',
        'not found': '404',
        reads: '2xx',
        allowed: 'ok',
      };
      const width = Math.max(...operations.map((o) => o.key.length));
      const header = ['route'.padEnd(width), ...CALLERS.map((c) => c.padEnd(14))].join(' | ');
      const rows = operations.map((op) =>
        [
          op.key.padEnd(width),
          ...CALLERS.map((caller) => {
            const c = cells.find((x) => x.op === op.key && x.caller === caller)!;
            return `${c.ok ? ' ' : '✗'}${c.status}/${mark[c.expected]}`.padEnd(14);
          }),
        ].join(' | '),
      );
      const details = failures.map(
        (f) =>
          `${f.op} as ${f.caller}: expected ${f.expected}, got ${f.status} ${JSON.stringify(f.code ?? null)}${f.problem ? ` (${f.problem})` : ''}`,
      );
      throw new Error(`authorisation matrix (cell: status/expected, ✗ = mismatch)\n${header}\n${rows.join('\n')}\n\n${details.join('\n')}`);
    }
    // Every caller met every route.
    expect(cells.length).toBe(operations.length * CALLERS.length);
    expect(cells.filter((c) => c.expected === 'not found').length).toBeGreaterThan(10);
    // Every route times every role, one request after another: it grows with the API, past the default per-test limit.
  }, 300_000);
});
