import { randomInt } from 'node:crypto';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../common/binary-openapi.js';
import type { Response } from 'express';
import { Authenticated, Roles } from '../auth/policy.js';
import { Clock } from '../common/clock.js';
import { KeyParam, PositiveIntParam, UuidParam } from '../common/params.js';
import { validationFailed } from '../common/problem.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { READ_PROGRAMME } from '../programmes/programme-roles.js';
import { MAX_SEED } from './builders/sampling.js';
import { InternalAuditReportBuilder } from './builders/internal-audit-report.builder.js';
import { MinutesBuilder } from './builders/minutes.builder.js';
import { ProcedureDocumentBuilder } from './builders/procedure-document.builder.js';
import { RegisterBuilder } from './builders/register.builder.js';
import { RiskRegisterBuilder } from './builders/risk-register.builder.js';
import { renderCorrectiveActionRegister } from './corrective-action-register.js';
import { reportFingerprint } from './fingerprint.js';
import type { ReportModel } from './fingerprint.js';
import { renderEvidenceReport } from './evidence-report.js';
import { renderInternalAuditReport } from './internal-audit-report.js';
import { renderManagementReviewMinutes } from './management-review-minutes.js';
import { renderProcedureDocument } from './procedure-document.js';
import { renderRiskRegister } from './risk-register.js';
import { EvidenceJsonResponse, EvidenceQuery, RegisterQuery, ReportQuery, RiskRegisterQuery } from './reports.dto.js';
import { ReportsService } from './reports.service.js';

const PROGRAMME_ID = new UuidParam('Programme');
const REVIEW_ID = new UuidParam('Management review');
const AUDIT_ID = new UuidParam('Internal audit');

@ApiTags('reports')
@Controller('api')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly procedureDocuments: ProcedureDocumentBuilder,
    private readonly registers: RegisterBuilder,
    private readonly minutes: MinutesBuilder,
    private readonly riskRegisters: RiskRegisterBuilder,
    private readonly auditReports: InternalAuditReportBuilder,
    private readonly clock: Clock,
  ) {}

  @Get('programmes/:id/reports/evidence.pdf')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({
    summary:
      'Programme evidence report (PDF): procedures in force with signatures, participants by code, conformance matrix, deviations, corrective actions, indicators, audit-trail summary, and a case file per subject (or per subject of a random sample: sample, seed); every page shows page X of Y and the report fingerprint',
  })
  @ApiFileResponse('application/pdf', 'The PDF document')
  async evidencePdf(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Query() q: EvidenceQuery,
    @Res() res: Response,
  ): Promise<void> {
    const { model } = await this.reports.buildEvidence(ctx, id, evidenceRequest(q, this.clock));
    await this.send(res, model, `evidence-${model.programme.name}`, (out) => renderEvidenceReport(model, out));
  }

  @Get('programmes/:id/reports/evidence.json')
  @Roles(...READ_PROGRAMME)
  @ApiOperation({ summary: 'The evidence report model as JSON (the data the PDF is rendered from), with its fingerprint' })
  @ApiOkResponse({ type: EvidenceJsonResponse })
  async evidenceJson(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Query() q: EvidenceQuery,
  ): Promise<EvidenceJsonResponse> {
    return this.reports.evidenceJson(ctx, id, evidenceRequest(q, this.clock));
  }

  @Get('programmes/:id/reports/evidence-bundle')
  @Roles('quality_manager', 'auditor')
  @ApiOperation({
    summary:
      'Evidence bundle (tar): report PDF, report model, the audit events of the programme, the cited procedure versions and a manifest with every SHA-256; verify offline with npm run qms -- verify FILE',
  })
  @ApiFileResponse(
    'application/x-tar',
    'The evidence bundle: a tar archive of the report PDF, its model, the audit events in scope, the cited procedure versions and a manifest of their SHA-256',
  )
  async bundle(
    @Ctx() ctx: RequestContext,
    @Param('id', PROGRAMME_ID) id: string,
    @Query() q: EvidenceQuery,
    @Res() res: Response,
  ): Promise<void> {
    // Built before any byte is sent, so refusals (404, 403) still answer as problem documents.
    const bundle = await this.reports.evidenceBundle(ctx, id, evidenceRequest(q, this.clock));
    res.status(200);
    res.setHeader('Content-Type', 'application/x-tar');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${fileName(`evidence-bundle-${bundle.programmeName}`, bundle.generatedAt)}.tar"`,
    );
    res.setHeader('X-Report-Fingerprint', bundle.fingerprint);
    await bundle.write(res);
  }

  @Get('reports/corrective-actions.pdf')
  @Roles('quality_manager', 'board_member', 'auditor')
  @ApiOperation({ summary: "The board's register of corrective actions (PDF), filtered by state, overdue and programme" })
  @ApiFileResponse('application/pdf', 'The PDF document')
  async register(@Ctx() ctx: RequestContext, @Query() q: RegisterQuery, @Res() res: Response): Promise<void> {
    const model = await this.registers.build(ctx, {
      ...reportRequest(q, this.clock),
      state: q.state,
      overdue: q.overdue,
      programmeId: q.programmeId,
    });
    await this.send(res, model, 'corrective-action-register', (out) => renderCorrectiveActionRegister(model, out));
  }

  @Get('procedures/:key/versions/:n/document.pdf')
  @Authenticated()
  @ApiOperation({
    summary: 'Controlled procedure document (PDF): status, effective dates, steps and fields, revision history, signatures, content hash',
  })
  @ApiFileResponse('application/pdf', 'The PDF document')
  async procedureDocument(
    @Ctx() ctx: RequestContext,
    @Param('key', new KeyParam('Procedure')) key: string,
    @Param('n', new PositiveIntParam('n')) n: number,
    @Query() q: ReportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const model = await this.procedureDocuments.build(ctx, key, n, reportRequest(q, this.clock));
    await this.send(res, model, `${key}-v${n}`, (out) => renderProcedureDocument(model, out));
  }

  @Get('management-reviews/:id/minutes.pdf')
  @Roles('quality_manager', 'board_member', 'auditor')
  @ApiOperation({ summary: 'Minutes of a management review (PDF); a closed review shows the inputs frozen at closing and its signature' })
  @ApiFileResponse('application/pdf', 'The PDF document')
  async reviewMinutes(
    @Ctx() ctx: RequestContext,
    @Param('id', REVIEW_ID) id: string,
    @Query() q: ReportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const model = await this.minutes.build(ctx, id, reportRequest(q, this.clock));
    await this.send(res, model, `management-review-${model.review.heldOn}`, (out) => renderManagementReviewMinutes(model, out));
  }

  @Get('reports/risks.pdf')
  @Roles('quality_manager', 'board_member', 'auditor')
  @ApiOperation({
    summary:
      'The register of risks and opportunities (PDF): heat maps of the open ones before and after treatment, the register, each risk with its history; of one programme (with the organisation’s) or of all',
  })
  @ApiFileResponse('application/pdf', 'The PDF document')
  async riskRegister(@Ctx() ctx: RequestContext, @Query() q: RiskRegisterQuery, @Res() res: Response): Promise<void> {
    const model = await this.riskRegisters.build(ctx, { ...reportRequest(q, this.clock), programmeId: q.programmeId });
    await this.send(res, model, 'risk-register', (out) => renderRiskRegister(model, out));
  }

  @Get('reports/internal-audits/:id.pdf')
  @Authenticated()
  @ApiOperation({
    summary:
      'An internal audit report (PDF): scope, criteria, team, sample, checklist answers, findings with the deviation or action each opened, conclusion and the lead auditor’s signature; for whoever may read the audit',
  })
  @ApiFileResponse('application/pdf', 'The PDF document')
  async internalAuditReport(
    @Ctx() ctx: RequestContext,
    @Param('id', AUDIT_ID) id: string,
    @Query() q: ReportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const model = await this.auditReports.build(ctx, id, reportRequest(q, this.clock));
    await this.send(res, model, `internal-audit-${model.audit.reference}`, (out) => renderInternalAuditReport(model, out));
  }

  private async send(res: Response, model: ReportModel, name: string, render: (out: Response) => Promise<void>): Promise<void> {
    res.status(200);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${fileName(name, model.generatedAt)}.pdf"`);
    res.setHeader('X-Report-Fingerprint', reportFingerprint(model));
    res.setHeader('Cache-Control', 'no-store');
    await render(res);
  }
}

function reportRequest(q: ReportQuery, clock: Clock) {
  return { lang: q.lang ?? 'en', generatedAt: (q.generatedAt ? new Date(q.generatedAt) : clock.now()).toISOString() } as const;
}

function evidenceRequest(q: EvidenceQuery, clock: Clock) {
  if (q.from && q.to && q.to < q.from) throw validationFailed([{ field: 'to', message: 'must be on or after from' }]);
  if (q.seed !== undefined && q.sample === undefined) {
    throw validationFailed([{ field: 'seed', message: 'is only used with sample (the number of subjects to draw)' }]);
  }
  return {
    ...reportRequest(q, clock),
    from: q.from,
    to: q.to,
    includeNames: q.includeNames === true,
    // A new seed when none is given; it is printed, so the draw can be repeated.
    ...(q.sample === undefined ? {} : { sample: { size: q.sample, seed: q.seed ?? randomInt(0, MAX_SEED) } }),
  };
}

/** A safe file name: the programme's name in ASCII letters and dashes, and the day. */
function fileName(base: string, generatedAt: string): string {
  const slug = base
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .toLowerCase();
  return `${slug || 'report'}-${generatedAt.slice(0, 10)}`;
}
