import type { Response } from 'supertest';
import { encodeComponent } from './api-surface.js';
import type { Operation } from './api-surface.js';
import type { TestApp } from './test-app.js';

export interface Call {
  /** The path with its parameters filled in and encoded. */
  url: string;
  /** Query pairs, encoded here; a key may repeat. */
  query?: [string, string][];
  /** A raw query string appended as is (malformed encodings included). */
  rawQuery?: string;
  token?: string;
  headers?: Record<string, string>;
  /** JSON text sent as the body (so it may be anything, including invalid JSON). */
  bodyText?: string;
  contentType?: string;
}

export function queryString(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&');
}

/** Sends one request to the test app and returns the response (never throws for a status). */
export async function call(t: TestApp, op: Pick<Operation, 'method'>, c: Call): Promise<Response> {
  const qs = [c.query?.length ? queryString(c.query) : '', c.rawQuery ?? ''].filter(Boolean).join('&');
  const target = qs ? `${c.url}?${qs}` : c.url;
  let req = t.http[op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](target).timeout({
    response: 60_000,
    deadline: 120_000,
  });
  if (c.token) req = req.set('Authorization', `Bearer ${c.token}`);
  for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
  if (c.bodyText !== undefined) {
    req = req.set('Content-Type', c.contentType ?? 'application/json').send(c.bodyText);
  }
  // PDFs and tar files: keep the bytes instead of letting superagent guess a parser.
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (d: Buffer) => chunks.push(d));
    res.on('end', () => {
      const raw = Buffer.concat(chunks);
      const type = String(res.headers['content-type'] ?? '');
      if (/json/.test(type)) {
        try {
          done(null, JSON.parse(raw.toString('utf8')));
        } catch {
          done(null, raw.toString('utf8'));
        }
      } else done(null, raw);
    });
  });
}
