import fc from 'fast-check';
import { PARTICIPANT_STATUSES } from '../programmes/participant-kinds.js';
import type { ParticipantStatus } from '../programmes/participant-kinds.js';
import { funnelOf } from './funnel.js';

const ENROLLED: ParticipantStatus[] = ['active', 'withdrawn', 'completed'];

describe('the applicant funnel', () => {
  it('counts interest, interviews, admissions and completions', () => {
    const people = [
      { id: 'a', status: 'applicant' as const, enrolled: false },
      { id: 'b', status: 'not_admitted' as const, enrolled: false },
      { id: 'c', status: 'waiting_list' as const, enrolled: false },
      { id: 'd', status: 'active' as const, enrolled: true },
      { id: 'e', status: 'completed' as const, enrolled: true },
      { id: 'f', status: 'withdrawn' as const, enrolled: true },
    ];
    expect(funnelOf(people, new Set(['b', 'c', 'd', 'e']))).toEqual({
      interested: 6,
      interviewed: 4,
      admitted: 3,
      completed: 1,
      applicant: 1,
      waitingList: 1,
      notAdmitted: 1,
      withdrawn: 1,
    });
  });

  it('never widens from interest to admission to completion, and accounts for everyone (property)', () => {
    const person = fc.constantFrom(...PARTICIPANT_STATUSES).map((status) => ({ status, enrolled: ENROLLED.includes(status) }));
    fc.assert(
      fc.property(fc.array(person, { maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 }), (list, interviewedFlags) => {
        const people = list.map((p, i) => ({ ...p, id: `p${i}` }));
        const interviewed = new Set(people.filter((_, i) => interviewedFlags[i]).map((p) => p.id));
        const f = funnelOf(people, interviewed);
        expect(f.interested).toBeGreaterThanOrEqual(f.admitted);
        expect(f.interested).toBeGreaterThanOrEqual(f.interviewed);
        expect(f.admitted).toBeGreaterThanOrEqual(f.completed);
        expect(f.admitted + f.applicant + f.waitingList + f.notAdmitted).toBe(f.interested);
      }),
    );
  });
});
