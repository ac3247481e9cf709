import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { linkToken, linkTokenKey } from './link-tokens.js';
import { PinoNestLogger, loggedPath, requestLogging } from './logging.js';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level }, stream) };
}

describe('logging', () => {
  it("writes Nest's messages with their context, objects merged, errors with their stack", () => {
    const { lines, logger } = capture();
    const nest = new PinoNestLogger(logger);
    nest.log('started', 'NestFactory');
    nest.warn({ requestId: 'r-1' }, 'no connection', 'Errors');
    nest.error('boom', 'Error: boom\n    at somewhere (x.js:1:1)', 'ExceptionHandler');
    nest.error(new Error('plain'), 'Errors');
    nest.debug('not written at info', 'X');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ level: 30, context: 'NestFactory', msg: 'started' });
    expect(lines[1]).toMatchObject({ level: 40, context: 'Errors', requestId: 'r-1', msg: 'no connection' });
    expect(lines[2]).toMatchObject({ level: 50, context: 'ExceptionHandler', err: { message: 'boom' } });
    expect((lines[2].err as { stack: string }).stack).toContain('at somewhere');
    expect(lines[3]).toMatchObject({ level: 50, context: 'Errors', err: { message: 'plain' } });
  });

  it('gives each request an id, logs it without query or headers, and tags messages logged while serving it', async () => {
    const { lines, logger } = capture();
    const nest = new PinoNestLogger(logger);
    const middleware = requestLogging(logger);
    const server = createServer((req, res) =>
      middleware(req, res, () => {
        nest.warn('inside the request', 'Test');
        res.statusCode = req.url?.startsWith('/bad') ? 400 : 200;
        res.end('ok');
      }),
    );
    const http = request(server);
    const given = await http.get('/path?email=someone@example.org').set('X-Request-Id', 'client-7').set('Authorization', 'Bearer secret');
    expect(given.headers['x-request-id']).toBe('client-7');
    const made = await http.get('/bad').set('X-Request-Id', 'not valid!');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const inside = lines.filter((l) => l.msg === 'inside the request');
    expect(inside.map((l) => (l.req as { id: string }).id)).toEqual(['client-7', made.headers['x-request-id']]);
    const done = lines.filter((l) => l.msg === 'request completed' || l.msg === 'request errored');
    expect(done).toEqual([
      expect.objectContaining({ level: 30, req: { id: 'client-7', method: 'GET', path: '/path' }, res: { statusCode: 200 } }),
      expect.objectContaining({
        level: 40,
        req: { id: made.headers['x-request-id'], method: 'GET', path: '/bad' },
        res: { statusCode: 400 },
      }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/someone@example|secret/);
    nest.log('outside', 'Test');
    expect(lines.at(-1)).not.toHaveProperty('req');
  });

  it('logs a link token in a path as :token, so a log reader cannot open the link', async () => {
    const { lines, logger } = capture();
    const middleware = requestLogging(logger);
    const server = createServer((req, res) => middleware(req, res, () => res.end('ok')));
    const token = linkToken(linkTokenKey('a service secret of at least thirty-two characters'), {
      purpose: 'survey-invitation',
      id: 'x',
      nonce: 'n',
    });
    await request(server).post(`/api/survey-invitations/${token}/answers`);
    await request(server).get(`/s/${token}?lang=sv`);
    const paths = lines.filter((l) => l.msg === 'request completed').map((l) => (l.req as { path: string }).path);
    expect(paths).toEqual(['/api/survey-invitations/:token/answers', '/s/:token']);
    expect(JSON.stringify(lines)).not.toContain(token);
    // Ids and ordinary segments stay as they are.
    expect(loggedPath('/api/programmes/5b0c0c52-6c0c-4b43-9b7a-3a7f2a0d1e11/participants?x=1')).toBe(
      '/api/programmes/5b0c0c52-6c0c-4b43-9b7a-3a7f2a0d1e11/participants',
    );
  });
});
