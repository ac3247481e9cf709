import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

describe('health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 200 with the database up, without a token, and is not cached', async () => {
    const res = await t.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      status: 'ok',
      database: 'up',
      databaseMode: 'server',
      databaseLatencyMs: expect.any(Number),
      uptimeSeconds: expect.any(Number),
    });
  });

  // Last in this file: it takes the application's database away.
  it('answers 503 with status error once the database is gone', async () => {
    await t.db.destroy();
    const res = await t.http.get('/health');
    expect(res.status).toBe(503);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ status: 'error', database: 'down', databaseLatencyMs: null });
  });
});
