import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ERROR_CODES, isErrorCode } from '../../src/common/error-codes.js';

/**
 * What is wrong with a problem document answered with `httpStatus`, measured against the error
 * code registry: an unregistered code, or a status other than the code's registered one.
 */
export function registryViolation(httpStatus: number, body: unknown): string | undefined {
  const code = (body as { code?: unknown } | null)?.code;
  if (!isErrorCode(code)) return `unregistered code ${JSON.stringify(code)} answered with ${httpStatus}`;
  const registered = ERROR_CODES[code].status;
  if (httpStatus !== registered) return `${code} answered with ${httpStatus}; its registered status is ${registered}`;
  const status = (body as { status?: unknown }).status;
  if (status !== registered) return `${code} has status member ${JSON.stringify(status)}; its registered status is ${registered}`;
  return undefined;
}

export interface ProblemWatch {
  /** Each problem answered with an unregistered code or the wrong status: `METHOD /path: what`. */
  violations: string[];
}

/**
 * Reads every problem document the server answers, as it leaves, and records those the registry
 * does not allow. The test app watches its server for the whole test file and fails in `close()`
 * when anything was recorded, so no spec can answer an unregistered code unnoticed.
 */
export function watchProblems(server: Server): ProblemWatch {
  const watch: ProblemWatch = { violations: [] };
  // First in line, so the response is wrapped before the application writes to it.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const isProblem = () => String(res.getHeader('content-type') ?? '').startsWith('application/problem+json');
    const keep = (chunk: unknown, encoding: unknown) => {
      if (!isProblem()) return;
      if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
      else if (typeof chunk === 'string')
        chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      return write(...args);
    }) as ServerResponse['write'];
    res.end = ((...args: unknown[]) => {
      keep(args[0], args[1]);
      if (isProblem() && req.method !== 'HEAD') {
        let problem: string | undefined;
        try {
          problem = registryViolation(res.statusCode, JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          problem = 'a problem document that is not JSON';
        }
        if (problem) watch.violations.push(`${req.method} ${req.url?.split('?')[0]}: ${problem}`);
      }
      return end(...args);
    }) as ServerResponse['end'];
  });
  return watch;
}
