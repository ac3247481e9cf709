/**
 * The console's API types (web/src/api/schema.d.ts) are generated from the service's own OpenAPI
 * document, built here exactly as the running service serves it at /docs-json. When a DTO changes
 * and the file was not regenerated, this fails: run `npm run web:schema` and commit the result.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const SCHEMA_FILE = join(process.cwd(), 'web/src/api/schema.d.ts');
const HEADER =
  "/**\n * Generated from the service's OpenAPI document (GET /docs-json) by `npm run web:schema`.\n" +
  ' * Do not edit: a test fails when this file differs from what the service describes.\n */\n\n';

describe('the console API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('web/src/api/schema.d.ts matches the OpenAPI document the service serves', async () => {
    const res = await t.http.get('/docs-json');
    expect(res.status).toBe(200);
    const generated = HEADER + astToString(await openapiTS(res.body as Parameters<typeof openapiTS>[0]));
    if (process.env.UPDATE_WEB_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== generated) {
      throw new Error('web/src/api/schema.d.ts is stale: run `npm run web:schema` and commit the file');
    }
    expect(committed).toContain('"/api/programmes/{id}/conformance"');
  });
});
