import { Module } from '@nestjs/common';
import { PairsService } from './pairs.service.js';
import { ParticipantsController, PairsController } from './participants.controller.js';
import { ParticipantsService } from './participants.service.js';
import { ProgrammeAccess } from './programme-access.js';
import { ProgrammesController } from './programmes.controller.js';
import { ProgrammesService } from './programmes.service.js';
import { StatusEffects } from './status-effects.service.js';

@Module({
  controllers: [ProgrammesController, ParticipantsController, PairsController],
  providers: [ProgrammesService, ParticipantsService, PairsService, ProgrammeAccess, StatusEffects],
  exports: [ProgrammesService, ParticipantsService, PairsService, ProgrammeAccess, StatusEffects],
})
export class ProgrammesModule {}
