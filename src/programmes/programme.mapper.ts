import { midpoint } from '../common/calendar.js';
import type { PlanEntryResponse, ProgrammeResponse } from './programme.dto.js';
import type { PlanEntry } from './programme.entity.js';
import type { ProgrammeView } from './programmes.service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toPlanEntry(e: PlanEntry): PlanEntryResponse {
  return {
    procedureKey: e.procedureKey,
    versionNumber: e.versionNumber,
    contentHash: e.contentHash,
    adoptedAt: e.adoptedAt.toISOString(),
    reason: e.reason,
    replacedAt: iso(e.replacedAt),
  };
}

export function toProgrammeResponse(v: ProgrammeView): ProgrammeResponse {
  const p = v.programme;
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    targetGroup: p.targetGroup,
    startDate: p.startDate,
    endDate: p.endDate,
    midpointDate: midpoint(p.startDate, p.endDate),
    timeZone: p.timeZone,
    status: p.status,
    activatedAt: iso(p.activatedAt),
    closedAt: iso(p.closedAt),
    leaders: v.leaders,
    procedurePlan: v.plan.map(toPlanEntry),
    planHistory: v.history.map(toPlanEntry),
    version: p.version,
  };
}
