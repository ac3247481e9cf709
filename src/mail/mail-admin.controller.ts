import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { UuidParam } from '../common/params.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { DeliveryResponse, OutboxMailResponse, OutboxPage, OutboxQuery } from './mail.dto.js';
import { MailAdminService } from './mail-admin.service.js';
import { MailWorker } from './mail-worker.service.js';

const MAIL = new UuidParam('Mail');

@ApiTags('mail')
@Controller('api/admin/mail')
export class MailAdminController {
  constructor(
    private readonly admin: MailAdminService,
    private readonly worker: MailWorker,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({
    summary: 'Mails that need an administrator: failed after their retries, or uncertain (the service stopped while sending)',
  })
  @ApiOkResponse({ type: OutboxPage })
  list(@Query() q: OutboxQuery): Promise<OutboxPage> {
    return this.admin.list(q);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Send a failed or uncertain mail again, now (audited)',
    description: 'An uncertain mail may have arrived: retry it only when you know it did not. Another state: 409 mail_not_retryable.',
  })
  @ApiOkResponse({ type: OutboxMailResponse })
  retry(@Ctx() ctx: RequestContext, @Param('id', MAIL) id: string): Promise<OutboxMailResponse> {
    return this.admin.retry(ctx, id);
  }

  @Post('deliver')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Send the mails that are due now, without waiting for the next poll (MAIL_POLL_SECONDS)' })
  @ApiOkResponse({ type: DeliveryResponse })
  deliver(): Promise<DeliveryResponse> {
    return this.worker.deliverDue();
  }
}
