import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME } from '../programmes/programme-roles.js';
import {
  OpenSurveyDeviationRequest,
  OpenSurveyImprovementRequest,
  ReviewTextAnswerRequest,
  SurveyFindingResponse,
  SurveyResultsQuery,
  SurveyResultsResponse,
  TextAnswerQuery,
  TextAnswerResponse,
  TextAnswersResponse,
} from './survey-results.dto.js';
import { SurveyFindingsService } from './survey-findings.service.js';
import { SurveyResultsService } from './survey-results.service.js';

const SURVEY = new UuidParam('Survey');
// Read only by a parameter decorator, which no-useless-assignment does not see.
// eslint-disable-next-line no-useless-assignment
const TEXT = new UuidParam('Text answer');

@ApiTags('surveys')
@Controller('api')
export class SurveyResultsController {
  constructor(
    private readonly reader: SurveyResultsService,
    private readonly findings: SurveyFindingsService,
  ) {}

  @Get('surveys/:id/results')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({
    summary:
      "Results of a survey: response rate, per question n, mean and distribution, per programme (cohort) and role, trends across programmes, reviewed free text; counts and means over fewer than 5 answers hidden. Programme leaders see their programmes' cohorts only",
  })
  @ApiOkResponse({ type: SurveyResultsResponse })
  results(@Ctx() ctx: RequestContext, @Param('id', SURVEY) id: string, @Query() q: SurveyResultsQuery): Promise<SurveyResultsResponse> {
    return this.reader.resultsByQuarters(ctx, id, q);
  }

  @Post('surveys/:id/results/deviations')
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Open a deviation from a low score or a free-text complaint, linked to the survey, question and programme' })
  @ApiCreatedResponse({ type: SurveyFindingResponse })
  openDeviation(
    @Ctx() ctx: RequestContext,
    @Param('id', SURVEY) id: string,
    @Body() body: OpenSurveyDeviationRequest,
  ): Promise<SurveyFindingResponse> {
    return this.findings.openDeviation(ctx, id, body);
  }

  @Post('surveys/:id/results/improvements')
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Plan an improvement action (an opportunity for improvement) from a survey result, linked to the survey, question and programme',
  })
  @ApiCreatedResponse({ type: SurveyFindingResponse })
  openImprovement(
    @Ctx() ctx: RequestContext,
    @Param('id', SURVEY) id: string,
    @Body() body: OpenSurveyImprovementRequest,
  ): Promise<SurveyFindingResponse> {
    return this.findings.openImprovement(ctx, id, body);
  }

  @Get('survey-text-answers')
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Free-text answers to check for personal data before they reach a report (default: those awaiting review)' })
  @ApiOkResponse({ type: TextAnswersResponse })
  textAnswers(@Query() q: TextAnswerQuery): Promise<TextAnswersResponse> {
    return this.reader.textAnswers(q);
  }

  @Post('survey-text-answers/:id/review')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Clear a free-text answer, or redact it with a replacement text; once, and never changed' })
  @ApiOkResponse({ type: TextAnswerResponse })
  review(@Ctx() ctx: RequestContext, @Param('id', TEXT) id: string, @Body() body: ReviewTextAnswerRequest): Promise<TextAnswerResponse> {
    return this.findings.reviewText(ctx, id, body);
  }
}
