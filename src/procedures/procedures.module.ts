import { Module } from '@nestjs/common';
import { BaselineAdoptionService } from './baseline-adoption.service.js';
import { BaselineController } from './baseline.controller.js';
import { ProcedureAcknowledgementsService } from './procedure-acknowledgements.service.js';
import { ProcedureImportService } from './procedure-import.service.js';
import { ProcedureLibraryService } from './procedure-library.service.js';
import { ProceduresController } from './procedures.controller.js';
import { ProceduresService } from './procedures.service.js';

@Module({
  controllers: [BaselineController, ProceduresController],
  providers: [ProceduresService, ProcedureLibraryService, ProcedureImportService, BaselineAdoptionService, ProcedureAcknowledgementsService],
  exports: [ProceduresService, ProcedureLibraryService, ProcedureImportService, BaselineAdoptionService, ProcedureAcknowledgementsService],
})
export class ProceduresModule {}
