import { ApiProperty } from '@nestjs/swagger';

export class ReminderScanResponse {
  @ApiProperty({ format: 'date', description: 'The day the scan judged (the configured clock)' }) today: string;
  @ApiProperty({ description: 'Reminders queued to go out one by one' }) queued: number;
  @ApiProperty({ description: "Reminders held for their recipient's weekly digest" }) held: number;
  @ApiProperty({ description: 'Reminders of a kind their recipient switched off (not queued)' }) switchedOff: number;
  @ApiProperty({ description: 'Reminders queued by an earlier scan (nothing new)' }) alreadyQueued: number;
  @ApiProperty({ description: 'Weekly digests queued' }) digests: number;
  @ApiProperty({ description: 'false: another process was scanning; this call did nothing' }) ran: boolean;
}
