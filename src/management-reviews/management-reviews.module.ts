import { Module } from '@nestjs/common';
import { CorrectiveActionsModule } from '../corrective-actions/corrective-actions.module.js';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { ManagementReviewsController } from './management-reviews.controller.js';
import { ManagementReviewsService } from './management-reviews.service.js';
import { ReviewInputsService } from './review-inputs.service.js';

@Module({
  imports: [CorrectiveActionsModule, IndicatorsModule],
  controllers: [ManagementReviewsController],
  providers: [ManagementReviewsService, ReviewInputsService],
  exports: [ManagementReviewsService, ReviewInputsService],
})
export class ManagementReviewsModule {}
