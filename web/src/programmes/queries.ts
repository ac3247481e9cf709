import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';
import { asDefinition } from '../procedures/definition';

export type Programme = Schemas['ProgrammeResponse'];
export type Participant = Schemas['ParticipantResponse'];
export type Pair = Schemas['PairResponse'];

export interface MatrixCell {
  procedureKey: string;
  status:
    | 'not_yet_due'
    | 'due'
    | 'overdue'
    | 'in_progress'
    | 'conforming'
    | 'conforming_after_correction'
    | 'nonconforming'
    | 'not_applicable'
    | 'cadence_missed';
  executionId: string | null;
  /** A correction awaits a quality manager's decision (not in force). */
  pendingCorrection?: boolean;
  versionNumber: number;
  window: { from: string; to: string } | null;
  /** Why a cell is not_applicable: the subject left, or the procedure's appliesWhen leaves it out. */
  notApplicable?: { reason: 'left' | 'applies_when'; status: string; statuses?: string[]; detail: string };
  /** A recurring procedure's cell: occurrences so far and the last one's day. */
  recurring?: { cadenceDays: number; sessions?: number; occurrences: number; lastDate: string | null; openExecutionId: string | null };
}
export interface MatrixRow {
  subject: { type: 'adept' | 'mentor' | 'pair' | 'cohort'; id: string | null; code?: string; status?: string };
  cells: MatrixCell[];
}
export interface Matrix {
  programmeId: string;
  today: string;
  procedures: { procedureKey: string; versionNumber: number; subject: string; title: Record<string, string>; afterClose?: boolean }[];
  rows: MatrixRow[];
  totals: { byStatus: Record<string, number> };
}

export const programmeKeys = {
  all: ['programmes'] as const,
  one: (id: string) => ['programmes', id] as const,
  participants: (id: string) => ['programmes', id, 'participants'] as const,
  pairs: (id: string) => ['programmes', id, 'pairs'] as const,
  matrix: (id: string) => ['programmes', id, 'conformance'] as const,
  indicators: (id: string) => ['programmes', id, 'indicators'] as const,
  funnel: (id: string) => ['programmes', id, 'funnel'] as const,
};

export function useProgrammes() {
  return useQuery({ queryKey: programmeKeys.all, queryFn: () => call(api.GET('/api/programmes', { params: { query: {} } })) });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeKeys.one(id),
    enabled: !!id,
    queryFn: () => call(api.GET('/api/programmes/{id}', { params: { path: { id } } })),
  });
}

export function useParticipants(id: string) {
  return useQuery({
    queryKey: programmeKeys.participants(id),
    enabled: !!id,
    queryFn: () => call(api.GET('/api/programmes/{id}/participants', { params: { path: { id }, query: {} } })),
  });
}

export function usePairs(id: string) {
  return useQuery({
    queryKey: programmeKeys.pairs(id),
    enabled: !!id,
    queryFn: () => call(api.GET('/api/programmes/{id}/pairs', { params: { path: { id } } })),
  });
}

export function useMatrix(id: string, enabled = true) {
  return useQuery({
    queryKey: programmeKeys.matrix(id),
    enabled: enabled && !!id,
    queryFn: async () =>
      (await call(api.GET('/api/programmes/{id}/conformance', { params: { path: { id }, query: {} } }))) as unknown as Matrix,
  });
}

export function useIndicators(id: string) {
  return useQuery({
    queryKey: programmeKeys.indicators(id),
    enabled: !!id,
    queryFn: () => call(api.GET('/api/programmes/{id}/indicators', { params: { path: { id }, query: {} } })),
  });
}

export function useFunnel(id: string) {
  return useQuery({
    queryKey: programmeKeys.funnel(id),
    enabled: !!id,
    queryFn: () => call(api.GET('/api/programmes/{id}/funnel', { params: { path: { id }, query: {} } })),
  });
}

/** A procedure version (its definition is immutable once approved, so it is cached for good). */
export function useProcedureVersion(key: string | undefined, n: number | undefined) {
  return useQuery({
    queryKey: ['procedures', key, 'versions', n],
    enabled: !!key && !!n,
    staleTime: Infinity,
    queryFn: async () => {
      const v = await call(api.GET('/api/procedures/{key}/versions/{n}', { params: { path: { key: key!, n: n! } } }));
      return { ...v, definition: asDefinition(v.definition) };
    },
  });
}

/** Names where the API gives them (quality managers, programme leaders), codes otherwise. */
export function participantLabel(p: Pick<Participant, 'code' | 'fullName'> | undefined, fallback = '?'): string {
  if (!p) return fallback;
  return p.fullName ? `${p.fullName} (${p.code})` : p.code;
}
