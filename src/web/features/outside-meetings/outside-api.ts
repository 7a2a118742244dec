// The outside-meeting directory, my attendance, a house's weekly counts and feed imports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceInput,
  AttendanceView,
  HouseAttendanceView,
  ImportInput,
  ImportReport,
  MyAttendanceView,
  OutsideMeetingInput,
  OutsideMeetingListView,
  OutsideMeetingUpdate,
  OutsideMeetingView,
} from '../../../shared/contracts/outside-meetings.ts';
import { meetingTypeNames } from '../../../shared/domain/meeting-guide.ts';
import { api } from '../../app/api.ts';

export type DirectoryFilters = {
  type: string;
  language: string;
  focus: string;
  day: string;
  online: boolean;
  q: string;
};

export const EMPTY_FILTERS: DirectoryFilters = {
  type: '',
  language: '',
  focus: '',
  day: '',
  online: false,
  q: '',
};

function queryString(filters: DirectoryFilters): string {
  const params = new URLSearchParams();
  if (filters.type) params.set('type', filters.type);
  if (filters.language) params.set('language', filters.language);
  if (filters.focus) params.set('focus', filters.focus);
  if (filters.day) params.set('day', filters.day);
  if (filters.online) params.set('online', 'true');
  if (filters.q.trim()) params.set('q', filters.q.trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const useDirectory = (filters: DirectoryFilters) =>
  useQuery({
    queryKey: ['outside-meetings', filters],
    queryFn: () => api<OutsideMeetingListView>(`/api/outside-meetings${queryString(filters)}`),
  });

export const useMyAttendance = () =>
  useQuery({
    queryKey: ['outside-attendance'],
    queryFn: () => api<MyAttendanceView>('/api/outside-attendance'),
  });

export const useHouseAttendance = (residenceId: string) =>
  useQuery({
    queryKey: ['outside-attendance', 'house', residenceId],
    queryFn: () => api<HouseAttendanceView>(`/api/residences/${residenceId}/outside-attendance?weeks=4`),
  });

export function useLogAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceInput) =>
      api<AttendanceView>('/api/outside-attendance', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['outside-attendance'] }),
  });
}

export function useRemoveAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/outside-attendance/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['outside-attendance'] }),
  });
}

export function useSaveMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: OutsideMeetingInput | OutsideMeetingUpdate }) =>
      id
        ? api<OutsideMeetingView>(`/api/outside-meetings/${id}`, { method: 'PATCH', body })
        : api<OutsideMeetingView>('/api/outside-meetings', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['outside-meetings'] }),
  });
}

export function useDeleteMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/api/outside-meetings/${id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['outside-meetings'] }),
  });
}

export function useImportFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportInput) =>
      api<ImportReport>('/api/outside-meetings/import', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['outside-meetings'] }),
  });
}

/** Meeting Guide type codes with their names in the active language (from the spec package). */
export function typeOptions(language: string): { code: string; name: string }[] {
  const names = meetingTypeNames(language);
  return Object.entries(names)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
}

export const typeName = (code: string, language: string): string => meetingTypeNames(language)[code] ?? code;

/** Day names from Sunday (0) in the active language. */
export function dayNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' });
  // 2026-01-04 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2026, 0, 4 + i))));
}
