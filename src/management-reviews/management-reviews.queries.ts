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

/** Whether the management review `id` exists. */
export async function reviewExists(m: EntityManager, id: string): Promise<boolean> {
  return (await m.query<unknown[]>(`SELECT 1 FROM management_review WHERE id = $1`, [id])).length > 0;
}

export interface GuestRow {
  seq: number;
  name: string;
  role: string;
}

/** The attendees of the review who have no account, in the order given. */
export async function guestsOf(m: EntityManager, reviewId: string): Promise<GuestRow[]> {
  return m.query<GuestRow[]>(`SELECT seq, name, role FROM management_review_guest WHERE management_review_id = $1 ORDER BY seq`, [
    reviewId,
  ]);
}

export interface NoteRow {
  id: string;
  topic: 'issues' | 'resources';
  seq: number;
  text: string;
  recordedBy: string | null;
  recordedAt: Date;
}

/** The issues and resources recorded on the review, by topic and order. */
export async function notesOf(m: EntityManager, reviewId: string): Promise<NoteRow[]> {
  return m.query<NoteRow[]>(
    `SELECT id, topic, seq, text, recorded_by AS "recordedBy", recorded_at AS "recordedAt"
     FROM management_review_note WHERE management_review_id = $1 ORDER BY topic, seq`,
    [reviewId],
  );
}
