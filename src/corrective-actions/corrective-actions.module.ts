import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { CorrectiveActionQueriesService } from './corrective-action-queries.service.js';
import { CorrectiveActionsController } from './corrective-actions.controller.js';
import { CorrectiveActionsService } from './corrective-actions.service.js';

@Module({
  imports: [ProgrammesModule],
  controllers: [CorrectiveActionsController],
  providers: [CorrectiveActionsService, CorrectiveActionQueriesService],
  exports: [CorrectiveActionsService, CorrectiveActionQueriesService],
})
export class CorrectiveActionsModule {}
