import type { OrganisationRow } from '../organisations/organisations.queries.js';
import type { ParticipantRow } from '../programmes/programmes.queries.js';
import type { InternshipResponse, InternshipRevisionResponse } from './internship.dto.js';
import { internshipState } from './internship-outcomes.js';
import type { InternshipRevisionRow, InternshipRow } from './internships.queries.js';

/** A revision; what was written about the adept (reason, note) only for a caller who may see who they are. */
export function toInternshipRevisionResponse(
  r: InternshipRevisionRow,
  names: Map<string, string>,
  identifies: boolean,
): InternshipRevisionResponse {
  return {
    revision: r.revision,
    change: r.change,
    ...(identifies ? { reason: r.reason } : {}),
    supervisorName: r.supervisorName,
    supervisorRole: r.supervisorRole,
    supervisorEmail: r.supervisorEmail,
    startDate: r.startDate,
    endDate: r.endDate,
    hoursPerWeek: r.hoursPerWeek,
    outcome: r.outcome,
    endedOn: r.endedOn,
    ...(identifies ? { outcomeNote: r.outcomeNote } : {}),
    recordedBy: { id: r.recordedBy, name: names.get(r.recordedBy) ?? '' },
    recordedAt: r.recordedAt.toISOString(),
  };
}

/** A placement: the adept by name only where the caller may see who the participants of its programme are, by code otherwise. */
export function toInternshipResponse(
  r: InternshipRow,
  x: {
    names: Map<string, string>;
    adept: ParticipantRow | undefined;
    organisation: OrganisationRow | undefined;
    programmeName: string;
    identifies: boolean;
    mayRecord: boolean;
    today: string;
  },
): InternshipResponse {
  return {
    id: r.id,
    programmeId: r.programmeId,
    programmeName: x.programmeName,
    adept: { id: r.participantId, code: x.adept?.code ?? '', ...(x.identifies && x.adept ? { fullName: x.adept.fullName } : {}) },
    organisation: { id: r.organisationId, name: x.organisation?.name ?? '', active: x.organisation?.active ?? false },
    ...toInternshipRevisionResponse(r, x.names, x.identifies),
    state: internshipState(r, x.today),
    version: r.revision,
    createdAt: r.createdAt.toISOString(),
    mayRecord: x.mayRecord,
  };
}
