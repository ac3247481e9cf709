import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { RequestContext } from '../common/request-context.js';
import type { Deviation } from './deviation.entity.js';
import type { Severity } from './deviation-states.js';
import { DeviationsService } from './deviations.service.js';
import type { NewDeviationStep } from './deviation-steps.js';
import type { NewDeviation } from './deviations.service.js';

/** Findings that mean the procedure was not really carried out weigh more than slips in form. */
const SEVERITY_BY_RULE: Record<string, Severity> = {
  missing_step: 'major',
  performer_competence: 'major',
  performer_role: 'minor',
  missing_field: 'minor',
  unexpected_value: 'minor',
  outside_window: 'minor',
  before_effective: 'minor',
  order: 'minor',
  unknown_step: 'minor',
  overdue: 'major',
  // A recurring activity left undone longer than its cadence: the method was not carried out then.
  cadence_missed: 'major',
};

/**
 * What detection reads of a conformance finding. Executions' evaluation produces these (its
 * `Finding` has this shape); deviations declares what it needs so that it does not import
 * executions, which calls it.
 */
export interface DetectedFinding {
  rule: string;
  stepKey?: string;
  /** The field concerned (`unexpected_value`: one deviation per field). */
  fieldKey?: string;
  recordId?: string;
  /** An English sentence for the auditor. */
  detail: string;
  /** When it occurred (RFC 3339): the step's performedAt, or the end of the window; unknown: its detection. */
  occurredAt?: string;
}

export interface NonconformingExecution {
  executionId: string;
  programmeId: string;
  procedureKey: string;
  versionNumber: number;
  participantId: string | null;
  /** The participant, pair or programme the execution is for (what the overdue scan keys on). */
  subjectId: string;
  subjectLabel: string;
}

/**
 * The key of a finding of an execution: one deviation per execution and rule; for a value other
 * than expected, one per execution, rule and field (each is its own nonconformity: a consent not
 * given is not the same matter as a low score).
 */
export function executionFindingKey(executionId: string, rule: string, field?: { stepKey: string; fieldKey: string }): string {
  return field ? `finding:${executionId}:${rule}:${field.stepKey}.${field.fieldKey}` : `finding:${executionId}:${rule}`;
}

/** Findings that open one deviation per field rather than per rule. */
const PER_FIELD_RULES = new Set(['unexpected_value']);

/** The key of an overdue procedure for a subject that has no execution of it. */
export function overdueKey(programmeId: string, procedureKey: string, subjectId: string): string {
  return `overdue:${programmeId}:${procedureKey}:${subjectId}`;
}

/**
 * The key of a gap in a recurring activity: one deviation per subject, procedure and gap, the gap
 * named by the day it began (a gap still growing keeps that day, so a rescan finds it standing);
 * a series short of its sessions is keyed `sessions`.
 */
export function cadenceKey(programmeId: string, procedureKey: string, subjectId: string, gapFrom: string): string {
  return `cadence:${programmeId}:${procedureKey}:${subjectId}:${gapFrom}`;
}

/** A gap longer than the cadence, or a series short of its sessions, found by the scan over subjects. */
export interface CadenceMissed {
  programmeId: string;
  procedureKey: string;
  versionNumber: number;
  subjectId: string;
  subjectCode: string;
  participantId: string | null;
  /** The day the gap began, or `sessions`. */
  gapFrom: string;
  /** An English sentence naming the gap. */
  detail: string;
  /** When the cadence was first broken (RFC 3339). */
  occurredAt: string;
}

/**
 * Automatic detection: opens deviations (source `system`) from nonconforming executions and
 * from overdue procedures. One deviation per execution and rule, listing the steps concerned;
 * idempotent: a detection key names the finding, and while a deviation with that key stands
 * (not cancelled) no second one opens (the database's unique index refuses it too), the steps
 * found again are added to the one that stands.
 *
 * Lateness is one nonconformity however it is found: by the scan (the window closed with the
 * procedure not done) or at completion (steps performed after the window). A scan that finds an
 * open execution overdue uses the key its completion will use (`outside_window` of that
 * execution); one that finds no execution keys on the subject and procedure, and the execution
 * completed late afterwards is recorded on that deviation (its steps listed) instead of a second.
 */
@Injectable()
export class DeviationDetector {
  constructor(
    private readonly deviations: DeviationsService,
    private readonly clock: Clock,
  ) {}

  /** One deviation per finding rule, citing execution, version, rule and the steps concerned. */
  async fromExecution(
    m: EntityManager,
    ctx: RequestContext,
    e: NonconformingExecution,
    result: { findings: readonly DetectedFinding[] },
  ): Promise<Deviation[]> {
    const byKey = new Map<string, { rule: string; field?: { stepKey: string; fieldKey: string }; findings: DetectedFinding[] }>();
    for (const f of result.findings) {
      const field = PER_FIELD_RULES.has(f.rule) && f.stepKey && f.fieldKey ? { stepKey: f.stepKey, fieldKey: f.fieldKey } : undefined;
      const key = executionFindingKey(e.executionId, f.rule, field);
      const group = byKey.get(key);
      if (group) group.findings.push(f);
      else byKey.set(key, { rule: f.rule, field, findings: [f] });
    }
    const detectedAt = this.clock.now();
    const plans: Detection[] = [...byKey].map(([key, { rule, field, findings }]) => {
      const steps = stepsOf(e.executionId, findings);
      const stepKeys = steps.map((s) => s.stepKey);
      const stepWords = field
        ? ` in field ${field.fieldKey} of step ${field.stepKey}`
        : stepKeys.length === 0
          ? ''
          : stepKeys.length === 1
            ? ` in step ${stepKeys[0]}`
            : ` in steps ${stepKeys.join(', ')}`;
      return {
        where: {
          keys: rule === 'outside_window' ? [overdueKey(e.programmeId, e.procedureKey, e.subjectId)] : [],
          key,
          executionId: e.executionId,
        },
        input: {
          programmeId: e.programmeId,
          title: `${e.procedureKey} v${e.versionNumber}: ${rule.replace(/_/g, ' ')}${stepWords} (${e.subjectLabel})`,
          description: findings.map((f) => f.detail).join('\n'),
          severity: SEVERITY_BY_RULE[rule] ?? 'minor',
          detectedAt: detectedAt.toISOString(),
          occurredAt: occurredBy(
            findings.map((f) => f.occurredAt),
            detectedAt,
          ),
          executionId: e.executionId,
          stepKey: stepKeys.length === 1 ? stepKeys[0] : undefined,
          participantId: e.participantId ?? undefined,
          rule,
        },
        steps,
      };
    });
    return this.detect(m, ctx, plans);
  }

  /** One deviation per overdue subject and procedure (see the class comment for an open execution). */
  async overdue(m: EntityManager, ctx: RequestContext, cells: readonly OverdueCell[]): Promise<Deviation[]> {
    const detectedAt = this.clock.now();
    const plans: Detection[] = cells.map((o) => {
      const slot = overdueKey(o.programmeId, o.procedureKey, o.subjectId);
      return {
        where: o.executionId
          ? { keys: [slot], key: executionFindingKey(o.executionId, 'outside_window'), executionId: o.executionId }
          : { keys: [], key: slot, executionId: null },
        input: {
          programmeId: o.programmeId,
          title: `Overdue: ${o.procedureKey} for ${o.subjectCode}`,
          description: `No completed ${o.procedureKey} (version ${o.versionNumber}) for ${o.subjectCode}${o.window ? `; its window was ${o.window.from} to ${o.window.to}` : ''}${o.executionId ? '; an execution was started and is still open' : ''}.`,
          severity: SEVERITY_BY_RULE.overdue,
          detectedAt: detectedAt.toISOString(),
          occurredAt: occurredBy([o.occurredAt ?? undefined], detectedAt),
          participantId: o.participantId ?? undefined,
          ...(o.executionId ? { executionId: o.executionId } : { procedureKey: o.procedureKey, versionNumber: o.versionNumber }),
          rule: 'overdue',
        },
        steps: [],
      };
    });
    return this.detect(m, ctx, plans);
  }

  /** One deviation per subject, procedure and gap of a recurring activity (see cadenceKey). */
  async cadenceMissed(m: EntityManager, ctx: RequestContext, gaps: readonly CadenceMissed[]): Promise<Deviation[]> {
    const detectedAt = this.clock.now();
    const plans: Detection[] = gaps.map((g) => ({
      where: { keys: [], key: cadenceKey(g.programmeId, g.procedureKey, g.subjectId, g.gapFrom), executionId: null },
      input: {
        programmeId: g.programmeId,
        title:
          g.gapFrom === 'sessions'
            ? `Sessions missing: ${g.procedureKey} for ${g.subjectCode}`
            : `Cadence missed: ${g.procedureKey} for ${g.subjectCode} since ${g.gapFrom}`,
        description: g.detail,
        severity: SEVERITY_BY_RULE.cadence_missed,
        detectedAt: detectedAt.toISOString(),
        occurredAt: occurredBy([g.occurredAt], detectedAt),
        participantId: g.participantId ?? undefined,
        procedureKey: g.procedureKey,
        versionNumber: g.versionNumber,
        rule: 'cadence_missed',
      },
      steps: [],
    }));
    return this.detect(m, ctx, plans);
  }

  /**
   * Every detection lock first, in one order (sorted keys), then the deviations: a transaction
   * that has begun allocating references (the `DEV` counter) never waits for a detection lock
   * afterwards, so a scan and completions at once cannot deadlock (Lock order, 5 before 6).
   */
  private async detect(m: EntityManager, ctx: RequestContext, plans: Detection[]): Promise<Deviation[]> {
    const keys = [...new Set(plans.flatMap((p) => [...p.where.keys, p.where.key]))].sort();
    for (const key of keys) await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
    const opened: Deviation[] = [];
    for (const p of plans) {
      const d = await this.openOnce(m, ctx, p);
      if (d) opened.push(d);
    }
    return opened;
  }

  /**
   * Opens the deviation under `where.key` unless one stands under it or under one of `where.keys`
   * (an overdue deviation of the subject not yet tied to another execution); then the steps are
   * added to the one that stands and nothing opens. Under the detection locks; the unique index on
   * standing keys backs them up should anything bypass them.
   */
  private async openOnce(m: EntityManager, ctx: RequestContext, { where, input, steps }: Detection): Promise<Deviation | null> {
    const standing = await this.standing(m, where);
    if (standing) {
      await this.deviations.addSteps(m, ctx, standing, steps);
      return null;
    }
    const d = await this.deviations.insertDetected(m, ctx, { ...input, source: 'system', detectionKey: where.key }, steps);
    if (d) return d;
    // Refused by the unique index: another transaction opened it first.
    const winner = await this.standing(m, where);
    if (winner) await this.deviations.addSteps(m, ctx, winner, steps);
    return null;
  }

  private async standing(m: EntityManager, where: { key: string; keys: string[]; executionId: string | null }): Promise<string | null> {
    // Keys written before one deviation per execution and rule ended in `:<step>`: those stand too
    // (found among the execution's deviations, by index).
    const [own] = await m.query<{ id: string }[]>(
      `SELECT id FROM deviation
       WHERE (detection_key = $1 OR (execution_id = $2 AND starts_with(detection_key, $1 || ':'))) AND state <> 'cancelled'
       ORDER BY created_at, reference LIMIT 1`,
      [where.key, where.executionId],
    );
    if (own) return own.id;
    if (where.keys.length === 0) return null;
    // An overdue deviation of the subject found before any execution: this execution's lateness,
    // unless it already records another execution's.
    const [slot] = await m.query<{ id: string }[]>(
      `SELECT d.id FROM deviation d WHERE d.detection_key = ANY($1) AND d.state <> 'cancelled'
         AND NOT EXISTS (SELECT 1 FROM deviation_step s WHERE s.deviation_id = d.id AND s.execution_id <> $2)
       ORDER BY d.created_at, d.reference LIMIT 1`,
      [where.keys, where.executionId],
    );
    return slot?.id ?? null;
  }
}

interface Detection {
  where: { key: string; keys: string[]; executionId: string | null };
  input: Omit<NewDeviation, 'source' | 'detectionKey'>;
  steps: NewDeviationStep[];
}

export interface OverdueCell {
  programmeId: string;
  procedureKey: string;
  versionNumber: number;
  subjectId: string;
  subjectCode: string;
  participantId: string | null;
  /** The subject's open execution of the procedure, if one was started. */
  executionId: string | null;
  window: { from: string; to: string } | null;
  /** When the window closed (its last day's last moment in the programme's time zone). */
  occurredAt: string | null;
}

/**
 * The earliest of the findings' moments, and never after the detection (a step may be dated a few
 * minutes ahead of the service's clock, a window may close after an early completion left a step
 * missing: it occurred when it was found). None known: the detection.
 */
function occurredBy(moments: (string | undefined)[], detectedAt: Date): string {
  const known = moments.filter((x): x is string => x !== undefined).map((x) => Date.parse(x));
  const at = Math.min(detectedAt.getTime(), ...known);
  return new Date(at).toISOString();
}

function stepsOf(executionId: string, findings: readonly DetectedFinding[]): NewDeviationStep[] {
  const steps = new Map<string, NewDeviationStep>();
  for (const f of findings) {
    if (!f.stepKey) continue;
    const known = steps.get(f.stepKey);
    if (known) known.detail = `${known.detail}\n${f.detail}`;
    else steps.set(f.stepKey, { executionId, stepKey: f.stepKey, recordId: f.recordId ?? null, detail: f.detail });
  }
  return [...steps.values()];
}
