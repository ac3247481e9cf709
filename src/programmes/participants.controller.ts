import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/policy.js';
import { setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import {
  CompleteParticipantRequest,
  CreatePairRequest,
  CreateParticipantRequest,
  EndPairRequest,
  PairResponse,
  ParticipantQuery,
  RegisterApplicantRequest,
  ParticipantResponse,
  WithdrawParticipantRequest,
} from './participant.dto.js';
import { PairsService } from './pairs.service.js';
import { ParticipantsService } from './participants.service.js';
import { READ_PROGRAMME, WRITE_PROGRAMME } from './programme-roles.js';
import { PROGRAMME_ID } from './programme.dto.js';

const PARTICIPANT_ID = new UuidParam('Participant');
// Read only by a parameter decorator, which no-useless-assignment does not see.
// eslint-disable-next-line no-useless-assignment
const PAIR_ID = new UuidParam('Pair');

@ApiTags('participants')
@Controller('api/programmes/:id')
export class ParticipantsController {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly pairs: PairsService,
  ) {}

  @Post('participants')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Enrol an adept or a mentor; answers with a pseudonymous code' })
  @ApiCreatedResponse({ type: ParticipantResponse })
  async add(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Body() body: CreateParticipantRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const p = await this.participants.add(ctx, id, body);
    res.setHeader('Location', `/api/programmes/${id}/participants/${p.id}`);
    setETag(res, p.version);
    return p;
  }

  @Post('applicants')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({
    summary:
      'Register an expression of interest: an applicant (adept or mentor candidate), not enrolled until the intake decision admits them; the programme must be planned or active',
  })
  @ApiCreatedResponse({ type: ParticipantResponse })
  async registerApplicant(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Body() body: RegisterApplicantRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const p = await this.participants.registerApplicant(ctx, id, body);
    res.setHeader('Location', `/api/programmes/${id}/participants/${p.id}`);
    setETag(res, p.version);
    return p;
  }

  @Get('participants')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'Participants of a programme (names only for quality managers and the leaders of this programme)' })
  @ApiOkResponse({ type: [ParticipantResponse] })
  async list(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Query() q: ParticipantQuery,
  ): Promise<ParticipantResponse[]> {
    return this.participants.list(ctx, id, q);
  }

  @Get('participants/:participantId')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'One participant' })
  @ApiOkResponse({ type: ParticipantResponse })
  async get(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Param('participantId', PARTICIPANT_ID) pid: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const participant = await this.participants.get(ctx, id, pid);
    setETag(res, participant.version);
    return participant;
  }

  @Post('participants/:participantId/withdraw')
  @HttpCode(200)
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Record that a participant left the programme' })
  @ApiOkResponse({ type: ParticipantResponse })
  async withdraw(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Param('participantId', PARTICIPANT_ID) pid: string,
    @Body() body: WithdrawParticipantRequest,
  ) {
    return this.participants.withdraw(ctx, id, pid, body);
  }

  @Post('participants/:participantId/complete')
  @HttpCode(200)
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Record that a participant completed the programme' })
  @ApiOkResponse({ type: ParticipantResponse })
  async complete(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Param('participantId', PARTICIPANT_ID) pid: string,
    @Body() body: CompleteParticipantRequest,
  ) {
    return this.participants.complete(ctx, id, pid, body);
  }

  @Post('pairs')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Match a mentor with an adept (an adept has at most one active pair)' })
  @ApiCreatedResponse({ type: PairResponse })
  async createPair(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Body() body: CreatePairRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const pair = await this.pairs.create(ctx, id, body);
    res.setHeader('Location', `/api/programmes/${id}/pairs`);
    return pair;
  }

  @Get('pairs')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'Pairs of a programme, active and ended' })
  @ApiOkResponse({ type: [PairResponse] })
  async listPairs(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME_ID) id: string): Promise<PairResponse[]> {
    return this.pairs.list(ctx, id);
  }
}

@ApiTags('participants')
@Controller('api/pairs')
export class PairsController {
  constructor(private readonly pairs: PairsService) {}

  @Post(':id/end')
  @HttpCode(200)
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'End a pair (for example before a rematch)' })
  @ApiOkResponse({ type: PairResponse })
  async end(@Ctx() ctx: RequestContext, @Param('id', PAIR_ID) id: string, @Body() body: EndPairRequest): Promise<PairResponse> {
    return this.pairs.end(ctx, id, body.date, body.reason);
  }
}
