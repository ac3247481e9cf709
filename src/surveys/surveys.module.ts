import { Module } from '@nestjs/common';
import { CorrectiveActionsModule } from '../corrective-actions/corrective-actions.module.js';
import { DeviationsModule } from '../deviations/deviations.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { SurveyAnswersService } from './survey-answers.service.js';
import { SurveyFindingsService } from './survey-findings.service.js';
import { SurveyInvitationsController } from './survey-invitations.controller.js';
import { SurveyLibraryService } from './survey-library.service.js';
import { SurveyResultsController } from './survey-results.controller.js';
import { SurveyResultsService } from './survey-results.service.js';
import { SurveyScanService } from './survey-scan.service.js';
import { SurveySendingController } from './survey-sending.controller.js';
import { SurveySendingService } from './survey-sending.service.js';
import { SurveysController } from './surveys.controller.js';

/**
 * Surveys answered by the people themselves (ISO 9001 9.1.2): surveys under document control, the
 * programmes' survey plans and sends, single-use invitations answered without an account, the
 * pseudonymous answers, the review of free text and the results with small-cell suppression. Owns
 * the tables `survey`, `survey_version`, `survey_plan_entry`, `survey_send`, `survey_invitation`,
 * `survey_handout`, `survey_response`, `survey_text_answer`, `survey_text_review` and `survey_finding`.
 */
@Module({
  imports: [ProgrammesModule, DeviationsModule, CorrectiveActionsModule],
  controllers: [SurveysController, SurveySendingController, SurveyResultsController, SurveyInvitationsController],
  providers: [
    SurveyLibraryService,
    SurveySendingService,
    SurveyScanService,
    SurveyAnswersService,
    SurveyResultsService,
    SurveyFindingsService,
  ],
  exports: [SurveyLibraryService, SurveyScanService],
})
export class SurveysModule {}
