import { Controller, Get } from '@nestjs/common';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { expressRoutes, nestRoutes, policyOf } from './support/routes.js';
import type { RouteEntry } from './support/routes.js';

/** Every route states who may call it, and the API document says the same. */
describe('route table and API document', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

  beforeAll(async () => {
    t = await startTestApp();
    routes = nestRoutes(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('policy walk', () => {
    it('finds the routes the Express router serves, and nothing else (besides the API docs)', () => {
      expect(routes.length).toBeGreaterThanOrEqual(10);
      const served = expressRoutes(t.app).filter((r) => !/^\/docs(\/|-json$|-yaml$|$)/.test(r.path));
      expect(served.map(key).sort()).toEqual(routes.map(key).sort());
      // The walk sees the spine's routes.
      expect(routes.map(key)).toEqual(
        expect.arrayContaining([
          'POST /api/auth/login',
          'GET /api/users/me',
          'PATCH /api/users/:id',
          'GET /api/audit-events/verify',
          'GET /health',
        ]),
      );
    });

    it('finds an access policy on every handler', () => {
      const missing = routes.filter((r) => r.policy === undefined).map((r) => `${key(r)} (${r.controller}.${r.handler})`);
      expect(missing).toEqual([]);
    });

    it('leaves only login and the survey link public under /api; every other /api route needs a token', () => {
      // A survey invitation is answered without an account: the link's token is the key (single use, expiring).
      const PUBLIC = [
        'POST /api/auth/login',
        'GET /api/survey-invitations/:token',
        'POST /api/survey-invitations/:token/answers',
        'POST /api/survey-invitations/:token/decline',
      ];
      const publicApi = routes.filter((r) => r.path.startsWith('/api/') && r.policy?.kind === 'public').map(key);
      expect(publicApi.sort()).toEqual([...PUBLIC].sort());
      for (const r of routes.filter((r) => r.path.startsWith('/api/') && !PUBLIC.includes(key(r)))) {
        expect({ route: key(r), kind: r.policy?.kind }).toEqual({ route: key(r), kind: expect.stringMatching(/^(authenticated|roles)$/) });
        if (r.policy?.kind === 'roles') expect(r.policy.roles.length).toBeGreaterThan(0);
      }
    });

    it('reports a handler without a policy (the walk can fail)', () => {
      @Controller('undeclared')
      class UndeclaredController {
        @Get()
        open(this: void): string {
          return 'open';
        }
      }
      expect(policyOf(UndeclaredController, UndeclaredController.prototype.open)).toBeUndefined();
    });

    it('has the guard refuse every non-public route without a token', async () => {
      for (const r of routes.filter((r) => r.policy?.kind !== 'public')) {
        const path = r.path.replace(':id', '00000000-0000-4000-8000-000000000000');
        const res = await t.http[r.method.toLowerCase() as 'get' | 'post' | 'patch'](path);
        expect({ route: key(r), status: res.status, code: res.body.code }).toEqual({ route: key(r), status: 401, code: 'unauthenticated' });
      }
    });
  });

  describe('OpenAPI document', () => {
    interface Operation {
      'x-roles'?: unknown;
      security?: unknown;
      responses?: Record<string, { description?: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
    }
    interface OpenApiDocument {
      paths: Record<string, Record<string, Operation>>;
      components: {
        securitySchemes: Record<string, unknown>;
        schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
      };
    }
    let doc: OpenApiDocument;
    beforeAll(async () => {
      const res = await t.http.get('/docs-json');
      expect(res.status).toBe(200);
      doc = res.body as OpenApiDocument;
    });

    const openApiPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

    it('lists every route, and only those', () => {
      const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
      expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort());
    });

    it('states the roles of each operation, as the policy does, and bearer security except for public ones', () => {
      for (const r of routes) {
        const op = doc.paths[openApiPath(r.path)][r.method.toLowerCase()];
        const expected =
          r.policy?.kind === 'public'
            ? ['public']
            : r.policy?.kind === 'authenticated'
              ? ['any signed-in user']
              : r.policy?.kind === 'roles'
                ? r.policy.roles
                : undefined;
        expect({ route: key(r), roles: op['x-roles'] }).toEqual({ route: key(r), roles: expected });
        const security = r.policy?.kind === 'public' ? undefined : [{ bearer: [] }];
        expect({ route: key(r), security: op.security }).toEqual({ route: key(r), security });
      }
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    });

    it('types the success (2xx) response of every operation, binaries included', () => {
      const untyped: string[] = [];
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
          const typed =
            success.length > 0 &&
            success.every(
              ([status, r]) =>
                status === '204' ||
                (r.content !== undefined &&
                  Object.keys(r.content).length > 0 &&
                  Object.values(r.content).every((c) => c.schema !== undefined && Object.keys(c.schema).length > 0)),
            );
          if (!typed) untyped.push(`${method.toUpperCase()} ${path}`);
        }
      }
      expect(untyped).toEqual([]);
    });

    it('has component schemas for the request and response bodies, and every $ref resolves', () => {
      const schemas = doc.components.schemas;
      for (const name of [
        'CreateUserRequest',
        'UpdateUserRequest',
        'UserResponse',
        'LoginRequest',
        'LoginResponse',
        'AuditEventPage',
        'AuditEventResponse',
        'ChainVerdictResponse',
        'HealthResponse',
      ]) {
        expect({ name, present: name in schemas }).toEqual({ name, present: true });
      }
      expect(new Set(schemas.CreateUserRequest.required)).toEqual(new Set(['email', 'name', 'password', 'roles']));
      expect(schemas.CreateUserRequest.properties).toMatchObject({ email: { format: 'email' }, password: { minLength: 12 } });
      expect(schemas.UpdateUserRequest.required ?? []).toEqual([]);
      expect(Object.keys(schemas.UserResponse.properties ?? {})).not.toContain('password');

      const refs = JSON.stringify(doc).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect(Object.keys(schemas)).toContain(ref.split('/').pop()!.replace('"', ''));
    });

    it('serves the API browser at /docs as HTML', async () => {
      const res = await t.http.get('/docs');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('swagger');
    });
  });
});
