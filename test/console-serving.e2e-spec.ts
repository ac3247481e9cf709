import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, bearer } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { expectProblem } from './support/expectations.js';

/** A built console as Vite lays it out: index.html, hashed assets, a file at the top. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qms-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>console</title><script type="module" src="/assets/index-AbC123.js"></script>',
  );
  writeFileSync(join(dir, 'assets/index-AbC123.js'), 'console.log("console")');
  writeFileSync(join(dir, 'assets/index-AbC123.css'), 'body{}');
  writeFileSync(join(dir, 'assets/index-AbC123.css.gz'), gzipSync('body{}'));
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('the web console is served by the service', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fakeBuild();
    t = await startTestApp({ webDir: dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers index.html at / and at any console path, never cached', async () => {
    for (const path of ['/', '/programmes', '/deviations/3f1c2b8e-0000-4000-8000-000000000000', '/sign-in?next=%2F']) {
      const res = await t.http.get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<title>console</title>');
    }
  });

  it('serves hashed assets for a year as immutable, other files revalidated', async () => {
    const js = await t.http.get('/assets/index-AbC123.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.text).toBe('console.log("console")');
    const css = await t.http.get('/assets/index-AbC123.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const icon = await t.http.get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('sends the gzip copy of an asset to a browser that accepts it, the original to one that does not', async () => {
    const gz = await t.http.get('/assets/index-AbC123.css').set('Accept-Encoding', 'gzip, deflate, br');
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(gz.headers.vary).toContain('Accept-Encoding');
    expect(gz.text).toBe('body{}'); // supertest inflates it
    const plain = await t.http.get('/assets/index-AbC123.css').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('body{}');
    // No gzip copy: the original.
    const js = await t.http.get('/assets/index-AbC123.js').set('Accept-Encoding', 'gzip');
    expect(js.headers['content-encoding']).toBeUndefined();
  });

  it('answers a missing asset with a 404 problem, not with index.html', async () => {
    expectProblem(await t.http.get('/assets/index-Gone99.js'), 404, 'not_found');
  });

  it('never serves files outside the console folder', async () => {
    for (const path of ['/assets/..%2f..%2fpackage.json', '/..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd.txt']) {
      const res = await t.http.get(path);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('"dependencies"');
    }
  });

  it('leaves the API, its documents and /health as they were', async () => {
    expectProblem(await t.http.get('/api/nothing-here'), 404, 'not_found');
    expectProblem(await t.http.get('/api'), 404, 'not_found');
    const me = await t.http.get('/api/users/me').set(...bearer(t.admin));
    expect((me.body as { email: string }).email).toBe(t.admin.email);
    const health = await t.http.get('/health');
    expect(health.status).toBe(200);
    expect((health.body as { status: string }).status).toBe('ok');
    const docs = await t.http.get('/docs-json');
    expect((docs.body as { openapi: string }).openapi).toMatch(/^3\./);
    expect((await t.http.get('/docs/')).text).toContain('swagger');
    // Writes to a console path are not the console's: the API's 404.
    expectProblem(await t.http.post('/programmes').send({}), 404, 'not_found');
  });

  it('asks browsers and proxies not to keep API answers', async () => {
    const me = await t.http.get('/api/users/me').set(...bearer(t.admin));
    expect(me.headers['cache-control']).toBe('no-store');
    expectProblem(await t.http.get('/api/nothing-here'), 404, 'not_found');
    expect((await t.http.get('/api/nothing-here')).headers['cache-control']).toBe('no-store');
  });

  it('sends the strict Content-Security-Policy with the console and the API, and a looser one only with /docs', async () => {
    const csp = (res: { headers: Record<string, string> }) =>
      Object.fromEntries(
        res.headers['content-security-policy'].split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
    for (const path of ['/', '/programmes', '/assets/index-AbC123.js', '/api/users/me', '/health']) {
      const policy = csp(await t.http.get(path));
      expect(policy['default-src']).toBe("'self'");
      expect(policy['script-src']).toBe("'self'");
      expect(policy['script-src-attr']).toBe("'none'");
      expect(policy['style-src']).toBe("'self'");
      expect(policy['object-src']).toBe("'none'");
      expect(policy['connect-src']).toBe("'self'");
      expect(JSON.stringify(policy)).not.toMatch(/unsafe-inline|unsafe-eval/);
    }
    const docs = csp(await t.http.get('/docs/'));
    expect(docs['script-src']).toBe("'self'");
    expect(docs['style-src']).toContain("'unsafe-inline'");
  });
});

describe('the service without a built console', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ webDir: join(tmpdir(), 'qms-no-console-here') });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('still runs the API, and answers / with a 404 problem', async () => {
    expectProblem(await t.http.get('/'), 404, 'not_found');
    expect((await t.http.get('/health')).status).toBe(200);
  });
});
