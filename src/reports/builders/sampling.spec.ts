import { samplePositions } from './sampling.js';

describe('samplePositions', () => {
  it('draws the same positions for the same seed, and others for another seed', () => {
    const a = samplePositions(100, 10, 12345);
    expect(samplePositions(100, 10, 12345)).toEqual(a);
    expect(samplePositions(100, 10, 54321)).not.toEqual(a);
    expect(new Set(a).size).toBe(10);
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(a.every((p) => p >= 0 && p < 100)).toBe(true);
  });

  it('takes every item when the sample is as large as the list or larger', () => {
    expect(samplePositions(4, 10, 1)).toEqual([0, 1, 2, 3]);
    expect(samplePositions(0, 3, 1)).toEqual([]);
  });
});
