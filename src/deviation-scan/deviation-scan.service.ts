import { addDays, endOfDay } from '../common/calendar.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasAnyRole } from '../common/roles.js';
import { Clock, dayInFuture } from '../common/clock.js';
import { forbidden } from '../common/problem.js';
import { systemContext } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { buildMatrix, loadMatrixData } from '../executions/conformance-matrix.service.js';
import { describeGap, gapBrokenOn } from '../executions/cadence.js';
import { lockExecutionsOf } from '../executions/executions.queries.js';
import { every, withSessionLock } from '../database/session-lock.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { activeProgrammeIds, closedProgrammeIdsWithAfterClose } from '../programmes/programmes.queries.js';
import type { Deviation } from '../deviations/deviation.entity.js';
import { DeviationDetector } from '../deviations/deviation-detector.js';
import type { CadenceMissed, OverdueCell } from '../deviations/deviation-detector.js';
import type { ScanResponse } from './deviation-scan.dto.js';
import { toScanResponse } from './deviation-scan.mapper.js';

export interface ScanResult {
  programmeId: string;
  today: string;
  overdueCells: number;
  /** Gaps longer than a cadence (and series short of sessions) found now, standing ones included. */
  cadenceGaps: number;
  opened: Deviation[];
}

const SCAN_LOCK_KEY = 726_354_122;

/**
 * Opens a deviation for every subject and procedure that became overdue. Run on request, and
 * periodically in the running service (DEVIATION_SCAN_INTERVAL_MINUTES; 0 = off).
 */
@Injectable()
export class DeviationScanService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeviationScan');
  private stop = (): void => undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccess,
    private readonly detector: DeviationDetector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    // scanAll() logs its own failures.
    this.stop = every(
      this.config.deviationScanIntervalMinutes,
      () => this.scanAll(),
      () => undefined,
    );
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /**
   * Judges overdue as of today (the configured clock), or as of a past `day` when a quality manager
   * asks for one (to catch up on a missed scan). Never a day to come: what a scan opens cannot be
   * removed, and a step is not overdue before its window has closed. `afterCloseOnly`: only the
   * procedures carried out after the programme closes (the periodic scan of a closed programme).
   */
  async scan(
    ctx: RequestContext,
    programmeId: string,
    asOf?: string | null,
    options: { afterCloseOnly?: boolean } = {},
  ): Promise<ScanResponse> {
    const result = await this.dataSource.transaction(async (m): Promise<ScanResult> => {
      const programme = await this.access.writable(m, ctx, programmeId);
      const day = this.scanDay(ctx, programme.timeZone, asOf);
      const matrix = buildMatrix(await loadMatrixData(m, programme), programme, day);
      const afterClose = new Set(matrix.procedures.filter((p) => p.afterClose).map((p) => p.procedureKey));
      const cells: OverdueCell[] = [];
      for (const row of matrix.rows) {
        for (const cell of row.cells) {
          if (cell.status !== 'overdue') continue;
          if (options.afterCloseOnly && !afterClose.has(cell.procedureKey)) continue;
          cells.push({
            programmeId,
            procedureKey: cell.procedureKey,
            versionNumber: cell.versionNumber,
            subjectId: row.subject.id,
            subjectCode: row.subject.code,
            participantId: row.subject.type === 'adept' || row.subject.type === 'mentor' ? row.subject.id : null,
            executionId: cell.executionId,
            window: cell.window,
            occurredAt: cell.window ? endOfDay(cell.window.to, programme.timeZone).toISOString() : null,
          });
        }
      }
      // An execution of an overdue cell may be being completed (or started) right now: wait for it,
      // leave a completed one to its completion (what it found is the same lateness), and key an
      // open one as its completion will.
      const now = await lockExecutionsOf(m, programmeId, cells);
      const still = cells.flatMap((c): OverdueCell[] => {
        const ofCell = now.filter((x) => x.procedureKey === c.procedureKey && x.subjectId === c.subjectId);
        if (ofCell.some((x) => x.state === 'completed')) return [];
        const open = ofCell.find((x) => x.state === 'open');
        return [{ ...c, executionId: open?.id ?? null }];
      });
      const opened = await this.detector.overdue(m, ctx, still);
      const overdueCells = cells.length;
      // Recurring activities: each gap longer than the cadence (a quiet pair with no meeting at all
      // too), and each series short of its sessions, opens one deviation; a rescan finds it standing.
      const gaps: CadenceMissed[] = [];
      for (const row of matrix.rows) {
        for (const cell of row.cells) {
          const r = cell.recurring;
          if (cell.status !== 'cadence_missed' || !r) continue;
          // A closed programme is watched only for the work carried out after it closes.
          if (options.afterCloseOnly && !afterClose.has(cell.procedureKey)) continue;
          const common = {
            programmeId,
            procedureKey: cell.procedureKey,
            versionNumber: cell.versionNumber,
            subjectId: row.subject.id,
            subjectCode: row.subject.code,
            participantId: row.subject.type === 'adept' || row.subject.type === 'mentor' ? row.subject.id : null,
          };
          for (const gap of r.gaps)
            gaps.push({
              ...common,
              gapFrom: gap.from,
              detail: describeGap(gap, r.cadenceDays, cell.procedureKey, row.subject.code),
              occurredAt: startOfDay(gapBrokenOn(gap, r.cadenceDays), programme.timeZone),
            });
          if (r.sessionsShort && cell.window)
            gaps.push({
              ...common,
              gapFrom: 'sessions',
              detail: `${r.sessionsShort.held} of ${r.sessionsShort.planned} planned sessions of ${cell.procedureKey} were held for ${row.subject.code} in the period ${cell.window.from} to ${cell.window.to}.`,
              occurredAt: endOfDay(r.judgedUntil ?? cell.window.to, programme.timeZone).toISOString(),
            });
        }
      }
      opened.push(...(await this.detector.cadenceMissed(m, ctx, gaps)));
      return { programmeId, today: day, overdueCells, cadenceGaps: gaps.length, opened };
    });
    return toScanResponse(result, ctx.actor);
  }

  private scanDay(ctx: RequestContext, timeZone: string, asOf: string | null | undefined): string {
    const today = this.clock.today(timeZone);
    // An explicit null passes the optional field's validation: it means the default, today.
    if (asOf === undefined || asOf === null || asOf === today) return today;
    if (asOf > today) throw dayInFuture('today', asOf, today);
    if (!hasAnyRole(ctx.actor.roles, ['quality_manager']))
      throw forbidden('past_scan_not_allowed', 'Only a quality manager may scan as of a past day; a scan runs for today');
    return asOf;
  }

  /**
   * The periodic scan: every active programme, and in closed programmes the procedures carried out
   * after the close (an outcome follow-up left undone), as the system; one process at a time.
   */
  async scanAll(): Promise<void> {
    try {
      await withSessionLock(this.dataSource, SCAN_LOCK_KEY, async () => {
        const programmes = await activeProgrammeIds(this.dataSource.manager);
        const ctx = { ...systemContext(), actor: { ...systemContext().actor, roles: ['quality_manager' as const] } };
        let opened = 0;
        for (const id of programmes) opened += (await this.scan(ctx, id)).opened.length;
        for (const id of await closedProgrammeIdsWithAfterClose(this.dataSource.manager)) {
          opened += (await this.scan(ctx, id, undefined, { afterCloseOnly: true })).opened.length;
        }
        if (opened) this.logger.log(`periodic scan opened ${opened} deviation(s) for overdue procedures`);
      });
    } catch (e) {
      this.logger.error(`periodic overdue scan failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** The first moment of `day` in the time zone (the end of the day before). */
function startOfDay(day: string, timeZone: string): string {
  return new Date(endOfDay(addDays(day, -1), timeZone).getTime() + 1).toISOString();
}
