import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, isErrorCode, statusOf } from './error-codes.js';
import type { ErrorCode } from './error-codes.js';
import { renderErrorCodeTable, TABLE_END, TABLE_START, withErrorCodeTable } from './error-codes-readme.js';
import { badRequest, conflict, forbidden, notFound, ProblemException, unauthorized, unprocessable, validationFailed } from './problem.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'src');
const REGISTRY_FILES = new Set(['src/common/error-codes.ts', 'src/common/error-codes-readme.ts']);

/** The service's own source files (no tests, not the registry itself), as [path, text]. */
function sources(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        const rel = relative(ROOT, path).split('\\').join('/');
        if (!REGISTRY_FILES.has(rel)) out.push([rel, readFileSync(path, 'utf8')]);
      }
    }
  };
  walk(SRC);
  return out;
}

describe('the error code registry', () => {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];

  it('holds snake_case codes with an error status and a one-line meaning that is a sentence', () => {
    const bad = codes.filter((code) => {
      const { status, meaning } = ERROR_CODES[code];
      return (
        !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(code) ||
        !Number.isInteger(status) ||
        status < 400 ||
        status > 599 ||
        !/^[A-Z].*\.$/.test(meaning) ||
        meaning.includes('\n') ||
        meaning.length > 160
      );
    });
    expect(bad).toEqual([]);
  });

  it('has every registered code answered somewhere in the service (no dead codes)', () => {
    const text = sources()
      .map(([, t]) => t)
      .join('\n');
    const unused = codes.filter((code) => !new RegExp(`['"\`]${code}['"\`]`).test(text));
    expect(unused).toEqual([]);
  });

  it('registers every code literal handed to a problem helper in the service', () => {
    // The typecheck refuses these already; this also catches a code that reaches a helper through a cast.
    const helper = /\b(?:badRequest|unauthorized|forbidden|conflict|unprocessable)\(\s*'([^']+)'|new ProblemException\(\s*'([^']+)'/g;
    const found = new Map<string, string>();
    for (const [path, text] of sources()) {
      for (const m of text.matchAll(helper)) found.set(m[1] ?? m[2], path);
    }
    expect(found.size).toBeGreaterThan(50);
    const unregistered = [...found].filter(([code]) => !isErrorCode(code)).map(([code, path]) => `${code} (${path})`);
    expect(unregistered).toEqual([]);
  });

  it('answers each code with its registered status, whichever helper throws it', () => {
    const thrown: [ProblemException, ErrorCode][] = [
      [badRequest('malformed_json', 'x'), 'malformed_json'],
      [validationFailed([{ field: 'name', message: 'is required' }]), 'validation_failed'],
      [unauthorized('invalid_token', 'x'), 'invalid_token'],
      [forbidden('forbidden_role', 'x'), 'forbidden_role'],
      [notFound('Execution'), 'not_found'],
      [conflict('programme_closed', 'x'), 'programme_closed'],
      [unprocessable('day_in_future', 'x'), 'day_in_future'],
      [new ProblemException('too_many_attempts', 'x'), 'too_many_attempts'],
      [new ProblemException('if_match_required', 'x'), 'if_match_required'],
    ];
    for (const [e, code] of thrown) expect({ code: e.code, status: e.getStatus() }).toEqual({ code, status: statusOf(code) });
  });

  it('is the table in the README (run npm run docs:error-codes when this fails)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start + TABLE_START.length, end).trim()).toBe(renderErrorCodeTable());
    expect(withErrorCodeTable(readme)).toBe(readme);
  });

  it('renders one table row per code, with its status and meaning', () => {
    const rows = renderErrorCodeTable().split('\n').slice(2);
    expect(rows).toHaveLength(codes.length);
    expect(rows).toContain(`| \`not_found\` | 404 | ${ERROR_CODES.not_found.meaning} |`);
    const statuses = rows.map((r) => Number(r.split('|')[2]));
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
  });
});

/* Type-level guarantees: each line below must fail the typecheck (`npm run typecheck`). */
function neverCalled(): void {
  // @ts-expect-error an unregistered code
  conflict('no_such_code', 'x');
  // @ts-expect-error a registered code of another status: not_found is 404, never 409
  conflict('not_found', 'x');
  // @ts-expect-error a 409 code through the 422 helper
  unprocessable('programme_closed', 'x');
  // @ts-expect-error an unregistered code through the exception itself
  new ProblemException('made_up', 'x');
}
void neverCalled;
