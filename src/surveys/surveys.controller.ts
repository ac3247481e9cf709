import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/policy.js';
import { PositiveIntParam, UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME } from '../programmes/programme-roles.js';
import {
  ApproveSurveyVersionRequest,
  CreateSurveyRequest,
  CreateSurveyVersionRequest,
  RejectSurveyVersionRequest,
  SurveyImportResponse,
  SurveyResponse,
  SurveySummaryResponse,
} from './survey.dto.js';
import { SurveyLibraryService } from './survey-library.service.js';

const SURVEY = new UuidParam('Survey');
const N = new PositiveIntParam('n');

@ApiTags('surveys')
@Controller('api/surveys')
export class SurveysController {
  constructor(private readonly library: SurveyLibraryService) {}

  @Get()
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'The surveys (controlled documents answered by adepts, mentors or host contacts), by key' })
  @ApiOkResponse({ type: [SurveySummaryResponse] })
  list(): Promise<SurveySummaryResponse[]> {
    return this.library.list();
  }

  @Post()
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Create a survey; version 1 is a draft with the content given (every text in en, sv and nb)' })
  @ApiCreatedResponse({ type: SurveyResponse })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateSurveyRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SurveyResponse> {
    const survey = await this.library.create(ctx, body);
    res.setHeader('Location', `/api/surveys/${survey.id}`);
    return survey;
  }

  @Post('import')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Import the shipped surveys (procedures/surveys/*.yaml), all or nothing: a new survey arrives as a shipped draft any quality manager may approve; a changed file becomes a draft authored by the caller',
  })
  @ApiOkResponse({ type: SurveyImportResponse })
  importShipped(@Ctx() ctx: RequestContext): Promise<SurveyImportResponse> {
    return this.library.importShipped(ctx);
  }

  @Get(':id')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'A survey with its versions, their content and signatures' })
  @ApiOkResponse({ type: SurveyResponse })
  get(@Param('id', SURVEY) id: string): Promise<SurveyResponse> {
    return this.library.get(id);
  }

  @Post(':id/versions')
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Write the next version as a draft (at most one draft at a time); its content is fixed once written' })
  @ApiCreatedResponse({ type: SurveyResponse })
  createVersion(
    @Ctx() ctx: RequestContext,
    @Param('id', SURVEY) id: string,
    @Body() body: CreateSurveyVersionRequest,
  ): Promise<SurveyResponse> {
    return this.library.createVersion(ctx, id, body);
  }

  @Post(':id/versions/:n/approve')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Approve a draft with an electronic signature (password re-entered) by a quality manager who did not write it; it comes into force on its effective day and supersedes the version in force',
  })
  @ApiOkResponse({ type: SurveyResponse })
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id', SURVEY) id: string,
    @Param('n', N) n: number,
    @Body() body: ApproveSurveyVersionRequest,
  ): Promise<SurveyResponse> {
    return this.library.approve(ctx, id, n, body);
  }

  @Post(':id/versions/:n/reject')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Reject a draft; work continues in the next version' })
  @ApiOkResponse({ type: SurveyResponse })
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id', SURVEY) id: string,
    @Param('n', N) n: number,
    @Body() body: RejectSurveyVersionRequest,
  ): Promise<SurveyResponse> {
    return this.library.reject(ctx, id, n, body.comment);
  }
}
