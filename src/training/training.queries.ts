/**
 * Reads of the training module's table (`training_record`) for other modules: plain functions
 * taking the caller's `EntityManager` and returning typed rows.
 */
import type { EntityManager } from 'typeorm';

export interface TrainingRow {
  userId: string;
  module: string;
  completedAt: string;
  validUntil: string | null;
}

/** Every training record of the users among `userIds`. One plain read (it runs when a step is recorded). */
export async function trainingOf(m: EntityManager, userIds: readonly string[]): Promise<TrainingRow[]> {
  if (userIds.length === 0) return [];
  return m.query<TrainingRow[]>(
    `SELECT user_id AS "userId", module, completed_at AS "completedAt", valid_until AS "validUntil" FROM training_record WHERE user_id = ANY($1)`,
    [userIds],
  );
}
