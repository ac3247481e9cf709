/** Pure pieces of the indicators: small-cell suppression, medians, rates, objective evaluation. */

/** Counts from 1 to 4 identify people in small programmes; they are shown as "<5". Zero is shown. */
export const SMALL_CELL_LIMIT = 5;

export type Count = number | '<5';

export function suppress(n: number, on: boolean): Count {
  return on && n > 0 && n < SMALL_CELL_LIMIT ? '<5' : n;
}

export function suppressAll<K extends string>(counts: Record<K, number>, on: boolean): Record<K, Count> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, suppress(v as number, on)])) as Record<K, Count>;
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
