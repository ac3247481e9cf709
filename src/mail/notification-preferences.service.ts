import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { stale } from '../common/etag.js';
import type { RequestContext } from '../common/request-context.js';
import type { NotificationPreferencesResponse, UpdateNotificationPreferencesRequest } from './mail.dto.js';
import { preferencesOf, savePreferences } from './notification-preferences.queries.js';
import { REMINDER_KINDS } from './reminder-kinds.js';

/** The signed-in user's own choice of reminders. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(ctx: RequestContext): Promise<NotificationPreferencesResponse> {
    const p = (await preferencesOf(this.dataSource.manager, [ctx.actor.id!])).get(ctx.actor.id!)!;
    return { delivery: p.delivery, disabledKinds: [...p.disabledKinds], version: p.version };
  }

  /** Replaces them, if the user's last read is current (If-Match); audited. */
  async put(
    ctx: RequestContext,
    expectedVersion: number,
    body: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferencesResponse> {
    const userId = ctx.actor.id!;
    // Kept in the order of the list of kinds, so the same choice reads the same.
    const disabledKinds = REMINDER_KINDS.filter((k) => body.disabledKinds.includes(k));
    return this.dataSource.transaction(async (m) => {
      const before = (await preferencesOf(m, [userId], true)).get(userId)!;
      if (before.version !== expectedVersion) throw stale(before.version);
      const version = await savePreferences(m, userId, expectedVersion, { delivery: body.delivery, disabledKinds });
      if (version === null) throw stale(undefined);
      await this.audit.append(m, ctx, {
        action: 'user.notification_preferences',
        entityType: 'user',
        entityId: userId,
        changes: {
          delivery: { old: before.delivery, new: body.delivery },
          disabledKinds: { old: before.disabledKinds, new: disabledKinds },
        },
      });
      return { delivery: body.delivery, disabledKinds, version };
    });
  }
}
