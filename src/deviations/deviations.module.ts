import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { DeviationDetector } from './deviation-detector.js';
import { DeviationQueriesService } from './deviation-queries.service.js';
import { DeviationsController } from './deviations.controller.js';
import { DeviationsService } from './deviations.service.js';

@Module({
  imports: [ProgrammesModule],
  controllers: [DeviationsController],
  providers: [DeviationsService, DeviationQueriesService, DeviationDetector],
  exports: [DeviationsService, DeviationQueriesService, DeviationDetector],
})
export class DeviationsModule {}
