import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { Pair, Participant } from './participant.entity.js';
import { allowedTargets, effectTransition } from './status-transitions.js';
import type { EffectSubject } from './status-transitions.js';

/** What caused a status change: a value recorded in an execution (the procedure language's effects). */
export interface EffectCause {
  executionId: string;
  procedureKey: string;
  stepKey: string;
  fieldKey: string;
  value: string | boolean;
  /** `completion` of the execution, or a `correction` of the value put in force. */
  via: 'completion' | 'correction';
}

/**
 * Changes a participant's or a pair's status as a procedure's effect, inside the caller's
 * transaction (the execution's completion or correction): along the allowed transitions only
 * (`status-transitions.ts`), each change its own audit event naming the execution, step, field
 * and value. Admission enrols: status active, enrolment and its consent on the day of the step.
 */
@Injectable()
export class StatusEffects {
  constructor(private readonly audit: AuditService) {}

  /**
   * Applies one effect; `changed` false when the subject already has the status. Refuses (409
   * effect_not_allowed, naming the field and value) a change the table does not allow; the caller's
   * transaction then rolls back and nothing changes.
   */
  async apply(
    m: EntityManager,
    ctx: RequestContext,
    subject: { participantId: string | null; pairId: string | null },
    to: string,
    day: string,
    cause: EffectCause,
  ): Promise<{ changed: boolean }> {
    // The execution's row is locked already (lock order: an execution before the participant or pair its effect changes).
    if (subject.participantId) {
      await m.query(`SELECT 1 FROM participant WHERE id = $1 FOR UPDATE`, [subject.participantId]);
      const p = await m.getRepository(Participant).findOneByOrFail({ id: subject.participantId });
      if (!this.check('participant', p.status, to, p.code, cause)) return { changed: false };
      const changes: Record<string, { old: unknown; new: unknown }> = { status: { old: p.status, new: to } };
      if (to === 'active') {
        await m.query(
          `UPDATE participant SET status = 'active', enrolled_at = $2, consent_recorded_at = $2, admission_decided_at = $2, version = version + 1 WHERE id = $1`,
          [p.id, day],
        );
        Object.assign(changes, {
          enrolledAt: { old: null, new: day },
          consentRecordedAt: { old: null, new: day },
          admissionDecidedAt: { old: p.admissionDecidedAt, new: day },
        });
      } else {
        await m.query(`UPDATE participant SET status = $2, admission_decided_at = $3, version = version + 1 WHERE id = $1`, [
          p.id,
          to,
          day,
        ]);
        changes.admissionDecidedAt = { old: p.admissionDecidedAt, new: day };
      }
      await this.audit.append(m, ctx, {
        action: 'participant.status_changed',
        entityType: 'participant',
        entityId: p.id,
        entityVersion: p.version + 1,
        changes: { ...changes, cause: { old: null, new: { kind: 'procedure_effect', ...cause } } },
      });
      return { changed: true };
    }
    if (subject.pairId) {
      await m.query(`SELECT 1 FROM pair WHERE id = $1 FOR UPDATE`, [subject.pairId]);
      const pair = await m.getRepository(Pair).findOneByOrFail({ id: subject.pairId });
      const from = pair.endedAt === null ? 'active' : 'ended';
      if (!this.check('pair', from, to, 'The pair', cause)) return { changed: false };
      const endedOn = day < pair.matchedAt ? pair.matchedAt : day;
      const reason = `Ended by ${cause.procedureKey}: ${cause.stepKey}.${cause.fieldKey} = ${String(cause.value)}`;
      await m.query(`UPDATE pair SET ended_at = $2, end_reason = $3 WHERE id = $1`, [pair.id, endedOn, reason]);
      await this.audit.append(m, ctx, {
        action: 'pair.status_changed',
        entityType: 'pair',
        entityId: pair.id,
        changes: {
          status: { old: 'active', new: 'ended' },
          endedAt: { old: null, new: endedOn },
          cause: { old: null, new: { kind: 'procedure_effect', ...cause } },
        },
      });
      return { changed: true };
    }
    return { changed: false };
  }

  private check(kind: EffectSubject, from: string, to: string, label: string, cause: EffectCause): boolean {
    const verdict = effectTransition(kind, from, to);
    if (verdict === 'same') return false;
    if (verdict === 'refused') {
      const allowed = allowedTargets(kind, from);
      throw conflict(
        'effect_not_allowed',
        `${cause.stepKey}.${cause.fieldKey} = ${String(cause.value)} would make ${kind === 'pair' ? 'the pair' : label} ${to}, but a ${kind} whose status is ${from} ` +
          (allowed.length ? `can only become ${allowed.join(' or ')}` : 'cannot change status through a procedure') +
          `; nothing was changed`,
        { stepKey: cause.stepKey, fieldKey: cause.fieldKey, value: cause.value, subjectStatus: from, targetStatus: to },
      );
    }
    return true;
  }
}
