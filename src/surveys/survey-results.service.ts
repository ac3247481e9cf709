import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { notFound, validationFailed } from '../common/problem.js';
import type { RequestContext } from '../common/request-context.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import { programmesByIds } from '../programmes/programmes.queries.js';
import type { SurveyResultsQuery, SurveyResultsResponse, TextAnswerQuery, TextAnswersResponse } from './survey-results.dto.js';
import { quarterFilterErrors } from './survey-periods.js';
import { SMALL_CELL_LIMIT, surveyResults } from './survey-suppression.js';
import type { CohortAnswers } from './survey-suppression.js';
import { toResultsResponse, toTextAnswerResponse } from './survey.mapper.js';
import { versionInForce } from './survey-versions.js';
import { findingsOf, invitedCounts, responsesOf, surveyById, surveyVersionsOf, textAnswers, textAnswersOf } from './surveys.queries.js';

/**
 * Results of a survey as readers may see them: counts and means over fewer than 5 answers hidden
 * (and whatever would give them away), free text only once a quality manager has reviewed it.
 * A programme leader sees the cohorts of the programmes they lead.
 */
@Injectable()
export class SurveyResultsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ProgrammeAccess,
    private readonly clock: Clock,
  ) {}

  /**
   * Results as a reader asks for them: by whole quarters only, so that two requests cannot differ
   * by one respondent (reports ask by the programme's own period, a whole programme).
   */
  async resultsByQuarters(ctx: RequestContext, surveyId: string, q: SurveyResultsQuery): Promise<SurveyResultsResponse> {
    const periodErrors = quarterFilterErrors(q.from, q.to);
    if (periodErrors.length) throw validationFailed(periodErrors);
    return this.results(ctx, surveyId, q);
  }

  async results(ctx: RequestContext, surveyId: string, q: SurveyResultsQuery): Promise<SurveyResultsResponse> {
    const m = this.dataSource.manager;
    const survey = await surveyById(m, surveyId);
    if (!survey) throw notFound('Survey');
    if (q.programmeId) await this.access.readable(m, ctx, q.programmeId);
    const programmeIds = q.programmeId ? [q.programmeId] : await this.access.visibleIds(m, ctx);
    const filter = { programmeIds, from: q.from, to: q.to };
    const versions = await surveyVersionsOf(m, [surveyId]);
    // The questions as the version in force asks them (else the latest): answers to older versions count where their keys match.
    const version = versionInForce(versions, this.clock.today()) ?? versions.at(-1)!;
    const [responses, invited, texts, findings] = [
      await responsesOf(m, surveyId, filter),
      await invitedCounts(m, surveyId, filter),
      await textAnswersOf(m, surveyId, filter),
      await findingsOf(m, surveyId, programmeIds),
    ];
    const programmes = new Map((await programmesByIds(m, [...new Set(invited.map((i) => i.programmeId))])).map((p) => [p.id, p]));
    const cohorts: CohortAnswers[] = invited
      .map((i) => {
        const p = programmes.get(i.programmeId)!;
        const mine = responses.filter((r) => r.programmeId === i.programmeId && r.role === i.role);
        return {
          programmeId: i.programmeId,
          programmeName: p.name,
          startDate: p.startDate,
          role: i.role,
          invited: i.invited,
          declined: mine.filter((r) => r.outcome === 'declined').length,
          answers: mine.filter((r) => r.outcome === 'answered').map((r) => r.answers ?? {}),
        };
      })
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.programmeId.localeCompare(b.programmeId) || a.role.localeCompare(b.role));
    const results = surveyResults(version.content.questions, cohorts);
    return toResultsResponse(survey, version.content.title.en, results, texts, findings, SMALL_CELL_LIMIT);
  }

  async textAnswers(q: TextAnswerQuery): Promise<TextAnswersResponse> {
    const rows = await textAnswers(this.dataSource.manager, (q.state ?? 'pending') === 'reviewed');
    return { items: rows.map(toTextAnswerResponse) };
  }
}
