import { Module } from '@nestjs/common';
import { CorrectiveActionsModule } from '../corrective-actions/corrective-actions.module.js';
import { DeviationsModule } from '../deviations/deviations.module.js';
import { SignaturesModule } from '../signatures/signatures.module.js';
import { InternalAuditsController } from './internal-audits.controller.js';
import { AuditFindingsService } from './audit-findings.service.js';
import { AuditReportService } from './audit-report.service.js';
import { AuditViews } from './audit-views.service.js';
import { InternalAuditsService } from './internal-audits.service.js';

/**
 * Internal audits (ISO 9001 9.2). Owns the tables `internal_audit`, `internal_audit_item`,
 * `internal_audit_answer` and `internal_audit_finding`.
 */
@Module({
  imports: [SignaturesModule, DeviationsModule, CorrectiveActionsModule],
  controllers: [InternalAuditsController],
  providers: [InternalAuditsService, AuditFindingsService, AuditReportService, AuditViews],
  exports: [InternalAuditsService, AuditFindingsService, AuditReportService],
})
export class InternalAuditsModule {}
