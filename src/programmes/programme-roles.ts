import type { Role } from '../common/roles.js';

/** Who reads programme records (leaders only their own programmes). */
export const READ_PROGRAMME: Role[] = ['quality_manager', 'programme_leader', 'auditor', 'board_member'];
/** Who records what happens in a programme (leaders only in their own programmes). */
export const WRITE_PROGRAMME: Role[] = ['quality_manager', 'programme_leader'];
