import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { queueDigests, queueReminders } from '../mail/reminder-outbox.queries.js';
import type { ReminderTally } from '../mail/reminder-outbox.queries.js';
import type { ReminderScanResponse } from './reminder.dto.js';
import { toReminderScanResponse } from './reminder.mapper.js';
import { dueReminders } from './reminder-sources.js';

const REMINDER_LOCK_KEY = 726_354_123;

/**
 * Finds what needs someone within the lead days (REMINDER_LEAD_DAYS) as of the configured clock's
 * today and queues reminders, and the weekly digests due. Periodic (REMINDER_SCAN_INTERVAL_MINUTES;
 * 0 = off) like the overdue scan, one process at a time under a session advisory lock; each
 * reminder's reason makes a rerun (the same day, or another process) queue nothing new.
 */
@Injectable()
export class ReminderScanService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reminders');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.reminderScanIntervalMinutes;
    if (minutes <= 0) return;
    this.timer = setInterval(() => void this.scan().catch(() => undefined), minutes * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async scan(): Promise<ReminderScanResponse> {
    const today = this.clock.today();
    // A session lock belongs to its connection: taken and released on one held connection (see the overdue scan).
    const lockConnection = this.dataSource.createQueryRunner();
    try {
      const [{ locked }] = (await lockConnection.query(`SELECT pg_try_advisory_lock($1) AS locked`, [REMINDER_LOCK_KEY])) as {
        locked: boolean;
      }[];
      if (!locked) return toReminderScanResponse(today, null, 0);
      try {
        const { tally, digests } = await this.dataSource.transaction(async (m) => {
          const reminders = await dueReminders(m, { today, leadDays: this.config.reminderLeadDays, publicUrl: this.config.publicUrl });
          const tally: ReminderTally = await queueReminders(m, today, reminders);
          return { tally, digests: await queueDigests(m, today) };
        });
        if (tally.queued || tally.held || digests)
          this.logger.log(`reminders for ${today}: ${tally.queued} queued, ${tally.held} held for digests, ${digests} digest(s)`);
        return toReminderScanResponse(today, tally, digests);
      } finally {
        await lockConnection.query(`SELECT pg_advisory_unlock($1)`, [REMINDER_LOCK_KEY]);
      }
    } catch (e) {
      this.logger.error(`reminder scan failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    } finally {
      await lockConnection.release();
    }
  }
}
