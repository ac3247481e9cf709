/** Pure pieces of the indicators: small-cell suppression, medians, rates, objective evaluation. */
import { SMALL_CELL_LIMIT, suppress } from '../common/small-cells.js';
import type { Count, Rate } from '../common/small-cells.js';

export { SMALL_CELL_LIMIT, rate, suppress, suppressAll, suppressRow } from '../common/small-cells.js';
export type { Count, Rate } from '../common/small-cells.js';

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
