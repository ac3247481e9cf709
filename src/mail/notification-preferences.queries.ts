/**
 * A user's choice of reminders (`notification_preference`). Read by the reminder scan (through
 * this file) and edited by the user.
 */
import type { EntityManager } from 'typeorm';
import { modifyReturning } from '../common/sql.js';
import type { ReminderDelivery, ReminderKind } from './reminder-kinds.js';

export interface NotificationPreferences {
  delivery: ReminderDelivery;
  disabledKinds: ReminderKind[];
  /** 0 until the user first saves (the defaults: immediate, every kind on). */
  version: number;
}

export const DEFAULT_PREFERENCES: NotificationPreferences = { delivery: 'immediate', disabledKinds: [], version: 0 };

export async function preferencesOf(
  m: EntityManager,
  userIds: readonly string[],
  lock = false,
): Promise<Map<string, NotificationPreferences>> {
  if (userIds.length === 0) return new Map();
  const rows = await m.query<(NotificationPreferences & { userId: string })[]>(
    `SELECT user_id AS "userId", delivery, disabled_kinds::text[] AS "disabledKinds", version FROM notification_preference
     WHERE user_id = ANY($1)${lock ? ' FOR UPDATE' : ''}`,
    [[...new Set(userIds)]],
  );
  return new Map(userIds.map((id) => [id, rows.find((r) => r.userId === id) ?? DEFAULT_PREFERENCES]));
}

/** Saves a user's preferences if they are still at `expectedVersion`; the new version, or null when stale. */
export async function savePreferences(
  m: EntityManager,
  userId: string,
  expectedVersion: number,
  p: Pick<NotificationPreferences, 'delivery' | 'disabledKinds'>,
): Promise<number | null> {
  const rows =
    expectedVersion === 0
      ? await m.query<{ version: number }[]>(
          `INSERT INTO notification_preference (user_id, delivery, disabled_kinds) VALUES ($1, $2, $3)
           ON CONFLICT (user_id) DO NOTHING RETURNING version`,
          [userId, p.delivery, p.disabledKinds],
        )
      : await modifyReturning<{ version: number }>(
          m,
          `UPDATE notification_preference SET delivery = $3, disabled_kinds = $4, version = version + 1, updated_at = now()
           WHERE user_id = $1 AND version = $2 RETURNING version`,
          [userId, expectedVersion, p.delivery, p.disabledKinds],
        );
  return rows[0]?.version ?? null;
}
