import type { ParticipantRole } from '../programmes/participant-kinds.js';
import { suppress, suppressRate, suppressRow } from './indicator-math.js';
import type { FunnelResponse, FunnelStagesResponse } from './indicators.dto.js';
import type { RawIndicators } from './indicators.service.js';
import { FUNNEL_INTERVIEW } from './funnel.js';
import { SATISFACTION_INDICATORS, presentSatisfaction } from './satisfaction.js';

export { presentSatisfaction, SATISFACTION_INDICATORS };
export type { SatisfactionFigure, SatisfactionIndicator, ShownSatisfaction } from './satisfaction.js';
import type { FunnelCounts } from './funnel.js';

/**
 * The funnel as the caller may see it. With suppression each stage under 5 is "<5", and where those
 * registered stand (admitted, still applicants, waiting list, not admitted) is suppressed as a row
 * with its total, so that no lone small cell can be worked out from the others.
 */
export function presentFunnel(programmeId: string, raw: Record<ParticipantRole, FunnelCounts>, suppressed: boolean): FunnelResponse {
  const view = (role: ParticipantRole): FunnelStagesResponse => {
    const f = raw[role];
    const standing = suppressRow(
      { admitted: f.admitted, applicant: f.applicant, waitingList: f.waitingList, notAdmitted: f.notAdmitted },
      suppressed,
    );
    return {
      interested: suppressed ? standing.total : f.interested,
      interviewed: suppress(f.interviewed, suppressed),
      admitted: standing.counts.admitted,
      completed: suppress(f.completed, suppressed),
      applicant: standing.counts.applicant,
      waitingList: standing.counts.waitingList,
      notAdmitted: standing.counts.notAdmitted,
      withdrawn: suppress(f.withdrawn, suppressed),
      intakeProcedure: FUNNEL_INTERVIEW[role],
    };
  };
  return { programmeId, smallCellsSuppressed: suppressed, adept: view('adept'), mentor: view('mentor') };
}

/**
 * The indicators as the caller may see them. With suppression (everyone but quality managers and
 * the programme's leaders, or on request) every count of people is shown as the evidence report
 * shows it: by gender, by country, by status, outcomes, in own profession, in work or studies,
 * each row with a second cell hidden where its total would give a lone one away. Counts of
 * records (executions, deviations, actions) stay exact: they are what an auditor samples.
 */
export function presentIndicators(x: RawIndicators, suppressed: boolean) {
  const row = (r: Record<string, number>) => suppressRow(r, suppressed).counts;
  const byStatus = ({ active, completed, withdrawn, enrolled }: RawIndicators['participants']['byRole']['adept']) => {
    // Enrolled is the total of the row: the statuses are suppressed together with it.
    const shown = suppressRow({ active, completed, withdrawn }, suppressed);
    return { enrolled: suppressed ? shown.total : enrolled, ...shown.counts };
  };
  return {
    ...x,
    smallCellsSuppressed: suppressed,
    participants: {
      ...x.participants,
      byRoleAndGender: { adept: row(x.participants.byRoleAndGender.adept), mentor: row(x.participants.byRoleAndGender.mentor) },
      byRole: { adept: byStatus(x.participants.byRole.adept), mentor: byStatus(x.participants.byRole.mentor) },
      byCountry: row(x.participants.byCountry),
    },
    outcomes: row(x.outcomes),
    inOwnProfession: row(x.inOwnProfession),
    inWorkOrStudiesAmongCompleters: suppressRate(x.inWorkOrStudiesAmongCompleters, suppressed),
    recordedOutcomes: row(x.recordedOutcomes),
    successesAmongLeaversAndCompleters: suppressRate(x.successesAmongLeaversAndCompleters, suppressed),
    dropouts: suppress(x.dropouts, suppressed),
    // Survey answers are suppressed for every reader, as the survey results are.
    satisfaction: SATISFACTION_INDICATORS.map((k) => presentSatisfaction(x.satisfaction[k])),
  };
}
