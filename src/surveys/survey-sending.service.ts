import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import type { UserLanguage } from '../common/languages.js';
import { linkToken, linkTokenKey } from '../common/link-tokens.js';
import { ProblemException, conflict, notFound, unprocessable } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { JWT_SECRET } from '../config/secrets.js';
import { firstCompletionDay } from '../executions/executions.queries.js';
import { enqueueMail } from '../mail/outbox.queries.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import type { Programme } from '../programmes/programme.entity.js';
import { participantCodes } from '../programmes/programmes.queries.js';
import type { SurveyAudience } from './survey-content.js';
import { DEFAULT_EXPIRY_DAYS, invitationState } from './survey-moments.js';
import { INVITATION_PURPOSE, invite, recipientsOf } from './survey-recipients.js';
import type { Recipient } from './survey-recipients.js';
import type {
  CreateSurveyPlanEntryRequest,
  SendSurveyRequest,
  SurveyHandoutResponse,
  SurveyInvitationsResponse,
  SurveyPlanEntryResponse,
  SurveySendResponse,
} from './survey-sending.dto.js';
import { toInvitationResponse, toPlanEntryResponse, toSendResponse } from './survey.mapper.js';
import { versionInForce } from './survey-versions.js';
import {
  insertHandout,
  insertPlanEntry,
  insertSend,
  invitationById,
  invitationsOfProgramme,
  invitationsOfSend,
  planEntriesOf,
  planEntryById,
  recipientsAsked,
  surveyByKey,
  surveyVersionsOf,
} from './surveys.queries.js';
import type { PlanEntryRow, SurveyRow, SurveyVersionRow } from './surveys.queries.js';

/** The language of a recipient when nothing else says: the organisation's (Swedish). */
export const DEFAULT_SURVEY_LANGUAGE: UserLanguage = 'sv';

export interface SendInput {
  programme: Programme;
  survey: SurveyRow;
  version: SurveyVersionRow;
  audience: SurveyAudience;
  recipients: Recipient[];
  planEntryId: string | null;
  language: UserLanguage;
  expiresInDays: number;
}

/**
 * Sending surveys: the programme's survey plan, sends by hand, the invitations and the handout of a
 * link to a recipient without an e-mail address. Writes lock the programme row first (lock order
 * step 3), so two sends of one programme run one after the other and ask nobody twice.
 */
@Injectable()
export class SurveySendingService {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly clock: Clock,
    @Inject(JWT_SECRET) secret: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = linkTokenKey(secret);
  }

  async plan(ctx: RequestContext, programmeId: string): Promise<SurveyPlanEntryResponse[]> {
    const m = this.dataSource.manager;
    const programme = await this.access.readable(m, ctx, programmeId);
    const entries = await planEntriesOf(m, [programmeId]);
    const out: SurveyPlanEntryResponse[] = [];
    for (const e of entries) out.push(toPlanEntryResponse(e, programme, await this.completedOn(m, programme, e)));
    return out;
  }

  async addPlanEntry(ctx: RequestContext, programmeId: string, body: CreateSurveyPlanEntryRequest): Promise<SurveyPlanEntryResponse> {
    if ((body.moment === 'procedure_completed') !== (body.procedureKey !== undefined)) {
      throw unprocessable('survey_moment_invalid', 'A procedure is named with the moment procedure_completed, and only with it', {
        errors: [
          {
            field: 'procedureKey',
            message:
              body.moment === 'procedure_completed'
                ? 'is required with procedure_completed'
                : 'must be left out unless procedure_completed',
          },
        ],
      });
    }
    return this.dataSource.transaction(async (m) => {
      const programme = await this.access.writable(m, ctx, programmeId, { lock: true });
      const survey = await surveyNamed(m, body.surveyKey);
      const versions = await surveyVersionsOf(m, [survey.id]);
      const audience = (versions.at(-1) ?? versions[0]).content.audience;
      if (audience !== body.audience) throw audienceMismatch(survey.key, audience);
      const id = await insertPlanEntry(m, {
        programmeId,
        surveyId: survey.id,
        audience: body.audience,
        moment: body.moment,
        procedureKey: body.procedureKey ?? null,
        offsetDays: body.offsetDays,
        expiresInDays: body.expiresInDays ?? DEFAULT_EXPIRY_DAYS,
        language: body.language ?? DEFAULT_SURVEY_LANGUAGE,
        createdBy: ctx.actor.id!,
      });
      const entry = (await planEntryById(m, id))!;
      await this.audit.append(m, ctx, {
        action: 'survey_plan_entry.create',
        entityType: 'survey_plan_entry',
        entityId: id,
        entityVersion: 1,
        changes: {
          programmeId: { old: null, new: programmeId },
          surveyKey: { old: null, new: survey.key },
          audience: { old: null, new: entry.audience },
          moment: { old: null, new: entry.moment },
          procedureKey: { old: null, new: entry.procedureKey },
          offsetDays: { old: null, new: entry.offsetDays },
          expiresInDays: { old: null, new: entry.expiresInDays },
          language: { old: null, new: entry.language },
        },
      });
      return toPlanEntryResponse(entry, programme, await this.completedOn(m, programme, entry));
    });
  }

  async send(ctx: RequestContext, programmeId: string, body: SendSurveyRequest): Promise<SurveySendResponse> {
    return this.dataSource.transaction(async (m) => {
      const programme = await this.access.writable(m, ctx, programmeId, { lock: true });
      const survey = await surveyNamed(m, body.surveyKey);
      const version = await inForceOf(m, survey, this.clock.today(programme.timeZone));
      if (version.content.audience !== body.audience) throw audienceMismatch(survey.key, version.content.audience);
      const everyone = await recipientsOf(m, programmeId, body.audience);
      let recipients: Recipient[];
      if (body.recipientIds) {
        const unknown = body.recipientIds.filter((id) => !everyone.some((r) => r.id === id));
        if (unknown.length > 0)
          throw unprocessable('unknown_recipient', `Not ${describeAudience(body.audience)} of this programme: ${unknown.join(', ')}`, {
            errors: [{ field: 'recipientIds', message: `names ids that are not ${describeAudience(body.audience)} of this programme` }],
          });
        recipients = everyone.filter((r) => body.recipientIds!.includes(r.id));
        // Asked again only when every earlier link of theirs expired unanswered: one person is one
        // voice in the results, and a second link would let a sender who hands links out answer twice.
        const today = this.clock.today(programme.timeZone);
        const standing = new Set(
          (await invitationsOfProgramme(m, programmeId))
            .filter((i) => i.surveyId === survey.id && invitationState(i, today) !== 'expired')
            .map((i) => i.recipientId),
        );
        const again = recipients.filter((r) => standing.has(r.id)).map((r) => r.id);
        if (again.length > 0)
          throw conflict(
            'survey_already_asked',
            `Already asked ${survey.key} in this programme (answered, declined or link still open): ${again.join(', ')}`,
            {
              errors: [
                {
                  field: 'recipientIds',
                  message: 'names people who were asked this survey already; ask again only when their link expired unanswered',
                },
              ],
            },
          );
      } else {
        const asked = await recipientsAsked(m, programmeId, survey.id);
        recipients = everyone.filter((r) => !asked.has(r.id));
      }
      if (recipients.length === 0)
        throw conflict(
          'survey_no_recipients',
          `Nobody of the programme is left to ask: every ${body.audience} has been sent ${survey.key}`,
        );
      const sendId = await this.sendTo(m, ctx, {
        programme,
        survey,
        version,
        audience: body.audience,
        recipients,
        planEntryId: null,
        language: body.language ?? DEFAULT_SURVEY_LANGUAGE,
        expiresInDays: body.expiresInDays ?? DEFAULT_EXPIRY_DAYS,
      });
      return this.sendDetail(m, sendId!, { programme, survey, version, audience: body.audience, sentBy: ctx.actor.id });
    });
  }

  /**
   * One send: an invitation for each recipient the plan entry (if any) has not asked yet, and one
   * audit event naming them. Null when nobody was left to ask.
   */
  async sendTo(m: EntityManager, ctx: RequestContext, x: SendInput): Promise<{ id: string; sentAt: Date } | null> {
    const send = await insertSend(m, {
      programmeId: x.programme.id,
      versionId: x.version.id,
      audience: x.audience,
      planEntryId: x.planEntryId,
      sentBy: ctx.actor.id,
    });
    const today = this.clock.today(x.programme.timeZone);
    const made: { id: string; delivery: string }[] = [];
    for (const r of x.recipients) {
      const invitation = await invite(m, this.key, r, {
        sendId: send.id,
        versionId: x.version.id,
        programmeId: x.programme.id,
        planEntryId: x.planEntryId,
        language: x.language,
        today,
        expiresInDays: x.expiresInDays,
      });
      if (!invitation) continue;
      made.push({ id: invitation.id, delivery: invitation.delivery });
      // Mailed from the outbox in this transaction: the mail carries the link's reference, and the
      // token is made only when the mail is rendered. No name in the mail; the title is the survey's.
      if (r.email) {
        // The recipient's own language when known, as the invitation's form is.
        const language = r.language ?? x.language;
        await enqueueMail(m, {
          to: { address: r.email, language },
          reason: `survey-invitation:${invitation.id}`,
          template: 'survey-invitation',
          params: {
            surveyTitle: x.version.content.title[language],
            link: invitation.ref,
            expiresOn: invitation.expiresOn,
            programmeName: x.programme.name,
          },
        });
      }
    }
    // The scan leaves out who its entry has asked; a send that still found everyone asked says nothing.
    if (made.length === 0) return null;
    await this.audit.append(m, ctx, {
      action: 'survey_send.create',
      entityType: 'survey_send',
      entityId: send.id,
      entityVersion: 1,
      changes: {
        programmeId: { old: null, new: x.programme.id },
        surveyKey: { old: null, new: x.survey.key },
        versionNumber: { old: null, new: x.version.number },
        audience: { old: null, new: x.audience },
        planEntryId: { old: null, new: x.planEntryId },
        invitations: { old: null, new: made.map((i) => i.id) },
        handouts: { old: null, new: made.filter((i) => i.delivery === 'handout').length },
      },
    });
    return send;
  }

  async invitations(ctx: RequestContext, programmeId: string): Promise<SurveyInvitationsResponse> {
    const m = this.dataSource.manager;
    const programme = await this.access.readable(m, ctx, programmeId);
    const rows = await invitationsOfProgramme(m, programmeId);
    const codes = await participantCodes(
      m,
      rows.filter((r) => r.recipientKind === 'participant').map((r) => r.recipientId),
    );
    const today = this.clock.today(programme.timeZone);
    return { invitations: rows.map((r) => toInvitationResponse(r, codes, today)) };
  }

  /**
   * A recipient without an e-mail address gets the link from the sender: shown this once (the
   * token is made again from the stored nonce, never stored), the handout recorded and audited.
   */
  async handout(ctx: RequestContext, programmeId: string, invitationId: string): Promise<SurveyHandoutResponse> {
    return this.dataSource.transaction(async (m) => {
      const programme = await this.access.writable(m, ctx, programmeId, { lock: true, what: 'Survey invitation' });
      const invitation = await invitationById(m, invitationId, true);
      if (!invitation || invitation.programmeId !== programmeId) throw notFound('Survey invitation');
      if (invitation.delivery !== 'handout')
        throw conflict('survey_handout_not_needed', 'This invitation is mailed to the address on record; its link is not handed out');
      const state = invitationState(invitation, this.clock.today(programme.timeZone));
      if (state === 'expired') throw linkExpired();
      if (state !== 'open') throw linkUsed();
      const at = await insertHandout(m, invitationId, ctx.actor.id!);
      if (!at) throw conflict('survey_link_handed_out', 'The link of this invitation was handed out already; it is shown only once');
      await this.audit.append(m, ctx, {
        action: 'survey_invitation.hand_out',
        entityType: 'survey_invitation',
        entityId: invitationId,
        entityVersion: 1,
        changes: { handedOutAt: { old: null, new: at.toISOString() } },
      });
      const token = linkToken(this.key, { purpose: INVITATION_PURPOSE, id: invitation.id, nonce: invitation.nonce });
      return { invitationId, token, link: `${this.config.publicUrl}/s/${token}`, expiresOn: invitation.expiresOn };
    });
  }

  /** The day the moment of a `procedure_completed` entry happened (null while it has not). */
  async completedOn(m: EntityManager, programme: Programme, e: PlanEntryRow): Promise<string | null> {
    return e.procedureKey ? firstCompletionDay(m, programme.id, e.procedureKey, programme.timeZone) : null;
  }

  private async sendDetail(
    m: EntityManager,
    sendId: { id: string; sentAt: Date },
    x: { programme: Programme; survey: SurveyRow; version: SurveyVersionRow; audience: SurveyAudience; sentBy: string | null },
  ): Promise<SurveySendResponse> {
    const rows = await invitationsOfSend(m, sendId.id);
    const codes = await participantCodes(
      m,
      rows.filter((r) => r.recipientKind === 'participant').map((r) => r.recipientId),
    );
    return toSendResponse(
      sendId,
      {
        programmeId: x.programme.id,
        surveyKey: x.survey.key,
        versionNumber: x.version.number,
        audience: x.audience,
        sentBy: x.sentBy,
      },
      rows,
      codes,
      this.clock.today(x.programme.timeZone),
    );
  }
}

async function surveyNamed(m: EntityManager, key: string): Promise<SurveyRow> {
  const survey = await surveyByKey(m, key);
  if (!survey)
    throw unprocessable('unknown_survey', `No survey has the key ${key}`, {
      errors: [{ field: 'surveyKey', message: 'must name a survey' }],
    });
  return survey;
}

/** The version of a survey in force on `day`; a survey with none cannot be sent. */
export async function inForceOf(m: EntityManager, survey: SurveyRow, day: string): Promise<SurveyVersionRow> {
  const version = versionInForce(await surveyVersionsOf(m, [survey.id]), day);
  if (!version) throw conflict('survey_not_in_force', `No version of ${survey.key} is in force: approve one before sending it`);
  return version;
}

function audienceMismatch(key: string, audience: SurveyAudience) {
  return unprocessable('survey_audience_mismatch', `${key} is answered by ${describeAudience(audience)}`, {
    errors: [{ field: 'audience', message: `must be ${audience}, the audience of ${key}` }],
  });
}

function describeAudience(a: SurveyAudience): string {
  return a === 'host' ? 'internships (host contacts)' : `${a}s`;
}

export function linkExpired() {
  return new ProblemException('survey_link_expired', 'This survey link has expired');
}

export function linkUsed() {
  return new ProblemException('survey_link_used', 'This survey link has been used: the survey was answered or declined');
}
