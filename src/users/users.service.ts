import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService, diffChanges } from '../audit/audit.service.js';
import { passwordWeakness } from '../common/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import type { Role } from '../common/roles.js';
import { stale } from '../common/etag.js';
import { ConfigError } from '../config/config.js';
import { conflict, notFound, validationFailed } from '../common/problem.js';
import { modifyReturning } from '../common/sql.js';
import type { RequestContext } from '../common/request-context.js';
import { systemContext } from '../common/request-context.js';
import { User } from './user.entity.js';
import type { StaffMemberResponse, UserPage, UserResponse } from './user.dto.js';
import { toStaffMemberResponse, toUserResponse } from './user.mapper.js';
import type { UserLanguage } from '../common/languages.js';

export interface UserFilter {
  q?: string;
  role?: Role;
  active?: boolean;
  offset: number;
  limit: number;
}

export const AUDITED_FIELDS = ['email', 'name', 'roles', 'active', 'mustChangePassword'] as const;

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Creates a user. A password chosen by an administrator is temporary: the user must change it
   * at the first sign-in, so nobody else keeps knowing it. Only the demonstration loader, whose
   * accounts are meant to be signed in with as printed, passes `temporary: false`.
   */
  async create(
    ctx: RequestContext,
    input: { email: string; name: string; password: string; roles: Role[] },
    opts: { temporary?: boolean } = {},
  ): Promise<UserResponse> {
    requireAcceptablePassword('password', input.password, input);
    const passwordHash = await hashPassword(input.password);
    const user = await this.dataSource.transaction((m) =>
      this.insert(m, ctx, { ...input, passwordHash, mustChangePassword: opts.temporary ?? true }),
    );
    return toUserResponse(user);
  }

  private async insert(
    m: EntityManager,
    ctx: RequestContext,
    input: { email: string; name: string; passwordHash: string; roles: Role[]; mustChangePassword: boolean },
    reason?: string,
  ): Promise<User> {
    const email = input.email.toLowerCase();
    const taken = await m.getRepository(User).exists({ where: { email } });
    if (taken) throw conflict('email_taken', `A user with the e-mail ${email} already exists`);
    const roles = [...new Set(input.roles)];
    const [row] = (await m
      .query(`INSERT INTO app_user (email, name, password_hash, roles, must_change_password) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        email,
        input.name,
        input.passwordHash,
        roles,
        input.mustChangePassword,
      ])
      .catch((e: unknown) => {
        // A concurrent request took the address between the check above and this insert.
        if (isUniqueViolation(e, 'app_user_email_key')) throw conflict('email_taken', `A user with the e-mail ${email} already exists`);
        throw e;
      })) as { id: string }[];
    const user = await m.getRepository(User).findOneByOrFail({ id: row.id });
    await this.audit.append(m, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      entityVersion: user.version,
      changes: diffChanges(null, user, AUDITED_FIELDS),
      reason,
    });
    return user;
  }

  /** Every user, oldest first (for the staff directory and the demonstration). */
  list(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ order: { createdAt: 'ASC', email: 'ASC' } });
  }

  /** The staff directory: every account (deactivated ones too), by name. */
  async staff(): Promise<StaffMemberResponse[]> {
    const users = await this.list();
    return users.map(toStaffMemberResponse).sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
  }

  /** A page of users matching the filters, by name, then e-mail address (unique), with the count of all that match. */
  async search(f: UserFilter): Promise<UserPage> {
    // One snapshot for the count and the page, so an account created meanwhile cannot make them disagree.
    const page = await this.dataSource.transaction('REPEATABLE READ', (m) => this.searchIn(m, f));
    return { items: page.items.map(toUserResponse), nextCursor: page.nextCursor, total: page.total };
  }

  private async searchIn(m: EntityManager, f: UserFilter): Promise<{ items: User[]; nextCursor: string | null; total: number }> {
    const qb = m.getRepository(User).createQueryBuilder('u');
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(`(u.name ILIKE :like OR u.email ILIKE :like)`, { like });
    }
    if (f.role) qb.andWhere(':role = ANY(u.roles)', { role: f.role });
    if (f.active !== undefined) qb.andWhere('u.active = :active', { active: f.active });
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('lower(u.name)', 'ASC')
      .addOrderBy('u.email', 'ASC')
      .offset(f.offset)
      .limit(f.limit + 1)
      .getMany();
    return { items: rows.slice(0, f.limit), nextCursor: rows.length > f.limit ? String(f.offset + f.limit) : null, total };
  }

  async get(id: string): Promise<UserResponse> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw notFound('User');
    return toUserResponse(user);
  }

  /** Users that exist and are active, for checks by other modules (owners, attendees, leaders). */
  async requireActive(m: EntityManager, ids: string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const users = await m.getRepository(User).createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
    const missing = ids.filter((id) => !users.some((u) => u.id === id && u.active));
    if (missing.length) throw notFound('Active user', { detail: `No active user has the id ${missing.join(', ')}` });
    return users;
  }

  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    patch: { name?: string; roles?: Role[]; active?: boolean },
  ): Promise<UserResponse> {
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(User);
      const before = await repo.findOneBy({ id });
      if (!before) throw notFound('User');
      if (before.version !== expectedVersion) throw stale(before.version);
      if (patch.active === false && id === ctx.actor.id) {
        throw conflict('cannot_deactivate_self', 'You cannot deactivate your own account');
      }
      if (patch.roles && id === ctx.actor.id && before.roles.includes('admin') && !patch.roles.includes('admin')) {
        throw conflict('cannot_drop_own_admin', 'You cannot remove the admin role from your own account');
      }
      const losesAdmin =
        before.active &&
        before.roles.includes('admin') &&
        (patch.active === false || (patch.roles !== undefined && !patch.roles.includes('admin')));
      if (losesAdmin) {
        // Lock every active administrator so two concurrent demotions cannot leave none.
        const admins = await m.query<
          {
            id: string;
          }[]
        >(`SELECT id FROM app_user WHERE active AND 'admin' = ANY(roles) ORDER BY id FOR UPDATE`);
        if (admins.filter((a) => a.id !== id).length === 0)
          throw conflict('last_admin', 'This is the last active administrator; appoint another first');
      }
      const next = {
        name: patch.name ?? before.name,
        roles: patch.roles ? [...new Set(patch.roles)] : before.roles,
        active: patch.active ?? before.active,
      };
      // Nothing to change: no new version and no audit event, which records changes only.
      if (Object.keys(diffChanges(before, { ...before, ...next }, AUDITED_FIELDS)).length === 0) return toUserResponse(before);
      // A deactivation ends every token the user holds; reactivating does not bring them back.
      const endsTokens = before.active && !next.active;
      const updated = await modifyReturning(
        m,
        `UPDATE app_user SET name = $3, roles = $4, active = $5, version = version + 1, updated_at = now(),
           token_generation = token_generation + $6
         WHERE id = $1 AND version = $2 RETURNING id`,
        [id, expectedVersion, next.name, next.roles, next.active, endsTokens ? 1 : 0],
      );
      if (updated.length === 0) throw stale(undefined);
      const after = await repo.findOneByOrFail({ id });
      await this.audit.append(m, ctx, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        entityVersion: after.version,
        changes: diffChanges(before, after, AUDITED_FIELDS),
      });
      return toUserResponse(after);
    });
  }

  /**
   * The user's own choice of console language. Last choice wins (no If-Match: only the user sets
   * it); the same choice again changes nothing and writes no event.
   */
  async setOwnLanguage(ctx: RequestContext, language: UserLanguage): Promise<UserResponse> {
    const id = ctx.actor.id!;
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(User);
      const [locked] = await m.query<{ language: UserLanguage | null }[]>(`SELECT language FROM app_user WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) throw notFound('User');
      const before = await repo.findOneByOrFail({ id });
      if (before.language === language) return toUserResponse(before);
      await m.query(`UPDATE app_user SET language = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, language]);
      const after = await repo.findOneByOrFail({ id });
      await this.audit.append(m, ctx, {
        action: 'user.language',
        entityType: 'user',
        entityId: id,
        entityVersion: after.version,
        changes: diffChanges(before, after, ['language']),
      });
      return toUserResponse(after);
    });
  }

  /**
   * On first start, when no user exists, creates the administrator from ADMIN_EMAIL and
   * ADMIN_PASSWORD, or with a generated password printed once to the console, which must be
   * changed at the first sign-in (it went through a console log). A password chosen through the
   * environment is the operator's own and need not be changed; it must pass the password rules
   * (checked when the configuration is read, and again here for callers that build it themselves).
   */
  async bootstrapAdmin(opts: { email?: string; password?: string; name: string }): Promise<void> {
    const generated = opts.password ? undefined : randomBytes(15).toString('base64url');
    const password = opts.password ?? generated!;
    const email = opts.email ?? 'admin@localhost';
    const weakness = opts.password ? passwordWeakness(opts.password, { email, name: opts.name }) : undefined;
    if (weakness) throw new ConfigError(`ADMIN_PASSWORD is not accepted: ${weakness}`);
    const passwordHash = await hashPassword(password);
    const created = await this.dataSource.transaction(async (m) => {
      // Serialise with other processes starting on the same database.
      await m.query(`SELECT pg_advisory_xact_lock(726354119)`);
      const [{ n }] = await m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM app_user`);
      if (n > 0) return undefined;
      return this.insert(
        m,
        systemContext(),
        { email, name: opts.name, passwordHash, roles: ['admin'], mustChangePassword: generated !== undefined },
        'first start: no user existed',
      );
    });
    if (!created) return;
    this.logger.log(`created the first administrator account (${created.email})`);
    if (generated) {
      // Printed once, straight to the console and never to the structured log.
      process.stdout.write(
        `\n  First administrator account created.\n    e-mail:   ${created.email}\n    password: ${generated}\n` +
          `  It is shown only this once, and must be changed at the first sign-in (POST /api/users/me/password).\n\n`,
      );
    }
  }
}

/** Refuses a password the rules do not allow with 400, naming the field and saying why. */
export function requireAcceptablePassword(field: string, password: string, owner: { email?: string; name?: string }): void {
  const weakness = passwordWeakness(password, owner);
  if (weakness) throw validationFailed([{ field, message: weakness }]);
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  const driverError = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
