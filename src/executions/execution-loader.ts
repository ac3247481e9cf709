import type { EntityManager } from 'typeorm';
import { notFound } from '../common/problem.js';
import type { ProcedureDefinition } from '../procedures/procedure-definition.js';
import { versionsById } from '../procedures/procedures.queries.js';
import type { Pair, Participant } from '../programmes/participant.entity.js';
import type { Programme } from '../programmes/programme.entity.js';
import { pairById, participantById, participantCodes, programmeById } from '../programmes/programmes.queries.js';
import { trainingOf } from '../training/training.queries.js';
import { rolesOfUsers } from '../users/users.queries.js';
import { anchorDate, completionKey, windowEnd } from './anchors.js';
import type { AnchorSubject, CompletionIndex } from './anchors.js';
import { localDate } from '../common/calendar.js';
import { Execution, StepRecord } from './execution.entity.js';
import { evaluateConformance } from './conformance.js';
import type { ConformanceResult, StepRecordInput } from './conformance.js';

export interface ExecutionContext {
  execution: Execution;
  programme: Programme;
  definition: ProcedureDefinition;
  participant: Participant | null;
  pair: Pair | null;
  records: StepRecord[];
  anchor: string | null;
  /** When the pinned version became effective; null if it never did (a version still in review). */
  effectiveFrom: Date | null;
}

/**
 * Everything needed to judge or show one execution, read in a handful of queries. `lock` takes
 * the execution's row lock (for a write); a caller that has already read the execution (locked)
 * or its programme passes them in.
 */
export async function loadExecution(
  m: EntityManager,
  executionId: string,
  opts: { lock?: boolean; execution?: Execution; programme?: Programme } = {},
): Promise<ExecutionContext> {
  const execution = opts.execution ?? (await findExecution(m, executionId, opts.lock));
  if (!execution) throw notFound('Execution');
  const programme = opts.programme ?? present(await programmeById(m, execution.programmeId), 'programme', execution.programmeId);
  const { definition, effectiveFrom } = await pinnedVersion(m, execution.versionId);
  const participant = execution.participantId
    ? present(await participantById(m, execution.participantId), 'participant', execution.participantId)
    : null;
  const pair = execution.pairId ? present(await pairById(m, execution.pairId), 'pair', execution.pairId) : null;
  const records = await m.getRepository(StepRecord).find({ where: { executionId }, order: { recordedAt: 'ASC', id: 'ASC' } });
  const subject = await anchorSubject(m, execution, participant, pair);
  const completions = await completionIndex(m, programme, definition, subject.relatedKeys);
  const anchor = anchorDate(definition, programme, subject, completions);
  return { execution, programme, definition, participant, pair, records, anchor, effectiveFrom };
}

/**
 * The same context from parts a caller read itself (the write path reads them in one statement):
 * adds the pinned definition and the anchor. `adeptEnrolledAt`: for a pair, its adept's enrolment day.
 */
export async function completeExecutionContext(
  m: EntityManager,
  parts: Omit<ExecutionContext, 'definition' | 'anchor' | 'effectiveFrom'> & { adeptEnrolledAt: string | null },
): Promise<ExecutionContext> {
  const { execution, programme, participant, pair, records } = parts;
  const { definition, effectiveFrom } = await pinnedVersion(m, execution.versionId);
  const subject: AnchorSubject = participant
    ? { type: execution.subjectType, enrolledAt: participant.enrolledAt, relatedKeys: [participant.id] }
    : pair
      ? { type: 'pair', enrolledAt: parts.adeptEnrolledAt, relatedKeys: [pair.id, pair.adeptId, pair.mentorId] }
      : { type: 'cohort', enrolledAt: null, relatedKeys: [execution.programmeId] };
  const completions = await completionIndex(m, programme, definition, subject.relatedKeys);
  const anchor = anchorDate(definition, programme, subject, completions);
  return { execution, programme, definition, participant, pair, records, anchor, effectiveFrom };
}

/** A row an execution points at (a foreign key): its absence is a broken database, not a bad request. */
function present<T>(row: T | null, what: string, id: string): T {
  if (row === null) throw new Error(`The ${what} ${id} of an execution does not exist`);
  return row;
}

/** The execution, with its row lock when `lock` (a write holds it until commit). */
export function findExecution(m: EntityManager, executionId: string, lock = false): Promise<Execution | null> {
  const query = m.getRepository(Execution).createQueryBuilder('e').where('e.id = :executionId', { executionId });
  if (lock) query.setLock('pessimistic_write');
  return query.getOne();
}

/**
 * Definitions of versions that have left draft never change (a trigger refuses it), and every
 * execution is pinned to one: they are read and parsed once per process, not on every request.
 * Frozen, so that no caller can change what the next one reads. Kept once effective: the day a
 * version became effective never changes either.
 */
interface PinnedVersion {
  definition: ProcedureDefinition;
  effectiveFrom: Date | null;
}
const versions = new Map<string, PinnedVersion>();
const DEFINITIONS_KEPT = 500;

async function pinnedVersion(m: EntityManager, versionId: string): Promise<PinnedVersion> {
  const kept = versions.get(versionId);
  if (kept) return kept;
  const version = present((await versionsById(m, [versionId])).get(versionId) ?? null, 'procedure version', versionId);
  if (version.effectiveFrom === null) return { definition: version.definition, effectiveFrom: null };
  if (versions.size >= DEFINITIONS_KEPT) versions.delete(versions.keys().next().value!);
  const pinned = Object.freeze({ definition: deepFreeze(version.definition), effectiveFrom: version.effectiveFrom });
  versions.set(versionId, pinned);
  return pinned;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

async function anchorSubject(m: EntityManager, e: Execution, participant: Participant | null, pair: Pair | null): Promise<AnchorSubject> {
  if (participant) return { type: e.subjectType, enrolledAt: participant.enrolledAt, relatedKeys: [participant.id] };
  if (pair) {
    const adept = present(await participantById(m, pair.adeptId), 'participant', pair.adeptId);
    return { type: 'pair', enrolledAt: adept.enrolledAt, relatedKeys: [pair.id, pair.adeptId, pair.mentorId] };
  }
  return { type: 'cohort', enrolledAt: null, relatedKeys: [e.programmeId] };
}

/**
 * When a completed execution's procedure was done, for `procedure_completed` anchors: the instant
 * its last current step was performed (`done.at`). Records are often entered days after the work
 * (performedAt may lie in the past), and the next procedure's window runs from the work, not
 * from the data entry; an execution with no step record falls back to when it was completed.
 * Joined to `execution e`.
 */
export const DONE_AT_JOIN = `LEFT JOIN LATERAL (
  SELECT coalesce(max(r.performed_at), e.completed_at) AS at FROM execution_step_record r
  WHERE r.execution_id = e.id AND NOT EXISTS (SELECT 1 FROM execution_step_record c WHERE c.supersedes_id = r.id)) done ON true`;

async function completionIndex(
  m: EntityManager,
  programme: Programme,
  definition: ProcedureDefinition,
  subjectKeys: string[],
): Promise<CompletionIndex> {
  const index: CompletionIndex = new Map();
  if (definition.window.anchor !== 'procedure_completed' || !definition.window.procedure) return index;
  const rows = await m.query<{ subject: string; completed_at: Date }[]>(
    `SELECT coalesce(e.participant_id, e.pair_id, e.programme_id) AS subject, min(done.at) AS completed_at
     FROM execution e ${DONE_AT_JOIN}
     WHERE e.programme_id = $1 AND e.procedure_key = $2 AND e.state = 'completed'
       AND coalesce(e.participant_id, e.pair_id, e.programme_id) = ANY($3)
     GROUP BY 1`,
    [programme.id, definition.window.procedure, subjectKeys],
  );
  for (const r of rows) index.set(completionKey(definition.window.procedure, r.subject), localDate(r.completed_at, programme.timeZone));
  return index;
}

/** Judges an execution's current records against its pinned version. */
export async function judge(m: EntityManager, ctx: ExecutionContext): Promise<ConformanceResult> {
  const performerIds = [...new Set(ctx.records.map((r) => r.performedBy).filter((id): id is string => id !== null))];
  const users = await rolesOfUsers(m, performerIds);
  const training = await trainingOf(m, performerIds);
  const supersededBy = new Map(ctx.records.filter((r) => r.supersedesId).map((r) => [r.supersedesId!, r.id]));
  const records: StepRecordInput[] = ctx.records.map((r) => {
    const user = users.find((u) => u.id === r.performedBy);
    return {
      id: r.id,
      stepKey: r.stepKey,
      values: r.values,
      performedAt: r.performedAt.toISOString(),
      performedBy: user ? { id: user.id, roles: user.roles } : null,
      performerTraining: training
        .filter((t) => t.userId === r.performedBy)
        .map((t) => ({ module: t.module, completedAt: t.completedAt, validUntil: t.validUntil })),
      supersededById: supersededBy.get(r.id) ?? null,
    };
  });
  return evaluateConformance({
    definition: ctx.definition,
    effectiveFrom: ctx.effectiveFrom ? ctx.effectiveFrom.toISOString() : null,
    anchorDate: ctx.anchor,
    windowEnd: windowEnd(ctx.definition, ctx.programme),
    timeZone: ctx.programme.timeZone,
    records,
  });
}

/** How the subject is shown: a participant's pseudonymous code, `mentor/adept` codes for a pair, or `cohort`. */
export async function subjectLabel(m: EntityManager, ctx: ExecutionContext): Promise<string> {
  if (ctx.participant) return ctx.participant.code;
  if (!ctx.pair) return 'cohort';
  const codes = await participantCodes(m, [ctx.pair.mentorId, ctx.pair.adeptId]);
  const code = (id: string) => codes.get(id) ?? '?';
  return `${code(ctx.pair.mentorId)}/${code(ctx.pair.adeptId)}`;
}
