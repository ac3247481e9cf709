import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module.js';
import { AccessGuard } from './auth/access.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { Clock } from './common/clock.js';
import { IdempotencyInterceptor } from './database/idempotency.interceptor.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { createValidationPipe } from './common/validation.js';
import { APP_CONFIG } from './config/config.js';
import type { AppConfig } from './config/config.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { DATA_SOURCE_OPTIONS, DatabaseModule, EMBEDDED_IN_MEMORY } from './database/database.module.js';
import { ActionLinksModule } from './corrective-actions/action-links.module.js';
import { CorrectiveActionsModule } from './corrective-actions/corrective-actions.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RisksModule } from './risks/risks.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { InternalAuditsModule } from './internal-audits/internal-audits.module.js';
import { ImprovementsModule } from './improvements/improvements.module.js';
import { InternshipsModule } from './internships/internships.module.js';
import { MailModule } from './mail/mail.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { SurveysModule } from './surveys/surveys.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { IndicatorsModule } from './indicators/indicators.module.js';
import { ManagementReviewsModule } from './management-reviews/management-reviews.module.js';
import { DeviationScanModule } from './deviation-scan/deviation-scan.module.js';
import { DeviationsModule } from './deviations/deviations.module.js';
import { ExecutionFactsModule } from './executions/execution-facts.module.js';
import { ExecutionsModule } from './executions/executions.module.js';
import { HealthController } from './health/health.controller.js';
import { ProceduresModule } from './procedures/procedures.module.js';
import { PlanMigrationModule } from './plan-migration/plan-migration.module.js';
import { ProgrammesModule } from './programmes/programmes.module.js';
import { SignaturesModule } from './signatures/signatures.module.js';
import { TrainingModule } from './training/training.module.js';
import { UsersModule } from './users/users.module.js';

export interface AppModuleOptions {
  /** Keep the embedded database in memory (tests). */
  embeddedInMemory?: boolean;
}

@Module({})
export class AppModule {
  static register(config: AppConfig, opts: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule,
        AuditModule,
        AuthModule,
        UsersModule,
        SignaturesModule,
        ProceduresModule,
        ProgrammesModule,
        TrainingModule,
        ExecutionsModule,
        ExecutionFactsModule,
        PlanMigrationModule,
        DeviationsModule,
        DeviationScanModule,
        CorrectiveActionsModule,
        ActionLinksModule,
        ManagementReviewsModule,
        IndicatorsModule,
        ReportsModule,
        RisksModule,
        DocumentsModule,
        InternalAuditsModule,
        ImprovementsModule,
        OrganisationsModule,
        InternshipsModule,
        MailModule,
        RemindersModule,
        SurveysModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new Clock(config) },
        { provide: EMBEDDED_IN_MEMORY, useValue: opts.embeddedInMemory === true },
        { provide: DATA_SOURCE_OPTIONS, useValue: buildDataSourceOptions },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [APP_CONFIG, EMBEDDED_IN_MEMORY, DATA_SOURCE_OPTIONS, Clock],
    };
  }
}
