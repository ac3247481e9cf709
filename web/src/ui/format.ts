import { currentLanguage } from '../i18n/i18n';

const LOCALES = { en: 'en-GB', sv: 'sv-SE', nb: 'nb-NO' } as const;

export function locale(): string {
  return LOCALES[currentLanguage()];
}

/** A calendar day `YYYY-MM-DD` as the user's language writes it (no time zone shift). */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '–';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '–';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

export function formatPercent(rate: number | null | undefined, fractionDigits = 0): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '–';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: fractionDigits }).format(rate);
}

/** Today in the browser's time zone, as `YYYY-MM-DD`. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Now as a local `YYYY-MM-DDTHH:mm` for a datetime-local input. */
export function nowLocal(): string {
  const d = new Date();
  return `${today()}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A datetime-local value as an ISO instant. */
export function localToIso(value: string): string {
  return new Date(value).toISOString();
}
