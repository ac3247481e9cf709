/** Every entity the data source knows. Add new ones here. */
import { AuditEvent } from '../audit/audit-event.entity.js';
import { IdempotencyRecord } from '../common/idempotency-record.entity.js';
import {
  ActionTransition,
  BoardReview,
  CorrectiveAction,
  CorrectiveActionDeviation,
} from '../corrective-actions/corrective-action.entity.js';
import { Deviation, DeviationTransition } from '../deviations/deviation.entity.js';
import { ManagementReview, ManagementReviewAttendee, ManagementReviewDecision } from '../management-reviews/management-review.entity.js';
import { Execution, Judgement, StepRecord } from '../executions/execution.entity.js';
import { Participant, Pair } from '../programmes/participant.entity.js';
import { PlanEntry, Programme, ProgrammeLeader } from '../programmes/programme.entity.js';
import { TrainingRecord } from '../training/training-record.entity.js';
import { ProcedureVersion } from '../procedures/procedure-version.entity.js';
import { Procedure } from '../procedures/procedure.entity.js';
import { Signature } from '../signatures/signature.entity.js';
import { User } from '../users/user.entity.js';

export const ENTITIES = [
  User,
  AuditEvent,
  IdempotencyRecord,
  Signature,
  Procedure,
  ProcedureVersion,
  Programme,
  ProgrammeLeader,
  PlanEntry,
  Participant,
  Pair,
  TrainingRecord,
  Execution,
  StepRecord,
  Judgement,
  Deviation,
  DeviationTransition,
  CorrectiveAction,
  CorrectiveActionDeviation,
  ActionTransition,
  BoardReview,
  ManagementReview,
  ManagementReviewAttendee,
  ManagementReviewDecision,
];
