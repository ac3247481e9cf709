import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type DocumentSummary = Schemas['DocumentSummaryResponse'];
export type ControlledDocument = Schemas['DocumentResponse'];
export type DocumentVersion = Schemas['DocumentVersionResponse'];
export const DOCUMENT_KINDS = [
  'quality_policy',
  'scope',
  'process_map',
  'form',
  'consent_text',
  'participant_agreement',
  'handbook',
  'external',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const ACKNOWLEDGING_ROLES = ['programme_leader', 'quality_manager', 'board_member', 'admin'] as const;

export interface DocumentFilters {
  kind?: DocumentKind;
  owner?: 'me';
  overdue?: boolean;
  toAcknowledge?: boolean;
}

export const documentKeys = {
  all: ['documents'] as const,
  list: (f: DocumentFilters) => ['documents', 'list', f] as const,
  one: (id: string) => ['documents', id] as const,
  acknowledgements: (id: string) => ['documents', id, 'acknowledgements'] as const,
};

export function useDocuments(filters: DocumentFilters) {
  return useQuery({
    queryKey: documentKeys.list(filters),
    queryFn: () => call(api.GET('/api/documents', { params: { query: filters } })),
  });
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: documentKeys.one(id),
    queryFn: () => call(api.GET('/api/documents/{id}', { params: { path: { id } } })),
  });
}

export function useAcknowledgements(id: string, enabled: boolean) {
  return useQuery({
    queryKey: documentKeys.acknowledgements(id),
    enabled,
    queryFn: () => call(api.GET('/api/documents/{id}/acknowledgements', { params: { path: { id } } })),
  });
}
