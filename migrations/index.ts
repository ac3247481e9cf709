/** Every migration, in order. Listed explicitly so the app, the CLI and the tests load the same set. */
import { Spine1795957959384 } from './1795957959384-Spine.js';
import { ProcedureLibrary1795960000000 } from './1795960000000-ProcedureLibrary.js';
import { ProgrammesAndExecutions1795970000000 } from './1795970000000-ProgrammesAndExecutions.js';
import { DeviationsAndCorrectiveActions1795980000000 } from './1795980000000-DeviationsAndCorrectiveActions.js';
import { QualityObjectives1795990000000 } from './1795990000000-QualityObjectives.js';
import { AuditEntityIndex1796000000000 } from './1796000000000-AuditEntityIndex.js';
import { ReviewAndLinkGuards1796010000000 } from './1796010000000-ReviewAndLinkGuards.js';
import { BoardReviewPerReviewer1796100000000 } from './1796100000000-BoardReviewPerReviewer.js';
import { ProcedureVersionContributors1796101000000 } from './1796101000000-ProcedureVersionContributors.js';
import { TruncateGuards1796110000000 } from './1796110000000-TruncateGuards.js';
import { AuditCheckpoint1796110000100 } from './1796110000100-AuditCheckpoint.js';
import { AccountSecurity1796120000000 } from './1796120000000-AccountSecurity.js';
import { TruncateGuardsForLaterTables1796130000000 } from './1796130000000-TruncateGuardsForLaterTables.js';
import { EffectivenessCheckInterval1796150500000 } from './1796150500000-EffectivenessCheckInterval.js';
import { BoardChangesRequested1796150600000 } from './1796150600000-BoardChangesRequested.js';
import { UserLanguage1796160000000 } from './1796160000000-UserLanguage.js';
import { DeviationSteps1796170000000 } from './1796170000000-DeviationSteps.js';
import { DeviationOccurred1796170100000 } from './1796170100000-DeviationOccurred.js';
import { DeviationExecutionIndex1796170200000 } from './1796170200000-DeviationExecutionIndex.js';
import { SignedContent1796180000000 } from './1796180000000-SignedContent.js';
import { ProcedureBaselineAdoption1796190000000 } from './1796190000000-ProcedureBaselineAdoption.js';
import { RiskRegister1796200000000 } from './1796200000000-RiskRegister.js';
import { CorrectionApproval1796205000000 } from './1796205000000-CorrectionApproval.js';
import { InternalAudits1796210000000 } from './1796210000000-InternalAudits.js';
import { ControlledDocuments1796220000000 } from './1796220000000-ControlledDocuments.js';
import { ObjectivesReviewsImprovements1796230000000 } from './1796230000000-ObjectivesReviewsImprovements.js';
import { ProcedureAcknowledgements1796240000000 } from './1796240000000-ProcedureAcknowledgements.js';
import { OrganisationsAndInternships1796270000000 } from './1796270000000-OrganisationsAndInternships.js';
import { ExecutionAttendance1796280000000 } from './1796280000000-ExecutionAttendance.js';
import { MailOutbox1796300000000 } from './1796300000000-MailOutbox.js';
import { Applicants1796290000000 } from './1796290000000-Applicants.js';
import { MailOutboxNoDelete1796340000000 } from './1796340000000-MailOutboxNoDelete.js';
import { Surveys1796310000000 } from './1796310000000-Surveys.js';
import { ParticipantLanguage1796330000000 } from './1796330000000-ParticipantLanguage.js';

export const MIGRATIONS = [
  Spine1795957959384,
  ProcedureLibrary1795960000000,
  ProgrammesAndExecutions1795970000000,
  DeviationsAndCorrectiveActions1795980000000,
  QualityObjectives1795990000000,
  AuditEntityIndex1796000000000,
  ReviewAndLinkGuards1796010000000,
  BoardReviewPerReviewer1796100000000,
  ProcedureVersionContributors1796101000000,
  TruncateGuards1796110000000,
  AuditCheckpoint1796110000100,
  AccountSecurity1796120000000,
  TruncateGuardsForLaterTables1796130000000,
  EffectivenessCheckInterval1796150500000,
  BoardChangesRequested1796150600000,
  UserLanguage1796160000000,
  DeviationSteps1796170000000,
  DeviationOccurred1796170100000,
  DeviationExecutionIndex1796170200000,
  SignedContent1796180000000,
  ProcedureBaselineAdoption1796190000000,
  RiskRegister1796200000000,
  CorrectionApproval1796205000000,
  InternalAudits1796210000000,
  ControlledDocuments1796220000000,
  ObjectivesReviewsImprovements1796230000000,
  ProcedureAcknowledgements1796240000000,
  OrganisationsAndInternships1796270000000,
  ExecutionAttendance1796280000000,
  Applicants1796290000000,
  MailOutbox1796300000000,
  Surveys1796310000000,
  ParticipantLanguage1796330000000,
  MailOutboxNoDelete1796340000000,
];
