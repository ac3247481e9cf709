import fc from 'fast-check';
import { EFFECT_TRANSITIONS, allowedTargets, effectTransition } from './status-transitions.js';
import { PARTICIPANT_STATUSES } from './participant-kinds.js';

describe('effect transitions', () => {
  it('admits, wait-lists or rejects an applicant', () => {
    expect(effectTransition('participant', 'applicant', 'active')).toBe('change');
    expect(effectTransition('participant', 'applicant', 'waiting_list')).toBe('change');
    expect(effectTransition('participant', 'applicant', 'not_admitted')).toBe('change');
  });

  it('admits or rejects someone on the waiting list, and leaves them there on a second waiting-list decision', () => {
    expect(effectTransition('participant', 'waiting_list', 'active')).toBe('change');
    expect(effectTransition('participant', 'waiting_list', 'not_admitted')).toBe('change');
    expect(effectTransition('participant', 'waiting_list', 'waiting_list')).toBe('same');
  });

  it('ends an active pair, and nothing else of a pair', () => {
    expect(effectTransition('pair', 'active', 'ended')).toBe('change');
    expect(effectTransition('pair', 'ended', 'active')).toBe('refused');
    expect(effectTransition('pair', 'ended', 'ended')).toBe('same');
  });

  it('never moves an enrolled or rejected participant, nor anyone back to applicant', () => {
    for (const from of ['active', 'withdrawn', 'completed', 'not_admitted'])
      for (const to of PARTICIPANT_STATUSES) if (to !== from) expect(effectTransition('participant', from, to)).toBe('refused');
    for (const from of PARTICIPANT_STATUSES)
      if (from !== 'applicant') expect(effectTransition('participant', from, 'applicant')).toBe('refused');
  });

  it('answers change exactly for the pairs the table lists (property)', () => {
    const statuses = fc.constantFrom(...PARTICIPANT_STATUSES, 'ended');
    fc.assert(
      fc.property(statuses, statuses, (from, to) => {
        const listed = (EFFECT_TRANSITIONS.participant[from] ?? []).includes(to);
        const verdict = effectTransition('participant', from, to);
        expect(verdict).toBe(from === to ? 'same' : listed ? 'change' : 'refused');
        expect(allowedTargets('participant', from).includes(to)).toBe(listed);
      }),
    );
  });
});
