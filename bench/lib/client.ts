/** A small HTTP client for the service in a child process, and the set-up the hardening specs share. */
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './service.js';

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON (or text, or bytes): read by shape, as supertest's `res.body` is. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  bytes: Buffer;
}

export class Client {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string): Client {
    return new Client(this.baseUrl, token);
  }

  on(baseUrl: string): Client {
    return new Client(baseUrl, this.token);
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    let parsed: unknown = bytes;
    if (/json/.test(type) && !/ndjson/.test(type)) parsed = JSON.parse(bytes.toString('utf8'));
    else if (/^text\/|ndjson/.test(type)) parsed = bytes.toString('utf8');
    return { status: res.status, headers: res.headers, body: parsed, bytes };
  }

  get(path: string): Promise<Reply> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown = {}): Promise<Reply> {
    return this.request('POST', path, body);
  }

  /** Like post, but throws with what the service said unless the status is `status`. */
  async must(status: number, method: string, path: string, body?: unknown): Promise<Reply['body']> {
    const r = await this.request(method, path, body);
    if (r.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async login(email: string, password: string): Promise<Client> {
    const body = await new Client(this.baseUrl).must(200, 'POST', '/api/auth/login', { email, password });
    return this.as(body.accessToken as string);
  }
}

export interface Staff {
  admin: Client;
  qm: Client & { id?: string };
  leader: Client;
  auditor: Client;
  board: Client;
  ids: { qm: string; leader: string; auditor: string; board: string };
  passwords: Record<'qm' | 'leader' | 'auditor' | 'board', string>;
}

/**
 * Creates a user as an administrator would and signs them in. The administrator's password is
 * temporary, so the user first changes it to `password`, as a new user must.
 */
export async function createUser(
  admin: Client,
  user: { email: string; name: string; password: string; roles: string[] },
): Promise<{ client: Client; id: string }> {
  const temporary = `temporary-${user.password}`;
  const created = (await admin.must(201, 'POST', '/api/users', { ...user, password: temporary })) as { id: string };
  const first = await admin.login(user.email, temporary);
  const changed = (await first.must(200, 'POST', '/api/users/me/password', {
    currentPassword: temporary,
    newPassword: user.password,
  })) as { accessToken: string };
  return { client: admin.as(changed.accessToken), id: created.id };
}

/** Signs in as the first administrator and creates one user per role. */
export async function createStaff(baseUrl: string, tag = 'h'): Promise<Staff> {
  const admin = await new Client(baseUrl).login(ADMIN_EMAIL, ADMIN_PASSWORD);
  const make = async (role: string, name: string) => {
    const email = `${role.replace(/_/g, '-')}.${tag}@hardening.test`;
    const password = `${role}-password-for-hardening`;
    const user = await createUser(admin, { email, name, password, roles: [role] });
    return { ...user, password };
  };
  const qm = await make('quality_manager', 'Quinn Quality');
  const leader = await make('programme_leader', 'Leila Leader');
  const auditor = await make('auditor', 'Arne Auditor');
  const board = await make('board_member', 'Britt Board');
  return {
    admin,
    qm: qm.client,
    leader: leader.client,
    auditor: auditor.client,
    board: board.client,
    ids: { qm: qm.id, leader: leader.id, auditor: auditor.id, board: board.id },
    passwords: { qm: qm.password, leader: leader.password, auditor: auditor.password, board: board.password },
  };
}

/** An active programme led by the staff's leader (its plan pins the shipped procedures). */
export async function activeProgramme(staff: Staff, name = 'Mentoring for work 2026'): Promise<string> {
  const created = await staff.qm.must(201, 'POST', '/api/programmes', {
    name,
    description: 'Mentoring, seminars on working life, job coaching, internship and language studies',
    targetGroup: 'Immigrant job-seekers with an academic background',
    startDate: '2026-01-12',
    endDate: '2026-12-18',
    leaderIds: [staff.ids.leader],
  });
  await adoptBaseline(staff);
  await staff.qm.must(200, 'POST', `/api/programmes/${created.id}/activate`);
  return created.id as string;
}

/**
 * Adopts the shipped baseline the service loaded in review at its first start, when it still
 * awaits adoption (nothing is activated before); a second caller finds it adopted.
 */
export async function adoptBaseline(staff: Staff): Promise<void> {
  const view = (await staff.qm.must(200, 'GET', '/api/procedures/baseline/adoption')) as { state: string };
  if (view.state === 'awaiting_adoption')
    await staff.qm.must(200, 'POST', '/api/procedures/baseline/adopt', { password: staff.passwords.qm });
}

export function deviationBody(programmeId: string, i: number) {
  return {
    programmeId,
    title: `Follow-up ${i} not held in its window`,
    description: 'Found in the monthly review of the conformance matrix',
    severity: (['minor', 'major', 'critical'] as const)[i % 3],
    source: 'internal_audit',
    detectedAt: '2026-03-02T09:00:00Z',
  };
}

export function participantBody(i: number, over: Record<string, unknown> = {}) {
  return {
    role: i % 2 ? 'mentor' : 'adept',
    fullName: `Person Number${i}`,
    email: `person${i}@example.org`,
    gender: 'undisclosed',
    profession: 'Engineer',
    enrolledAt: '2026-01-05',
    consentRecordedAt: '2026-01-05',
    ...over,
  };
}
