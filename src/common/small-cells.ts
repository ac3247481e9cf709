/**
 * Small-cell suppression of counts of people and rates, shared by every module that shows figures
 * about people (indicators, survey results, reports): kept in the shared kernel so that those
 * modules can read one another's figures without importing each other in a circle.
 */

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

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator in 0..1, four decimals; null when the denominator is 0. */
  value: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 10000 };
}
