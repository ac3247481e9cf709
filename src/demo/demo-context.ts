/**
 * What the demo scripts share: the application's services (the demo goes through the same use
 * cases as the API, one transaction and one audit event each), and who acts.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { JWT_SECRET } from '../config/secrets.js';
import { SurveyAnswersService } from '../surveys/survey-answers.service.js';
import { SurveyFindingsService } from '../surveys/survey-findings.service.js';
import { SurveyLibraryService } from '../surveys/survey-library.service.js';
import { SurveyScanService } from '../surveys/survey-scan.service.js';
import { SurveySendingService } from '../surveys/survey-sending.service.js';
import { CorrectiveActionsService } from '../corrective-actions/corrective-actions.service.js';
import { DeviationQueriesService } from '../deviations/deviation-queries.service.js';
import { DeviationScanService } from '../deviation-scan/deviation-scan.service.js';
import { DeviationsService } from '../deviations/deviations.service.js';
import { ConformanceMatrixService } from '../executions/conformance-matrix.service.js';
import { ExecutionsService } from '../executions/executions.service.js';
import { RecurringActivitiesService } from '../executions/recurring.service.js';
import type { SubjectInput } from '../executions/executions.service.js';
import { ManagementReviewsService } from '../management-reviews/management-reviews.service.js';
import { BaselineAdoptionService } from '../procedures/baseline-adoption.service.js';
import { ProcedureAcknowledgementsService } from '../procedures/procedure-acknowledgements.service.js';
import { ProcedureImportService } from '../procedures/procedure-import.service.js';
import { ProcedureLibraryService } from '../procedures/procedure-library.service.js';
import { ProceduresService } from '../procedures/procedures.service.js';
import { PairsService } from '../programmes/pairs.service.js';
import { ParticipantsService } from '../programmes/participants.service.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { RisksService } from '../risks/risks.service.js';
import { InternshipsService } from '../internships/internships.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { DocumentLibraryService } from '../documents/document-library.service.js';
import { DocumentFilesService } from '../documents/document-files.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { AuditFindingsService } from '../internal-audits/audit-findings.service.js';
import { AuditReportService } from '../internal-audits/audit-report.service.js';
import { InternalAuditsService } from '../internal-audits/internal-audits.service.js';
import { QualityObjectivesService } from '../indicators/quality-objectives.service.js';
import { ImprovementActionsService } from '../improvements/improvement-actions.service.js';
import { TrainingService } from '../training/training.service.js';
import { UsersService } from '../users/users.service.js';
import type { DemoCalendar } from './demo-calendar.js';
import type { DemoStaff, StaffKey } from './demo-people.js';

export function demoServices(app: INestApplicationContext) {
  return {
    config: app.get<AppConfig>(APP_CONFIG),
    audit: app.get(AuditService),
    users: app.get(UsersService),
    training: app.get(TrainingService),
    procedureImport: app.get(ProcedureImportService),
    baseline: app.get(BaselineAdoptionService),
    procedures: app.get(ProceduresService),
    library: app.get(ProcedureLibraryService),
    procedureAcknowledgements: app.get(ProcedureAcknowledgementsService),
    programmes: app.get(ProgrammesService),
    participants: app.get(ParticipantsService),
    pairs: app.get(PairsService),
    executions: app.get(ExecutionsService),
    recurring: app.get(RecurringActivitiesService),
    matrix: app.get(ConformanceMatrixService),
    deviations: app.get(DeviationsService),
    deviationQueries: app.get(DeviationQueriesService),
    scan: app.get(DeviationScanService),
    actions: app.get(CorrectiveActionsService),
    reviews: app.get(ManagementReviewsService),
    risks: app.get(RisksService),
    organisations: app.get(OrganisationsService),
    internships: app.get(InternshipsService),
    documents: app.get(DocumentsService),
    documentFiles: app.get(DocumentFilesService),
    documentLibrary: app.get(DocumentLibraryService),
    audits: app.get(InternalAuditsService),
    auditFindings: app.get(AuditFindingsService),
    auditReports: app.get(AuditReportService),
    objectives: app.get(QualityObjectivesService),
    improvements: app.get(ImprovementActionsService),
    dataSource: app.get(DataSource),
    jwtSecret: app.get<string>(JWT_SECRET),
    surveyLibrary: app.get(SurveyLibraryService),
    surveySending: app.get(SurveySendingService),
    surveyScan: app.get(SurveyScanService),
    surveyAnswers: app.get(SurveyAnswersService),
    surveyFindings: app.get(SurveyFindingsService),
  };
}

export type DemoServices = ReturnType<typeof demoServices>;

/** Marks every audit event the loader writes, so they can be told apart in the trail. */
export const DEMO_REQUEST_ID = 'demo-loader';

/** The loader itself, for what an administrator would do (creating accounts, importing procedures). */
export const LOADER: RequestContext = {
  actor: { ...SYSTEM_ACTOR, name: 'Mentoring QMS (demo loader)', roles: ['admin', 'quality_manager'] },
  requestId: DEMO_REQUEST_ID,
};

export interface StaffMember extends DemoStaff {
  id: string;
  /** The member acting, as if signed in. */
  ctx: RequestContext;
}

export type Team = Record<StaffKey, StaffMember>;

export interface Demo {
  s: DemoServices;
  cal: DemoCalendar;
  team: Team;
  password: string;
}

export function actingAs(user: { id: string; email: string; name: string; roles: StaffMember['roles'] }): RequestContext {
  return { actor: { id: user.id, email: user.email, name: user.name, roles: user.roles }, requestId: DEMO_REQUEST_ID };
}

export interface ScriptedStep {
  key: string;
  values: Record<string, unknown>;
  /** ISO instant. */
  at: string;
}

/** Records a procedure as a programme leader does: start, one record per step, complete (judged). */
export async function perform(
  d: Demo,
  by: StaffMember,
  programmeId: string,
  procedureKey: string,
  subject: SubjectInput,
  steps: ScriptedStep[],
): Promise<string> {
  const { id } = await d.s.executions.start(by.ctx, programmeId, { procedureKey, subject });
  for (const step of steps) await d.s.executions.recordStep(by.ctx, id, { stepKey: step.key, values: step.values, performedAt: step.at });
  await d.s.executions.complete(by.ctx, id);
  return id;
}

/** Refusals the user can act on (printed as they are, without a stack trace). */
export class DemoRefused extends Error {}
