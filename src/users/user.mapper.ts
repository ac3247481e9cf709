import type { StaffMemberResponse, UserResponse } from './user.dto.js';
import type { User } from './user.entity.js';

export function toUserResponse(u: User): UserResponse {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: u.roles,
    active: u.active,
    language: u.language,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** A member of staff as colleagues see them: no e-mail address, no password state. */
export function toStaffMemberResponse(u: User): StaffMemberResponse {
  return { id: u.id, name: u.name, roles: u.roles, active: u.active };
}
