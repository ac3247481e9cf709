import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/policy.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { SubmitSurveyAnswersRequest, SurveyFormResponse, SurveyReplyResponse } from './survey-invitation.dto.js';
import { SurveyAnswersService } from './survey-answers.service.js';
import { LinkTokenParam } from './link-token.param.js';

const TOKEN = new LinkTokenParam('Survey invitation');

/** The recipient's side: no account, the link's token is the only key (its shape is checked before any lookup). */
@ApiTags('survey-invitations')
@Controller('api/survey-invitations')
export class SurveyInvitationsController {
  constructor(private readonly answers: SurveyAnswersService) {}

  @Get(':token')
  @Public()
  @ApiOperation({
    summary:
      "The survey behind a link, in the recipient's language: title, introduction, what is done with the answers, the questions. 404 unknown, 410 survey_link_expired or survey_link_used",
  })
  @ApiOkResponse({ type: SurveyFormResponse })
  form(@Ctx() ctx: RequestContext, @Param('token', TOKEN) token: string): Promise<SurveyFormResponse> {
    return this.answers.form(ctx, token);
  }

  @Post(':token/answers')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Answer the survey, once: answers are checked against the questions of the version the invitation is bound to (422 naming the question) and kept under the participant code, never a name',
  })
  @ApiOkResponse({ type: SurveyReplyResponse })
  answer(
    @Ctx() ctx: RequestContext,
    @Param('token', TOKEN) token: string,
    @Body() body: SubmitSurveyAnswersRequest,
  ): Promise<SurveyReplyResponse> {
    return this.answers.answer(ctx, token, body);
  }

  @Post(':token/decline')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Decline the survey; the link is used up' })
  @ApiOkResponse({ type: SurveyReplyResponse })
  decline(@Ctx() ctx: RequestContext, @Param('token', TOKEN) token: string): Promise<SurveyReplyResponse> {
    return this.answers.decline(ctx, token);
  }
}
