import type { UserLanguage } from '../common/languages.js';
import type { Signature } from '../signatures/signature.entity.js';
import { toSignatureResponse } from '../signatures/signature.mapper.js';
import { SCALE_MAX, SCALE_MIN } from './survey-content.js';
import type { SurveyContent } from './survey-content.js';
import type { SurveyFormResponse, SurveyReplyResponse } from './survey-invitation.dto.js';
import { invitationState, sendDay } from './survey-moments.js';
import type { SurveyFindingResponse, SurveyResultsResponse, TextAnswerResponse } from './survey-results.dto.js';
import type { SurveyInvitationResponse, SurveyPlanEntryResponse, SurveySendResponse } from './survey-sending.dto.js';
import type { SurveyContentResponse, SurveyResponse, SurveySummaryResponse } from './survey.dto.js';
import { versionInForce, versionState } from './survey-versions.js';
import type { FindingRow, InvitationRow, PlanEntryRow, SurveyRow, SurveyVersionRow, TextAnswerRow } from './surveys.queries.js';
import type { surveyResults } from './survey-suppression.js';

export function toSurveyContentResponse(c: SurveyContent): SurveyContentResponse {
  return {
    key: c.key,
    audience: c.audience,
    title: c.title,
    intro: c.intro,
    privacy: c.privacy,
    questions: c.questions.map((q) => ({
      key: q.key,
      type: q.type,
      label: q.label,
      help: q.help ?? null,
      required: q.required,
      options: q.options ?? [],
      indicator: q.indicator ?? null,
    })),
  };
}

export function toSurveySummaryResponse(s: SurveyRow, versions: readonly SurveyVersionRow[], today: string): SurveySummaryResponse {
  const inForce = versionInForce(versions, today);
  const latest = versions.at(-1) ?? null;
  return {
    id: s.id,
    key: s.key,
    audience: (latest ?? inForce)!.content.audience,
    title: (latest ?? inForce)!.content.title.en,
    effectiveVersion: inForce?.number ?? null,
    latestVersion: latest?.number ?? null,
    latestState: latest ? versionState(latest, inForce, today) : null,
  };
}

export function toSurveyResponse(
  s: SurveyRow,
  versions: readonly SurveyVersionRow[],
  signatures: readonly Signature[],
  today: string,
): SurveyResponse {
  const inForce = versionInForce(versions, today);
  return {
    ...toSurveySummaryResponse(s, versions, today),
    createdAt: s.createdAt.toISOString(),
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      state: versionState(v, inForce, today),
      changeSummary: v.changeSummary,
      shipped: v.shipped,
      authorId: v.authorId,
      contentHash: v.contentHash,
      content: toSurveyContentResponse(v.content),
      createdAt: v.createdAt.toISOString(),
      approvedAt: v.approvedAt?.toISOString() ?? null,
      effectiveOn: v.effectiveOn,
      rejectedAt: v.rejectedAt?.toISOString() ?? null,
      statusReason: v.statusReason,
      signatures: signatures.filter((x) => x.recordId === v.id).map(toSignatureResponse),
    })),
  };
}

export function toPlanEntryResponse(
  e: PlanEntryRow,
  programme: { startDate: string; endDate: string },
  completedOn: string | null,
): SurveyPlanEntryResponse {
  return {
    id: e.id,
    programmeId: e.programmeId,
    surveyKey: e.surveyKey,
    audience: e.audience,
    moment: e.moment,
    procedureKey: e.procedureKey,
    offsetDays: e.offsetDays,
    expiresInDays: e.expiresInDays,
    language: e.language,
    sendsOn: sendDay(e, programme, completedOn),
    sent: e.sent,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toInvitationResponse(i: InvitationRow, codes: ReadonlyMap<string, string>, today: string): SurveyInvitationResponse {
  return {
    id: i.id,
    surveyKey: i.surveyKey,
    versionNumber: i.versionNumber,
    recipient: {
      kind: i.recipientKind,
      id: i.recipientId,
      role: i.role,
      code: i.recipientKind === 'participant' ? (codes.get(i.recipientId) ?? null) : null,
    },
    language: i.language,
    delivery: i.delivery,
    expiresOn: i.expiresOn,
    state: invitationState(i, today),
    planEntryId: i.planEntryId,
    handedOutAt: i.handedOutAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
  };
}

export function toSendResponse(
  send: { id: string; sentAt: Date },
  s: { programmeId: string; surveyKey: string; versionNumber: number; audience: SurveySendResponse['audience']; sentBy: string | null },
  invitations: readonly InvitationRow[],
  codes: ReadonlyMap<string, string>,
  today: string,
): SurveySendResponse {
  return {
    id: send.id,
    ...s,
    sentAt: send.sentAt.toISOString(),
    invitations: invitations.map((i) => toInvitationResponse(i, codes, today)),
  };
}

/** The survey in the recipient's language; nothing about the recipient. */
export function toFormResponse(c: SurveyContent, language: UserLanguage, expiresOn: string): SurveyFormResponse {
  return {
    language,
    title: c.title[language],
    intro: c.intro[language],
    privacy: c.privacy[language],
    expiresOn,
    questions: c.questions.map((q) => ({
      key: q.key,
      type: q.type,
      label: q.label[language],
      help: q.help?.[language] ?? null,
      required: q.required,
      options: (q.options ?? []).map((o) => ({ value: o.value, label: o.label[language] })),
      min: q.type === 'scale' ? SCALE_MIN : null,
      max: q.type === 'scale' ? SCALE_MAX : null,
    })),
  };
}

export function toReplyResponse(outcome: 'answered' | 'declined', at: Date): SurveyReplyResponse {
  return { outcome, at: at.toISOString() };
}

export function toTextAnswerResponse(t: TextAnswerRow): TextAnswerResponse {
  return {
    id: t.id,
    surveyId: t.surveyId,
    surveyKey: t.surveyKey,
    questionKey: t.questionKey,
    programmeId: t.programmeId,
    role: t.role,
    text: t.text,
    answeredAt: t.answeredAt.toISOString(),
    review: t.decision
      ? { decision: t.decision, replacement: t.replacement, reviewedBy: t.reviewedBy!, reviewedAt: t.reviewedAt!.toISOString() }
      : null,
  };
}

export function toFindingResponse(f: FindingRow): SurveyFindingResponse {
  return {
    id: f.id,
    kind: f.kind,
    recordId: f.recordId,
    reference: f.reference,
    surveyKey: f.surveyKey,
    questionKey: f.questionKey,
    programmeId: f.programmeId,
    textAnswerId: f.textAnswerId,
    createdAt: f.createdAt.toISOString(),
  };
}

export function toResultsResponse(
  survey: SurveyRow,
  title: string,
  results: ReturnType<typeof surveyResults>,
  texts: readonly TextAnswerRow[],
  findings: readonly FindingRow[],
  smallCellLimit: number,
): SurveyResultsResponse {
  // Cohorts are (programme, role): the text of a cohort of 1 to 4 would speak for one of few people, so it is left out.
  const cohortKey = (programmeId: string, role: string) => `${programmeId} ${role}`;
  const nameable = new Set(results.cohorts.filter((c) => c.nameable).map((c) => cohortKey(c.programmeId, c.role)));
  const large = new Set(results.cohorts.filter((c) => c.enoughAnswers).map((c) => cohortKey(c.programmeId, c.role)));
  const reviewed = texts.filter((t) => t.decision !== null);
  const shownTexts = reviewed.filter((t) => large.has(cohortKey(t.programmeId, t.role)));
  return {
    surveyId: survey.id,
    surveyKey: survey.key,
    title,
    smallCellLimit,
    responseRate: results.responseRate,
    questions: results.questions,
    cohorts: results.cohorts.map((c) => ({
      programmeId: c.programmeId,
      programmeName: c.programmeName,
      startDate: c.startDate,
      role: c.role,
      responseRate: c.responseRate,
      questions: c.questions,
    })),
    trends: results.trends,
    freeText: shownTexts.map((t) => ({
      questionKey: t.questionKey,
      programmeId: nameable.has(cohortKey(t.programmeId, t.role)) ? t.programmeId : null,
      role: t.role,
      text: t.decision === 'redacted' ? t.replacement! : t.text,
      redacted: t.decision === 'redacted',
    })),
    freeTextAwaitingReview: texts.length - reviewed.length,
    findings: findings.map(toFindingResponse),
  };
}
