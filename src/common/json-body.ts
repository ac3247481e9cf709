import type { NextFunction, Request, Response } from 'express';
import type { CodeFor } from './error-codes.js';
import { badRequest } from './problem.js';

/**
 * Deepest nesting a JSON body may have. The deepest legitimate body, a procedure definition,
 * nests about ten levels; free-form objects are capped at 16 by `ObjectField`.
 */
export const MAX_JSON_DEPTH = 64;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface JsonBodyProblem {
  code: CodeFor<400>;
  detail: string;
}

/**
 * What makes a parsed JSON body unsafe to hand on, or undefined. JSON.parse accepts all of these,
 * but everything after it breaks on them: deep nesting overflows the stack of the recursive DTO
 * transformer and validators (a 500), `\ud800` escapes are not text (canonical JSON refuses them,
 * PostgreSQL would silently store U+FFFD instead), and 1e309 parses to Infinity, which JSON cannot
 * carry back out. Iterative, so the check itself cannot overflow.
 */
export function jsonBodyProblem(body: unknown): JsonBodyProblem | undefined {
  const stack: [unknown, number][] = [[body, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return LONE_SURROGATE_PROBLEM;
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return NUMBER_PROBLEM;
    } else if (value !== null && typeof value === 'object') {
      if (depth > MAX_JSON_DEPTH) return DEPTH_PROBLEM;
      for (const [key, child] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) return LONE_SURROGATE_PROBLEM;
        stack.push([child, depth + 1]);
      }
    }
  }
  return undefined;
}

const DEPTH_PROBLEM: JsonBodyProblem = {
  code: 'body_too_deep',
  detail: `The request body is nested more than ${MAX_JSON_DEPTH} levels deep`,
};
const LONE_SURROGATE_PROBLEM: JsonBodyProblem = {
  code: 'invalid_unicode',
  detail: 'The request body contains a \\u escape of a lone UTF-16 surrogate (D800-DFFF without its pair), which is not text',
};
const NUMBER_PROBLEM: JsonBodyProblem = {
  code: 'number_out_of_range',
  detail: 'The request body contains a number too large to represent',
};

/** Express middleware, mounted right after the JSON body parser: refuses unsafe bodies with 400. */
export function refuseUnsafeJson(req: Request, _res: Response, next: NextFunction): void {
  const problem = req.body === undefined ? undefined : jsonBodyProblem(req.body);
  next(problem ? badRequest(problem.code, problem.detail) : undefined);
}
