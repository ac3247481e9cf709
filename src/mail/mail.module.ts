import { Module } from '@nestjs/common';
import { MailAdminController } from './mail-admin.controller.js';
import { MailAdminService } from './mail-admin.service.js';
import { MailWorker } from './mail-worker.service.js';
import { NotificationPreferencesController } from './notification-preferences.controller.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';

/** The outbox and its worker, the administrators' view of it, and users' reminder preferences. */
@Module({
  controllers: [MailAdminController, NotificationPreferencesController],
  providers: [MailWorker, MailAdminService, NotificationPreferencesService],
  exports: [MailWorker],
})
export class MailModule {}
