import { Module } from '@nestjs/common';
import { CorrectiveActionsModule } from '../corrective-actions/corrective-actions.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsService } from './indicators.service.js';
import { QualityObjectivesService } from './quality-objectives.service.js';

@Module({
  imports: [ProgrammesModule, CorrectiveActionsModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsService, QualityObjectivesService],
  exports: [IndicatorsService, QualityObjectivesService],
})
export class IndicatorsModule {}
