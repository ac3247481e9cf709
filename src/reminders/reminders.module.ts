import { Module } from '@nestjs/common';
import { ReminderScanService } from './reminder-scan.service.js';
import { RemindersController } from './reminders.controller.js';

/** The daily reminder scan: reads the other modules through their query functions, queues mail through the mail module's. */
@Module({
  controllers: [RemindersController],
  providers: [ReminderScanService],
})
export class RemindersModule {}
