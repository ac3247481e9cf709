import { Module } from '@nestjs/common';
import { ExecutionsModule } from '../executions/executions.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { DeviationScanController } from './deviation-scan.controller.js';
import { DeviationScanService } from './deviation-scan.service.js';
import { DeviationsModule } from '../deviations/deviations.module.js';

/** The overdue scan needs the conformance matrix (executions) and the detector (deviations). */
@Module({
  imports: [ProgrammesModule, DeviationsModule, ExecutionsModule],
  controllers: [DeviationScanController],
  providers: [DeviationScanService],
})
export class DeviationScanModule {}
