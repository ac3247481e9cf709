import { DEVIATION_STATES, allowedDeviationTargets, allowedDeviationTargetsFor, deviationTransition } from './deviation-states.js';
import type { DeviationState } from './deviation-states.js';

describe('deviation state machine', () => {
  const allowed: [DeviationState, DeviationState][] = [
    ['open', 'analysis'],
    ['analysis', 'action_plan'],
    ['action_plan', 'in_progress'],
    ['in_progress', 'closed'],
    ['open', 'cancelled'],
    ['analysis', 'cancelled'],
    ['closed', 'in_progress'],
  ];

  it('allows exactly the documented transitions', () => {
    for (const from of DEVIATION_STATES) {
      for (const to of DEVIATION_STATES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect({ from, to, allowed: deviationTransition(from, to) !== undefined }).toEqual({ from, to, allowed: expected });
      }
    }
  });

  it('guards each step as the procedure requires', () => {
    expect(deviationTransition('analysis', 'action_plan')?.guards).toEqual(['root_cause']);
    expect(deviationTransition('action_plan', 'in_progress')?.guards).toEqual(['action_or_justification']);
    expect(deviationTransition('in_progress', 'closed')?.guards).toEqual(['actions_closed', 'signature']);
    expect(deviationTransition('open', 'cancelled')?.guards).toEqual(['reason']);
    expect(deviationTransition('closed', 'in_progress')?.guards).toEqual(['reason']);
  });

  it('names the allowed targets, and none from cancelled', () => {
    expect(allowedDeviationTargets('open')).toEqual(['analysis', 'cancelled']);
    expect(allowedDeviationTargets('cancelled')).toEqual([]);
    expect(allowedDeviationTargets('closed')).toEqual(['in_progress']);
  });

  it('lists transitions for quality managers only', () => {
    for (const state of DEVIATION_STATES) {
      expect(allowedDeviationTargetsFor(state, { id: 'q', roles: ['quality_manager'] })).toEqual(allowedDeviationTargets(state));
      for (const roles of [['programme_leader'], ['auditor'], ['board_member'], ['admin']])
        expect(allowedDeviationTargetsFor(state, { id: 'x', roles })).toEqual([]);
    }
  });
});
