import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/policy.js';
import { optionalIfMatch, setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME, WRITE_PROGRAMME } from '../programmes/programme-roles.js';
import {
  InternshipHistoryResponse,
  InternshipList,
  InternshipResponse,
  PlaceInternshipRequest,
  RecordInternshipOutcomeRequest,
  ReviseInternshipRequest,
} from './internship.dto.js';
import { InternshipsService } from './internships.service.js';

const PROGRAMME = new UuidParam('Programme');
const PARTICIPANT = new UuidParam('Participant');
const INTERNSHIP = new UuidParam('Internship');
const ORGANISATION = new UuidParam('Organisation');

@ApiTags('internships')
@Controller('api/programmes/:id')
export class ProgrammeInternshipsController {
  constructor(private readonly internships: InternshipsService) {}

  @Get('internships')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: "The programme's internships, latest start first; adepts by name only for who may see them, by code otherwise" })
  @ApiOkResponse({ type: InternshipList })
  list(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME) id: string): Promise<InternshipList> {
    return this.internships.ofProgramme(ctx, id);
  }

  @Post('internships')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({
    summary: 'Place an adept of the programme with an active organisation of the register: a quality manager or a leader of the programme',
  })
  @ApiCreatedResponse({ type: InternshipResponse })
  async place(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME) id: string,
    @Body() body: PlaceInternshipRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InternshipResponse> {
    const internship = await this.internships.place(ctx, id, body);
    setETag(res, internship.version);
    res.location(`/api/internships/${internship.id}`);
    return internship;
  }

  @Get('participants/:participantId/internships')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: "A participant's internships, latest start first" })
  @ApiOkResponse({ type: InternshipList })
  ofParticipant(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME) id: string,
    @Param('participantId', PARTICIPANT) participantId: string,
  ): Promise<InternshipList> {
    return this.internships.ofParticipant(ctx, id, participantId);
  }
}

@ApiTags('internships')
@Controller('api/organisations/:id/internships')
export class OrganisationInternshipsController {
  constructor(private readonly internships: InternshipsService) {}

  @Get()
  @Roles(...READ_PROGRAMME)
  @ApiOperation({
    summary: 'The placements with an organisation, in the programmes the caller sees; adepts by name only for who may see them',
  })
  @ApiOkResponse({ type: InternshipList })
  list(@Ctx() ctx: RequestContext, @Param('id', ORGANISATION) id: string): Promise<InternshipList> {
    return this.internships.atOrganisation(ctx, id);
  }
}

@ApiTags('internships')
@Controller('api/internships/:id')
export class InternshipsController {
  constructor(private readonly internships: InternshipsService) {}

  @Get()
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'An internship as it stands (its latest revision); the ETag is its revision' })
  @ApiOkResponse({ type: InternshipResponse })
  async get(
    @Ctx() ctx: RequestContext,
    @Param('id', INTERNSHIP) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InternshipResponse> {
    const internship = await this.internships.get(ctx, id);
    setETag(res, internship.version);
    return internship;
  }

  @Get('history')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'Every revision of an internship, oldest first, with who made it and when' })
  @ApiOkResponse({ type: InternshipHistoryResponse })
  history(@Ctx() ctx: RequestContext, @Param('id', INTERNSHIP) id: string): Promise<InternshipHistoryResponse> {
    return this.internships.history(ctx, id);
  }

  @Post('outcome')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Record how the internship ended, once; a later correction is a revision with a reason. Needs If-Match.' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the revision you last read' })
  @ApiCreatedResponse({ type: InternshipResponse })
  async recordOutcome(
    @Ctx() ctx: RequestContext,
    @Param('id', INTERNSHIP) id: string,
    @Body() body: RecordInternshipOutcomeRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InternshipResponse> {
    const internship = await this.internships.recordOutcome(ctx, id, body, optionalIfMatch(req));
    setETag(res, internship.version);
    return internship;
  }

  @Post('revisions')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({
    summary:
      'Change the plan of an internship or correct its outcome: a new revision with a reason (fields left out keep their value). Needs If-Match.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the revision you last read' })
  @ApiCreatedResponse({ type: InternshipResponse })
  async revise(
    @Ctx() ctx: RequestContext,
    @Param('id', INTERNSHIP) id: string,
    @Body() body: ReviseInternshipRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InternshipResponse> {
    const internship = await this.internships.revise(ctx, id, body, optionalIfMatch(req));
    setETag(res, internship.version);
    return internship;
  }
}
