import { QueryFailedError } from 'typeorm';
import type { EntityManager } from 'typeorm';

/**
 * Runs an UPDATE/DELETE ... RETURNING and gives back the returned rows.
 * (TypeORM's postgres driver answers such statements with `[rows, affectedCount]`.)
 */
export async function modifyReturning<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const r = (await m.query(sql, params)) as unknown;
  if (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number') return r[0] as T[];
  return r as T[];
}

/** Whether `e` is the database refusing a second row under the unique index or constraint `name`. */
export function isUniqueViolation(e: unknown, name: string): boolean {
  const driverError = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === name;
}
