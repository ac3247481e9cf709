import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type Deviation = Schemas['DeviationResponse'];
export type DeviationState = Deviation['state'];

export interface DeviationFilters {
  programmeId?: string;
  state?: DeviationState;
  severity?: Deviation['severity'];
  source?: Deviation['source'];
  overdue?: boolean;
}

export const deviationKeys = {
  all: ['deviations'] as const,
  list: (f: DeviationFilters) => ['deviations', 'list', f] as const,
  one: (id: string) => ['deviations', id] as const,
};

export function useDeviations(filters: DeviationFilters, limit = 50, enabled = true) {
  return useInfiniteQuery({
    queryKey: deviationKeys.list(filters),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/deviations', { params: { query: { ...filters, limit, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useDeviation(id: string) {
  return useQuery({
    queryKey: deviationKeys.one(id),
    enabled: !!id,
    queryFn: () => call(api.GET('/api/deviations/{id}', { params: { path: { id } } })),
  });
}

/** The transitions of a deviation, as the service's state table has them (deviation-states.ts). */
export const DEVIATION_TRANSITIONS: {
  from: DeviationState;
  to: DeviationState;
  needs: ('root_cause' | 'action_or_justification' | 'actions_closed' | 'signature' | 'reason')[];
}[] = [
  { from: 'open', to: 'analysis', needs: [] },
  { from: 'analysis', to: 'action_plan', needs: ['root_cause'] },
  { from: 'action_plan', to: 'in_progress', needs: ['action_or_justification'] },
  { from: 'in_progress', to: 'closed', needs: ['actions_closed', 'signature'] },
  { from: 'open', to: 'cancelled', needs: ['reason'] },
  { from: 'analysis', to: 'cancelled', needs: ['reason'] },
  { from: 'closed', to: 'in_progress', needs: ['reason'] },
];
