import { Module } from '@nestjs/common';
import { ProcedureImportService } from './procedure-import.service.js';
import { ProcedureLibraryService } from './procedure-library.service.js';
import { ProceduresController } from './procedures.controller.js';
import { ProceduresService } from './procedures.service.js';

@Module({
  controllers: [ProceduresController],
  providers: [ProceduresService, ProcedureLibraryService, ProcedureImportService],
  exports: [ProceduresService, ProcedureLibraryService, ProcedureImportService],
})
export class ProceduresModule {}
