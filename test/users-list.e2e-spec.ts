/**
 * GET /api/users: a page at a time, by name, filtered on the server (text in name or e-mail, role,
 * active), with the count of all that match. Only administrators may list accounts.
 */
import { ROLES } from '../src/common/roles.js';
import { startTestApp, bearer, uniqueSuffix } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { expectProblem, fieldMessagesOf } from './support/expectations.js';
import { trailState } from './support/audit.js';

interface Listed {
  id: string;
  name: string;
  email: string;
  roles: string[];
  active: boolean;
}
interface UserPage {
  items: Listed[];
  nextCursor: string | null;
  total: number;
}

describe('listing users', () => {
  let t: TestApp;
  // A tag no other user's name or address holds, so the text filter picks exactly these.
  const tag = `zq${uniqueSuffix()}`;
  const made: { id: string; name: string; email: string; roles: string[]; active: boolean }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const people: [string, string[], boolean][] = [
      ['Cecilia Berg', ['auditor'], true],
      ['anna Lind', ['programme_leader'], true],
      ['Bo Ek', ['programme_leader', 'board_member'], false],
      ['Dag Holm', ['quality_manager'], true],
      ['Eva 100% Sund_', ['programme_leader'], true],
    ];
    for (const [name, roles, active] of people) {
      const email = `${name.split(' ')[0].toLowerCase()}.${tag}@example.org`;
      const res = await t.http
        .post('/api/users')
        .set(...bearer(t.admin))
        .send({ email, name: `${name} ${tag}`, password: 'a-long-enough-password', roles });
      expect(res.status).toBe(201);
      if (!active) {
        const off = await t.http
          .patch(`/api/users/${res.body.id}`)
          .set(...bearer(t.admin))
          .set('If-Match', '"1"')
          .send({ active: false });
        expect(off.status).toBe(200);
      }
      made.push({ id: res.body.id, name: res.body.name, email, roles, active });
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = (query: Record<string, string>, as = t.admin) =>
    t.http
      .get('/api/users')
      .query(query)
      .set(...bearer(as));

  it('gives every account once, a page at a time, with the total on every page', async () => {
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user`);
    const [{ n: named }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE email LIKE $1`, [`%${tag}%`]);
    expect(named).toBe(5);
    const seen: Listed[] = [];
    let cursor: string | null = null;
    do {
      const res = await list({ limit: '2', ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      const page = res.body as UserPage;
      expect(page.total).toBe(n);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((u) => u.id).sort()).toEqual((await t.sql<{ id: string }>(`SELECT id FROM app_user`)).map((r) => r.id).sort());
    expect(new Set(seen.map((u) => u.id)).size).toBe(n);
    // Without a limit: 50 at most, and no next page when all fit.
    const all = (await list({})).body as UserPage;
    expect(all.items).toHaveLength(n);
    expect(all.nextCursor).toBeNull();
  });

  it('filters by text in the name or e-mail address (any case, % and _ taken literally), by role and by active', async () => {
    const ids = async (query: Record<string, string>) => {
      const res = await list(query);
      expect(res.status).toBe(200);
      const page = res.body as UserPage;
      expect(page.total).toBe(page.items.length);
      return page.items.map((u) => u.id);
    };
    const id = (first: string) => made.find((u) => u.name.startsWith(first))!.id;
    expect(await ids({ q: tag.toUpperCase() })).toEqual([id('anna'), id('Bo'), id('Cecilia'), id('Dag'), id('Eva')]);
    // The address only ("eva.<tag>@"), and the name only.
    expect(await ids({ q: `eva.${tag}` })).toEqual([id('Eva')]);
    expect(await ids({ q: 'CECILIA BERG' })).toEqual([id('Cecilia')]);
    // Wildcards are text: "100%" matches only the name that holds it, "_" only a name with an underscore.
    expect(await ids({ q: '100%' })).toEqual([id('Eva')]);
    expect(await ids({ q: 'Sund_' })).toEqual([id('Eva')]);
    expect(await ids({ q: 'Su_d' })).toEqual([]);
    expect(await ids({ q: 'Eva%Sund' })).toEqual([]);
    expect(await ids({ q: tag, role: 'programme_leader' })).toEqual([id('anna'), id('Bo'), id('Eva')]);
    expect(await ids({ q: tag, role: 'programme_leader', active: 'true' })).toEqual([id('anna'), id('Eva')]);
    expect(await ids({ q: tag, active: 'false' })).toEqual([id('Bo')]);
    expect(await ids({ role: 'admin' })).toEqual([t.admin.id]);
  });

  it('refuses bad paging and filters with a problem naming the field, and changes nothing', async () => {
    const trail = await trailState(t);
    const cases: [Record<string, string>, string, string][] = [
      [{ limit: '0' }, 'limit', 'must be at least 1'],
      [{ limit: '501' }, 'limit', 'must be at most 500'],
      [{ limit: 'ten' }, 'limit', 'must be a whole number'],
      [{ cursor: 'abc' }, 'cursor', 'must be the nextCursor of a previous page'],
      [{ cursor: '-1' }, 'cursor', 'must be the nextCursor of a previous page'],
      [{ role: 'superuser' }, 'role', 'must be one of'],
      [{ active: 'yes' }, 'active', 'must be true or false'],
      [{ q: '' }, 'q', 'must not be empty'],
      [{ q: 'x'.repeat(201) }, 'q', 'must be at most 200 characters long'],
    ];
    for (const [query, field, message] of cases) {
      const res = await list(query);
      expectProblem(res, 400, 'validation_failed');
      expect(fieldMessagesOf(res)).toEqual([{ field, message: expect.stringContaining(message) }]);
    }
    expect(await trailState(t)).toEqual(trail);
  });

  it('is for administrators only', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const u = await t.user([role]);
      expectProblem(await list({ q: tag }, u), 403, 'forbidden_role');
    }
    expectProblem(await t.http.get('/api/users').query({ q: tag }), 401, 'unauthenticated');
  });
});
