import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type Internship = Schemas['InternshipResponse'];
export const INTERNSHIP_OUTCOMES = ['completed', 'ended_early', 'employed', 'other'] as const;
export type InternshipOutcome = (typeof INTERNSHIP_OUTCOMES)[number];

export const internshipKeys = {
  all: ['internships'] as const,
  ofProgramme: (id: string) => ['internships', 'programme', id] as const,
  atOrganisation: (id: string) => ['internships', 'organisation', id] as const,
  history: (id: string) => ['internships', 'history', id] as const,
};

export function useProgrammeInternships(programmeId: string) {
  return useQuery({
    queryKey: internshipKeys.ofProgramme(programmeId),
    queryFn: () => call(api.GET('/api/programmes/{id}/internships', { params: { path: { id: programmeId } } })),
  });
}

export function useOrganisationInternships(organisationId: string, enabled = true) {
  return useQuery({
    queryKey: internshipKeys.atOrganisation(organisationId),
    enabled,
    queryFn: () => call(api.GET('/api/organisations/{id}/internships', { params: { path: { id: organisationId } } })),
  });
}

/** The adept as the API gives them: by name and code where the caller may see names, by code otherwise. */
export function adeptLabel(i: Internship): string {
  return i.adept.fullName ? `${i.adept.fullName} (${i.adept.code})` : i.adept.code;
}
