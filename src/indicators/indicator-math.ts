/** Pure pieces of the indicators: small-cell suppression, medians, rates, objective evaluation. */

/** Counts from 1 to 4 identify people in small programmes; they are shown as "<5". Zero is shown. */
export const SMALL_CELL_LIMIT = 5;

export type Count = number | '<5' | '>=5';

export function suppress(n: number, on: boolean): Count {
  return on && n > 0 && n < SMALL_CELL_LIMIT ? '<5' : n;
}

export function suppressAll<K extends string>(counts: Record<K, number>, on: boolean): Record<K, Count> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, suppress(v as number, on)])) as Record<K, Count>;
}

/**
 * Small-cell suppression of a row of counts shown with its total. A lone suppressed cell could be
 * worked out from the total and the others, so a second cell is suppressed with it (the smallest
 * other non-zero one, shown as "<5" or ">=5"); when no other cell can hide it, the total goes too.
 */
export function suppressRow<K extends string>(counts: Record<K, number>, on: boolean): { counts: Record<K, Count>; total: Count } {
  const entries = Object.entries(counts) as [K, number][];
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const shown = Object.fromEntries(entries.map(([k, n]) => [k, suppress(n, on)])) as Record<K, Count>;
  const hidden = entries.filter(([k]) => typeof shown[k] === 'string');
  if (!on || hidden.length !== 1) return { counts: shown, total: hidden.length && total < SMALL_CELL_LIMIT ? '<5' : total };
  const partner = entries.filter(([k, n]) => n > 0 && typeof shown[k] === 'number').sort((a, b) => a[1] - b[1])[0];
  if (!partner) return { counts: shown, total: total < SMALL_CELL_LIMIT ? '<5' : '>=5' };
  shown[partner[0]] = partner[1] < SMALL_CELL_LIMIT ? '<5' : '>=5';
  return { counts: shown, total };
}

/** A rate of people as shown: its counts suppressed, and no value when either count is hidden. */
export interface ShownRate {
  numerator: Count;
  denominator: Count;
  value: number | null;
}

/**
 * A rate of people: both counts suppressed like any other count of people, and the people not
 * counted too ("8 of 10" tells of 2), so a small remainder hides the numerator. No value is given
 * when a count is hidden (2 of 40 shown as "5 %" would give the 2 away).
 */
export function suppressRate(r: Rate, on: boolean): ShownRate {
  const rest = r.denominator - r.numerator;
  const numerator = on && rest > 0 && rest < SMALL_CELL_LIMIT ? '<5' : suppress(r.numerator, on);
  const denominator = suppress(r.denominator, on);
  const hidden = typeof numerator === 'string' || typeof denominator === 'string';
  return { numerator, denominator, value: hidden ? null : r.value };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator in 0..1, four decimals; null when the denominator is 0. */
  value: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 10000 };
}

export const COMPARATORS = ['>=', '<=', '>', '<', '='] as const;
export type Comparator = (typeof COMPARATORS)[number];

export function meets(measured: number | null, comparator: Comparator, target: number): boolean | null {
  if (measured === null) return null;
  switch (comparator) {
    case '>=':
      return measured >= target;
    case '<=':
      return measured <= target;
    case '>':
      return measured > target;
    case '<':
      return measured < target;
    case '=':
      return Math.abs(measured - target) < 1e-9;
  }
}
