import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService, diffChanges } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import type { LoginResponse } from '../auth/auth.dto.js';
import { normalizePassword } from '../common/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import { conflict, notFound, unauthorized, unprocessable, validationFailed } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { modifyReturning } from '../common/sql.js';
import { User } from './user.entity.js';
import type { UserResponse } from './user.dto.js';
import { toUserResponse } from './user.mapper.js';
import { AUDITED_FIELDS, requireAcceptablePassword } from './users.service.js';

/**
 * Setting passwords after an account exists: a user changing their own, an administrator setting
 * a temporary one. Either way every token the user held ends (the token generation moves on), and
 * one audit event records it; the password and its hash never enter the trail.
 */
@Injectable()
export class UserPasswordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  /**
   * The signed-in user sets a new password, proving the current one (throttled like a signature:
   * a stolen token cannot guess it). Answers with a new token, since the one used here has ended.
   */
  async changeOwn(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<LoginResponse> {
    const id = ctx.actor.id!;
    // The rules first: a new password that breaks them costs no attempt at the current one.
    requireAcceptablePassword('newPassword', newPassword, ctx.actor);
    if (normalizePassword(newPassword) === normalizePassword(currentPassword)) {
      throw validationFailed([{ field: 'newPassword', message: 'The new password must differ from the current one.' }]);
    }
    const user = await this.auth.checkCurrentPassword(id, currentPassword, ctx.clientAddress);
    if (!user) {
      throw unprocessable('current_password_wrong', 'The current password is wrong; the password was not changed', {
        errors: [{ field: 'currentPassword', message: 'The current password is wrong.' }],
      });
    }
    const passwordHash = await hashPassword(newPassword);
    const after = await this.dataSource.transaction(async (m) => {
      const before = await m.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before?.active) throw unauthorized('account_inactive', 'The account is deactivated or no longer exists');
      const changed = await this.setPassword(m, id, passwordHash, false);
      await this.audit.append(m, ctx, {
        action: 'user.password_change',
        entityType: 'user',
        entityId: id,
        entityVersion: changed.version,
        changes: diffChanges(before, changed, AUDITED_FIELDS),
      });
      return changed;
    });
    return this.auth.tokenFor(after);
  }

  /**
   * An administrator sets a temporary password for another user (who forgot theirs, or whose
   * password may be known to someone else): the user must change it at the next sign-in.
   */
  async reset(ctx: RequestContext, id: string, password: string): Promise<UserResponse> {
    if (id === ctx.actor.id) {
      throw conflict(
        'cannot_reset_own_password',
        'Change your own password with POST /api/users/me/password, which asks for the current one',
      );
    }
    const target = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!target) throw notFound('User');
    requireAcceptablePassword('password', password, target);
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (m) => {
      const before = await m.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw notFound('User');
      const changed = await this.setPassword(m, id, passwordHash, true);
      await this.audit.append(m, ctx, {
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
        entityVersion: changed.version,
        changes: diffChanges(before, changed, AUDITED_FIELDS),
      });
      return toUserResponse(changed);
    });
  }

  private async setPassword(m: EntityManager, id: string, passwordHash: string, mustChange: boolean): Promise<User> {
    await modifyReturning(
      m,
      `UPDATE app_user SET password_hash = $2, must_change_password = $3, token_generation = token_generation + 1,
         version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, passwordHash, mustChange],
    );
    return m.getRepository(User).findOneByOrFail({ id });
  }
}
