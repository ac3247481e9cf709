import { Module } from '@nestjs/common';
import { OrganisationsController } from './organisations.controller.js';
import { OrganisationsService } from './organisations.service.js';

/** The register of host organisations and employers. Owns the tables `organisation` and `organisation_revision`. */
@Module({ controllers: [OrganisationsController], providers: [OrganisationsService], exports: [OrganisationsService] })
export class OrganisationsModule {}
