import { suppressRate, suppressRow } from './indicator-math.js';
import type { RawIndicators } from './indicators.service.js';

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
  };
}
