import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { conflict, notFound, unprocessable, validationFailed } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { CorrectiveActionsService } from '../corrective-actions/corrective-actions.service.js';
import { DeviationsService } from '../deviations/deviations.service.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import type {
  OpenSurveyDeviationRequest,
  OpenSurveyImprovementRequest,
  ReviewTextAnswerRequest,
  SurveyFindingResponse,
  TextAnswerResponse,
} from './survey-results.dto.js';
import { toFindingResponse, toTextAnswerResponse } from './survey.mapper.js';
import { insertFinding, insertTextReview, surveyById, surveyVersionsOf, textAnswerById } from './surveys.queries.js';
import type { SurveyRow } from './surveys.queries.js';

/**
 * What a quality manager does with results: reviews free text for personal data before a report
 * shows it (cleared, or redacted with a replacement; once), and opens a deviation or an improvement
 * action from a low score or a complaint, linked to the survey, question and programme.
 */
@Injectable()
export class SurveyFindingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: ProgrammeAccess,
    private readonly clock: Clock,
    private readonly deviations: DeviationsService,
    private readonly actions: CorrectiveActionsService,
  ) {}

  async reviewText(ctx: RequestContext, id: string, body: ReviewTextAnswerRequest): Promise<TextAnswerResponse> {
    const replacement = body.replacement?.trim() || null;
    if (body.decision === 'redacted' && !replacement) throw validationFailed([{ field: 'replacement', message: 'is required to redact' }]);
    if (body.decision === 'cleared' && replacement)
      throw validationFailed([{ field: 'replacement', message: 'must be left out when the answer is cleared' }]);
    return this.dataSource.transaction(async (m) => {
      const answer = await textAnswerById(m, id, true);
      if (!answer) throw notFound('Text answer');
      if (!(await insertTextReview(m, id, body.decision, replacement, ctx.actor.id!)))
        throw conflict('survey_text_reviewed', 'This answer has been reviewed already; a review is made once');
      await this.audit.append(m, ctx, {
        action: `survey_text_answer.${body.decision === 'cleared' ? 'clear' : 'redact'}`,
        entityType: 'survey_text_answer',
        entityId: id,
        entityVersion: 1,
        changes: {
          decision: { old: null, new: body.decision },
          // The replacement may still say something of a person: kept as a keyed hash.
          ...(replacement ? { replacement: { old: null, new: await this.audit.personal(replacement, m) } } : {}),
        },
      });
      return toTextAnswerResponse((await textAnswerById(m, id))!);
    });
  }

  async openDeviation(ctx: RequestContext, surveyId: string, body: OpenSurveyDeviationRequest): Promise<SurveyFindingResponse> {
    return this.dataSource.transaction(async (m) => {
      await this.access.writable(m, ctx, body.programmeId, { lock: true });
      const survey = await this.checkSource(m, surveyId, body);
      const deviation = await this.deviations.insert(m, ctx, {
        programmeId: body.programmeId,
        title: body.title.trim(),
        description: `${body.description.trim()}\n\nFrom the survey ${survey.key}, question ${body.questionKey}.`,
        severity: body.severity,
        source: 'participant_feedback',
        detectedAt: this.clock.now().toISOString(),
      });
      return this.link(m, ctx, survey, body, 'deviation', deviation.id, deviation.reference);
    });
  }

  async openImprovement(ctx: RequestContext, surveyId: string, body: OpenSurveyImprovementRequest): Promise<SurveyFindingResponse> {
    return this.dataSource.transaction(async (m) => {
      await this.access.writable(m, ctx, body.programmeId, { lock: true });
      const survey = await this.checkSource(m, surveyId, body);
      const action = await this.actions.insert(m, ctx, {
        deviationIds: [],
        type: 'improvement',
        description: body.description.trim(),
        ownerId: body.ownerId,
        dueDate: body.dueDate,
        effectivenessCriterion: body.effectivenessCriterion.trim(),
        effectivenessCheckAfterDays: body.effectivenessCheckAfterDays,
        source: { kind: 'other', text: `Survey ${survey.key}, question ${body.questionKey}, programme ${body.programmeId}` },
      });
      return this.link(m, ctx, survey, body, 'improvement', action.id, action.reference);
    });
  }

  private async checkSource(
    m: EntityManager,
    surveyId: string,
    body: { programmeId: string; questionKey: string; textAnswerId?: string },
  ): Promise<SurveyRow> {
    const survey = await surveyById(m, surveyId);
    if (!survey) throw notFound('Survey');
    const versions = await surveyVersionsOf(m, [surveyId]);
    if (!versions.some((v) => v.content.questions.some((q) => q.key === body.questionKey)))
      throw unprocessable('unknown_survey_question', `${survey.key} asks no question ${body.questionKey}`, {
        errors: [{ field: 'questionKey', message: `must be a question of ${survey.key}` }],
      });
    if (body.textAnswerId) {
      const t = await textAnswerById(m, body.textAnswerId);
      if (!t || t.surveyId !== surveyId || t.programmeId !== body.programmeId || t.questionKey !== body.questionKey)
        throw unprocessable('unknown_survey_question', 'The free-text answer named is not an answer to this question in this programme', {
          errors: [{ field: 'textAnswerId', message: 'must be an answer to the question in the programme' }],
        });
    }
    return survey;
  }

  private async link(
    m: EntityManager,
    ctx: RequestContext,
    survey: SurveyRow,
    body: { programmeId: string; questionKey: string; textAnswerId?: string },
    kind: 'deviation' | 'improvement',
    recordId: string,
    reference: string,
  ): Promise<SurveyFindingResponse> {
    const finding = await insertFinding(m, {
      kind,
      recordId,
      reference,
      surveyId: survey.id,
      questionKey: body.questionKey,
      programmeId: body.programmeId,
      textAnswerId: body.textAnswerId ?? null,
      createdBy: ctx.actor.id!,
    });
    await this.audit.append(m, ctx, {
      action: 'survey_finding.create',
      entityType: 'survey_finding',
      entityId: finding.id,
      entityVersion: 1,
      changes: {
        kind: { old: null, new: kind },
        reference: { old: null, new: reference },
        surveyKey: { old: null, new: survey.key },
        questionKey: { old: null, new: body.questionKey },
        programmeId: { old: null, new: body.programmeId },
      },
    });
    return toFindingResponse(finding);
  }
}
