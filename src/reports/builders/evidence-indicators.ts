import { suppress, suppressRate, suppressRow } from '../../indicators/indicator-math.js';
import type { Rate as MeasuredRate } from '../../indicators/indicator-math.js';
import type { RawIndicators } from '../../indicators/indicators.service.js';
import type { FunnelResponse } from '../../indicators/indicators.dto.js';
import type { LocalisedText } from '../../procedures/procedure-definition.js';
import type { Count, Gender } from '../models/codes.js';
import type { Indicators, Rate } from '../models/evidence-report.js';

const rate = (r: MeasuredRate): Rate => ({
  numerator: r.numerator,
  denominator: r.denominator,
  percent: r.value === null ? null : (r.numerator / r.denominator) * 100,
});

/** A rate of people: suppressed as the API shows it (`suppressRate`), as a percentage. */
const peopleRate = (r: MeasuredRate, on: boolean): Rate => {
  const shown = suppressRate(r, on);
  return {
    numerator: shown.numerator,
    denominator: shown.denominator,
    percent: shown.value === null ? null : (r.numerator / r.denominator) * 100,
  };
};

/**
 * The measured indicators as the report shows them. Every count of people (by gender, enrolled,
 * completed, withdrawn, outcomes, in work or studies) is suppressed under 5 (with a second cell
 * where a total would give one away) unless the report is for internal use (with names); counts
 * of records (executions, deviations, actions) are what an auditor samples and stay as they are.
 * Enrolment, completion and countries are the adepts'.
 */
export function toModelIndicators(
  x: RawIndicators,
  suppressSmallCells: boolean,
  titles: Map<string, LocalisedText>,
  funnel?: FunnelResponse,
): Indicators {
  const roleRow = (role: 'adept' | 'mentor') => ({
    role,
    ...(suppressRow(x.participants.byRoleAndGender[role], suppressSmallCells) as { counts: Record<Gender, Count>; total: Count }),
  });
  const adepts = x.participants.byRole.adept;
  return {
    participantsByRoleAndGender: [roleRow('adept'), roleRow('mentor')],
    countries: x.participants.adeptCountriesOfOrigin,
    enrolled: suppress(adepts.enrolled, suppressSmallCells),
    completed: suppress(adepts.completed, suppressSmallCells),
    withdrawn: suppress(adepts.withdrawn, suppressSmallCells),
    // The outcomes add up to the adepts enrolled, which is shown: one hidden cell could be worked
    // out by subtraction, so they are suppressed as a row (a second cell hidden with a lone one).
    outcomes: Object.entries(suppressRow(x.outcomes as Record<string, number>, suppressSmallCells).counts).map(([outcome, count]) => ({
      outcome: outcome as never,
      count,
    })),
    inWorkOrStudies: peopleRate(x.inWorkOrStudiesAmongCompleters, suppressSmallCells),
    // Suppressed by the caller as the API suppresses it (presentFunnel).
    ...(funnel && {
      funnel: (['adept', 'mentor'] as const).map((role) => {
        const { interested, interviewed, admitted, completed } = funnel[role];
        return { role, interested, interviewed, admitted, completed };
      }),
    }),
    leavingOutcomes: Object.entries(suppressRow(x.recordedOutcomes as Record<string, number>, suppressSmallCells).counts).map(
      ([outcome, count]) => ({ outcome: outcome as never, count }),
    ),
    successesAmongLeavers: peopleRate(x.successesAmongLeaversAndCompleters, suppressSmallCells),
    conformanceByProcedure: x.conformance.byProcedure.map((p) => ({
      key: p.procedureKey,
      title: titles.get(p.procedureKey) ?? { en: p.procedureKey },
      rate: rate(p.rate),
    })),
    conformanceByVersion: x.conformance.byVersion.map((v) => ({ key: v.procedureKey, version: v.versionNumber, rate: rate(v.rate) })),
    deviationsBySeverity: x.deviations.bySeverity,
    deviationsBySource: x.deviations.bySource,
    deviationsByState: x.deviations.byState,
    deviationsPerMonth: x.deviations.byMonth.map(({ month, ...counts }) => ({ month, counts })),
    correctiveActionsClosedOnTime: rate(x.correctiveActions.closedOnTime),
    medianDaysDetectionToClosure: x.deviations.medianDaysDetectionToClosure,
    medianDaysOccurrenceToClosure: x.deviations.medianDaysOccurrenceToClosure,
  };
}
