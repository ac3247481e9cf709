import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { mailRecipients } from '../users/users.queries.js';
import type { OutboxMailResponse, OutboxPage, OutboxQuery } from './mail.dto.js';
import { toOutboxMailResponse } from './mail.mapper.js';
import { attemptsOf, needingAttention, outboxById, requeue } from './mail-outbox.store.js';
import type { OutboxRow, OutboxState } from './mail-outbox.store.js';

/** What administrators see of the outbox, and their one action on it: send a failed or uncertain mail again. */
@Injectable()
export class MailAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(q: OutboxQuery): Promise<OutboxPage> {
    const m = this.dataSource.manager;
    const states: OutboxState[] = q.state ? [q.state] : ['failed', 'uncertain'];
    const offset = q.cursor ? Number(q.cursor) : 0;
    const limit = q.limit ?? 50;
    const { rows, total } = await needingAttention(m, states, limit, offset);
    return { items: await this.present(m, rows), total, nextCursor: offset + rows.length < total ? String(offset + rows.length) : null };
  }

  /**
   * Queues a failed or uncertain mail again, now. For an uncertain mail the administrator judges
   * that it did not arrive (the recipient said so): the service never guesses. Audited.
   */
  async retry(ctx: RequestContext, id: string): Promise<OutboxMailResponse> {
    return this.dataSource.transaction(async (m) => {
      const row = await outboxById(m, id, true);
      if (!row) throw notFound('mail');
      if (row.state !== 'failed' && row.state !== 'uncertain')
        throw conflict('mail_not_retryable', `The mail is ${row.state}: only a failed or uncertain mail can be sent again`);
      await requeue(m, row, ctx.actor.id!);
      await this.audit.append(m, ctx, {
        action: 'mail.retry',
        entityType: 'mail',
        entityId: id,
        changes: { state: { old: row.state, new: 'queued' }, reason: { old: null, new: row.reason } },
      });
      const [shown] = await this.present(m, [(await outboxById(m, id))!]);
      return shown;
    });
  }

  private async present(m: EntityManager, rows: OutboxRow[]): Promise<OutboxMailResponse[]> {
    const users = new Map(
      (
        await mailRecipients(
          m,
          rows.flatMap((r) => r.recipientUserId ?? []),
        )
      ).map((u) => [u.id, u.email]),
    );
    const attempts = await attemptsOf(
      m,
      rows.map((r) => r.id),
    );
    return rows.map((r) =>
      toOutboxMailResponse(
        r,
        r.recipientAddress ?? users.get(r.recipientUserId!) ?? '',
        attempts.filter((a) => a.outboxId === r.id),
      ),
    );
  }
}
