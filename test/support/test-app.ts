import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.js';
import type { Role } from '../../src/common/roles.js';
import { loadConfig } from '../../src/config/config.js';
import type { AppConfig } from '../../src/config/config.js';
import { watchProblems } from './problem-registry.js';
import type { ProblemWatch } from './problem-registry.js';
import { acquireTestDatabase } from './test-database.js';

export const ADMIN_EMAIL = 'admin@qms.test';
export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  roles: Role[];
  token: string;
}

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  /** The service's own DataSource, for assertions on rows. */
  db: DataSource;
  config: AppConfig;
  admin: TestUser;
  /**
   * Creates a user through the API (as admin) and signs them in. The administrator's password is
   * temporary, so the user changes it first, as a new user would; `password` is the new one.
   */
  user(roles: Role[], name?: string): Promise<TestUser>;
  login(email: string, password: string): Promise<string>;
  /**
   * Fixes the service's today (the configured clock, as CLOCK_TODAY would) for due dates and
   * overdue judgements; undefined goes back to the system clock.
   */
  setToday(day: string | undefined): void;
  /**
   * Problems answered so far with a code the registry does not know, or with another status than
   * the registered one. `close()` fails the test file when any were answered.
   */
  problems: ProblemWatch;
  /** Runs SQL directly (as the database owner). */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The application exactly as it runs (same module, pipes, guard, filter), on a database of
 * this test file's own. Call once per file (beforeAll) and close in afterAll.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}, opts: { sameDatabaseAs?: TestApp } = {}): Promise<TestApp> {
  // A second instance on another's database: two service processes behind one load balancer.
  const database = opts.sameDatabaseAs
    ? { url: opts.sameDatabaseAs.config.databaseUrl!, release: () => Promise.resolve() }
    : await acquireTestDatabase();
  const config: AppConfig = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      ADMIN_NAME: 'Test Administrator',
      JWT_SECRET: TEST_JWT_SECRET,
      PROCEDURES_IMPORT_ON_START: 'false',
      DEVIATION_SCAN_INTERVAL_MINUTES: '0',
      // Mail goes out and reminders are scanned when a test asks (POST /api/admin/mail/deliver, /api/reminders/scan).
      MAIL_POLL_SECONDS: '0',
      REMINDER_SCAN_INTERVAL_MINUTES: '0',
      DB_POOL_SIZE: '10',
    }),
    databaseUrl: database.url,
    ...overrides,
  };
  let app: NestExpressApplication;
  try {
    app = await createApp(config);
    await app.init();
  } catch (e) {
    await database.release();
    throw e;
  }
  const problems = watchProblems(app.getHttpServer());
  const http = request(app.getHttpServer());
  const db = app.get(DataSource);

  const login = async (email: string, password: string): Promise<string> => {
    const res = await http.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };

  const adminToken = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
  const [adminRow] = await db.query<{ id: string }[]>(`SELECT id FROM app_user WHERE email = $1`, [ADMIN_EMAIL]);
  const admin: TestUser = {
    id: adminRow.id,
    email: ADMIN_EMAIL,
    name: 'Test Administrator',
    password: ADMIN_PASSWORD,
    roles: ['admin'],
    token: adminToken,
  };

  let counter = 0;
  const user = async (roles: Role[], name?: string): Promise<TestUser> => {
    // An e-mail's local part holds at most 64 characters: shorten long role lists.
    const email = `${roles.join('-').replace(/_/g, '-').slice(0, 40)}-${++counter}-${randomBytes(3).toString('hex')}@qms.test`;
    const temporary = `temporary-${randomBytes(6).toString('hex')}`;
    const password = `password-${randomBytes(6).toString('hex')}`;
    const displayName = name ?? `${roles.join(' ')} ${counter}`;
    const res = await http
      .post('/api/users')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ email, name: displayName, password: temporary, roles });
    if (res.status !== 201) throw new Error(`creating user failed: ${res.status} ${JSON.stringify(res.body)}`);
    const changed = await http
      .post('/api/users/me/password')
      .set('Authorization', `Bearer ${await login(email, temporary)}`)
      .send({ currentPassword: temporary, newPassword: password });
    if (changed.status !== 200) throw new Error(`changing the first password failed: ${changed.status} ${JSON.stringify(changed.body)}`);
    return { id: res.body.id, email, name: displayName, password, roles, token: changed.body.accessToken as string };
  };

  return {
    app,
    http,
    db,
    config,
    admin,
    user,
    login,
    setToday(day: string | undefined) {
      config.clockToday = day;
    },
    problems,
    sql: async <T>(query: string, params?: unknown[]) => await db.query<T[]>(query, params),
    async close() {
      await app.close();
      await database.release();
      if (problems.violations.length > 0) {
        throw new Error(
          `Problems answered outside the error code registry (src/common/error-codes.ts):\n${problems.violations.join('\n')}`,
        );
      }
    },
  };
}

export function bearer(user: { token: string }): [string, string] {
  return ['Authorization', `Bearer ${user.token}`];
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}
