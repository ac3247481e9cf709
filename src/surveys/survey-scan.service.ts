import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import { systemContext } from '../common/request-context.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import type { Programme } from '../programmes/programme.entity.js';
import { programmesByIds } from '../programmes/programmes.queries.js';
import { every, withSessionLock } from '../database/session-lock.js';
import { sendDay } from './survey-moments.js';
import { recipientsOf } from './survey-recipients.js';
import type { SurveyScanResponse } from './survey-sending.dto.js';
import type { PlanEntryRow } from './surveys.queries.js';
import { SurveySendingService } from './survey-sending.service.js';
import { versionInForce } from './survey-versions.js';
import { planEntriesOf, programmesWithSurveyPlan, recipientsOfEntry, surveyById, surveyVersionsOf } from './surveys.queries.js';

const SURVEY_SCAN_LOCK_KEY = 726_354_132;

/**
 * The daily survey scan: every plan entry whose day has come (and whose invitations would still be
 * open) sends the version in force to those of its audience it has not asked. Idempotent per entry
 * and recipient (a unique key): a rerun sends nothing. Runs on request and periodically, at the
 * deviation scan's interval (DEVIATION_SCAN_INTERVAL_MINUTES), one process at a time (a session
 * advisory lock).
 */
@Injectable()
export class SurveyScanService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SurveyScan');
  private stop = (): void => undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sending: SurveySendingService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = every(
      this.config.deviationScanIntervalMinutes,
      () => this.scanAll(),
      (e) => this.logger.error(`survey scan failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  async scanAll(): Promise<SurveyScanResponse> {
    const today = this.clock.today();
    const result = { today, entriesDue: 0, invitationsSent: 0 };
    await withSessionLock(this.dataSource, SURVEY_SCAN_LOCK_KEY, async () => {
      const programmes = await programmesByIds(this.dataSource.manager, await programmesWithSurveyPlan(this.dataSource.manager));
      for (const programme of programmes.sort((a, b) => a.id.localeCompare(b.id))) {
        if (programme.status === 'planned') continue;
        for (const entry of await planEntriesOf(this.dataSource.manager, [programme.id])) {
          const day = this.clock.today(programme.timeZone);
          const sendsOn = sendDay(entry, programme, await this.sending.completedOn(this.dataSource.manager, programme, entry));
          // Not before its day, and not once invitations sent on that day would have expired.
          if (sendsOn === null || sendsOn > day || addDays(sendsOn, entry.expiresInDays) < day) continue;
          result.entriesDue++;
          result.invitationsSent += await this.sendEntry(programme, entry, day);
        }
      }
      if (result.invitationsSent > 0) this.logger.log(`survey scan sent ${result.invitationsSent} invitation(s)`);
    });
    return result;
  }

  /**
   * One plan entry's send, in a transaction of its own. A failure is logged by ids and error kind
   * only (a message may quote an address) and the scan goes on: one bad entry does not keep the
   * other entries and programmes from sending.
   */
  private async sendEntry(programme: Programme, entry: PlanEntryRow, day: string): Promise<number> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const survey = (await surveyById(m, entry.surveyId))!;
        const version = versionInForce(await surveyVersionsOf(m, [survey.id]), day);
        if (!version || version.content.audience !== entry.audience) return 0;
        const asked = await recipientsOfEntry(m, entry.id);
        const recipients = (await recipientsOf(m, programme.id, entry.audience)).filter((r) => !asked.has(r.id));
        if (recipients.length === 0) return 0;
        const send = await this.sending.sendTo(m, systemContext(), {
          programme,
          survey,
          version,
          audience: entry.audience,
          recipients,
          planEntryId: entry.id,
          language: entry.language,
          expiresInDays: entry.expiresInDays,
        });
        return send ? recipients.length : 0;
      });
    } catch (e) {
      const kind = e instanceof Error ? e.constructor.name : typeof e;
      this.logger.error(`survey scan: plan entry ${entry.id} of programme ${programme.id} failed (${kind}); the other entries go on`);
      return 0;
    }
  }
}
