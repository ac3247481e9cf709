import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/policy.js';
import { ReminderScanResponse } from './reminder.dto.js';
import { ReminderScanService } from './reminder-scan.service.js';

@ApiTags('mail')
@Controller('api/reminders/scan')
export class RemindersController {
  constructor(private readonly reminders: ReminderScanService) {}

  @Post()
  @HttpCode(200)
  @Roles('admin', 'quality_manager')
  @ApiOperation({
    summary: "Queue today's reminders and the weekly digests due now, without waiting for the periodic scan; idempotent",
  })
  @ApiOkResponse({ type: ReminderScanResponse })
  scan(): Promise<ReminderScanResponse> {
    return this.reminders.scan();
  }
}
