import { internshipState } from './internship-outcomes.js';

describe('internshipState', () => {
  const placement = { startDate: '2026-03-02', endDate: '2026-05-29', outcome: null };
  it('is planned before the start, ongoing to the end day, then awaits its outcome', () => {
    expect(internshipState(placement, '2026-03-01')).toBe('planned');
    expect(internshipState(placement, '2026-03-02')).toBe('ongoing');
    expect(internshipState(placement, '2026-05-29')).toBe('ongoing');
    expect(internshipState(placement, '2026-05-30')).toBe('awaiting_outcome');
  });
  it('has ended once an outcome is recorded, whatever the day', () => {
    expect(internshipState({ ...placement, outcome: 'ended_early' }, '2026-04-01')).toBe('ended');
  });
});
