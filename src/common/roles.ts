export const ROLES = ['admin', 'quality_manager', 'programme_leader', 'auditor', 'board_member'] as const;
export type Role = (typeof ROLES)[number];

export function hasAnyRole(held: readonly string[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => held.includes(r));
}
