import type { ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter } from './problem-details.filter.js';

/** Runs the filter on one exception and returns what it would send. */
function render(exception: unknown) {
  const sent: { status?: number; type?: string; body?: string; headers: Record<string, string> } = { headers: {} };
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => (sent.headers[k] = v),
    status(s: number) {
      sent.status = s;
      return this;
    },
    type(t: string) {
      sent.type = t;
      return this;
    },
    send(b: string) {
      sent.body = b;
      return this;
    },
  };
  const req = { originalUrl: '/api/deviations?x=1', id: 'req-1', method: 'POST', path: '/api/deviations' };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return { ...sent, json: JSON.parse(sent.body!) as Record<string, unknown> };
}

describe('ProblemDetailsFilter', () => {
  it('answers a pool that had no connection free in time with 503 database_busy and Retry-After, not 500', () => {
    const out = render(new Error('timeout exceeded when trying to connect'));
    expect(out.status).toBe(503);
    expect(out.type).toBe('application/problem+json');
    expect(out.headers['Retry-After']).toBe('1');
    expect(out.json).toMatchObject({ status: 503, code: 'database_busy', title: 'Service Unavailable', instance: '/api/deviations' });
  });

  it('still answers other unexpected errors with 500 internal_error, saying nothing of them', () => {
    const out = render(new Error('connection refused at 10.0.0.7'));
    expect(out.status).toBe(500);
    expect(out.json).toMatchObject({ status: 500, code: 'internal_error', requestId: 'req-1' });
    expect(out.body).not.toContain('10.0.0.7');
  });
});
