import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type Audit = Schemas['AuditResponse'];
export type AuditSummary = Schemas['AuditSummaryResponse'];
export type ChecklistItem = Schemas['ChecklistItemResponse'];
export type AnswerResult = Schemas['AuditAnswerResult'];
export type FindingKind = Schemas['AuditFindingKind'];
export type IsoClause = Schemas['IsoClause'];

export const ANSWER_RESULTS: AnswerResult[] = ['conforming', 'nonconforming', 'observation', 'not_applicable'];
export const FINDING_KINDS: FindingKind[] = ['nonconformity', 'observation', 'opportunity'];
export const IMPORTANCE = ['low', 'medium', 'high'] as const;

export const auditKeys = {
  all: ['internal-audits'] as const,
  list: (q: AuditListQuery) => ['internal-audits', 'list', q] as const,
  one: (id: string) => ['internal-audits', id] as const,
};

/** One year's programme, the audits due, or the audit behind a deviation. */
export interface AuditListQuery {
  year?: number;
  due?: boolean;
  deviationId?: string;
}

export function useAudits(q: AuditListQuery, enabled = true) {
  const query = q.due ? { state: 'planned' as const, due: true } : q.deviationId ? { deviationId: q.deviationId } : { year: q.year };
  return useQuery({
    queryKey: auditKeys.list(q),
    enabled,
    queryFn: () => call(api.GET('/api/internal-audits', { params: { query } })),
  });
}

export function useAudit(id: string) {
  return useQuery({ queryKey: auditKeys.one(id), queryFn: () => call(api.GET('/api/internal-audits/{id}', { params: { path: { id } } })) });
}

/** Items of a comma-separated list, trimmed, empty ones left out. */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
