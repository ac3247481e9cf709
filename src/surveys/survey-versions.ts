/**
 * The life of a survey version: written as a `draft` (content fixed when written), then approved
 * with a signature by someone who did not write it, or rejected. An approved version comes into
 * force on its effective day (`approved` until then, `effective` from then) and is `superseded`
 * when a later approved version comes into force. Pure.
 */
export const SURVEY_VERSION_STATES = ['draft', 'approved', 'effective', 'superseded', 'rejected'] as const;
export type SurveyVersionState = (typeof SURVEY_VERSION_STATES)[number];

export type StoredSurveyStatus = 'draft' | 'approved' | 'rejected';

export interface VersionFacts {
  id: string;
  number: number;
  status: StoredSurveyStatus;
  effectiveOn: string | null;
}

/** The version in force on `day`: the approved one with the latest effective day on or before it. */
export function versionInForce<V extends VersionFacts>(versions: readonly V[], day: string): V | null {
  const candidates = versions.filter((v) => v.status === 'approved' && v.effectiveOn !== null && v.effectiveOn <= day);
  candidates.sort((a, b) => a.effectiveOn!.localeCompare(b.effectiveOn!) || a.number - b.number);
  return candidates.at(-1) ?? null;
}

export function versionState(v: VersionFacts, inForce: VersionFacts | null, day: string): SurveyVersionState {
  if (v.status !== 'approved') return v.status;
  if (inForce?.id === v.id) return 'effective';
  return v.effectiveOn! > day ? 'approved' : 'superseded';
}
