import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/policy.js';
import { optionalIfMatch, setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import {
  CloseReviewRequest,
  CreateDecisionRequest,
  CreateManagementReviewRequest,
  CreateNoteRequest,
  ManagementReviewInputsResponse,
  ManagementReviewResponse,
} from './management-review.dto.js';
import { ManagementReviewsService } from './management-reviews.service.js';
import type { ManagementReviewInputs } from './review-inputs.service.js';

const REVIEW_ID = new UuidParam('Management review');
const READERS = ['quality_manager', 'board_member', 'auditor'] as const;

@ApiTags('management-reviews')
@Controller('api/management-reviews')
export class ManagementReviewsController {
  constructor(private readonly reviews: ManagementReviewsService) {}

  @Post()
  @Roles('quality_manager', 'board_member')
  @ApiOperation({ summary: 'Open a management review (ISO 9001 9.3)' })
  @ApiCreatedResponse({ type: ManagementReviewResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateManagementReviewRequest) {
    return this.reviews.create(ctx, body);
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Management reviews, newest first' })
  @ApiOkResponse({ type: [ManagementReviewResponse] })
  async list() {
    return this.reviews.list();
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A management review with attendees, decisions and closing signature' })
  @ApiOkResponse({ type: ManagementReviewResponse })
  async get(@Param('id', REVIEW_ID) id: string, @Res({ passthrough: true }) res: Response) {
    const review = await this.reviews.detail(id);
    setETag(res, review.version);
    return review;
  }

  @Get(':id/inputs')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'The inputs, composed from the records: open deviations by severity and source, corrective actions by state and overdue, conformance rates per procedure, outcomes of earlier decisions (frozen once the review is closed)',
  })
  @ApiOkResponse({ type: ManagementReviewInputsResponse })
  inputs(@Param('id', REVIEW_ID) id: string): Promise<ManagementReviewInputs> {
    return this.reviews.inputsFor(id);
  }

  @Post(':id/decisions')
  @Roles('quality_manager', 'board_member')
  @ApiOperation({ summary: 'Minute a decision; an action becomes a tracked corrective action of type improvement' })
  @ApiCreatedResponse({ type: ManagementReviewResponse })
  async decide(
    @Ctx() ctx: RequestContext,
    @Param('id', REVIEW_ID) id: string,
    @Body() body: CreateDecisionRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const review = await this.reviews.addDecision(ctx, id, body);
    setETag(res, review.version);
    return review;
  }

  @Post(':id/notes')
  @Roles('quality_manager', 'board_member')
  @ApiOperation({
    summary:
      'Record an input in words: changes in internal and external issues (issues) or the adequacy of resources (resources); never changed, a later note corrects an earlier one',
  })
  @ApiCreatedResponse({ type: ManagementReviewResponse })
  async note(
    @Ctx() ctx: RequestContext,
    @Param('id', REVIEW_ID) id: string,
    @Body() body: CreateNoteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const review = await this.reviews.addNote(ctx, id, body);
    setETag(res, review.version);
    return review;
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('board_member')
  @ApiOperation({ summary: 'Close the review, signed by a board member; its inputs are frozen and it never changes again' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag last read: refused (412) if a decision was minuted since, so the signature binds the minutes the signer read',
  })
  @ApiOkResponse({ type: ManagementReviewResponse })
  async close(
    @Ctx() ctx: RequestContext,
    @Param('id', REVIEW_ID) id: string,
    @Body() body: CloseReviewRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const review = await this.reviews.close(ctx, id, body.password, body.comment, optionalIfMatch(req));
    setETag(res, review.version);
    return review;
  }
}
