import type { Response } from 'supertest';

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
}

/** The field paths named in a validation problem. */
export function problemFields(res: Response): string[] {
  return ((res.body.errors ?? []) as { field: string }[]).map((e) => e.field);
}
