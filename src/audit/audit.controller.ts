import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../common/binary-openapi.js';
import type { Response } from 'express';
import { Roles } from '../auth/policy.js';
import { AuditEventPage, AuditEventQuery, AuditVerifyQuery, ChainVerdictResponse } from './audit.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller('api/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'quality_manager', 'auditor')
  @ApiOperation({ summary: 'List audit events, oldest first, with filters and cursor pagination' })
  @ApiOkResponse({ type: AuditEventPage })
  list(@Query() q: AuditEventQuery): Promise<AuditEventPage> {
    return this.audit.list({
      entityType: q.entityType,
      entityId: q.entityId,
      actorId: q.actorId,
      action: q.action,
      from: q.from,
      to: q.to,
      afterSeq: q.cursor === undefined ? undefined : Number(q.cursor),
      limit: q.limit ?? 50,
    });
  }

  @Get('verify')
  @Roles('admin', 'quality_manager', 'auditor')
  @ApiOperation({
    summary:
      'Verify the hash chain: sequence, links and every event hash. By default the whole chain (the check that finds an event altered anywhere); mode=incremental verifies the events after the last verified checkpoint, as evidence reports do',
  })
  @ApiOkResponse({ type: ChainVerdictResponse })
  async verify(@Query() q: AuditVerifyQuery): Promise<ChainVerdictResponse> {
    return this.audit.verdict(q.mode);
  }

  @Get('export')
  @Roles('admin', 'quality_manager', 'auditor')
  @ApiOperation({
    summary: 'Export the whole chain as JSON lines, one event per line, for offline verification (npm run qms -- audit:verify FILE)',
  })
  @ApiFileResponse('application/x-ndjson', 'The audit events in sequence order, one JSON object per line')
  async export(@Res() res: Response): Promise<void> {
    const { head, chunks } = await this.audit.exportLines();
    res.status(200);
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="audit-events-${head.seq}.jsonl"`);
    res.setHeader('X-Audit-Head-Seq', String(head.seq));
    res.setHeader('X-Audit-Head-Hash', head.hash);
    for await (const chunk of chunks) {
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      if (res.destroyed) return;
    }
    res.end();
  }
}
