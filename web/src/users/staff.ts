import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/client';

export type StaffMember = Schemas['StaffMemberResponse'];

/** The staff directory (names and roles; quality managers, board members, auditors, administrators). */
export function useStaff(enabled = true) {
  return useQuery({
    queryKey: ['staff'],
    enabled,
    staleTime: 60_000,
    queryFn: () => call(api.GET('/api/staff')),
  });
}

export function staffName(staff: StaffMember[] | undefined, id: string | null | undefined): string | undefined {
  return id ? staff?.find((s) => s.id === id)?.name : undefined;
}
