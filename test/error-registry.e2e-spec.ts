/**
 * The error code registry as clients see it: published in the OpenAPI document, and the only
 * codes the service answers (every test file's app watches its answers, see `watchProblems`).
 */
import { createServer } from 'node:http';
import request from 'supertest';
import { ERROR_CODES } from '../src/common/error-codes.js';
import { expectProblem } from './support/expectations.js';
import { registryViolation, watchProblems } from './support/problem-registry.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

interface OpenApiDoc {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
  'x-error-codes': unknown;
}

describe('error code registry', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.http.get('/docs-json');
    expect(res.status).toBe(200);
    doc = res.body as OpenApiDoc;
  });
  afterAll(async () => {
    await t?.close();
  });

  const registry = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, e]) => [code, { status: e.status, meaning: e.meaning }]));

  it('publishes a Problem schema whose code is an enum of every registered code, with status and meaning', () => {
    const problem = doc.components.schemas.Problem as {
      required: string[];
      properties: Record<string, { enum?: string[] }>;
      'x-error-codes': unknown;
    };
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']));
    expect([...problem.properties.code.enum!].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    expect(problem['x-error-codes']).toEqual(registry);
    expect(doc['x-error-codes']).toEqual(registry);
    expect(doc.components.schemas.FieldError).toMatchObject({ required: ['field', 'message'] });
  });

  it('gives every operation a problem+json default response, and a body to every error response it documents', () => {
    const missing: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        operations++;
        const fallback = op.responses.default?.content?.['application/problem+json']?.schema?.$ref;
        if (fallback !== '#/components/schemas/Problem') missing.push(`${method.toUpperCase()} ${path}: default`);
        // Documented error responses carry a problem, unless they document a body of their own (GET /health's 503).
        for (const [status, response] of Object.entries(op.responses)) {
          if (/^[45]/.test(status) && !response.content) missing.push(`${method.toUpperCase()} ${path}: ${status}`);
        }
      }
    }
    expect(operations).toBeGreaterThan(50);
    expect(missing).toEqual([]);
    const unauthorised = doc.paths['/api/users'].get.responses['401'];
    expect(unauthorised.content?.['application/problem+json']?.schema?.$ref).toBe('#/components/schemas/Problem');
  });

  it('answers codes the registry knows, with their registered status', async () => {
    expectProblem(await t.http.get('/api/users'), 401, 'unauthenticated');
    expectProblem(await t.http.get('/api/no-such-route').set(...bearer(t.admin)), 404, 'not_found');
    expectProblem(
      await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send({}),
      400,
      'validation_failed',
    );
    expect(t.problems.violations).toEqual([]);
  });

  it('notices a problem answered with an unregistered code or another status than the registered one', async () => {
    const answers: [number, Record<string, unknown>][] = [
      [409, { code: 'made_up_code', status: 409 }],
      [409, { code: 'not_found', status: 409 }],
      [404, { code: 'not_found', status: 404 }],
    ];
    const server = createServer((req, res) => {
      const [status, body] = answers[Number(req.url!.slice(1))];
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/problem+json');
      res.end(JSON.stringify(body));
    });
    const watch = watchProblems(server);
    for (const i of [0, 1, 2]) await request(server).get(`/${i}`);
    expect(watch.violations).toEqual([
      'GET /0: unregistered code "made_up_code" answered with 409',
      'GET /1: not_found answered with 409; its registered status is 404',
    ]);
    expect(registryViolation(404, { code: 'not_found', status: 404 })).toBeUndefined();
  });
});
