import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '../common/roles.js';

/**
 * Every route states who may call it; the global guard refuses routes that do not
 * (and a test walks the route table to prove none is missing).
 */
export type AccessPolicy = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

export const POLICY_KEY = 'qms:policy';

/** Open to anyone, without a token. */
export const Public = () =>
  applyDecorators(SetMetadata(POLICY_KEY, { kind: 'public' } satisfies AccessPolicy), ApiExtension('x-roles', ['public']));

/** Any signed-in user, whatever their roles. */
export const Authenticated = () =>
  applyDecorators(
    SetMetadata(POLICY_KEY, { kind: 'authenticated' } satisfies AccessPolicy),
    ApiBearerAuth(),
    ApiExtension('x-roles', ['any signed-in user']),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
  );

/** Signed-in users holding at least one of the roles. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(POLICY_KEY, { kind: 'roles', roles } satisfies AccessPolicy),
    ApiBearerAuth(),
    ApiExtension('x-roles', roles),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: `Requires one of the roles: ${roles.join(', ')}` }),
  );

export const BEFORE_PASSWORD_CHANGE_KEY = 'qms:before-password-change';

/**
 * Also open to a user whose password must be changed first (an administrator set it, or it was
 * generated at first start): only reading who one is and changing the password are. Every other
 * route answers them 403 `password_change_required`.
 */
export const AllowedBeforePasswordChange = () =>
  applyDecorators(SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true), ApiExtension('x-allowed-before-password-change', true));
