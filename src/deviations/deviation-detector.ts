import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { RequestContext } from '../common/request-context.js';
import type { Deviation } from './deviation.entity.js';
import type { Severity } from './deviation-states.js';
import { DeviationsService } from './deviations.service.js';
import type { NewDeviation } from './deviations.service.js';

/** Findings that mean the procedure was not really carried out weigh more than slips in form. */
const SEVERITY_BY_RULE: Record<string, Severity> = {
  missing_step: 'major',
  performer_competence: 'major',
  performer_role: 'minor',
  missing_field: 'minor',
  outside_window: 'minor',
  order: 'minor',
  unknown_step: 'minor',
  overdue: 'major',
};

/**
 * What detection reads of a conformance finding. Executions' evaluation produces these (its
 * `Finding` has this shape); deviations declares what it needs so that it does not import
 * executions, which calls it.
 */
export interface DetectedFinding {
  rule: string;
  stepKey?: string;
  /** An English sentence for the auditor. */
  detail: string;
}

export interface NonconformingExecution {
  executionId: string;
  programmeId: string;
  procedureKey: string;
  versionNumber: number;
  participantId: string | null;
  subjectLabel: string;
}

/**
 * Automatic detection: opens deviations (source `system`) from nonconforming executions and
 * from overdue procedures. Idempotent: a detection key names the finding, and while a deviation
 * with that key stands (not cancelled) no second one opens.
 */
@Injectable()
export class DeviationDetector {
  constructor(
    private readonly deviations: DeviationsService,
    private readonly clock: Clock,
  ) {}

  /** One deviation per finding rule and step, citing execution, version, step and rule. */
  async fromExecution(
    m: EntityManager,
    ctx: RequestContext,
    e: NonconformingExecution,
    result: { findings: readonly DetectedFinding[] },
  ): Promise<Deviation[]> {
    const groups = new Map<string, DetectedFinding[]>();
    for (const f of result.findings) {
      const key = `${f.rule}:${f.stepKey ?? '-'}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const opened: Deviation[] = [];
    for (const [key, findings] of groups) {
      const { rule, stepKey } = findings[0];
      const d = await this.openOnce(m, ctx, `finding:${e.executionId}:${key}`, {
        programmeId: e.programmeId,
        title: `${e.procedureKey} v${e.versionNumber}: ${rule.replace(/_/g, ' ')}${stepKey ? ` in step ${stepKey}` : ''} (${e.subjectLabel})`,
        description: findings.map((f) => f.detail).join('\n'),
        severity: SEVERITY_BY_RULE[rule] ?? 'minor',
        detectedAt: this.clock.now().toISOString(),
        executionId: e.executionId,
        stepKey,
        participantId: e.participantId ?? undefined,
        rule,
      });
      if (d) opened.push(d);
    }
    return opened;
  }

  async overdue(
    m: EntityManager,
    ctx: RequestContext,
    o: {
      programmeId: string;
      procedureKey: string;
      versionNumber: number;
      subjectId: string;
      subjectCode: string;
      participantId: string | null;
      window: { from: string; to: string } | null;
    },
  ): Promise<Deviation | null> {
    return this.openOnce(m, ctx, `overdue:${o.programmeId}:${o.procedureKey}:${o.subjectId}`, {
      programmeId: o.programmeId,
      title: `Overdue: ${o.procedureKey} for ${o.subjectCode}`,
      description: `No completed ${o.procedureKey} (version ${o.versionNumber}) for ${o.subjectCode}${o.window ? `; its window was ${o.window.from} to ${o.window.to}` : ''}.`,
      severity: SEVERITY_BY_RULE.overdue,
      detectedAt: this.clock.now().toISOString(),
      participantId: o.participantId ?? undefined,
      procedureKey: o.procedureKey,
      versionNumber: o.versionNumber,
      rule: 'overdue',
    });
  }

  private async openOnce(
    m: EntityManager,
    ctx: RequestContext,
    detectionKey: string,
    input: Omit<NewDeviation, 'source' | 'detectionKey'>,
  ): Promise<Deviation | null> {
    // Serialise detections of the same finding (a scan and a completion at once, two processes).
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [detectionKey]);
    const standing = await m.query<unknown[]>(`SELECT 1 FROM deviation WHERE detection_key = $1 AND state <> 'cancelled'`, [detectionKey]);
    if (standing.length) return null;
    return this.deviations.insert(m, ctx, { ...input, source: 'system', detectionKey });
  }
}
