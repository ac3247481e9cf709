import type { PairResponse, ParticipantResponse } from './participant.dto.js';
import type { Participant, Pair } from './participant.entity.js';

/** A participant; names and e-mail only for a caller `ProgrammeAccess.identifies`. */
export function toParticipantResponse(p: Participant, withNames: boolean): ParticipantResponse {
  return {
    id: p.id,
    code: p.code,
    programmeId: p.programmeId,
    role: p.role,
    ...(withNames ? { fullName: p.fullName, email: p.email } : {}),
    gender: p.gender,
    profession: p.profession,
    countryOfOrigin: p.countryOfOrigin,
    language: p.language,
    applicationConsentAt: p.applicationConsentAt,
    admissionDecidedAt: p.admissionDecidedAt,
    enrolledAt: p.enrolledAt,
    consentRecordedAt: p.consentRecordedAt,
    status: p.status,
    withdrawnAt: p.withdrawnAt,
    ...(withNames ? { withdrawalReason: p.withdrawalReason } : {}),
    completedAt: p.completedAt,
    outcome: p.outcome,
    ...(withNames ? { outcomeNote: p.outcomeNote } : {}),
    version: p.version,
  };
}

/** A pair with its participants' codes; what was written about the people only for a caller entitled to it. */
export function toPairResponse(p: Pair, codes: Map<string, string>, withReasons = true): PairResponse {
  return {
    id: p.id,
    programmeId: p.programmeId,
    mentorId: p.mentorId,
    mentorCode: codes.get(p.mentorId) ?? '',
    adeptId: p.adeptId,
    adeptCode: codes.get(p.adeptId) ?? '',
    matchedAt: p.matchedAt,
    ...(withReasons ? { rationale: p.rationale, endReason: p.endReason } : {}),
    endedAt: p.endedAt,
    active: p.endedAt === null,
  };
}
