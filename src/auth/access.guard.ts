import { Injectable, Logger } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthorized } from '../common/problem.js';
import type { AuthenticatedRequest } from '../common/request-context.js';
import { AuthService } from './auth.service.js';
import { BEFORE_PASSWORD_CHANGE_KEY, POLICY_KEY } from './policy.js';
import type { AccessPolicy } from './policy.js';
import { hasAnyRole } from '../common/roles.js';

/** The one guard: reads each route's declared policy and refuses routes without one. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (!policy) {
      this.logger.error(`route ${context.getClass().name}.${context.getHandler().name} declares no access policy; refused`);
      throw forbidden('no_policy', 'This route declares no access policy');
    }
    if (policy.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    const m = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9\-_.]+)\s*$/i.exec(header) : null;
    if (!m) throw unauthorized('unauthenticated', 'Sign in first: send Authorization: Bearer <token>');
    const user = await this.auth.authenticate(m[1]);
    req.user = { id: user.id, email: user.email, name: user.name, roles: user.roles };
    if (user.mustChangePassword && !this.reflector.get<boolean | undefined>(BEFORE_PASSWORD_CHANGE_KEY, context.getHandler())) {
      throw forbidden('password_change_required', 'Change your password first: POST /api/users/me/password with the current and a new one');
    }
    if (policy.kind === 'roles' && !hasAnyRole(req.user.roles, policy.roles)) {
      throw forbidden('forbidden_role', `Only a user with one of these roles may do this: ${policy.roles.join(', ')}`);
    }
    return true;
  }
}
