import { band, classifyChange, heatMap, score } from './risk-rating.js';
import type { RiskContent } from './risk-rating.js';

const base: RiskContent = {
  title: 'Mentor drop-out',
  cause: 'Mentors are volunteers',
  consequence: 'Adepts without a mentor',
  likelihood: 3,
  impact: 4,
  treatment: null,
  actionIds: [],
  residualLikelihood: null,
  residualImpact: null,
  ownerId: 'a',
  nextReviewOn: '2027-01-01',
  status: 'open',
};

describe('risk rating', () => {
  it('scores likelihood times impact and bands the score', () => {
    expect(score(3, 4)).toBe(12);
    expect([1, 5, 6, 14, 15, 25].map(band)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });

  it('calls a change of the review date alone a review, a change of status a closure or reopening, nothing no change', () => {
    expect(classifyChange(base, { ...base })).toBeNull();
    expect(classifyChange(base, { ...base, nextReviewOn: '2027-03-01' })).toBe('reviewed');
    expect(classifyChange(base, { ...base, nextReviewOn: '2027-03-01', likelihood: 2 })).toBe('revised');
    expect(classifyChange(base, { ...base, status: 'closed' })).toBe('closed');
    expect(classifyChange({ ...base, status: 'closed' }, { ...base, treatment: 'x' })).toBe('reopened');
    expect(classifyChange(base, { ...base, actionIds: ['x'] })).toBe('revised');
  });

  it('places each risk in the grid before and after treatment, and counts unassessed residuals apart', () => {
    const map = heatMap([base, { ...base, residualLikelihood: 1, residualImpact: 4 }, { ...base, likelihood: 5, impact: 5 }]);
    expect(map.inherent[2][3]).toBe(2);
    expect(map.inherent[4][4]).toBe(1);
    expect(map.residual[0][3]).toBe(1);
    expect(map.residualNotAssessed).toBe(2);
    expect(map.total).toBe(3);
    expect(map.inherent.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });
});
