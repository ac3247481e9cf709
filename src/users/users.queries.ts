/**
 * Reads of the users module's table (`app_user`) for other modules: they take the caller's
 * `EntityManager` (so they join its transaction) and return plain typed rows. Never the password
 * hash or the token generation.
 */
import type { EntityManager } from 'typeorm';
import type { UserLanguage } from '../common/languages.js';
import type { Role } from '../common/roles.js';
import { User } from './user.entity.js';

/** What other modules may know of a user. */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
}

const SUMMARY = `SELECT id, email, name, roles, active FROM app_user`;

/** The users among `ids` that exist (active or not), ordered by name (then id). */
export async function usersByIds(m: EntityManager, ids: readonly string[]): Promise<UserSummary[]> {
  if (ids.length === 0) return [];
  return m.query<UserSummary[]>(`${SUMMARY} WHERE id = ANY($1) ORDER BY name, id`, [[...new Set(ids)]]);
}

/** The active users among `ids`, ordered by name (then id). */
export async function activeUsersByIds(m: EntityManager, ids: readonly string[]): Promise<UserSummary[]> {
  return (await usersByIds(m, ids)).filter((u) => u.active);
}

/** The active users holding at least one of `roles`, ordered by name (then id). */
export async function activeUsersWithAnyRole(m: EntityManager, roles: readonly Role[]): Promise<UserSummary[]> {
  if (roles.length === 0) return [];
  return m.query<UserSummary[]>(`${SUMMARY} WHERE active AND roles && $1::text[] ORDER BY name, id`, [[...roles]]);
}

/** The user `id`, or null when there is none. */
export async function userById(m: EntityManager, id: string): Promise<UserSummary | null> {
  const [user] = await m.query<UserSummary[]>(`${SUMMARY} WHERE id = $1`, [id]);
  return user ?? null;
}

/** The active user signing in with `email` (compared in lower case), or null. */
export async function activeUserByEmail(m: EntityManager, email: string): Promise<UserSummary | null> {
  const [user] = await m.query<UserSummary[]>(`${SUMMARY} WHERE email = $1 AND active`, [email.toLowerCase()]);
  return user ?? null;
}

/** Names by user id, for the users among `ids` that exist. */
export async function userNames(m: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await usersByIds(m, ids)).map((u) => [u.id, u.name]));
}

/** What a request needs to know of the signed-in user (never the password hash): read on every request. */
export interface SessionUser extends UserSummary {
  tokenGeneration: number;
  mustChangePassword: boolean;
}

/** The user `id` as a request's token names them, or null when there is none. One plain read: it runs on every request. */
export async function sessionUser(m: EntityManager, id: string): Promise<SessionUser | null> {
  const [user] = await m.query<SessionUser[]>(
    `SELECT id, email, name, roles, active, token_generation AS "tokenGeneration", must_change_password AS "mustChangePassword"
     FROM app_user WHERE id = $1`,
    [id],
  );
  return user ?? null;
}

/** The account signing in (by e-mail, in lower case) or re-authenticating (by id), password hash included: for auth/ alone. */
export async function accountWithPassword(m: EntityManager, where: { id: string } | { email: string }): Promise<User | null> {
  return m.getRepository(User).findOneBy(where);
}

/** The roles of the users among `ids` that exist. One plain read (it runs when a step is recorded). */
export async function rolesOfUsers(m: EntityManager, ids: readonly string[]): Promise<{ id: string; roles: Role[] }[]> {
  if (ids.length === 0) return [];
  return m.query<{ id: string; roles: Role[] }[]>(`SELECT id, roles FROM app_user WHERE id = ANY($1)`, [ids]);
}

/** Whether `id` names an active user. One plain read (it runs when a step is recorded). */
export async function isActiveUser(m: EntityManager, id: string): Promise<boolean> {
  const rows = await m.query<unknown[]>(`SELECT 1 FROM app_user WHERE id = $1 AND active`, [id]);
  return rows.length > 0;
}

/** Where and in which language a mail to a user goes (the mail module reads it at send time). */
export interface MailRecipientRow {
  id: string;
  email: string;
  language: UserLanguage | null;
  active: boolean;
}

/** Addresses and languages of the users among `ids` that exist. */
export async function mailRecipients(m: EntityManager, ids: readonly string[]): Promise<MailRecipientRow[]> {
  if (ids.length === 0) return [];
  return m.query<MailRecipientRow[]>(`SELECT id, email, language, active FROM app_user WHERE id = ANY($1)`, [[...new Set(ids)]]);
}
