import type { User } from '../app/auth';
import type { Programme } from './queries';

/**
 * Quality managers, and the programme's own leaders, record in a programme (the API has the last word).
 * A closed programme takes only the procedures carried out after it closes (`afterClose`).
 */
export function mayRecord(user: User, programme: Programme, afterClose = false): boolean {
  if (programme.status === 'closed' && !afterClose) return false;
  if (user.roles.includes('quality_manager')) return true;
  return user.roles.includes('programme_leader') && programme.leaders.some((l) => l.id === user.id);
}
