/**
 * The applicant funnel: how many showed interest, were interviewed, admitted and completed. Pure:
 * the service loads the participants and who was interviewed.
 */
import type { ParticipantRole, ParticipantStatus } from '../programmes/participant-kinds.js';

/** The procedure whose completion counts a participant as interviewed, by role. */
export const FUNNEL_INTERVIEW: Record<ParticipantRole, string> = { adept: 'intake-interview', mentor: 'mentor-vetting' };

export const FUNNEL_STAGES = ['interested', 'interviewed', 'admitted', 'completed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelCounts {
  /** Everyone registered: applicants (whatever became of them) and those enrolled directly. */
  interested: number;
  /** With a completed interview procedure (intake interview, mentor vetting). */
  interviewed: number;
  /** Enrolled: admitted by the intake decision, or enrolled directly. */
  admitted: number;
  completed: number;
  /** Where those not admitted stand: still applicants, on the waiting list, not admitted. */
  applicant: number;
  waitingList: number;
  notAdmitted: number;
  /** Enrolled who left early (with or without an outcome such as a job). */
  withdrawn: number;
}

export function funnelOf(
  people: readonly { id: string; status: ParticipantStatus; enrolled: boolean }[],
  interviewed: ReadonlySet<string>,
): FunnelCounts {
  const c: FunnelCounts = {
    interested: people.length,
    interviewed: 0,
    admitted: 0,
    completed: 0,
    applicant: 0,
    waitingList: 0,
    notAdmitted: 0,
    withdrawn: 0,
  };
  for (const p of people) {
    if (interviewed.has(p.id)) c.interviewed++;
    if (p.enrolled) c.admitted++;
    switch (p.status) {
      case 'completed':
        c.completed++;
        break;
      case 'withdrawn':
        c.withdrawn++;
        break;
      case 'applicant':
        c.applicant++;
        break;
      case 'waiting_list':
        c.waitingList++;
        break;
      case 'not_admitted':
        c.notAdmitted++;
        break;
      case 'active':
        break;
    }
  }
  return c;
}
