import { retryAfterSeconds } from './retry-policy.js';

describe('retry back-off', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 12 h, then gives up after the sixth attempt', () => {
    expect([1, 2, 3, 4, 5, 6].map(retryAfterSeconds)).toEqual([60, 300, 1800, 7200, 43_200, null]);
  });
});
