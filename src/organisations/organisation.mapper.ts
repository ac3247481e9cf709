import type { OrganisationResponse, OrganisationRevisionResponse } from './organisation.dto.js';
import type { OrganisationRevisionRow, OrganisationRow } from './organisations.queries.js';

export function toOrganisationRevisionResponse(r: OrganisationRevisionRow, names: Map<string, string>): OrganisationRevisionResponse {
  return {
    revision: r.revision,
    change: r.change,
    reason: r.reason,
    name: r.name,
    sector: r.sector,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    contactPhone: r.contactPhone,
    notes: r.notes,
    active: r.active,
    recordedBy: { id: r.recordedBy, name: names.get(r.recordedBy) ?? '' },
    recordedAt: r.recordedAt.toISOString(),
  };
}

export function toOrganisationResponse(r: OrganisationRow, names: Map<string, string>, mayRevise: boolean): OrganisationResponse {
  return {
    id: r.id,
    ...toOrganisationRevisionResponse(r, names),
    version: r.revision,
    createdAt: r.createdAt.toISOString(),
    mayRevise,
  };
}
