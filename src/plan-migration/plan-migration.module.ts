import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { PlanMigrationController } from './plan-migration.controller.js';
import { PlanMigrationService } from './plan-migration.service.js';

@Module({
  imports: [ProgrammesModule],
  controllers: [PlanMigrationController],
  providers: [PlanMigrationService],
})
export class PlanMigrationModule {}
