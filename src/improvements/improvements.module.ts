import { Module } from '@nestjs/common';
import { CorrectiveActionsModule } from '../corrective-actions/corrective-actions.module.js';
import { ImprovementActionsController } from './improvement-actions.controller.js';
import { ImprovementActionsService } from './improvement-actions.service.js';

/** Actions without a deviation: checks the source each names against the module that keeps it. */
@Module({
  imports: [CorrectiveActionsModule],
  controllers: [ImprovementActionsController],
  providers: [ImprovementActionsService],
})
export class ImprovementsModule {}
