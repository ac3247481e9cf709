import type { Response } from 'supertest';
import { registryViolation } from './problem-registry.js';

/**
 * What is wrong with an error response, or undefined when it is a proper RFC 9457 problem
 * document (the non-throwing twin of `expectProblem`, for loops that report all failures).
 */
export function problemViolation(res: Response): string | undefined {
  if (res.status < 400) return undefined;
  const type = String(res.headers['content-type'] ?? '');
  if (!/^application\/problem\+json/.test(type)) return `content-type ${type || '(none)'} instead of application/problem+json`;
  const b = res.body as Record<string, unknown> | undefined;
  if (!b || typeof b !== 'object' || Array.isArray(b)) return 'body is not a JSON object';
  for (const k of ['type', 'title', 'detail', 'code']) {
    if (typeof b[k] !== 'string' || b[k].length === 0) return `member ${k} missing or not a string`;
  }
  if (b.status !== res.status) return `member status ${String(b.status)} differs from the HTTP status ${res.status}`;
  if (/\bat \S+ \(|node_modules|QueryFailedError|\.ts:\d+/.test(JSON.stringify(b))) return 'body leaks a stack trace or driver error';
  return registryViolation(res.status, b);
}
