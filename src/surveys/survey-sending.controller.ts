import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME, WRITE_PROGRAMME } from '../programmes/programme-roles.js';
import {
  CreateSurveyPlanEntryRequest,
  SendSurveyRequest,
  SurveyHandoutResponse,
  SurveyInvitationsResponse,
  SurveyPlanEntryResponse,
  SurveyScanResponse,
  SurveySendResponse,
} from './survey-sending.dto.js';
import { SurveyScanService } from './survey-scan.service.js';
import { SurveySendingService } from './survey-sending.service.js';

const PROGRAMME = new UuidParam('Programme');
const INVITATION = new UuidParam('Survey invitation');

@ApiTags('surveys')
@Controller('api')
export class SurveySendingController {
  constructor(
    private readonly sending: SurveySendingService,
    private readonly scanner: SurveyScanService,
  ) {}

  @Get('programmes/:id/survey-plan')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: "The programme's survey plan: which survey goes to whom at which moment, and the day each entry sends" })
  @ApiOkResponse({ type: [SurveyPlanEntryResponse] })
  plan(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME) id: string): Promise<SurveyPlanEntryResponse[]> {
    return this.sending.plan(ctx, id);
  }

  @Post('programmes/:id/survey-plan')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({ summary: 'Add a survey to the programme plan: the daily scan sends it on its day, once per recipient' })
  @ApiCreatedResponse({ type: SurveyPlanEntryResponse })
  addPlanEntry(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME) id: string,
    @Body() body: CreateSurveyPlanEntryRequest,
  ): Promise<SurveyPlanEntryResponse> {
    return this.sending.addPlanEntry(ctx, id, body);
  }

  @Post('programmes/:id/survey-sends')
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({
    summary:
      'Send a survey by hand to participants (adepts, mentors) or host contacts (internship supervisors) of the programme: one single-use invitation each, in their language, expiring',
  })
  @ApiCreatedResponse({ type: SurveySendResponse })
  send(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME) id: string, @Body() body: SendSurveyRequest): Promise<SurveySendResponse> {
    return this.sending.send(ctx, id, body);
  }

  @Get('programmes/:id/survey-invitations')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: "The programme's survey invitations, newest first: recipients by code, never by name" })
  @ApiOkResponse({ type: SurveyInvitationsResponse })
  invitations(@Ctx() ctx: RequestContext, @Param('id', PROGRAMME) id: string): Promise<SurveyInvitationsResponse> {
    return this.sending.invitations(ctx, id);
  }

  @Post('programmes/:id/survey-invitations/:invitationId/handout')
  @HttpCode(200)
  @Roles(...WRITE_PROGRAMME)
  @ApiOperation({
    summary:
      'Hand an invitation without an e-mail address out in person: its link is shown this once to the sender, and the handout is audited',
  })
  @ApiOkResponse({ type: SurveyHandoutResponse })
  handout(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME) id: string,
    @Param('invitationId', INVITATION) invitationId: string,
  ): Promise<SurveyHandoutResponse> {
    return this.sending.handout(ctx, id, invitationId);
  }

  @Post('survey-scan')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Run the daily survey scan now: send every plan entry whose day has come to those not yet asked' })
  @ApiOkResponse({ type: SurveyScanResponse })
  scan(): Promise<SurveyScanResponse> {
    return this.scanner.scanAll();
  }
}
