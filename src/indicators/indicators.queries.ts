/**
 * Reads of the indicators module's table (`quality_objective`) for other modules: plain functions
 * taking the caller's `EntityManager` and returning typed rows.
 */
import type { EntityManager } from 'typeorm';

/** The ids of the programme's quality objectives. */
export async function objectiveIdsOfProgramme(m: EntityManager, programmeId: string): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(`SELECT id FROM quality_objective WHERE programme_id = $1`, [programmeId]);
  return rows.map((r) => r.id);
}
