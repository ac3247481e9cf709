export const ROLES = ['admin', 'quality_manager', 'programme_leader', 'auditor', 'board_member'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose holders a document or procedure version may ask to acknowledge it (auditors write nothing, not even that). */
export const ACKNOWLEDGING_ROLES = ['quality_manager', 'programme_leader', 'board_member', 'admin'] as const satisfies readonly Role[];
export type AcknowledgingRole = (typeof ACKNOWLEDGING_ROLES)[number];

export function hasAnyRole(held: readonly string[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => held.includes(r));
}
