import { ApiProperty } from '@nestjs/swagger';
import { EnumField, EnumListField } from '../common/fields.js';
import { PageQuery } from '../common/pagination.js';
import { REMINDER_DELIVERIES, REMINDER_KINDS } from './reminder-kinds.js';
import type { ReminderDelivery, ReminderKind } from './reminder-kinds.js';

export const ATTENTION_STATES = ['failed', 'uncertain', 'queued'] as const;
export type AttentionState = (typeof ATTENTION_STATES)[number];

export class OutboxQuery extends PageQuery {
  @EnumField(ATTENTION_STATES, {
    optional: true,
    enumName: 'MailAttentionState',
    description: 'One state; default: failed and uncertain together. queued: mails waiting to be sent or retried',
  })
  state?: AttentionState;
}

export class MailAttemptResponse {
  @ApiProperty() attempt: number;
  @ApiProperty({ enum: ['sent', 'failed', 'uncertain', 'retry_requested'] }) outcome: string;
  @ApiProperty({ nullable: true, type: String, description: 'What the server answered (addresses removed)' }) error: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class OutboxMailResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Where the mail goes: an address (administrators only see this list)' }) recipient: string;
  @ApiProperty({ example: 'reminder:action_target:…:2026-03-05', description: 'Why it is sent; one mail per recipient and reason' })
  reason: string;
  @ApiProperty({ example: 'reminder-action-target' }) template: string;
  @ApiProperty({ enum: ['queued', 'sending', 'sent', 'failed', 'uncertain', 'held', 'digested'] }) state: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time', description: 'When a queued mail is tried next' }) nextAttemptAt: string;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [MailAttemptResponse] }) history: MailAttemptResponse[];
}

export class OutboxPage {
  @ApiProperty({ type: [OutboxMailResponse] }) items: OutboxMailResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty() total: number;
}

export class DeliveryResponse {
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
  @ApiProperty({ description: 'Mails found left sending by a stopped process, now uncertain' }) uncertain: number;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ enum: REMINDER_DELIVERIES, enumName: 'ReminderDelivery' }) delivery: ReminderDelivery;
  @ApiProperty({ enum: REMINDER_KINDS, enumName: 'ReminderKind', isArray: true, description: 'Kinds of reminder switched off' })
  disabledKinds: ReminderKind[];
  @ApiProperty({ description: '0 until first saved' }) version: number;
}

export class UpdateNotificationPreferencesRequest {
  @EnumField(REMINDER_DELIVERIES, { enumName: 'ReminderDelivery', description: 'One mail per reminder, or one mail a week' })
  delivery: ReminderDelivery;
  @EnumListField(REMINDER_KINDS, { min: 0, enumName: 'ReminderKind', description: 'Kinds of reminder not to send (empty: all on)' })
  disabledKinds: ReminderKind[];
}
