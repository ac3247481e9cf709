/**
 * Reads of the management-reviews module's tables for other modules: plain functions taking the
 * caller's `EntityManager` and returning typed rows.
 */
import type { EntityManager } from 'typeorm';

/** The ids of the users who attended the management review. */
export async function attendeeIds(m: EntityManager, reviewId: string): Promise<string[]> {
  const rows = await m.query<{ user_id: string }[]>(`SELECT user_id FROM management_review_attendee WHERE management_review_id = $1`, [
    reviewId,
  ]);
  return rows.map((r) => r.user_id);
}
