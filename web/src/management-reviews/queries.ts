import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type Review = Schemas['ManagementReviewResponse'];

/** What the service composes as a review's inputs (ISO 9001 9.3.2); frozen when the review closes. */
export type ReviewInputs = Schemas['ManagementReviewInputsResponse'];
/** A count of people: "<5" for 1 to 4. */
export type Count = NonNullable<ReviewInputs['satisfaction']>['responses'];
export type Trend = NonNullable<NonNullable<ReviewInputs['processPerformance']>[number]['trend']>;
export type Note = NonNullable<ReviewInputs['issues']>[number];

export const reviewKeys = {
  all: ['management-reviews'] as const,
  one: (id: string) => ['management-reviews', id] as const,
  inputs: (id: string) => ['management-reviews', id, 'inputs'] as const,
};

export function useReviews(enabled = true) {
  return useQuery({ queryKey: reviewKeys.all, enabled, queryFn: () => call(api.GET('/api/management-reviews')) });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKeys.one(id),
    queryFn: () => call(api.GET('/api/management-reviews/{id}', { params: { path: { id } } })),
  });
}

export function useReviewInputs(id: string) {
  return useQuery({
    queryKey: reviewKeys.inputs(id),
    queryFn: async () => call(api.GET('/api/management-reviews/{id}/inputs', { params: { path: { id } } })),
  });
}

/** Attendees and decision actions come as loosely typed objects: read their fields safely. */
export function attendeeNames(r: Review): string[] {
  return (r.attendees as { name?: string }[]).map((a) => a.name ?? '?');
}
export function decisionAction(
  d: Review['decisions'][number],
): { id?: string; reference?: string; state?: string; dueDate?: string } | null {
  return (d.action as { id?: string; reference?: string; state?: string; dueDate?: string } | null) ?? null;
}
