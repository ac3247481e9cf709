/**
 * The people and the programme a browser test works with, made through the API: two quality
 * managers, a programme leader with the training the procedures ask for, an auditor, a board
 * member, and an
 * active programme that starts in ten days (so intake interviews and the introduction day are due)
 * with three adepts, three mentors and two pairs. The shipped procedures are in force: the service
 * loads them on start as the baseline, and the first world's quality manager adopts it.
 */
import { Api, day, unique } from './api.js';

export const PASSWORD = 'browser-test-password-1';
/** The temporary password an administrator gives a new account (the user replaces it at once). */
export const TEMPORARY_PASSWORD = 'temporary-password-from-admin';

export interface Person {
  id: string;
  email: string;
  name: string;
  api: Api;
}

export interface World {
  admin: Api;
  qm: Person;
  qm2: Person;
  leader: Person;
  auditor: Person;
  board: Person;
  programme: { id: string; name: string };
  adepts: { id: string; code: string; fullName: string }[];
  mentors: { id: string; code: string; fullName: string }[];
  pairs: { id: string; adeptId: string; mentorId: string }[];
}

const MODULES = [
  'Programme leader training, module 1: intake interviews',
  'Programme leader training, module 2: matching mentors and adepts',
  'Programme leader training, module 3: follow-up and evaluation',
];

/**
 * A user as an administrator makes one (with a temporary password), who has then signed in once
 * and chosen PASSWORD, through the API. `temporary: true` leaves the temporary password in place,
 * for a test of the forced change in the browser.
 */
export async function person(admin: Api, roles: string[], name: string, opts: { temporary?: boolean } = {}): Promise<Person> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${unique()}@browser.test`;
  const user = await admin.post<{ id: string; mustChangePassword: boolean }>('/api/users', {
    email,
    name,
    password: TEMPORARY_PASSWORD,
    roles,
  });
  if (!user.mustChangePassword) throw new Error('a user made by an administrator should have a temporary password');
  const api = opts.temporary
    ? await admin.as(email, TEMPORARY_PASSWORD)
    : await new Api(admin.baseUrl).firstSignIn(email, TEMPORARY_PASSWORD, PASSWORD);
  return { id: user.id, email, name, api };
}

export async function makeWorld(baseUrl: string, opts: { participants?: boolean } = {}): Promise<World> {
  const admin = await new Api(baseUrl).as(process.env.QMS_ADMIN_EMAIL!, process.env.QMS_ADMIN_PASSWORD!);
  const tag = unique();
  const qm = await person(admin, ['quality_manager'], 'Karin Quality');
  const qm2 = await person(admin, ['quality_manager'], 'Johan Second');
  // Leaders are chosen by name in the console: each world's leader has a name of its own.
  const leader = await person(admin, ['programme_leader'], `Sara Leader ${tag.toUpperCase()}`);
  const auditor = await person(admin, ['auditor'], 'Maria Auditor');
  const board = await person(admin, ['board_member'], `Birgit Board ${tag.toUpperCase()}`);
  for (const module of MODULES) {
    await qm.api.post(`/api/users/${leader.id}/training-records`, { module, completedAt: day(-200) });
  }
  await adoptBaseline(qm.api);
  const programme = await qm.api.post<{ id: string; name: string }>('/api/programmes', {
    name: `Mentorskap ${tag}`,
    description: 'A programme made by the browser tests.',
    targetGroup: 'Job-seekers with a degree from abroad',
    startDate: day(10),
    endDate: day(300),
    leaderIds: [leader.id],
  });
  await qm.api.post(`/api/programmes/${programme.id}/activate`);
  const world: World = { admin, qm, qm2, leader, auditor, board, programme, adepts: [], mentors: [], pairs: [] };
  if (opts.participants === false) return world;
  const people = [
    ['adept', 'Amina Haddad', 'Civil engineer', 'Syria'],
    ['adept', 'Tomás Rivera', 'Physician', 'Chile'],
    ['adept', 'Olena Kovalenko', 'Teacher', 'Ukraine'],
    ['mentor', 'Erik Holm', 'Civil engineer', null],
    ['mentor', 'Lena Berg', 'Physician', null],
    ['mentor', 'Nils Ek', 'Teacher', null],
  ] as const;
  for (const [role, fullName, profession, country] of people) {
    const p = await leader.api.post<{ id: string; code: string }>(`/api/programmes/${programme.id}/participants`, {
      role,
      fullName,
      gender: 'undisclosed',
      profession,
      ...(country ? { countryOfOrigin: country } : {}),
      enrolledAt: day(-30),
      consentRecordedAt: day(-30),
    });
    (role === 'adept' ? world.adepts : world.mentors).push({ id: p.id, code: p.code, fullName });
  }
  for (const i of [0, 1]) {
    const pair = await leader.api.post<{ id: string }>(`/api/programmes/${programme.id}/pairs`, {
      mentorId: world.mentors[i].id,
      adeptId: world.adepts[i].id,
      matchedAt: day(-5),
      rationale: 'Same profession',
    });
    world.pairs.push({ id: pair.id, adeptId: world.adepts[i].id, mentorId: world.mentors[i].id });
  }
  return world;
}

/**
 * Adopts the shipped baseline (loaded in review at the service's first start) unless that is done:
 * nothing can be activated or carried out before. Worlds are made by several test files at once;
 * the one that comes second finds the baseline adopted (409), which is what it needs.
 */
export async function adoptBaseline(qm: Api): Promise<void> {
  const view = await qm.get<{ state: string }>('/api/procedures/baseline/adoption');
  if (view.state !== 'awaiting_adoption') return;
  try {
    await qm.post('/api/procedures/baseline/adopt', { password: PASSWORD });
  } catch (e) {
    if (!String(e).includes('no_baseline_awaiting_adoption')) throw e;
  }
}
