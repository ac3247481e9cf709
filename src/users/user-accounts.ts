import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Accounts } from '../auth/accounts.js';
import type { Account, SessionAccount } from '../auth/accounts.js';
import { accountWithPassword, sessionUser } from './users.queries.js';

/** The users module's accounts, as sign-in reads them (the port auth/ declares). */
@Injectable()
export class UserAccounts extends Accounts {
  session(m: EntityManager, id: string): Promise<SessionAccount | null> {
    return sessionUser(m, id);
  }

  withPassword(m: EntityManager, where: { id: string } | { email: string }): Promise<Account | null> {
    return accountWithPassword(m, where);
  }
}
