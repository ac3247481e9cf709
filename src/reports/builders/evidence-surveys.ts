/**
 * The evidence report's satisfaction surveys: for each survey sent in the programme, its results
 * as the surveys module shows them to the report's author (small cells suppressed, free text only
 * once reviewed), with the questions' labels in every language of the version in force.
 */
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.js';
import type { SurveyResultsService } from '../../surveys/survey-results.service.js';
import { allSurveys, surveyResponseCounts, surveyVersionsOf } from '../../surveys/surveys.queries.js';
import type { EvidenceSurvey } from '../models/evidence-report.js';

type Text = { en: string; sv: string; nb: string };

export async function evidenceSurveys(
  m: EntityManager,
  results: SurveyResultsService,
  ctx: RequestContext,
  q: { programmeId: string; from: string; to: string },
): Promise<EvidenceSurvey[]> {
  const sent = new Set((await surveyResponseCounts(m, [q.programmeId])).map((c) => c.surveyKey));
  const surveys = (await allSurveys(m)).filter((s) => sent.has(s.key));
  const out: EvidenceSurvey[] = [];
  for (const survey of surveys) {
    const here = await results.results(ctx, survey.id, { programmeId: q.programmeId, from: q.from, to: q.to });
    // The trend across the programmes the author may read, answers of any time.
    const across = await results.results(ctx, survey.id, {});
    const versions = await surveyVersionsOf(m, [survey.id]);
    const content = (versions.filter((v) => v.status === 'approved').at(-1) ?? versions.at(-1)!).content;
    const question = (key: string) => content.questions.find((x) => x.key === key);
    const label = (key: string): Text => question(key)?.label ?? { en: key, sv: key, nb: key };
    out.push({
      key: survey.key,
      title: content.title,
      responseRates: here.cohorts.map((c) => ({
        role: c.role,
        invited: c.responseRate.invited,
        answered: c.responseRate.answered,
        declined: c.responseRate.declined,
        rate: c.responseRate.rate,
      })),
      questions: here.questions.map((r) => ({
        key: r.key,
        type: r.type,
        label: label(r.key),
        n: r.n,
        mean: r.mean,
        suppressed: r.suppressed,
        distribution: r.distribution.map((d) => ({
          value: d.value,
          label: question(r.key)?.options?.find((o) => o.value === d.value)?.label ?? { en: d.value, sv: d.value, nb: d.value },
          count: d.count,
        })),
      })),
      trends: across.trends.map((t) => ({
        questionKey: t.questionKey,
        points: t.points.map((p) => ({ programmeName: p.programmeName, startDate: p.startDate, n: p.n, mean: p.mean })),
      })),
      // Text is printed only where the surveys module names it with this programme (enough answered).
      freeText: here.freeText
        .filter((t) => t.programmeId === q.programmeId)
        .map((t) => ({ questionKey: t.questionKey, role: t.role, text: t.text, redacted: t.redacted })),
      freeTextWithheld: here.freeText.filter((t) => t.programmeId !== q.programmeId).length,
      freeTextAwaitingReview: here.freeTextAwaitingReview,
    });
  }
  return out;
}
