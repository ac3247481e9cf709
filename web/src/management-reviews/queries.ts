import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type Review = Schemas['ManagementReviewResponse'];

/** What the service composes as a review's inputs (review-inputs.service.ts); frozen when the review closes. */
export interface ReviewInputs {
  composedAt: string;
  asOf: string;
  deviations: { open: number; overdue: number; openBySeverity: Record<string, number>; openBySource: Record<string, number> };
  correctiveActions: { byState: Record<string, number>; overdue: number; overdueReferences: string[] };
  conformance: { procedureKey: string; conforming: number; completed: number; rate: number | null }[];
  earlierDecisions: {
    reviewId: string;
    heldOn: string;
    title: string;
    seq: number;
    text: string;
    action: { reference: string; state: string; dueDate: string; overdue: boolean } | null;
  }[];
}

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
    queryFn: async () =>
      (await call(api.GET('/api/management-reviews/{id}/inputs', { params: { path: { id } } }))) as unknown as ReviewInputs,
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
