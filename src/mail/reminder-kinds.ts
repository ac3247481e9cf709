/** The kinds of reminder a user can switch off one by one. */
export const REMINDER_KINDS = [
  'step_window',
  'action_target',
  'deviation_target',
  'document_review',
  'risk_review',
  'approval',
  'board_review',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Immediately, one mail per reminder; or gathered into one mail a week. */
export const REMINDER_DELIVERIES = ['immediate', 'weekly_digest'] as const;
export type ReminderDelivery = (typeof REMINDER_DELIVERIES)[number];
