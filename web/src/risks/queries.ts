import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type Risk = Schemas['RiskResponse'];
export type RiskRevision = Schemas['RiskRevisionResponse'];
export type HeatMap = Schemas['HeatMapResponse'];
export const RISK_KINDS = ['risk', 'opportunity'] as const;
export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export interface RiskFilters {
  programmeId?: string;
  organisation?: boolean;
  kind?: RiskKind;
  status?: (typeof RISK_STATUSES)[number];
  ownerId?: string;
  overdue?: boolean;
  q?: string;
}

export const riskKeys = {
  all: ['risks'] as const,
  list: (f: RiskFilters) => ['risks', 'list', f] as const,
  one: (id: string) => ['risks', id] as const,
  history: (id: string) => ['risks', id, 'history'] as const,
  heatMap: (programmeId: string | undefined, kind: RiskKind) => ['risks', 'heat-map', programmeId ?? '', kind] as const,
};

export function useRisks(filters: RiskFilters, limit = 50, enabled = true) {
  return useInfiniteQuery({
    queryKey: riskKeys.list(filters),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/risks', { params: { query: { ...filters, limit, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useRisk(id: string) {
  return useQuery({ queryKey: riskKeys.one(id), queryFn: () => call(api.GET('/api/risks/{id}', { params: { path: { id } } })) });
}

export function useRiskHistory(id: string) {
  return useQuery({
    queryKey: riskKeys.history(id),
    queryFn: () => call(api.GET('/api/risks/{id}/history', { params: { path: { id } } })),
  });
}

export function useHeatMap(programmeId: string | undefined, kind: RiskKind) {
  return useQuery({
    queryKey: riskKeys.heatMap(programmeId, kind),
    queryFn: () => call(api.GET('/api/risks/heat-map', { params: { query: { programmeId, kind } } })),
  });
}
