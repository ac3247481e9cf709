import { reminderActionTarget } from './reminder-action-target.js';
import { reminderApproval } from './reminder-approval.js';
import { reminderBoardReview } from './reminder-board-review.js';
import { reminderDeviationTarget } from './reminder-deviation-target.js';
import { reminderDigest } from './reminder-digest.js';
import { reminderDocumentReview } from './reminder-document-review.js';
import { reminderRiskReview } from './reminder-risk-review.js';
import { reminderStepWindow } from './reminder-step-window.js';
import { surveyInvitation } from './survey-invitation.js';
import type { MailTemplate } from './template.js';

/** Every mail the service sends, by key (the key is stored on the outbox row). */
export const MAIL_TEMPLATES = {
  'survey-invitation': surveyInvitation,
  'reminder-step-window': reminderStepWindow,
  'reminder-action-target': reminderActionTarget,
  'reminder-deviation-target': reminderDeviationTarget,
  'reminder-document-review': reminderDocumentReview,
  'reminder-risk-review': reminderRiskReview,
  'reminder-approval': reminderApproval,
  'reminder-board-review': reminderBoardReview,
  'reminder-digest': reminderDigest,
} satisfies Record<string, MailTemplate>;

export type MailTemplateKey = keyof typeof MAIL_TEMPLATES;

export function isMailTemplateKey(s: string): s is MailTemplateKey {
  return Object.hasOwn(MAIL_TEMPLATES, s);
}
