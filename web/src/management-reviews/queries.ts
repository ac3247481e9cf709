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
  /** The ISO 9001 9.3.2 items added later: absent in the frozen inputs of reviews closed before. */
  period?: { from: string; to: string; previousFrom: string; previousTo: string };
  issues?: Note[];
  satisfaction?: {
    responses: Count;
    mean: number | null;
    distribution: Record<'1' | '2' | '3' | '4' | '5', Count>;
    feedbackGiven: Count;
    previousMean: number | null;
    trend: Trend | null;
  };
  objectives?: {
    id: string;
    title: string;
    ownerName: string | null;
    deadline: string;
    indicator: string;
    unit: string;
    comparator: string;
    target: number;
    measured: number | null;
    status: string;
    trend: Trend | null;
    trendIsBetter: boolean | null;
    measuredInPeriod: { period: string; measured: number | null; status: string }[];
  }[];
  processPerformance?: {
    procedureKey: string;
    conforming: number;
    completed: number;
    rate: number | null;
    previousRate: number | null;
    trend: Trend | null;
  }[];
  nonconformities?: { detected: number; closed: number; detectedBySeverity: Record<string, number> };
  monitoring?: Record<string, number | null>;
  internalAudits?: {
    available: boolean;
    note: string | null;
    audits: {
      id: string;
      reference: string;
      title: string;
      state: string;
      findings: { major: number; minor: number; observations: number; opportunities: number };
    }[];
  };
  externalProviders?: {
    pairsMatched: Count;
    pairsEndedEarly: Count;
    mentorFeedbackGiven: Count;
    mentorSatisfactionResponses: Count;
    mentorSatisfactionMean: number | null;
  };
  resources?: Note[];
  risks?: {
    reference: string;
    kind: string;
    title: string;
    status: string;
    ratingBefore: number;
    ratingAfter: number | null;
    actions: { reference: string; state: string }[];
  }[];
  opportunities?: {
    actions: { reference: string; type: string; source: string; sourceText: string | null; state: string; dueDate: string }[];
    register: { reference: string; title: string; rating: number }[];
  };
}

/** A count of people: "<5" for 1 to 4. */
export type Count = number | '<5';
export type Trend = 'up' | 'down' | 'flat';
export interface Note {
  seq: number;
  text: string;
  recordedAt: string;
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
