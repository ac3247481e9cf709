/**
 * Test data is made through the API, as any client would make it: a small fetch client that
 * signs in and fails loudly (status and problem document) when the service refuses a step.
 */
import { randomBytes } from 'node:crypto';

export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  async as(email: string, password: string): Promise<Api> {
    const body = await this.request<{ accessToken: string }>('POST', '/api/auth/login', { email, password }, 200);
    return new Api(this.baseUrl, body.accessToken);
  }

  /**
   * The first sign-in of an account an administrator made: its password is temporary, and the
   * service refuses almost everything until the user chooses their own (as the console's
   * change-password page does). Answers a client signed in with the chosen password.
   */
  async firstSignIn(email: string, temporary: string, chosen: string): Promise<Api> {
    const first = await this.as(email, temporary);
    const body = await first.request<{ accessToken: string; user: { mustChangePassword: boolean } }>(
      'POST',
      '/api/users/me/password',
      { currentPassword: temporary, newPassword: chosen },
      200,
    );
    if (body.user.mustChangePassword) throw new Error(`${email} must still change the password after changing it`);
    return new Api(this.baseUrl, body.accessToken);
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, expected?: number): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const ok = expected === undefined ? res.ok : res.status === expected;
    if (!ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T = Record<string, unknown>>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }
}

export function unique(): string {
  return randomBytes(3).toString('hex');
}

/** A calendar day `days` from today (local time of the test process). */
export function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
