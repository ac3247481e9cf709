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
import { every, withSessionLock } from '../database/session-lock.js';

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
  private stop = (): void => undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    // scan() logs its own failures.
    this.stop = every(
      this.config.reminderScanIntervalMinutes,
      () => this.scan(),
      () => undefined,
    );
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  async scan(): Promise<ReminderScanResponse> {
    const today = this.clock.today();
    try {
      const run = await withSessionLock(this.dataSource, REMINDER_LOCK_KEY, () =>
        this.dataSource.transaction(async (m) => {
          const reminders = await dueReminders(m, { today, leadDays: this.config.reminderLeadDays, publicUrl: this.config.publicUrl });
          const tally: ReminderTally = await queueReminders(m, today, reminders);
          return { tally, digests: await queueDigests(m, today) };
        }),
      );
      if (!run.ran) return toReminderScanResponse(today, null, 0);
      const { tally, digests } = run.value;
      if (tally.queued || tally.held || digests)
        this.logger.log(`reminders for ${today}: ${tally.queued} queued, ${tally.held} held for digests, ${digests} digest(s)`);
      return toReminderScanResponse(today, tally, digests);
    } catch (e) {
      this.logger.error(`reminder scan failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }
}
