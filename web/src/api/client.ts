/**
 * The typed API client: openapi-fetch over the service's own OpenAPI types, with the signed-in
 * user's token added to every call and every failure turned into an ApiError (a problem document)
 * or a NetworkError (no answer at all).
 */
import createClient from 'openapi-fetch';
import type { Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** A wrong field of a request; `rule` and `params` say it in the user's language (`field.rule.*`). */
export type FieldError = Schemas['FieldError'];

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

/** The service answered with a problem document (or at least an error status). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
}

/** The request never got an answer: the connection was lost or the service is down. */
export class NetworkError extends Error {}

interface Session {
  token: string | undefined;
  onUnauthorized: () => void;
}

const session: Session = { token: undefined, onUnauthorized: () => undefined };

export function setSessionToken(token: string | undefined): void {
  session.token = token;
}

export function onUnauthorized(handler: () => void): void {
  session.onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (session.token) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  async onResponse({ request, response }) {
    // A token the service no longer accepts (expired, or the account was deactivated) ends the
    // session; a wrong password in a signature dialog is a 401 too, but only for that signature.
    if (response.status === 401 && request.headers.has('Authorization')) {
      const problem = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { code?: string };
      if (problem.code !== 'invalid_password') session.onUnauthorized();
    }
    return response;
  },
};

// Never from the browser's HTTP cache: the API's ETags are record versions for If-Match, and a
// record whose version did not change (an execution with a new step) must still be read afresh.
export const api = createClient<paths>({ baseUrl: '', cache: 'no-store' });
api.use(auth);

/** Turns an openapi-fetch result into its data, or throws ApiError / NetworkError. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new NetworkError(e instanceof Error ? e.message : String(e));
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const body = (error && typeof error === 'object' ? error : {}) as Partial<Problem>;
    throw new ApiError({ ...body, status: response.status, title: body.title ?? response.statusText });
  }
  return data as T;
}

/** A fresh Idempotency-Key for one user action: retrying the same action sends the same key. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
