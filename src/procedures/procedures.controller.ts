import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Roles } from '../auth/policy.js';
import { requireIfMatch, setETag } from '../common/etag.js';
import { KeyParam, PositiveIntParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import {
  ApproveRequest,
  CreateProcedureRequest,
  CreateVersionRequest,
  DiffQuery,
  DiffResponse,
  EffectiveQuery,
  ProcedureAcknowledgementResponse,
  ProcedureAcknowledgementsResponse,
  ProcedureListQuery,
  ProcedureResponse,
  ProcedureSummaryResponse,
  ProcedureVersionResponse,
  RejectRequest,
  RetireRequest,
  UpdateDraftRequest,
} from './procedure.dto.js';
import { ProcedureAcknowledgementsService } from './procedure-acknowledgements.service.js';
import { ProcedureLibraryService } from './procedure-library.service.js';
import { ProceduresService } from './procedures.service.js';

const KEY = new KeyParam('Procedure');
const N = new PositiveIntParam('n');
/** Who acknowledges: anyone a version may name, never an auditor (they write nothing). */
const ACKNOWLEDGERS = ['admin', 'quality_manager', 'programme_leader', 'board_member'] as const;

@ApiTags('procedures')
@Controller('api/procedures')
export class ProceduresController {
  constructor(
    private readonly procedures: ProceduresService,
    private readonly library: ProcedureLibraryService,
    private readonly acknowledgements: ProcedureAcknowledgementsService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'All procedures, each with the version in force and a status summary; toAcknowledge=true for those whose version in force the caller must read and acknowledge',
  })
  @ApiOkResponse({ type: [ProcedureSummaryResponse] })
  async list(@Ctx() ctx: RequestContext, @Query() q: ProcedureListQuery): Promise<ProcedureSummaryResponse[]> {
    return this.library.summaries(ctx, q);
  }

  @Post()
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Create a procedure; its definition becomes draft version 1' })
  @ApiCreatedResponse({ type: ProcedureVersionResponse })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateProcedureRequest, @Res({ passthrough: true }) res: Response) {
    const v = await this.procedures.create(ctx, body.definition, body.acknowledgementRoles);
    res.setHeader('Location', `/api/procedures/${v.procedureKey}/versions/${v.number}`);
    return withETag(res, v);
  }

  @Get(':key')
  @Authenticated()
  @ApiOperation({ summary: 'One procedure with all its versions' })
  @ApiOkResponse({ type: ProcedureResponse })
  async get(@Ctx() ctx: RequestContext, @Param('key', KEY) key: string): Promise<ProcedureResponse> {
    return this.library.procedure(ctx, key);
  }

  @Get(':key/versions')
  @Authenticated()
  @ApiOperation({ summary: 'Every version of a procedure, oldest first, with status, author and signatures' })
  @ApiOkResponse({ type: [ProcedureVersionResponse] })
  async versions(@Ctx() ctx: RequestContext, @Param('key', KEY) key: string): Promise<ProcedureVersionResponse[]> {
    return this.library.versionResponses(ctx, key);
  }

  @Get(':key/effective')
  @Authenticated()
  @ApiOperation({ summary: 'The version in force at a moment (default now); 404 before the first approval' })
  @ApiOkResponse({ type: ProcedureVersionResponse })
  async effective(@Ctx() ctx: RequestContext, @Param('key', KEY) key: string, @Query() q: EffectiveQuery): Promise<ProcedureVersionResponse> {
    return this.library.effectiveResponse(ctx, key, q.at ? new Date(q.at) : new Date());
  }

  @Post(':key/versions')
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Start the next version as a draft (at most one open draft per procedure)' })
  @ApiCreatedResponse({ type: ProcedureVersionResponse })
  @ApiConflictResponse({ description: 'open_draft_exists' })
  async createVersion(
    @Ctx() ctx: RequestContext,
    @Param('key', KEY) key: string,
    @Body() body: CreateVersionRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const v = await this.procedures.createVersion(ctx, key, body.definition, body.changeSummary, body.acknowledgementRoles);
    res.setHeader('Location', `/api/procedures/${key}/versions/${v.number}`);
    return withETag(res, v);
  }

  @Get(':key/versions/:n')
  @Authenticated()
  @ApiOperation({ summary: 'One version: definition, status, author, signatures, content hash, effective dates' })
  @ApiOkResponse({ type: ProcedureVersionResponse })
  async version(@Ctx() ctx: RequestContext, @Param('key', KEY) key: string, @Param('n', N) n: number, @Res({ passthrough: true }) res: Response) {
    return withETag(res, await this.library.versionResponse(ctx, key, n));
  }

  @Put(':key/versions/:n')
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Replace the definition of a draft (drafts only; needs If-Match)' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the draft you last read' })
  @ApiOkResponse({ type: ProcedureVersionResponse })
  @ApiConflictResponse({ description: 'version_not_editable: the version has left draft' })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('key', KEY) key: string,
    @Param('n', N) n: number,
    @Body() body: UpdateDraftRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const expected = requireIfMatch(req);
    return withETag(
      res,
      await this.procedures.updateDraft(ctx, key, n, expected, body.definition, body.changeSummary, body.acknowledgementRoles),
    );
  }

  @Post(':key/versions/:n/submit')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Submit a draft for review; from now on it never changes' })
  @ApiOkResponse({ type: ProcedureVersionResponse })
  async submit(@Ctx() ctx: RequestContext, @Param('key', KEY) key: string, @Param('n', N) n: number, @Res({ passthrough: true }) res: Response) {
    return withETag(res, await this.procedures.submit(ctx, key, n));
  }

  @Post(':key/versions/:n/approve')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    summary: 'Approve a version under review with an electronic signature (password re-entered); it becomes effective and supersedes the one in force',
  })
  @ApiOkResponse({ type: ProcedureVersionResponse })
  async approve(
    @Ctx() ctx: RequestContext,
    @Param('key', KEY) key: string,
    @Param('n', N) n: number,
    @Body() body: ApproveRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedures.approve(ctx, key, n, body.password, body.comment));
  }

  @Post(':key/versions/:n/reject')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Reject a version under review; work continues in the next version' })
  @ApiOkResponse({ type: ProcedureVersionResponse })
  async reject(
    @Ctx() ctx: RequestContext,
    @Param('key', KEY) key: string,
    @Param('n', N) n: number,
    @Body() body: RejectRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedures.reject(ctx, key, n, body.comment));
  }

  @Post(':key/versions/:n/retire')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    summary:
      'Retire the effective version with an electronic signature (password re-entered, meaning retirement): the procedure is no longer in force',
  })
  @ApiOkResponse({ type: ProcedureVersionResponse })
  async retire(
    @Ctx() ctx: RequestContext,
    @Param('key', KEY) key: string,
    @Param('n', N) n: number,
    @Body() body: RetireRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withETag(res, await this.procedures.retire(ctx, key, n, body.reason, body.password));
  }

  @Post(':key/acknowledgements')
  @HttpCode(200)
  @Roles(...ACKNOWLEDGERS)
  @ApiOperation({
    summary:
      '"I have read and understood" the version in force, for a user holding a role it names; acknowledging again records nothing new',
  })
  @ApiOkResponse({ type: ProcedureAcknowledgementResponse })
  acknowledge(@Ctx() ctx: RequestContext, @Param('key', KEY) key: string): Promise<ProcedureAcknowledgementResponse> {
    return this.acknowledgements.acknowledge(ctx, key);
  }

  @Get(':key/acknowledgements')
  @Roles('quality_manager', 'auditor')
  @ApiOperation({ summary: 'Who must acknowledge the version in force (active users holding a role it names), and who has not yet' })
  @ApiOkResponse({ type: ProcedureAcknowledgementsResponse })
  acknowledgementList(@Param('key', KEY) key: string): Promise<ProcedureAcknowledgementsResponse> {
    return this.acknowledgements.list(key);
  }

  @Get(':key/versions/:n/diff')
  @Authenticated()
  @ApiOperation({ summary: 'Structured differences of version n against version `against`: steps and fields added, removed, changed; window changed' })
  @ApiOkResponse({ type: DiffResponse })
  diff(@Param('key', KEY) key: string, @Param('n', N) n: number, @Query() q: DiffQuery) {
    return this.library.diff(key, n, q.against);
  }
}

function withETag(res: Response, v: ProcedureVersionResponse): ProcedureVersionResponse {
  setETag(res, v.rowVersion);
  return v;
}
