import { suppressRow } from './indicator-math.js';
import type { RawIndicators } from './indicators.service.js';

/** The indicators as answered: counts by gender or country under 5 shown as "<5" when `suppressed`. */
export function presentIndicators(x: RawIndicators, suppressed: boolean) {
  const row = (r: Record<string, number>) => suppressRow(r, suppressed).counts;
  return {
    ...x,
    smallCellsSuppressed: suppressed,
    participants: {
      ...x.participants,
      byRoleAndGender: { adept: row(x.participants.byRoleAndGender.adept), mentor: row(x.participants.byRoleAndGender.mentor) },
      byCountry: row(x.participants.byCountry),
    },
  };
}
