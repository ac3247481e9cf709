import { Module } from '@nestjs/common';
import { CorrectiveActionsModule } from '../corrective-actions/corrective-actions.module.js';
import { InternalAuditsModule } from '../internal-audits/internal-audits.module.js';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { SurveysModule } from '../surveys/surveys.module.js';
import { ManagementReviewsModule } from '../management-reviews/management-reviews.module.js';
import { ProceduresModule } from '../procedures/procedures.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { EvidenceModelBuilder } from './builders/evidence-model.builder.js';
import { InternalAuditReportBuilder } from './builders/internal-audit-report.builder.js';
import { MinutesBuilder } from './builders/minutes.builder.js';
import { ProcedureDocumentBuilder } from './builders/procedure-document.builder.js';
import { RegisterBuilder } from './builders/register.builder.js';
import { RiskRegisterBuilder } from './builders/risk-register.builder.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [
    ProgrammesModule,
    ProceduresModule,
    CorrectiveActionsModule,
    ManagementReviewsModule,
    IndicatorsModule,
    InternalAuditsModule,
    SurveysModule,
  ],
  controllers: [ReportsController],
  providers: [
    ReportsService,
    EvidenceModelBuilder,
    ProcedureDocumentBuilder,
    RegisterBuilder,
    MinutesBuilder,
    RiskRegisterBuilder,
    InternalAuditReportBuilder,
  ],
  exports: [ReportsService],
})
export class ReportsModule {}
