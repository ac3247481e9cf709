import { Module } from '@nestjs/common';
import { DeviationsModule } from '../deviations/deviations.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { ConformanceMatrixController } from './conformance-matrix.controller.js';
import { ConformanceMatrixService } from './conformance-matrix.service.js';
import { CorrectionsController } from './corrections.controller.js';
import { CorrectionsService } from './corrections.service.js';
import { ExecutionViewService } from './execution-view.service.js';
import { ExecutionsController } from './executions.controller.js';
import { ExecutionsService } from './executions.service.js';
import { RecurringActivitiesController } from './recurring.controller.js';
import { RecurringActivitiesService } from './recurring.service.js';

@Module({
  imports: [ProgrammesModule, DeviationsModule],
  controllers: [ExecutionsController, CorrectionsController, ConformanceMatrixController, RecurringActivitiesController],
  providers: [ExecutionsService, ExecutionViewService, ConformanceMatrixService, CorrectionsService, RecurringActivitiesService],
  exports: [ExecutionsService, ConformanceMatrixService],
})
export class ExecutionsModule {}
