import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { InternshipsController, OrganisationInternshipsController, ProgrammeInternshipsController } from './internships.controller.js';
import { InternshipsService } from './internships.service.js';

/** Internships: adepts' placements with organisations of the register. Owns the tables `internship` and `internship_revision`. */
@Module({
  imports: [ProgrammesModule],
  controllers: [ProgrammeInternshipsController, OrganisationInternshipsController, InternshipsController],
  providers: [InternshipsService],
})
export class InternshipsModule {}
