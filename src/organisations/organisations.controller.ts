import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Roles } from '../auth/policy.js';
import { requireIfMatch, setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import {
  CreateOrganisationRequest,
  OrganisationHistoryResponse,
  OrganisationPage,
  OrganisationQuery,
  OrganisationResponse,
  ReviseOrganisationRequest,
} from './organisation.dto.js';
import { OrganisationsService } from './organisations.service.js';

const ORGANISATION = new UuidParam('Organisation');

@ApiTags('organisations')
@Controller('api/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The register of host organisations and employers, active first, then by name' })
  @ApiOkResponse({ type: OrganisationPage })
  list(@Ctx() ctx: RequestContext, @Query() q: OrganisationQuery): Promise<OrganisationPage> {
    return this.organisations.list(ctx, q);
  }

  @Post()
  @Roles('quality_manager', 'programme_leader')
  @ApiOperation({ summary: 'Record an organisation; its name must not be in the register yet (any case)' })
  @ApiCreatedResponse({ type: OrganisationResponse })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateOrganisationRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationResponse> {
    const organisation = await this.organisations.create(ctx, body);
    setETag(res, organisation.version);
    return organisation;
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'An organisation as it stands (its latest revision); the ETag is its revision' })
  @ApiOkResponse({ type: OrganisationResponse })
  async get(
    @Ctx() ctx: RequestContext,
    @Param('id', ORGANISATION) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationResponse> {
    const organisation = await this.organisations.get(ctx, id);
    setETag(res, organisation.version);
    return organisation;
  }

  @Get(':id/history')
  @Authenticated()
  @ApiOperation({ summary: 'Every revision of an organisation, oldest first, with who made it, when and why' })
  @ApiOkResponse({ type: OrganisationHistoryResponse })
  history(@Param('id', ORGANISATION) id: string): Promise<OrganisationHistoryResponse> {
    return this.organisations.history(id);
  }

  @Post(':id/revisions')
  @Roles('quality_manager', 'programme_leader')
  @ApiOperation({
    summary:
      'Revise, deactivate or reactivate an organisation: a new revision with a reason (fields left out keep their value); needs If-Match',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the revision you last read' })
  @ApiCreatedResponse({ type: OrganisationResponse })
  async revise(
    @Ctx() ctx: RequestContext,
    @Param('id', ORGANISATION) id: string,
    @Body() body: ReviseOrganisationRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganisationResponse> {
    const organisation = await this.organisations.revise(ctx, id, body, requireIfMatch(req));
    setETag(res, organisation.version);
    return organisation;
  }
}
