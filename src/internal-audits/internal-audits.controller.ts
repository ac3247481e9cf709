import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Roles } from '../auth/policy.js';
import { optionalIfMatch, requireIfMatch, setETag } from '../common/etag.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import {
  AnswerItemRequest,
  AuditListResponse,
  AuditQuery,
  AuditResponse,
  ChecklistItemResponse,
  CloseAuditRequest,
  PlanAuditRequest,
  RecordFindingRequest,
  SignReportRequest,
  StartAuditRequest,
  UpdateAuditRequest,
} from './internal-audit.dto.js';
import { AuditFindingsService } from './audit-findings.service.js';
import { AuditReportService } from './audit-report.service.js';
import { InternalAuditsService } from './internal-audits.service.js';

const AUDIT = new UuidParam('Internal audit');
const ITEM = new UuidParam('Checklist item');
/** Who may be on an audit team (the service checks that the caller is). */
const AUDITORS = ['quality_manager', 'programme_leader', 'board_member'] as const;

@ApiTags('internal-audits')
@Controller('api/internal-audits')
export class InternalAuditsController {
  constructor(
    private readonly audits: InternalAuditsService,
    private readonly findings: AuditFindingsService,
    private readonly reports: AuditReportService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'The programme of internal audits (everyone signed in): by year, state, due (planned, month come), or the audit behind a deviation',
  })
  @ApiOkResponse({ type: AuditListResponse })
  list(@Ctx() ctx: RequestContext, @Query() q: AuditQuery): Promise<AuditListResponse> {
    return this.audits.list(ctx, q);
  }

  @Post()
  @Roles('quality_manager')
  @ApiOperation({
    summary: "Plan an audit in a year's programme: what is audited, the month, why; optionally its scope, criteria, period and team",
  })
  @ApiCreatedResponse({ type: AuditResponse })
  async plan(
    @Ctx() ctx: RequestContext,
    @Body() body: PlanAuditRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditResponse> {
    const audit = await this.audits.plan(ctx, body);
    setETag(res, audit.version);
    return audit;
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({
    summary:
      'An audit with its checklist (answers and their history) and findings. Quality managers, auditors and board members read every audit, the team theirs, programme leaders their programmes’.',
  })
  @ApiOkResponse({ type: AuditResponse })
  async get(@Ctx() ctx: RequestContext, @Param('id', AUDIT) id: string, @Res({ passthrough: true }) res: Response): Promise<AuditResponse> {
    const audit = await this.audits.get(ctx, id);
    setETag(res, audit.version);
    return audit;
  }

  @Patch(':id')
  @Roles('quality_manager')
  @ApiOperation({ summary: 'Change a planned audit (the team is judged for independence again); needs If-Match' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag you last read' })
  @ApiOkResponse({ type: AuditResponse })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', AUDIT) id: string,
    @Body() body: UpdateAuditRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditResponse> {
    const audit = await this.audits.update(ctx, id, body, requireIfMatch(req));
    setETag(res, audit.version);
    return audit;
  }

  @Post(':id/start')
  @HttpCode(200)
  @Roles('quality_manager')
  @ApiOperation({
    summary: 'Start the audit: independence judged on its period, the checklist generated from the procedures in force and the clauses',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you last read' })
  @ApiOkResponse({ type: AuditResponse })
  async start(
    @Ctx() ctx: RequestContext,
    @Param('id', AUDIT) id: string,
    @Body() body: StartAuditRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditResponse> {
    const audit = await this.audits.start(ctx, id, body, optionalIfMatch(req));
    setETag(res, audit.version);
    return audit;
  }

  @Post(':id/items/:itemId/answers')
  @Roles(...AUDITORS)
  @ApiOperation({
    summary:
      'Answer a checklist item (the lead auditor and team): a new answer superseding the standing one, with evidence notes and the records sampled',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision of the answer you last read ("0" for none)' })
  @ApiCreatedResponse({ type: ChecklistItemResponse })
  async answer(
    @Ctx() ctx: RequestContext,
    @Param('id', AUDIT) id: string,
    @Param('itemId', ITEM) itemId: string,
    @Body() body: AnswerItemRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChecklistItemResponse> {
    const item = await this.audits.answer(ctx, id, itemId, body, optionalIfMatch(req));
    setETag(res, item.answer?.revision ?? 0);
    return item;
  }

  @Post(':id/findings')
  @Roles(...AUDITORS)
  @ApiOperation({
    summary:
      'Record a finding (the lead auditor and team): a nonconformity opens a deviation (source internal_audit), an opportunity an improvement action',
  })
  @ApiCreatedResponse({ type: AuditResponse })
  recordFinding(@Ctx() ctx: RequestContext, @Param('id', AUDIT) id: string, @Body() body: RecordFindingRequest): Promise<AuditResponse> {
    return this.findings.recordFinding(ctx, id, body);
  }

  @Post(':id/report')
  @HttpCode(200)
  @Roles(...AUDITORS)
  @ApiOperation({
    summary: 'Sign the audit report with the conclusion (the lead auditor, password re-entered); every item must be answered',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you last read' })
  @ApiOkResponse({ type: AuditResponse })
  async signReport(
    @Ctx() ctx: RequestContext,
    @Param('id', AUDIT) id: string,
    @Body() body: SignReportRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditResponse> {
    const audit = await this.reports.signReport(ctx, id, body, optionalIfMatch(req));
    setETag(res, audit.version);
    return audit;
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...AUDITORS)
  @ApiOperation({ summary: 'Close a reported audit once its findings are handled (a quality manager or the lead auditor)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you last read' })
  @ApiOkResponse({ type: AuditResponse })
  async close(
    @Ctx() ctx: RequestContext,
    @Param('id', AUDIT) id: string,
    @Body() body: CloseAuditRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuditResponse> {
    const audit = await this.reports.close(ctx, id, body, optionalIfMatch(req));
    setETag(res, audit.version);
    return audit;
  }
}
