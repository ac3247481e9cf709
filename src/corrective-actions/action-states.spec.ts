import { ACTION_STATES, actionTransition, allowedActionTargets, allowedActionTargetsFor, isOverdue } from './action-states.js';
import type { ActionState } from './action-states.js';

describe('corrective action state machine', () => {
  const allowed: [ActionState, ActionState][] = [
    ['planned', 'in_progress'],
    ['in_progress', 'implemented'],
    ['implemented', 'effectiveness_check'],
    ['effectiveness_check', 'closed'],
    ['effectiveness_check', 'in_progress'],
    ['planned', 'cancelled'],
    ['in_progress', 'cancelled'],
    ['implemented', 'cancelled'],
  ];

  it('allows exactly the documented transitions', () => {
    for (const from of ACTION_STATES) {
      for (const to of ACTION_STATES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect({ from, to, allowed: actionTransition(from, to) !== undefined }).toEqual({ from, to, allowed: expected });
      }
    }
  });

  it('requires a non-owner verdict with evidence to leave the effectiveness check, and a signature to close', () => {
    expect(actionTransition('effectiveness_check', 'closed')).toMatchObject({
      by: 'not_owner',
      verdict: 'effective',
      needsEvidence: true,
      needsSignature: true,
    });
    expect(actionTransition('effectiveness_check', 'in_progress')).toMatchObject({
      by: 'not_owner',
      verdict: 'not_effective',
      needsEvidence: true,
    });
    expect(actionTransition('in_progress', 'implemented')?.by).toBe('owner_or_quality_manager');
    expect(allowedActionTargets('closed')).toEqual([]);
    expect(allowedActionTargets('cancelled')).toEqual([]);
  });

  it('is overdue only before implementation and after the due date', () => {
    expect(isOverdue('planned', '2027-03-01', '2027-03-02')).toBe(true);
    expect(isOverdue('in_progress', '2027-03-01', '2027-03-01')).toBe(false);
    expect(isOverdue('implemented', '2027-03-01', '2027-04-01')).toBe(false);
    expect(isOverdue('closed', '2027-03-01', '2027-04-01')).toBe(false);
  });

  describe('what a caller may do', () => {
    const owner = 'owner-id';
    const qm = { id: 'qm-id', roles: ['quality_manager'] };
    const qmOwner = { id: owner, roles: ['quality_manager'] };
    const leaderOwner = { id: owner, roles: ['programme_leader'] };
    const otherLeader = { id: 'other-id', roles: ['programme_leader'] };
    const auditorOwner = { id: owner, roles: ['auditor', 'board_member'] };

    it("gives the owner's steps to the owner and quality managers, cancelling to quality managers, the verdict to a non-owning quality manager", () => {
      expect(allowedActionTargetsFor('planned', leaderOwner, owner)).toEqual(['in_progress']);
      expect(allowedActionTargetsFor('planned', qm, owner)).toEqual(['in_progress', 'cancelled']);
      expect(allowedActionTargetsFor('planned', otherLeader, owner)).toEqual([]);
      expect(allowedActionTargetsFor('effectiveness_check', leaderOwner, owner)).toEqual([]);
      expect(allowedActionTargetsFor('effectiveness_check', qmOwner, owner)).toEqual([]);
      expect(allowedActionTargetsFor('effectiveness_check', qm, owner)).toEqual(['closed', 'in_progress']);
      expect(allowedActionTargetsFor('effectiveness_check', otherLeader, owner)).toEqual([]);
    });

    it('gives nothing to readers, even an owner, and never more than the state allows', () => {
      for (const state of ACTION_STATES) {
        expect(allowedActionTargetsFor(state, auditorOwner, owner)).toEqual([]);
        for (const caller of [qm, qmOwner, leaderOwner, otherLeader]) {
          const mine = allowedActionTargetsFor(state, caller, owner);
          expect(mine.every((to) => allowedActionTargets(state).includes(to))).toBe(true);
        }
      }
    });
  });
});
