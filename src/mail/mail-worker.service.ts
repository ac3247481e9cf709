import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { linkTokenKey } from '../common/link-tokens.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { JWT_SECRET } from '../config/secrets.js';
import { mailRecipients } from '../users/users.queries.js';
import { renderMail, resolveParams } from './mail-renderer.js';
import type { RenderedMail } from './mail-renderer.js';
import { claimDue, digestItems, markFailed, markSent, markStaleUncertain, markUncertain, renewLease } from './mail-outbox.store.js';
import type { OutboxRow } from './mail-outbox.store.js';
import { MailTransport, describeSendError, mayHaveBeenDelivered } from './mail-transport.js';
import { SENDING_LEASE_SECONDS, retryAfterSeconds } from './retry-policy.js';

export interface DeliveryResult {
  sent: number;
  failed: number;
  uncertain: number;
}

/** What became of one claimed mail; `skipped` when the claim was gone before sending (nothing sent). */
export type DeliveryOutcome = 'sent' | 'failed' | 'uncertain' | 'skipped';

/** A mail that cannot be sent whatever the retries (the account is gone): failed at once. */
class Undeliverable extends Error {}

/**
 * Delivers the outbox: claims due mails (committed as `sending` before any SMTP traffic), sends
 * each, and records the outcome. At most once: a mail whose outcome was never recorded is not
 * sent again but judged `uncertain` after its lease. Polls every MAIL_POLL_SECONDS (0 = off).
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: MailTransport;
  private readonly linkKey: Buffer;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DeliveryResult> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JWT_SECRET) secret: string,
  ) {
    this.transport = new MailTransport(config);
    this.linkKey = linkTokenKey(secret);
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.mailPollSeconds;
    if (seconds <= 0) return;
    this.logger.log(`mail goes out through ${this.transport.describe()}, polled every ${seconds} s`);
    this.timer = setInterval(() => void this.deliverDue().catch(() => undefined), seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // A poll under way finishes recording what it sent before the pool closes.
    await this.running?.catch(() => undefined);
    this.transport.close();
  }

  /** One poll: judge stale claims uncertain, then send what is due. One poll at a time per process. */
  deliverDue(limit = 50): Promise<DeliveryResult> {
    if (this.running) return this.running;
    this.running = this.poll(limit).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async poll(limit: number): Promise<DeliveryResult> {
    const result: DeliveryResult = { sent: 0, failed: 0, uncertain: 0 };
    try {
      result.uncertain = await this.dataSource.transaction((m) => markStaleUncertain(m));
      const claimed = await this.dataSource.transaction((m) => claimDue(m, limit, SENDING_LEASE_SECONDS));
      for (const row of claimed) {
        const outcome = await this.deliverClaimed(row);
        if (outcome === 'sent') result.sent++;
        else if (outcome === 'failed') result.failed++;
        else if (outcome === 'uncertain') result.uncertain++;
      }
    } catch (e) {
      this.logger.error(`mail poll failed: ${describeSendError(e)}`);
    }
    if (result.sent || result.failed || result.uncertain)
      this.logger.log(`mail: ${result.sent} sent, ${result.failed} failed, ${result.uncertain} uncertain`);
    return result;
  }

  /**
   * Sends one claimed mail. The lease is renewed right before sending, in its own committed
   * transaction, so the mail is sent only while this process still holds it; the outcome is
   * recorded only if it still does (a stale process changes nothing).
   */
  async deliverClaimed(row: OutboxRow): Promise<DeliveryOutcome> {
    if (!(await this.dataSource.transaction((m) => renewLease(m, row, SENDING_LEASE_SECONDS)))) {
      this.logger.warn(`mail ${row.id} (${row.template}) not sent: another process or an administrator took it over`);
      return 'skipped';
    }
    try {
      const { to, mail } = await this.render(row);
      await this.transport.send({ ...mail, to, outboxId: row.id });
    } catch (e) {
      const error = describeSendError(e);
      if (!(e instanceof Undeliverable) && mayHaveBeenDelivered(e)) {
        await this.dataSource.transaction((m) => markUncertain(m, row, error));
        this.logger.warn(`mail ${row.id} (${row.template}) attempt ${row.attempts} uncertain: ${error}`);
        return 'uncertain';
      }
      const retry = e instanceof Undeliverable ? null : retryAfterSeconds(row.attempts);
      await this.dataSource.transaction((m) => markFailed(m, row, error, retry));
      // The reason and the error only: neither names the recipient.
      this.logger.warn(`mail ${row.id} (${row.template}) attempt ${row.attempts} failed: ${error}`);
      return 'failed';
    }
    if (!(await this.dataSource.transaction((m) => markSent(m, row))))
      this.logger.warn(`mail ${row.id} (${row.template}) sent, but its claim had passed to another process`);
    return 'sent';
  }

  /** The mail in the recipient's language, from the recipient's address and language as they are now. */
  private async render(row: OutboxRow): Promise<{ to: string; mail: RenderedMail }> {
    let to = row.recipientAddress;
    let language = row.recipientLanguage ?? 'en';
    if (row.recipientUserId) {
      const [user] = await mailRecipients(this.dataSource.manager, [row.recipientUserId]);
      if (!user?.active) throw new Undeliverable('the recipient account is deactivated');
      to = user.email;
      language = user.language ?? 'en';
    }
    const resolve = (p: OutboxRow['params']) => resolveParams(p, this.config.publicUrl, this.linkKey);
    const items = row.template === 'reminder-digest' ? await digestItems(this.dataSource.manager, row.id) : [];
    const mail = renderMail(
      row.template,
      language,
      resolve(row.params),
      items.map((i) => resolve(i.params)),
      items.map((i) => i.template),
    );
    return { to: to!, mail };
  }
}
