import { HttpException, NotFoundException } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import type { ErrorCode } from './error-codes.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { conflict, ProblemException } from './problem.js';

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

  it('renders a ProblemException with its registered status, detail and extras', () => {
    const out = render(conflict('adept_already_paired', 'The adept is already in an active pair', { pairId: 'p-1' }));
    expect(out.status).toBe(409);
    expect(out.json).toEqual({
      type: 'https://mentoring-qms.example/problems/adept_already_paired',
      title: 'Conflict',
      status: 409,
      detail: 'The adept is already in an active pair',
      code: 'adept_already_paired',
      pairId: 'p-1',
      instance: '/api/deviations',
    });
  });

  it("answers Nest's own 404 for an unknown route with not_found, without echoing more than the path", () => {
    const out = render(new NotFoundException('Cannot POST /api/deviations?x=1'));
    expect(out.json).toMatchObject({ status: 404, code: 'not_found', detail: 'No route for POST /api/deviations' });
  });

  it('answers a body cut short before its declared length with 400 bad_request, not 500', () => {
    const out = render(
      Object.assign(new Error('request size did not match content length'), { type: 'request.size.invalid', status: 400 }),
    );
    expect(out.json).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('answers as a defect (500) an exception whose status or code the registry does not know, never passing them on', () => {
    const teapot = render(new HttpException('I am a teapot', 418));
    expect(teapot.status).toBe(500);
    expect(teapot.json).toMatchObject({ status: 500, code: 'internal_error' });
    const cast = render(new ProblemException('made_up_code' as ErrorCode, 'x'));
    expect(cast.status).toBe(500);
    expect(cast.json).toMatchObject({ status: 500, code: 'internal_error' });
  });
});
