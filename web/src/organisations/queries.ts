import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type Organisation = Schemas['OrganisationResponse'];
export type OrganisationRevision = Schemas['OrganisationRevisionResponse'];
export const ORGANISATION_SECTORS = ['public', 'private', 'non_profit', 'academic'] as const;
export type OrganisationSector = (typeof ORGANISATION_SECTORS)[number];

export interface OrganisationFilters {
  q?: string;
  sector?: OrganisationSector;
  active?: boolean;
}

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (f: OrganisationFilters) => ['organisations', 'list', f] as const,
  one: (id: string) => ['organisations', id] as const,
  history: (id: string) => ['organisations', id, 'history'] as const,
};

export function useOrganisations(filters: OrganisationFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: organisationKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/organisations', { params: { query: { ...filters, limit, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: organisationKeys.one(id),
    queryFn: () => call(api.GET('/api/organisations/{id}', { params: { path: { id } } })),
  });
}

export function useOrganisationHistory(id: string) {
  return useQuery({
    queryKey: organisationKeys.history(id),
    queryFn: () => call(api.GET('/api/organisations/{id}/history', { params: { path: { id } } })),
  });
}
