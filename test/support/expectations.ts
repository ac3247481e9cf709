import type { Response } from 'supertest';
import { registryViolation } from './problem-registry.js';

/** Asserts an RFC 9457 problem document with the given status and code. */
export function expectProblem(res: Response, status: number, code?: string): void {
  const summary = `${res.status} ${JSON.stringify(res.body)}`;
  expect({ status: res.status, summary }).toEqual({ status, summary });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code: code ?? expect.any(String),
    }),
  );
  expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+ \(|node_modules|QueryFailedError/);
  expect(registryViolation(res.status, res.body)).toBeUndefined();
}

/** The field paths named in a validation problem. */
export function problemFields(res: Response): string[] {
  return ((res.body.errors ?? []) as { field: string }[]).map((e) => e.field);
}

/** The members of a problem document the specs read, typed. */
export interface ProblemBody {
  code: string;
  detail: string;
  status: number;
  errors?: { field: string; message: string }[];
  instance?: string;
  [extra: string]: unknown;
}

export function problemOf(res: Response): ProblemBody {
  return res.body as ProblemBody;
}

/**
 * The field and the English message of each field error, for specs about the wording (the rule a
 * client translates by is checked in test/console-sentences.e2e-spec.ts).
 */
export function fieldMessagesOf(res: Response): { field: string; message: string }[] {
  return (problemOf(res).errors ?? []).map(({ field, message }) => ({ field, message }));
}
