/**
 * Labels and formatting for the reports in English, Swedish and Norwegian Bokmål. Formatting is
 * written out by hand rather than through Intl: the output must be byte-identical wherever it is
 * rendered, and ICU versions differ in details such as which space separates thousands.
 */
import type { LocalisedText } from '../procedures/procedure-definition.js';
import { en, type Labels } from './labels/en.js';
import { nb } from './labels/nb.js';
import { sv } from './labels/sv.js';
import type { Count, ReportLanguage } from './models/codes.js';

export type { Labels };

const LABELS: Readonly<Record<ReportLanguage, Labels>> = { en, sv, nb };

/** BCP 47 tags written into the PDF catalogue. */
export const LANGUAGE_TAGS: Readonly<Record<ReportLanguage, string>> = { en: 'en', sv: 'sv-SE', nb: 'nb-NO' };

export function labelsFor(lang: ReportLanguage): Labels {
  const labels = LABELS[lang];
  if (!labels) throw new RangeError(`unsupported report language: ${JSON.stringify(lang)}`);
  return labels;
}

/** Replaces `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The text in the report's language, English when that translation is missing. */
export function localise(text: LocalisedText, lang: ReportLanguage): string {
  return text[lang] ?? text.en;
}

/** YYYY-MM-DD, the usual form in Sweden and Norway and unambiguous in English. */
export function formatDate(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : isoInstant(value).slice(0, 10);
  return date;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "2026-03-03 10:15 UTC+1": an instant as the clock on the wall showed it in `timeZone` (an IANA
 * name: the programme's or the organisation's), with the offset from UTC, so that the time means
 * the same to a reader anywhere. Only the numbers come from Intl (the time zone database); the
 * text is written here.
 */
export function formatDateTime(value: string, timeZone: string): string {
  const key = `${timeZone} ${value}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  // Bounded: a report of many case files prints tens of thousands of times, each twice (two passes).
  if (formatted.size >= 50_000) formatted.clear();
  const text = wallClock(value, timeZone);
  formatted.set(key, text);
  return text;
}

const formatted = new Map<string, string>();

function wallClock(value: string, timeZone: string): string {
  const time = Date.parse(isoInstant(value));
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(time).map((p) => [p.type, p.value])) as Record<string, string>;
  const wall = Date.UTC(
    Number(part.year),
    Number(part.month) - 1,
    Number(part.day),
    Number(part.hour),
    Number(part.minute),
    Number(part.second),
  );
  const offset = Math.round((wall - (time - (((time % 1000) + 1000) % 1000))) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  const zone = offset === 0 ? 'UTC' : `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute} ${zone}`;
}

function isoInstant(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`not a date or instant: ${JSON.stringify(value)}`);
  return new Date(time).toISOString();
}

const NO_BREAK_SPACE = '\u00a0';

/** Thousands grouped (1,234 / 1 234), decimal point or comma by language. */
export function formatNumber(value: number, lang: ReportLanguage, decimals = 0): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : NO_BREAK_SPACE);
  const sign = value < 0 && Number(whole + (fraction ?? '')) !== 0 ? '-' : '';
  return sign + grouped + (fraction ? (lang === 'en' ? '.' : ',') + fraction : '');
}

/** One decimal: "87.5%" in English, "87,5 %" in Swedish and Norwegian. */
export function formatPercent(value: number, lang: ReportLanguage): string {
  const number = formatNumber(value, lang, 1);
  return lang === 'en' ? `${number}%` : `${number}${NO_BREAK_SPACE}%`;
}

/** A count after small-cell suppression: numbers formatted, suppressed values ("<5") as given. */
export function formatCount(value: Count, lang: ReportLanguage): string {
  return typeof value === 'number' ? formatNumber(value, lang) : value;
}

export function formatRate(rate: { numerator: Count; denominator: Count; percent: number | null }, lang: ReportLanguage): string {
  const l = labelsFor(lang);
  return fill(l.common.rateValue, {
    percent: rate.percent === null ? l.common.noData : formatPercent(rate.percent, lang),
    numerator: formatCount(rate.numerator, lang),
    denominator: formatCount(rate.denominator, lang),
  });
}

export function yesNo(value: boolean, lang: ReportLanguage): string {
  return value ? labelsFor(lang).common.yes : labelsFor(lang).common.no;
}
