// The outside-meeting directory, my attendance, a house's weekly counts and feed imports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AttendanceInput,
  type FeedSettingsUpdate,
  type ImportInput,
  type OutsideMeetingInput,
  type OutsideMeetingListQuery,
  type OutsideMeetingUpdate,
  outsideMeetingsApi,
} from '../../../shared/contracts/outside-meetings.ts';
import { meetingTypeNames } from '../../../shared/domain/meeting-guide.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';

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

/** The filters the directory query sends: only those set. */
function queryOf(filters: DirectoryFilters): OutsideMeetingListQuery {
  const query: OutsideMeetingListQuery = {};
  if (filters.type) query.type = filters.type;
  if (filters.language) query.language = filters.language as OutsideMeetingListQuery['language'];
  if (filters.focus) query.focus = filters.focus as OutsideMeetingListQuery['focus'];
  if (filters.day) query.day = filters.day;
  if (filters.online) query.online = 'true';
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}

const api = outsideMeetingsApi;
/** Attendance: mine and the house's counts. */
const attendanceKeys = () => [keyOf(api.myAttendance), keyOf(api.houseAttendance)];

export const useDirectory = (filters: DirectoryFilters) =>
  useQuery(queryFor(api.list, { query: queryOf(filters) }));

export const useMyAttendance = () => useQuery(queryFor(api.myAttendance));

export const useHouseAttendance = (residenceId: string) =>
  useQuery(queryFor(api.houseAttendance, { params: { id: residenceId }, query: { weeks: 4 } }));

export function useLogAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AttendanceInput) => call(api.logAttendance, { body }),
    onSuccess: () => {
      for (const queryKey of attendanceKeys()) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export function useRemoveAttendance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.removeAttendance, { params: { id } }),
    onSuccess: () => {
      for (const queryKey of attendanceKeys()) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

export function useSaveMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: OutsideMeetingInput | OutsideMeetingUpdate }) =>
      id
        ? call(api.update, { params: { id }, body: body as OutsideMeetingUpdate })
        : call(api.create, { body: body as OutsideMeetingInput }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keyOf(api.list) }),
  });
}

export function useDeleteMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.remove, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keyOf(api.list) }),
  });
}

export function useUpdateFeedSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedSettingsUpdate) => call(api.updateFeedSettings, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keyOf(api.list) }),
  });
}

export function useImportFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportInput) => call(api.importFeed, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keyOf(api.list) }),
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
