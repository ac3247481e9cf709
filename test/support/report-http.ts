/**
 * Fetching reports through HTTP as bytes (PDF, tar), for the report specs.
 */
import type { Response } from 'supertest';
import { bearer } from './test-app.js';
import type { TestApp } from './test-app.js';

/** supertest parser that keeps the body as it came, whatever its type. */
function bytes(res: NodeJS.ReadableStream & { setEncoding?: unknown }, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (e: Error) => done(e, Buffer.alloc(0)));
}

export interface Fetched {
  res: Response;
  status: number;
  /** The body as sent. */
  body: Buffer;
}

/** GET `url` as `who`, keeping the body as bytes. */
export async function fetchBytes(t: Pick<TestApp, 'http'>, who: { token: string }, url: string): Promise<Fetched> {
  const res = await t.http
    .get(url)
    .set(...bearer(who))
    .buffer(true)
    .parse(bytes as never);
  return { res, status: res.status, body: res.body as Buffer };
}

/** GET a report that must be there: 200, the type given, the fingerprint header. */
export async function fetchReport(
  t: Pick<TestApp, 'http'>,
  who: { token: string },
  url: string,
  type = 'application/pdf',
): Promise<{ body: Buffer; fingerprint: string; res: Response }> {
  const f = await fetchBytes(t, who, url);
  if (f.status !== 200) throw new Error(`GET ${url}: ${f.status} ${f.body.toString('utf8').slice(0, 500)}`);
  expect(f.res.headers['content-type']).toBe(type);
  const fingerprint = f.res.headers['x-report-fingerprint'];
  expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
  return { body: f.body, fingerprint, res: f.res };
}
