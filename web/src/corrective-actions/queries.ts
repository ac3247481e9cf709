import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type Action = Schemas['CorrectiveActionResponse'];
export type ActionState = Action['state'];

export interface ActionFilters {
  state?: ActionState;
  overdue?: boolean;
  ownerId?: string;
  programmeId?: string;
  deviationId?: string;
  awaitingMyBoardReview?: boolean;
  changesRequested?: boolean;
  source?: ActionSource;
}

export const ACTION_SOURCES = ['deviation', 'management_review', 'risk', 'internal_audit', 'objective', 'other'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

export const actionKeys = {
  all: ['corrective-actions'] as const,
  list: (f: ActionFilters) => ['corrective-actions', 'list', f] as const,
  one: (id: string) => ['corrective-actions', id] as const,
};

export function useActions(filters: ActionFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: actionKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/corrective-actions', { params: { query: { ...filters, limit, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAction(id: string) {
  return useQuery({
    queryKey: actionKeys.one(id),
    queryFn: () => call(api.GET('/api/corrective-actions/{id}', { params: { path: { id } } })),
  });
}

type Who = 'owner_or_quality_manager' | 'quality_manager' | 'not_owner';

/** The service's transition table (action-states.ts): who may move an action, and what it needs. */
export const ACTION_TRANSITIONS: {
  from: ActionState;
  to: ActionState;
  by: Who;
  verdict?: 'effective' | 'not_effective';
  evidence?: boolean;
  signature?: boolean;
  reason?: boolean;
}[] = [
  { from: 'planned', to: 'in_progress', by: 'owner_or_quality_manager' },
  { from: 'in_progress', to: 'implemented', by: 'owner_or_quality_manager' },
  { from: 'implemented', to: 'effectiveness_check', by: 'owner_or_quality_manager' },
  { from: 'effectiveness_check', to: 'closed', by: 'not_owner', verdict: 'effective', evidence: true, signature: true },
  { from: 'effectiveness_check', to: 'in_progress', by: 'not_owner', verdict: 'not_effective', evidence: true },
  { from: 'planned', to: 'cancelled', by: 'quality_manager', reason: true },
  { from: 'in_progress', to: 'cancelled', by: 'quality_manager', reason: true },
  { from: 'implemented', to: 'cancelled', by: 'quality_manager', reason: true },
];
