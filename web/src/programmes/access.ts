import type { User } from '../app/auth';
import type { Programme } from './queries';

/** Quality managers, and the programme's own leaders, record in a programme (the API has the last word). */
export function mayRecord(user: User, programme: Programme): boolean {
  if (programme.status === 'closed') return false;
  if (user.roles.includes('quality_manager')) return true;
  return user.roles.includes('programme_leader') && programme.leaders.some((l) => l.id === user.id);
}
