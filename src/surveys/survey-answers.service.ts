import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AttemptThrottle } from '../auth/attempt-throttle.js';
import { Clock } from '../common/clock.js';
import { linkTokenHash } from '../common/link-tokens.js';
import { ProblemException, notFound, unprocessable } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { participantCodes } from '../programmes/programmes.queries.js';
import { programmeById } from '../programmes/programmes.queries.js';
import { checkAnswers } from './survey-answers.js';
import type { SubmitSurveyAnswersRequest, SurveyFormResponse, SurveyReplyResponse } from './survey-invitation.dto.js';
import { invitationState } from './survey-moments.js';
import { linkExpired, linkUsed } from './survey-sending.service.js';
import { toFormResponse, toReplyResponse } from './survey.mapper.js';
import { insertResponse, insertTextAnswer, invitationById, invitationByTokenHash, surveyVersionById } from './surveys.queries.js';
import type { InvitationRow } from './surveys.queries.js';

/**
 * The recipient's side of an invitation: no account, the link's token is the key. Only the
 * token's hash is looked up; an unknown link answers 404, an expired one 410 survey_link_expired,
 * a used one 410 survey_link_used. Single use: the first answer or decline holds the invitation's
 * row lock and its unique key, a second finds it used.
 */
@Injectable()
export class SurveyAnswersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly throttle: AttemptThrottle,
  ) {}

  async form(ctx: RequestContext, token: string): Promise<SurveyFormResponse> {
    const m = this.dataSource.manager;
    const invitation = await this.admit(ctx, token);
    const version = (await surveyVersionById(m, invitation.versionId))!;
    return toFormResponse(version.content, invitation.language, invitation.expiresOn);
  }

  async answer(ctx: RequestContext, token: string, body: SubmitSurveyAnswersRequest): Promise<SurveyReplyResponse> {
    const peek = await this.admit(ctx, token);
    const version = (await surveyVersionById(this.dataSource.manager, peek.versionId))!;
    const checked = checkAnswers(version.content.questions, body.answers);
    if (!checked.ok)
      throw unprocessable('survey_answer_invalid', checked.problems.map((p) => `${p.field} ${p.message}`).join('; '), {
        errors: checked.problems,
      });
    return this.reply(
      ctx,
      token,
      'answered',
      async (m, invitation, responseId) => {
        for (const [key, text] of Object.entries(checked.answers.texts)) await insertTextAnswer(m, responseId, key, text);
        return { values: checked.answers.values, texts: Object.keys(checked.answers.texts).length };
      },
      checked.answers.values,
    );
  }

  async decline(ctx: RequestContext, token: string): Promise<SurveyReplyResponse> {
    await this.admit(ctx, token);
    return this.reply(ctx, token, 'declined', () => Promise.resolve({ values: null, texts: 0 }), null);
  }

  private async reply(
    ctx: RequestContext,
    token: string,
    outcome: 'answered' | 'declined',
    more: (m: EntityManager, invitation: InvitationRow, responseId: string) => Promise<{ values: unknown; texts: number }>,
    values: Record<string, unknown> | null,
  ): Promise<SurveyReplyResponse> {
    return this.dataSource.transaction(async (m) => {
      const found = await this.open(m, token);
      // The invitation's row lock: of two replies at once, the second waits and finds it used.
      const invitation = (await invitationById(m, found.id, true))!;
      await this.usable(m, invitation);
      const code =
        invitation.recipientKind === 'participant'
          ? ((await participantCodes(m, [invitation.recipientId])).get(invitation.recipientId) ?? null)
          : null;
      const response = await insertResponse(m, {
        invitationId: invitation.id,
        outcome,
        versionId: invitation.versionId,
        programmeId: invitation.programmeId,
        role: invitation.role,
        participantCode: code,
        answers: outcome === 'answered' ? (values ?? {}) : null,
      });
      if (!response) throw linkUsed();
      const extra = await more(m, invitation, response.id);
      await this.audit.append(m, ctx, {
        action: `survey_invitation.${outcome === 'answered' ? 'answer' : 'decline'}`,
        entityType: 'survey_invitation',
        entityId: invitation.id,
        entityVersion: 1,
        changes: {
          outcome: { old: null, new: outcome },
          responseId: { old: null, new: response.id },
          ...(outcome === 'answered' ? { freeTextAnswers: { old: null, new: extra.texts } } : {}),
        },
      });
      return toReplyResponse(outcome, response.respondedAt);
    });
  }

  /**
   * The invitation a token opens. The token is looked up first: a token that exists is never
   * refused by the throttle (someone guessing from the same address cannot lock out a real
   * respondent). Only unknown tokens count as attempts against the caller's address (429
   * too_many_link_attempts after too many). Outside any transaction (the throttle writes in
   * transactions of its own).
   */
  private async admit(ctx: RequestContext, token: string): Promise<InvitationRow> {
    const invitation = await invitationByTokenHash(this.dataSource.manager, linkTokenHash(token));
    if (!invitation) {
      const admission = await this.throttle.admit('survey_link', ctx.clientAddress ?? 'unknown', '');
      if (!admission.admitted) {
        const wait = admission.retryAfterSeconds;
        throw new ProblemException('too_many_link_attempts', `Too many unknown survey links from this address; try again in ${wait} s`, {
          retryAfterSeconds: wait,
        });
      }
      throw notFound('Survey invitation');
    }
    await this.usable(this.dataSource.manager, invitation);
    return invitation;
  }

  /** The invitation a token opens, if it is still open. */
  private async open(m: EntityManager, token: string): Promise<InvitationRow> {
    const invitation = await invitationByTokenHash(m, linkTokenHash(token));
    if (!invitation) throw notFound('Survey invitation');
    await this.usable(m, invitation);
    return invitation;
  }

  private async usable(m: EntityManager, invitation: InvitationRow): Promise<void> {
    const programme = await programmeById(m, invitation.programmeId);
    const state = invitationState(invitation, this.clock.today(programme?.timeZone));
    if (state === 'expired') throw linkExpired();
    if (state !== 'open') throw linkUsed();
  }
}
