import { Injectable } from '@nestjs/common';
import { internalAuditResults } from '../internal-audits/internal-audits.queries.js';
import type { EntityManager } from 'typeorm';
import { ACTION_STATES, isOverdue } from '../corrective-actions/action-states.js';
import { actionsOfDecisions, allActions } from '../corrective-actions/corrective-actions.queries.js';
import type { ActionRow } from '../corrective-actions/corrective-actions.queries.js';
import { DEVIATION_SOURCES, SEVERITIES } from '../deviations/deviation-states.js';
import { oldestOpenDeviation, openDeviationTallies } from '../deviations/deviations.queries.js';
import {
  completedConformanceBetween,
  completedConformanceByProcedure,
  completedStepValuesBetween,
} from '../executions/executions.queries.js';
import { deviationFlowBetween } from '../deviations/deviations.queries.js';
import { addDays, daysBetween } from '../common/calendar.js';
import { openActionsWithoutDeviation, actionsByIds } from '../corrective-actions/corrective-actions.queries.js';
import { QualityObjectivesService } from '../indicators/quality-objectives.service.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { presentSatisfaction } from '../indicators/indicators.mapper.js';
import type { SatisfactionIndicator, ShownSatisfaction } from '../indicators/indicators.mapper.js';
import { answersOf, sourceOf, surveyIsSource, surveySource, surveySourceNote, trendOf } from './review-satisfaction.js';
import { allProgrammeIds, pairFlowBetween } from '../programmes/programmes.queries.js';
import { registerRisks } from '../risks/risks.queries.js';
import { score } from '../risks/risk-rating.js';
import { notesOf } from './management-reviews.queries.js';
import type { ManagementReviewInputsResponse, PeopleCount, ReviewInternalAuditInputs, Trend } from './management-review.dto.js';

const SMALL_CELL = 5;
const people = (n: number): PeopleCount => (n > 0 && n < SMALL_CELL ? '<5' : n);

/** The inputs' one type is the response DTO (also what the minutes print and the console reads). */
export type ManagementReviewInputs = ManagementReviewInputsResponse;
export type InternalAuditInputs = ReviewInternalAuditInputs;

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

@Injectable()
export class ReviewInputsService {
  constructor(
    private readonly objectives: QualityObjectivesService,
    private readonly indicators: IndicatorsService,
  ) {}

  /** A satisfaction indicator from survey answers given in the period, every programme, as anyone may see it. */
  private async surveyed(m: EntityManager, indicator: SatisfactionIndicator, from: string, to: string): Promise<ShownSatisfaction> {
    return presentSatisfaction((await this.indicators.satisfaction(m, { from, to }))[indicator]);
  }

  /** The internal audits performed in the period, each with its findings by kind (from the internal audits module). */
  async internalAudits(m: EntityManager, from: string, to: string): Promise<InternalAuditInputs> {
    const { audits } = await internalAuditResults(m, from, to);
    return { available: true, note: null, audits };
  }

  /** `composedAt` defaults to now; a report passes its generation time so that it can be reproduced. */
  async compose(
    m: EntityManager,
    review: { id: string; heldOn: string; periodFrom: string; periodTo: string },
    today: string,
    composedAt = new Date().toISOString(),
  ): Promise<ManagementReviewInputs> {
    const from = review.periodFrom;
    const to = review.periodTo;
    const previousTo = addDays(from, -1);
    const previousFrom = addDays(previousTo, -daysBetween(from, to));
    const notes = await notesOf(m, review.id);
    const noted = (topic: 'issues' | 'resources') =>
      notes.filter((n) => n.topic === topic).map((n) => ({ seq: n.seq, text: n.text, recordedAt: n.recordedAt.toISOString() }));
    const deviations = await openDeviationTallies(m, today);
    const oldest = await oldestOpenDeviation(m);
    const openBySeverity = zero(SEVERITIES);
    const openBySource = zero(DEVIATION_SOURCES);
    for (const r of deviations) {
      openBySeverity[r.severity] += r.n;
      openBySource[r.source] += r.n;
    }
    const actions = await allActions(m);
    const byState = zero(ACTION_STATES);
    for (const a of actions) byState[a.state]++;
    const overdueActions = actions.filter((a) => isOverdue(a.state, a.dueDate, today));
    const conformance = await completedConformanceByProcedure(m);
    const decisions = await m.query<{ id: string; held_on: string; title: string; decision_id: string; seq: number; text: string }[]>(
      `SELECT r.id, r.held_on, r.title, d.id AS decision_id, d.seq, d.text
       FROM management_review r JOIN management_review_decision d ON d.management_review_id = r.id
       WHERE r.state = 'closed' AND r.id <> $1 AND r.held_on <= $2
       ORDER BY r.held_on, r.id, d.seq`,
      [review.id, review.heldOn],
    );
    const decisionActions = await actionsOfDecisions(
      m,
      decisions.map((d) => d.decision_id),
    );
    // Each decision with the action it created (a decision that created none stands alone).
    const earlier = decisions.flatMap((d): ((typeof decisions)[number] & { action: ActionRow | null })[] => {
      const created = decisionActions.filter((a) => a.reviewDecisionId === d.decision_id);
      return created.length ? created.map((a) => ({ ...d, action: a })) : [{ ...d, action: null }];
    });
    const programmes = await allProgrammeIds(m);
    const flow = await deviationFlowBetween(m, from, to);
    const detectedBySeverity = zero(SEVERITIES);
    for (const f of flow) detectedBySeverity[f.severity] += f.detected;
    const objectives = await this.objectives.standing(m, from, to, today);
    return {
      composedAt,
      asOf: today,
      period: { from, to, previousFrom, previousTo },
      issues: noted('issues'),
      satisfaction: await this.satisfaction(m, from, to, previousFrom, previousTo),
      objectives: objectives.map((o) => ({
        id: o.id,
        title: o.title,
        ownerName: o.ownerName,
        deadline: o.deadline,
        indicator: o.indicator,
        unit: o.unit,
        comparator: o.comparator,
        target: o.target,
        measured: o.measured,
        status: o.status,
        trend: o.trend as Trend | null,
        trendIsBetter: o.trendIsBetter,
        measuredInPeriod: o.inPeriod.map((h) => ({ period: h.period, measured: h.measured, status: h.status })),
      })),
      processPerformance: await this.processPerformance(m, from, to, previousFrom, previousTo),
      nonconformities: {
        detected: flow.reduce((s, f) => s + f.detected, 0),
        closed: flow.reduce((s, f) => s + f.closed, 0),
        detectedBySeverity,
      },
      monitoring: await this.objectives.headline(m, programmes, today),
      internalAudits: await this.internalAudits(m, from, to),
      externalProviders: await this.externalProviders(m, from, to),
      resources: noted('resources'),
      risks: await this.risks(m),
      opportunities: await this.opportunities(m),
      deviations: {
        open: deviations.reduce((s, r) => s + r.n, 0),
        overdue: deviations.reduce((s, r) => s + r.overdue, 0),
        openBySeverity,
        openBySource,
        oldestOpen: oldest
          ? { reference: oldest.reference, occurredAt: oldest.occurredAt.toISOString(), detectedAt: oldest.detectedAt.toISOString() }
          : null,
      },
      correctiveActions: { byState, overdue: overdueActions.length, overdueReferences: overdueActions.map((a) => a.reference) },
      conformance: conformance.map((c) => ({
        procedureKey: c.procedureKey,
        conforming: c.conforming,
        completed: c.completed,
        rate: c.completed ? Math.round((c.conforming / c.completed) * 10000) / 10000 : null,
      })),
      earlierDecisions: earlier.map((e) => ({
        reviewId: e.id,
        heldOn: e.held_on,
        title: e.title,
        seq: e.seq,
        text: e.text,
        action: e.action
          ? {
              reference: e.action.reference,
              state: e.action.state,
              dueDate: e.action.dueDate,
              overdue: isOverdue(e.action.state, e.action.dueDate, today),
            }
          : null,
      })),
    };
  }

  /**
   * The adepts' satisfaction: from their surveys where any answered in the period (the leaders'
   * scores at final evaluations are then left out), else as leaders recorded it; the previous
   * period by the same rule. Host organisations from their surveys alone.
   */
  private async satisfaction(
    m: EntityManager,
    from: string,
    to: string,
    previousFrom: string,
    previousTo: string,
  ): Promise<NonNullable<ManagementReviewInputs['satisfaction']>> {
    const scores = async (a: string, b: string) =>
      (await completedStepValuesBetween(m, SATISFACTION.procedureKey, SATISFACTION.stepKey, a, b))
        .map((v) => ({ score: v[SATISFACTION.fieldKey], feedback: v.adept_feedback }))
        .filter((v): v is { score: number; feedback: unknown } => typeof v.score === 'number');
    const now = await scores(from, to);
    const survey = await this.surveyed(m, 'participant_satisfaction', from, to);
    const surveyBefore = await this.surveyed(m, 'participant_satisfaction', previousFrom, previousTo);
    const previousMean = surveyIsSource(surveyBefore)
      ? surveyBefore.mean
      : shownMean((await scores(previousFrom, previousTo)).map((v) => v.score));
    const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    for (const v of now) if (String(v.score) in distribution) distribution[String(v.score) as keyof typeof distribution]++;
    const fromSurvey = surveyIsSource(survey);
    const mean = fromSurvey ? survey.mean : shownMean(now.map((v) => v.score));
    const shownDistribution = fromSurvey
      ? survey.distribution
      : {
          '1': people(distribution['1']),
          '2': people(distribution['2']),
          '3': people(distribution['3']),
          '4': people(distribution['4']),
          '5': people(distribution['5']),
        };
    return {
      ...SATISFACTION,
      ...sourceOf(survey),
      survey: fromSurvey ? surveySource(survey) : null,
      responses: fromSurvey ? answersOf(survey) : people(now.length),
      mean,
      // Fewer than 5 survey answers show no distribution: every score "<5" would tell nothing and could tell much.
      distribution: shownDistribution ?? { '1': '<5', '2': '<5', '3': '<5', '4': '<5', '5': '<5' },
      feedbackGiven: people(now.filter((v) => typeof v.feedback === 'string' && v.feedback.trim() !== '').length),
      previousMean,
      trend: trendOf(previousMean, mean),
      employers: await this.employers(m, from, to, previousFrom, previousTo),
    };
  }

  private async employers(m: EntityManager, from: string, to: string, previousFrom: string, previousTo: string) {
    const survey = await this.surveyed(m, 'employer_satisfaction', from, to);
    if (!surveyIsSource(survey)) return null;
    const previousMean = (await this.surveyed(m, 'employer_satisfaction', previousFrom, previousTo)).mean;
    return {
      indicator: survey.indicator,
      responses: answersOf(survey),
      mean: survey.mean,
      previousMean,
      trend: trendOf(previousMean, survey.mean),
      survey: surveySource(survey),
      sourceNote: surveySourceNote(survey),
    };
  }

  private async processPerformance(m: EntityManager, from: string, to: string, previousFrom: string, previousTo: string) {
    const now = await completedConformanceBetween(m, from, to);
    const before = await completedConformanceBetween(m, previousFrom, previousTo);
    const rateOf = (c: { conforming: number; completed: number } | undefined) =>
      c && c.completed ? Math.round((c.conforming / c.completed) * 10000) / 10000 : null;
    return now.map((c) => {
      const rate = rateOf(c);
      const previousRate = rateOf(before.find((b) => b.procedureKey === c.procedureKey));
      return { ...c, rate, previousRate, trend: trendOf(previousRate, rate) };
    });
  }

  private async externalProviders(m: EntityManager, from: string, to: string) {
    const pairs = await pairFlowBetween(m, from, to);
    const finals = await completedStepValuesBetween(m, 'final-evaluation', 'mentor_evaluation', from, to);
    const midpoints = (await completedStepValuesBetween(m, 'mid-point-follow-up', 'satisfaction', from, to))
      .map((v) => v.mentor_satisfaction)
      .filter((v): v is number => typeof v === 'number');
    // The mentors' own survey answers replace the satisfaction leaders recorded at mid-point follow-ups.
    const survey = await this.surveyed(m, 'mentor_satisfaction', from, to);
    const fromSurvey = surveyIsSource(survey);
    const source = sourceOf(survey);
    return {
      pairsMatched: people(pairs.matched),
      pairsEndedEarly: people(pairs.endedEarly),
      mentorFeedbackGiven: people(finals.filter((v) => typeof v.mentor_feedback === 'string' && v.mentor_feedback.trim() !== '').length),
      mentorSatisfactionResponses: fromSurvey ? answersOf(survey) : people(midpoints.length),
      mentorSatisfactionMean: fromSurvey ? survey.mean : shownMean(midpoints),
      mentorSatisfactionSource: source.source,
      mentorSatisfactionSourceNote: source.sourceNote,
      mentorSatisfactionSurvey: fromSurvey ? surveySource(survey) : null,
    };
  }

  /** Risks and opportunities with actions: the rating before and after treatment, and where the actions stand. */
  private async risks(m: EntityManager) {
    const treated = (await registerRisks(m, null)).filter((r) => r.actionIds.length > 0);
    const actions = await actionsByIds(m, [...new Set(treated.flatMap((r) => r.actionIds))]);
    return treated.map((r) => ({
      reference: r.reference,
      kind: r.kind,
      title: r.title,
      status: r.status,
      ratingBefore: score(r.likelihood, r.impact),
      ratingAfter: r.residualLikelihood !== null && r.residualImpact !== null ? score(r.residualLikelihood, r.residualImpact) : null,
      actions: actions.filter((a) => r.actionIds.includes(a.id)).map((a) => ({ reference: a.reference, state: a.state })),
    }));
  }

  private async opportunities(m: EntityManager) {
    const actions = await openActionsWithoutDeviation(m);
    const register = (await registerRisks(m, null)).filter((r) => r.kind === 'opportunity' && r.status === 'open');
    return {
      actions: actions.map((a) => ({
        reference: a.reference,
        type: a.type,
        source: a.source,
        sourceText: a.sourceText,
        state: a.state,
        dueDate: a.dueDate,
      })),
      register: register.map((r) => ({ reference: r.reference, title: r.title, rating: score(r.likelihood, r.impact) })),
    };
  }
}

/** Where participant satisfaction is read from: the final evaluation's adept evaluation (procedures/final-evaluation.yaml). */
const SATISFACTION = { procedureKey: 'final-evaluation', stepKey: 'adept_evaluation', fieldKey: 'satisfaction' } as const;

/** The mean of scores, to two decimals; null when fewer than 5 (it could identify someone). */
function shownMean(values: number[]): number | null {
  if (values.length < SMALL_CELL) return null;
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
}
