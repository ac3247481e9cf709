/**
 * Every answer of the API says `Cache-Control: no-store` (security review, issue 11): participant
 * lists, audit exports, evidence bundles, problem documents alike, so no browser or proxy keeps a
 * copy of personal data or evidence. The spec walks every operation of the OpenAPI document, as a
 * quality manager, as an auditor and without a token, from the records of the hardening world.
 */
import { fillPath, loadApiSurface } from './support/api-surface.js';
import type { Operation } from './support/api-surface.js';
import { call } from './support/call.js';
import { bearer, startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { buildWorld, defaultPath, sampleRequest } from './support/world.js';
import type { World } from './support/world.js';

describe('Cache-Control: no-store on every API answer', () => {
  let t: TestApp;
  let w: World;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    operations = (await loadApiSurface(t)).operations;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the reads that carry personal data and evidence with no-store', async () => {
    const base = `/api/programmes/${w.a.programme.id}`;
    const reads = [
      `${base}/participants`,
      `${base}/participants/${w.a.adepts[0].id}`,
      `${base}/pairs`,
      `/api/audit-events/export`,
      `/api/audit-events?limit=5`,
      `${base}/reports/evidence.json`,
      `${base}/reports/evidence-bundle`,
      `/api/executions/${w.executionId}`,
    ];
    for (const url of reads) {
      const res = await t.http.get(url).set(...bearer(w.actors.quality_manager));
      expect({ url, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({
        url,
        status: 200,
        cacheControl: 'no-store',
      });
    }
  });

  it('sends no-store on every operation, to every caller, whatever the status', async () => {
    const missing: string[] = [];
    let answers = 0;
    for (const op of operations) {
      const url = fillPath(op.path, defaultPath(w, op));
      for (const [who, actor] of [
        ['quality manager', w.actors.quality_manager],
        ['auditor', w.actors.auditor],
        ['no token', undefined],
      ] as const) {
        const sample = sampleRequest(w, op, actor ?? w.actors.auditor);
        const res = await call(t, op, {
          url,
          query: Object.entries(sample.query),
          token: actor?.token,
          headers: op.method === 'PATCH' || op.method === 'PUT' ? { 'If-Match': '"1"' } : {},
          bodyText: sample.body === undefined ? undefined : JSON.stringify(sample.body),
        });
        answers++;
        if (res.headers['cache-control'] !== 'no-store')
          missing.push(`${op.key} as ${who}: ${res.status} ${String(res.headers['cache-control'])}`);
      }
    }
    expect(missing).toEqual([]);
    expect(answers).toBe(operations.length * 3);
    // Outside the API (the health check, the documentation) caching is left to those pages.
    expect((await t.http.get('/api/nothing-here')).headers['cache-control']).toBe('no-store');
  });
});
