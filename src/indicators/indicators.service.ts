import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { daysBetween, localDate } from '../common/calendar.js';
import { Clock } from '../common/clock.js';
import { ACTION_STATES } from '../corrective-actions/action-states.js';
import { actionsLinkedTo } from '../corrective-actions/corrective-actions.queries.js';
import { DEVIATION_SOURCES, DEVIATION_STATES, SEVERITIES } from '../deviations/deviation-states.js';
import type { DeviationSource, DeviationState, Severity } from '../deviations/deviation-states.js';
import { deviationsOfProgrammes } from '../deviations/deviations.queries.js';
import { buildMatrix, loadMatrixData } from '../executions/conformance-matrix.service.js';
import { latestCompletedStepValues, participantsWithCompleted } from '../executions/executions.queries.js';
import { GENDERS } from '../programmes/participant-kinds.js';
import type { Gender, ParticipantOutcome, ParticipantRole } from '../programmes/participant-kinds.js';
import { COMPLETION_OUTCOMES, LEAVING_OUTCOMES, SUCCESS_OUTCOMES } from '../programmes/participant-kinds.js';
import { ProgrammeAccess } from '../programmes/programme-access.js';
import type { Programme } from '../programmes/programme.entity.js';
import { adeptsOfProgrammes, funnelParticipants, participantTallies, programmesByIds } from '../programmes/programmes.queries.js';
import { PARTICIPANT_ROLES } from '../programmes/participant-kinds.js';
import type { FunnelResponse } from './indicators.dto.js';
import { FUNNEL_INTERVIEW, funnelOf } from './funnel.js';
import type { FunnelCounts } from './funnel.js';
import type { RequestContext } from '../common/request-context.js';
import { median, rate } from './indicator-math.js';
import { presentFunnel, presentIndicators } from './indicators.mapper.js';
import type { Rate } from './indicator-math.js';
import { measureSatisfaction } from './satisfaction.js';
import type { SatisfactionFigure, SatisfactionIndicator } from './satisfaction.js';

/** Where outcomes are read from: the final evaluation's `outcome` step. */
export const OUTCOME_PROCEDURE = 'final-evaluation';
export const OUTCOME_STEP = 'outcome';
export const OUTCOMES = ['employed_full_time', 'employed_part_time', 'studies', 'internship', 'job_seeking', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes counted as "in work or studies". An internship is a placement, not employment. */
export const IN_WORK_OR_STUDIES: readonly Outcome[] = ['employed_full_time', 'employed_part_time', 'studies'];

type RoleCounts = { enrolled: number; active: number; completed: number; withdrawn: number };

/** The measured indicators, unsuppressed; presentation (small cells) happens on the way out. */
export interface RawIndicators {
  programmeIds: string[];
  asOf: string;
  participants: {
    byRoleAndGender: { adept: Record<Gender, number>; mentor: Record<Gender, number> };
    byRole: { adept: RoleCounts; mentor: RoleCounts };
    countriesOfOrigin: number;
    /** Countries of origin of the adepts alone (the programme's target group). */
    adeptCountriesOfOrigin: number;
    byCountry: Record<string, number>;
  };
  outcomes: Record<Outcome | 'not_evaluated', number>;
  inOwnProfession: { yes: number; no: number; unknown: number };
  inWorkOrStudiesAmongCompleters: Rate;
  /**
   * Adepts who left or completed, by the outcome recorded on the participant (not_recorded when
   * none was); left for work or studies counts with the successes, not with the dropouts.
   */
  recordedOutcomes: Record<ParticipantOutcome | 'not_recorded', number>;
  /** Adepts in work or studies on leaving early or on completing, among all who left or completed. */
  successesAmongLeaversAndCompleters: Rate;
  /** Adepts who left early for another reason than work or studies. */
  dropouts: number;
  conformance: {
    overall: Rate;
    byProcedure: { procedureKey: string; rate: Rate }[];
    byVersion: { procedureKey: string; versionNumber: number; rate: Rate }[];
  };
  deviations: {
    total: number;
    bySeverity: Record<Severity, number>;
    openBySeverity: Record<Severity, number>;
    bySource: Record<DeviationSource, number>;
    byState: Record<DeviationState, number>;
    byMonth: ({ month: string } & Record<Severity, number>)[];
    /** Days from detection (the organisation knew) to closure: how quickly it acts. */
    medianDaysDetectionToClosure: number | null;
    /** Days from occurrence (it happened) to closure: how long a nonconformity stood, found or not. */
    medianDaysOccurrenceToClosure: number | null;
    closed: number;
  };
  correctiveActions: { total: number; byState: Record<string, number>; closedOnTime: Rate };
  /** Satisfaction from the surveys people answered themselves, answers given up to asOf. */
  satisfaction: Record<SatisfactionIndicator, SatisfactionFigure>;
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly access: ProgrammeAccess,
  ) {}

  /**
   * The indicators of a programme the caller may read, as of `today` (a day up to today; default
   * today in the programme's time zone). Small counts by gender or country are suppressed for every
   * caller the programme does not identify participants to (`ProgrammeAccess.identifies`), or when asked.
   */
  async ofProgramme(ctx: RequestContext, id: string, q: { today?: string; suppressSmallCells?: boolean }) {
    const m = this.dataSource.manager;
    const programme = await this.access.readable(m, ctx, id);
    const raw = await this.measure([id], this.clock.dayUpToToday(q.today, programme.timeZone));
    return presentIndicators(raw, q.suppressSmallCells === true || !(await this.access.identifies(m, ctx, id)));
  }

  /**
   * The applicant funnel of a programme, adepts and mentor candidates apart: interested,
   * interviewed, admitted, completed. Figures only; small counts suppressed as for the indicators.
   */
  async funnel(ctx: RequestContext, id: string, q: { suppressSmallCells?: boolean }): Promise<FunnelResponse> {
    const m = this.dataSource.manager;
    await this.access.readable(m, ctx, id);
    const raw = await this.measureFunnel(m, id);
    return presentFunnel(id, raw, q.suppressSmallCells === true || !(await this.access.identifies(m, ctx, id)));
  }

  /** The funnel's counts, unsuppressed (the evidence report suppresses them itself). */
  async measureFunnel(m: EntityManager, programmeId: string): Promise<Record<ParticipantRole, FunnelCounts>> {
    const people = await funnelParticipants(m, programmeId);
    const out = {} as Record<ParticipantRole, FunnelCounts>;
    for (const role of PARTICIPANT_ROLES) {
      const interviewed = await participantsWithCompleted(m, programmeId, FUNNEL_INTERVIEW[role]);
      out[role] = funnelOf(
        people.filter((p) => p.role === role),
        interviewed,
      );
    }
    return out;
  }

  /**
   * The satisfaction indicators from survey answers given within [from, to] over the programmes
   * (every programme when none are named), unsuppressed: callers present them (`presentSatisfaction`).
   */
  async satisfaction(
    m: EntityManager,
    q: { from?: string | null; to?: string | null; programmeIds?: readonly string[] | null },
  ): Promise<Record<SatisfactionIndicator, SatisfactionFigure>> {
    return measureSatisfaction(m, q);
  }

  /** Indicators over one programme or several (an organisation-wide view sums them). */
  async measure(programmeIds: string[], today?: string, m: EntityManager = this.dataSource.manager): Promise<RawIndicators> {
    const programmes = await programmesByIds(m, programmeIds);
    const asOf = today ?? this.clock.today(programmes[0]?.timeZone);
    const ids = programmes.map((p) => p.id);
    return {
      programmeIds: ids,
      asOf,
      participants: await this.participants(m, ids),
      ...(await this.outcomes(m, ids)),
      conformance: await this.conformance(m, programmes, asOf),
      deviations: await this.deviations(m, ids, programmes[0]?.timeZone ?? 'Europe/Stockholm'),
      correctiveActions: await this.actions(m, ids, programmes[0]?.timeZone ?? 'Europe/Stockholm'),
      satisfaction: await measureSatisfaction(m, { to: asOf, programmeIds: ids }),
    };
  }

  private async participants(m: EntityManager, ids: string[]): Promise<RawIndicators['participants']> {
    const rows = await participantTallies(m, ids);
    const byRoleAndGender = { adept: zero(GENDERS), mentor: zero(GENDERS) };
    const empty = (): RoleCounts => ({ enrolled: 0, active: 0, completed: 0, withdrawn: 0 });
    const byRole = { adept: empty(), mentor: empty() };
    const byCountry: Record<string, number> = {};
    const adeptCountries = new Set<string>();
    for (const r of rows) {
      byRoleAndGender[r.role][r.gender] += r.n;
      byRole[r.role].enrolled += r.n;
      byRole[r.role][r.status] += r.n;
      if (r.countryOfOrigin) {
        const c = r.countryOfOrigin.trim();
        byCountry[c] = (byCountry[c] ?? 0) + r.n;
        if (r.role === 'adept') adeptCountries.add(c);
      }
    }
    const sorted = Object.fromEntries(Object.entries(byCountry).sort(([a], [b]) => a.localeCompare(b)));
    return {
      byRoleAndGender,
      byRole,
      countriesOfOrigin: Object.keys(sorted).length,
      adeptCountriesOfOrigin: adeptCountries.size,
      byCountry: sorted,
    };
  }

  /** Outcomes from each adept's latest completed final evaluation (corrections applied). */
  private async outcomes(m: EntityManager, ids: string[]) {
    const adepts = await adeptsOfProgrammes(m, ids);
    const evaluations = await latestCompletedStepValues(
      m,
      adepts.map((a) => a.id),
      OUTCOME_PROCEDURE,
      OUTCOME_STEP,
    );
    const rows = adepts.map((a) => {
      const values = evaluations.get(a.id);
      const outcome = values?.outcome;
      return { status: a.status, outcome: typeof outcome === 'string' ? outcome : null, own: values?.in_own_profession ?? null };
    });
    const outcomes = { ...zero(OUTCOMES), not_evaluated: 0 };
    const inOwnProfession = { yes: 0, no: 0, unknown: 0 };
    let completers = 0;
    let inWork = 0;
    for (const r of rows) {
      const o = (OUTCOMES as readonly string[]).includes(r.outcome ?? '') ? (r.outcome as Outcome) : null;
      if (o) outcomes[o]++;
      else outcomes.not_evaluated++;
      if (o) inOwnProfession[r.own === true ? 'yes' : r.own === false ? 'no' : 'unknown']++;
      if (r.status === 'completed') {
        completers++;
        if (o && IN_WORK_OR_STUDIES.includes(o)) inWork++;
      }
    }
    const recordedOutcomes = { ...zero([...new Set([...LEAVING_OUTCOMES, ...COMPLETION_OUTCOMES])]), not_recorded: 0 };
    let left = 0;
    let successes = 0;
    let dropouts = 0;
    for (const a of adepts) {
      if (a.status !== 'withdrawn' && a.status !== 'completed') continue;
      left++;
      recordedOutcomes[a.outcome ?? 'not_recorded']++;
      const success = a.outcome !== null && SUCCESS_OUTCOMES.includes(a.outcome);
      if (success) successes++;
      else if (a.status === 'withdrawn') dropouts++;
    }
    return {
      outcomes,
      inOwnProfession,
      inWorkOrStudiesAmongCompleters: rate(inWork, completers),
      recordedOutcomes,
      successesAmongLeaversAndCompleters: rate(successes, left),
      dropouts,
    };
  }

  private async conformance(m: EntityManager, programmes: Programme[], asOf: string): Promise<RawIndicators['conformance']> {
    const perProcedure = new Map<string, [number, number]>();
    const perVersion = new Map<string, [number, number]>();
    const add = (map: Map<string, [number, number]>, key: string, c: number, n: number) => {
      const [a, b] = map.get(key) ?? [0, 0];
      map.set(key, [a + c, b + n]);
    };
    for (const p of programmes) {
      const matrix = buildMatrix(await loadMatrixData(m, p), p, asOf);
      for (const x of matrix.totals.byProcedure) add(perProcedure, x.procedureKey, x.rate.conforming, x.rate.completed);
      for (const x of matrix.totals.byVersion)
        add(perVersion, `${x.procedureKey}\u0000${x.versionNumber}`, x.rate.conforming, x.rate.completed);
    }
    const byProcedure = [...perProcedure]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([procedureKey, [c, n]]) => ({ procedureKey, rate: rate(c, n) }));
    const byVersion = [...perVersion]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, [c, n]]) => {
        const [procedureKey, v] = k.split('\u0000');
        return { procedureKey, versionNumber: Number(v), rate: rate(c, n) };
      });
    const overall = byProcedure.reduce((acc, x) => [acc[0] + x.rate.numerator, acc[1] + x.rate.denominator], [0, 0]);
    return { overall: rate(overall[0], overall[1]), byProcedure, byVersion };
  }

  private async deviations(m: EntityManager, ids: string[], timeZone: string): Promise<RawIndicators['deviations']> {
    const rows = await deviationsOfProgrammes(m, ids);
    const bySeverity = zero(SEVERITIES);
    const openBySeverity = zero(SEVERITIES);
    const bySource = zero(DEVIATION_SOURCES);
    const byState = zero(DEVIATION_STATES);
    const months = new Map<string, Record<Severity, number>>();
    const days: number[] = [];
    const daysSinceOccurred: number[] = [];
    for (const r of rows) {
      bySeverity[r.severity]++;
      if (r.state !== 'closed' && r.state !== 'cancelled') openBySeverity[r.severity]++;
      bySource[r.source]++;
      byState[r.state]++;
      // By when nonconformities occurred, not when they were entered or found.
      const month = localDate(r.occurredAt, timeZone).slice(0, 7);
      const bucket = months.get(month) ?? zero(SEVERITIES);
      bucket[r.severity]++;
      months.set(month, bucket);
      if (r.state === 'closed' && r.closedAt) {
        const closedOn = localDate(r.closedAt, timeZone);
        days.push(daysBetween(localDate(r.detectedAt, timeZone), closedOn));
        daysSinceOccurred.push(daysBetween(localDate(r.occurredAt, timeZone), closedOn));
      }
    }
    return {
      total: rows.length,
      bySeverity,
      openBySeverity,
      bySource,
      byState,
      byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, counts]) => ({ month, ...counts })),
      medianDaysDetectionToClosure: median(days),
      medianDaysOccurrenceToClosure: median(daysSinceOccurred),
      closed: days.length,
    };
  }

  private async actions(m: EntityManager, ids: string[], timeZone: string): Promise<RawIndicators['correctiveActions']> {
    const rows = await actionsLinkedTo(
      m,
      (await deviationsOfProgrammes(m, ids)).map((d) => d.id),
    );
    const byState = zero(ACTION_STATES) as Record<string, number>;
    let closed = 0;
    let onTime = 0;
    for (const r of rows) {
      byState[r.state]++;
      if (r.state === 'closed' && r.closedAt) {
        closed++;
        if (localDate(r.closedAt, timeZone) <= r.dueDate) onTime++;
      }
    }
    return { total: rows.length, byState, closedOnTime: rate(onTime, closed) };
  }
}
