import type { EntityManager } from 'typeorm';
import type { UserLanguage } from '../common/languages.js';
import type { Role } from '../common/roles.js';

/** An account as sign-in and re-authentication see it. */
export interface Account {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  passwordHash: string;
  /** Moved on by a change of password or a deactivation: tokens of an earlier generation are refused. */
  tokenGeneration: number;
  mustChangePassword: boolean;
  /** The console language the user chose; null until they choose. */
  language: UserLanguage | null;
}

/** What a request needs to know of its signed-in account (never the password hash). */
export type SessionAccount = Omit<Account, 'passwordHash' | 'language'>;

/**
 * Where auth/ reads accounts. The users module owns the table and provides this port
 * (`UsersModule`); auth/ depends on the port and not on users/, so that users/ may use auth's
 * roles, policy and tokens without a cycle between the folders.
 */
export abstract class Accounts {
  /** The account a token names, or null. Read on every request: one plain statement. */
  abstract session(m: EntityManager, id: string): Promise<SessionAccount | null>;
  /** The account signing in (by e-mail, in lower case) or re-authenticating (by id), with its password hash, or null. */
  abstract withPassword(m: EntityManager, where: { id: string } | { email: string }): Promise<Account | null>;
}
