import type { LoginResponse } from './auth.dto.js';
import type { LoginResult } from './auth.service.js';

export function toLoginResponse(r: LoginResult): LoginResponse {
  return {
    accessToken: r.accessToken,
    tokenType: r.tokenType,
    expiresIn: r.expiresIn,
    mustChangePassword: r.user.mustChangePassword,
    user: { id: r.user.id, email: r.user.email, name: r.user.name, roles: r.user.roles, language: r.user.language },
  };
}
