import { Module } from '@nestjs/common';
import { CorrectiveActionsModule } from '../corrective-actions/corrective-actions.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { RisksController } from './risks.controller.js';
import { RisksService } from './risks.service.js';

/** The register of risks and opportunities (ISO 9001 6.1). Owns the tables `risk` and `risk_revision`. */
@Module({ imports: [ProgrammesModule, CorrectiveActionsModule], controllers: [RisksController], providers: [RisksService] })
export class RisksModule {}
