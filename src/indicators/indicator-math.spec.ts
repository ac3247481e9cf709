import { meets, median, rate, suppress, suppressAll, suppressRow } from './indicator-math.js';

describe('indicator arithmetic', () => {
  it('suppresses counts 1-4 only when asked, never 0 or 5+', () => {
    expect([0, 1, 4, 5, 12].map((n) => suppress(n, true))).toEqual([0, '<5', '<5', 5, 12]);
    expect([0, 1, 4, 5].map((n) => suppress(n, false))).toEqual([0, 1, 4, 5]);
    expect(suppressAll({ female: 3, male: 7, other: 0 }, true)).toEqual({ female: '<5', male: 7, other: 0 });
  });

  it('suppresses a second cell with a lone small one, so the total does not give it away', () => {
    expect(suppressRow({ female: 6, male: 3, other: 0 }, true)).toEqual({ counts: { female: '>=5', male: '<5', other: 0 }, total: 9 });
    expect(suppressRow({ female: 2, male: 3, other: 0 }, true)).toEqual({ counts: { female: '<5', male: '<5', other: 0 }, total: 5 });
    expect(suppressRow({ female: 12, male: 1, other: 1 }, true)).toEqual({ counts: { female: 12, male: '<5', other: '<5' }, total: 14 });
    // Nothing else to hide it behind: the total goes too.
    expect(suppressRow({ female: 3, male: 0 }, true)).toEqual({ counts: { female: '<5', male: 0 }, total: '<5' });
    expect(suppressRow({ female: 6, male: 7 }, true)).toEqual({ counts: { female: 6, male: 7 }, total: 13 });
    expect(suppressRow({ female: 6, male: 3 }, false)).toEqual({ counts: { female: 6, male: 3 }, total: 9 });
  });

  it('takes medians of odd and even lists, null for none', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });

  it('gives rates with numerator and denominator, null without a denominator', () => {
    expect(rate(2, 3)).toEqual({ numerator: 2, denominator: 3, value: 0.6667 });
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('evaluates each comparator, and nothing without a measurement', () => {
    expect(meets(0.8, '>=', 0.8)).toBe(true);
    expect(meets(0.79, '>=', 0.8)).toBe(false);
    expect(meets(3, '<=', 3)).toBe(true);
    expect(meets(3, '<', 3)).toBe(false);
    expect(meets(4, '>', 3)).toBe(true);
    expect(meets(0.1 + 0.2, '=', 0.3)).toBe(true);
    expect(meets(null, '>=', 1)).toBeNull();
  });
});
