import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from './roles.js';

/** Who is acting. `id` is null for the system itself (start-up jobs, scheduled scans). */
export interface Actor {
  id: string | null;
  email: string;
  name: string;
  roles: Role[];
}

/** Everything a use case needs to know about the request that caused it. */
export interface RequestContext {
  actor: Actor;
  requestId: string | null;
  /** The client's address (for throttling password checks); absent outside HTTP. */
  clientAddress?: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, email: 'system', name: 'Mentoring QMS', roles: [] };

export function systemContext(requestId: string | null = null): RequestContext {
  return { actor: SYSTEM_ACTOR, requestId };
}

export interface AuthenticatedRequest extends Request {
  user?: Actor & { id: string };
}

export function contextOf(req: AuthenticatedRequest): RequestContext {
  return {
    actor: req.user ?? { id: null, email: 'anonymous', name: 'anonymous', roles: [] },
    requestId: typeof req.id === 'string' ? req.id : typeof req.id === 'number' ? String(req.id) : null,
    clientAddress: req.ip,
  };
}

/** Injects the request context into a controller method. */
export const Ctx = createParamDecorator((_: unknown, host: ExecutionContext): RequestContext => {
  return contextOf(host.switchToHttp().getRequest<AuthenticatedRequest>());
});
