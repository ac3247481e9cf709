import 'reflect-metadata';
import { ACTION_STATES, ACTION_TYPES, VERDICTS } from '../corrective-actions/action-states.js';
import { BOARD_DECISIONS as DOMAIN_BOARD_DECISIONS } from '../corrective-actions/action-states.js';
import {
  DEVIATION_SOURCES as DOMAIN_SOURCES,
  DEVIATION_STATES as DOMAIN_STATES,
  SEVERITIES as DOMAIN_SEVERITIES,
} from '../deviations/deviation-states.js';
import { FINDING_RULES } from '../executions/conformance.js';
import { SUBJECT_STATUSES } from '../executions/subject-status.js';
import { VERSION_STATUSES } from '../procedures/document-control.js';
import {
  GENDERS as DOMAIN_GENDERS,
  PARTICIPANT_ROLES as DOMAIN_ROLES,
  PARTICIPANT_STATUSES as DOMAIN_STATUSES,
  COMPLETION_OUTCOMES,
  LEAVING_OUTCOMES,
} from '../programmes/participant-kinds.js';
import { fill, formatCount, formatDate, formatDateTime, formatNumber, formatPercent, formatRate, labelsFor, localise } from './i18n.js';
import { en } from './labels/en.js';
import * as codes from './models/codes.js';

describe('report labels', () => {
  const leaves = (value: unknown, path = ''): [string, unknown][] =>
    value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
      : [[path, value]];

  it.each(codes.REPORT_LANGUAGES)('has every label, none blank, in %s', (lang) => {
    const labels = leaves(labelsFor(lang));
    expect(labels.map(([path]) => path)).toEqual(leaves(en).map(([path]) => path));
    for (const [path, text] of labels) expect([path, typeof text === 'string' && text.trim().length > 0]).toEqual([path, true]);
  });

  it.each(['sv', 'nb'] as const)('keeps the same placeholders in %s as in English', (lang) => {
    const placeholders = (s: unknown) =>
      String(s)
        .match(/\{\w+\}/g)
        ?.sort() ?? [];
    const translated = new Map(leaves(labelsFor(lang)));
    for (const [path, text] of leaves(en)) expect([path, placeholders(translated.get(path))]).toEqual([path, placeholders(text)]);
  });

  it('names every code the models use', () => {
    const l = labelsFor('en');
    const pairs: [readonly string[], Record<string, string>][] = [
      [codes.CONFORMANCE_STATUSES, l.conformanceStatus],
      [codes.PROCEDURE_VERSION_STATUSES, l.versionStatus],
      [codes.DEVIATION_STATES, l.deviationState],
      [codes.SEVERITIES, l.severity],
      [codes.DEVIATION_SOURCES, l.deviationSource],
      [codes.CORRECTIVE_ACTION_TYPES, l.actionType],
      [codes.CORRECTIVE_ACTION_STATES, l.actionState],
      [codes.EFFECTIVENESS_VERDICTS, l.verdict],
      [codes.BOARD_DECISIONS, l.boardDecision],
      [codes.OUTCOMES, l.outcome],
      [codes.GENDERS, l.gender],
      [codes.PARTICIPANT_ROLES, l.participantRole],
      [codes.PARTICIPANT_STATUSES, l.participantStatus],
    ];
    for (const [list, names] of pairs) expect(Object.keys(names).sort()).toEqual([...list].sort());
  });

  it('keeps its code lists in step with the domain modules', () => {
    expect([...codes.CONFORMANCE_STATUSES].sort()).toEqual([...SUBJECT_STATUSES, 'not_applicable', 'cadence_missed'].sort());
    expect(codes.PROCEDURE_VERSION_STATUSES).toEqual(VERSION_STATUSES);
    expect(codes.DEVIATION_STATES).toEqual(DOMAIN_STATES);
    expect(codes.SEVERITIES).toEqual(DOMAIN_SEVERITIES);
    expect(codes.DEVIATION_SOURCES).toEqual(DOMAIN_SOURCES);
    expect(codes.DEVIATION_RULES).toEqual([...FINDING_RULES, 'overdue', 'cadence_missed']);
    expect(codes.CORRECTIVE_ACTION_STATES).toEqual(ACTION_STATES);
    expect(codes.CORRECTIVE_ACTION_TYPES).toEqual(ACTION_TYPES);
    expect(codes.EFFECTIVENESS_VERDICTS).toEqual(VERDICTS);
    expect(codes.BOARD_DECISIONS).toEqual(DOMAIN_BOARD_DECISIONS);
    expect(codes.GENDERS).toEqual(DOMAIN_GENDERS);
    expect(codes.PARTICIPANT_ROLES).toEqual(DOMAIN_ROLES);
    expect(codes.PARTICIPANT_STATUSES).toEqual(DOMAIN_STATUSES);
    expect(codes.PARTICIPANT_OUTCOMES).toEqual([...new Set([...LEAVING_OUTCOMES, ...COMPLETION_OUTCOMES]), 'not_recorded']);
  });
});

describe('report formatting', () => {
  it('groups thousands and writes decimals the way each language does', () => {
    expect(formatNumber(1234567.25, 'en', 1)).toBe('1,234,567.3');
    expect(formatNumber(1234567.25, 'sv', 1)).toBe('1\u00a0234\u00a0567,3');
    expect(formatNumber(1234, 'nb')).toBe('1\u00a0234');
    expect(formatNumber(-0.01, 'en', 1)).toBe('0.0');
    expect(formatNumber(-12, 'en')).toBe('-12');
    expect(formatPercent(87.5, 'en')).toBe('87.5%');
    expect(formatPercent(87.5, 'sv')).toBe('87,5\u00a0%');
    expect(formatPercent(100, 'nb')).toBe('100,0\u00a0%');
  });

  it('prints suppressed counts as given and rates with what they were computed from', () => {
    expect(formatCount('<5', 'sv')).toBe('<5');
    expect(formatCount(12, 'en')).toBe('12');
    expect(formatRate({ numerator: 9, denominator: 12, percent: 75 }, 'en')).toBe('75.0% (9 of 12)');
    expect(formatRate({ numerator: '<5', denominator: 6, percent: null }, 'nb')).toBe('mangler data (<5 av 6)');
  });

  it("shows instants in the report's time zone with their offset from UTC, whatever offset they came with", () => {
    expect(formatDateTime('2027-02-14T08:30:00.000Z', 'UTC')).toBe('2027-02-14 08:30 UTC');
    expect(formatDateTime('2027-02-14T00:30:00+02:00', 'UTC')).toBe('2027-02-13 22:30 UTC');
    // Winter and summer time in Stockholm and Oslo; a half-hour zone; a zone west of UTC across midnight.
    expect(formatDateTime('2027-02-14T08:30:00.000Z', 'Europe/Stockholm')).toBe('2027-02-14 09:30 UTC+1');
    expect(formatDateTime('2027-06-30T14:05:59.999Z', 'Europe/Oslo')).toBe('2027-06-30 16:05 UTC+2');
    expect(formatDateTime('2027-03-28T00:59:00Z', 'Europe/Stockholm')).toBe('2027-03-28 01:59 UTC+1');
    expect(formatDateTime('2027-03-28T01:00:00Z', 'Europe/Stockholm')).toBe('2027-03-28 03:00 UTC+2');
    expect(formatDateTime('2027-01-10T12:00:00Z', 'Asia/Kolkata')).toBe('2027-01-10 17:30 UTC+5:30');
    expect(formatDateTime('2027-01-10T02:00:00Z', 'America/Argentina/Buenos_Aires')).toBe('2027-01-09 23:00 UTC-3');
    expect(formatDate('2027-02-14')).toBe('2027-02-14');
    expect(formatDate('2027-02-14T23:30:00-02:00')).toBe('2027-02-15');
    expect(() => formatDateTime('yesterday', 'UTC')).toThrow(RangeError);
  });

  it('fills placeholders and falls back to English text', () => {
    expect(fill('Page {page} of {total}', { page: 2, total: 9 })).toBe('Page 2 of 9');
    expect(fill('{unknown} stays', {})).toBe('{unknown} stays');
    expect(localise({ en: 'Matching', sv: 'Matchning' }, 'sv')).toBe('Matchning');
    expect(localise({ en: 'Matching', sv: 'Matchning' }, 'nb')).toBe('Matching');
  });

  it('refuses a language it does not have', () => {
    expect(() => labelsFor('de' as never)).toThrow(RangeError);
  });
});
