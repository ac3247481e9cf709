import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../migrations/index.js';
import { AuditEvent } from './audit/audit-event.entity.js';
import { IdempotencyRecord } from './database/idempotency-record.entity.js';
import {
  ActionTransition,
  BoardReview,
  CorrectiveAction,
  CorrectiveActionDeviation,
} from './corrective-actions/corrective-action.entity.js';
import { Deviation, DeviationTransition } from './deviations/deviation.entity.js';
import { ManagementReview, ManagementReviewAttendee, ManagementReviewDecision } from './management-reviews/management-review.entity.js';
import { Execution, Judgement, StepRecord } from './executions/execution.entity.js';
import { Participant, Pair } from './programmes/participant.entity.js';
import { PlanEntry, Programme, ProgrammeLeader } from './programmes/programme.entity.js';
import { TrainingRecord } from './training/training-record.entity.js';
import { ProcedureVersion } from './procedures/procedure-version.entity.js';
import { Procedure } from './procedures/procedure.entity.js';
import { Signature } from './signatures/signature.entity.js';
import { User } from './users/user.entity.js';

/**
 * Every entity the data source knows. Add new ones here. The list lives in the composition root,
 * beside app.module.ts, because it names every module's entities: database/ only connects and
 * migrates, and imports no feature (test/import-cycles).
 */
const ENTITIES = [
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

// Calendar dates stay `YYYY-MM-DD` strings: a JavaScript Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

/**
 * The one place that says how to reach the database; used by the service (AppModule hands it to
 * DatabaseModule), the CLI and the tests.
 */
export function buildDataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  };
}
