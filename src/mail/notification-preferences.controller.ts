import { Body, Controller, Get, Put, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated } from '../auth/policy.js';
import { requireIfMatch, setETag } from '../common/etag.js';
import { Ctx } from '../common/request-context.js';
import type { RequestContext } from '../common/request-context.js';
import { NotificationPreferencesResponse, UpdateNotificationPreferencesRequest } from './mail.dto.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';

@ApiTags('mail')
@Controller('api/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Your reminders by e-mail: at once or in a weekly digest, and the kinds switched off; the ETag is their version',
  })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  async get(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response): Promise<NotificationPreferencesResponse> {
    const p = await this.preferences.get(ctx);
    setETag(res, p.version);
    return p;
  }

  @Put()
  @Authenticated()
  @ApiOperation({ summary: 'Change your reminders; needs If-Match with the ETag last read ("0" before the first save); audited' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the preferences you last read' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  async put(
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Body() body: UpdateNotificationPreferencesRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<NotificationPreferencesResponse> {
    const p = await this.preferences.put(ctx, requireIfMatch(req), body);
    setETag(res, p.version);
    return p;
  }
}
