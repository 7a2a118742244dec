// The web app's side of house meetings: a house's schedule, one meeting, and the changes people make.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgendaItemView,
  AttendanceStatus,
  HouseMeetingsView,
  MeetingDetailView,
  MeetingSettingsView,
  NewAgendaItem,
  NewMeeting,
  NotificationListView,
  SeriesInput,
  SeriesView,
} from '../../../shared/contracts/meetings.ts';
import { api } from '../../app/api.ts';

export const houseMeetingsKey = (residenceId: string) => ['house-meetings', residenceId] as const;
export const meetingKey = (id: string) => ['meeting', id] as const;

export const useHouseMeetings = (residenceId: string) =>
  useQuery({
    queryKey: houseMeetingsKey(residenceId),
    queryFn: () => api<HouseMeetingsView>(`/api/residences/${residenceId}/meetings?pastLimit=12`),
    enabled: residenceId !== '',
  });

export const useMeeting = (id: string) =>
  useQuery({ queryKey: meetingKey(id), queryFn: () => api<MeetingDetailView>(`/api/meetings/${id}`) });

/** A change to one meeting whose answer is the meeting as it now is. */
function useMeetingChange<T>(meetingId: string, request: (input: T) => Promise<MeetingDetailView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKey(meetingId), meeting);
      void queryClient.invalidateQueries({ queryKey: houseMeetingsKey(meeting.residenceId) });
    },
  });
}

export const useMeetingStep = (meetingId: string) =>
  useMeetingChange(meetingId, (step: 'start' | 'close' | 'cancel') =>
    api<MeetingDetailView>(`/api/meetings/${meetingId}/${step}`, { method: 'POST' }),
  );

export const useAttendance = (meetingId: string) =>
  useMeetingChange(meetingId, (body: { personId: string; status: AttendanceStatus }) =>
    api<MeetingDetailView>(`/api/meetings/${meetingId}/attendance`, { method: 'POST', body }),
  );

export const useAssignRoles = (meetingId: string) =>
  useMeetingChange(meetingId, (body: { chairId?: string | null; secretaryId?: string | null }) =>
    api<MeetingDetailView>(`/api/meetings/${meetingId}`, { method: 'PATCH', body }),
  );

export const useOrderAgenda = (meetingId: string) =>
  useMeetingChange(meetingId, (itemIds: string[]) =>
    api<MeetingDetailView>(`/api/meetings/${meetingId}/agenda/order`, { method: 'POST', body: { itemIds } }),
  );

/** Agenda changes answer with the item; the meeting is read again so the list stays in order. */
function useItemChange<T, R>(
  meetingId: string,
  residenceId: string | undefined,
  request: (input: T) => Promise<R>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meetingKey(meetingId) });
      if (residenceId) void queryClient.invalidateQueries({ queryKey: houseMeetingsKey(residenceId) });
    },
  });
}

export const useAddAgendaItem = (meetingId: string, residenceId?: string) =>
  useItemChange(meetingId, residenceId, (body: NewAgendaItem) =>
    api<AgendaItemView>(`/api/meetings/${meetingId}/agenda`, { method: 'POST', body }),
  );

export const useWriteMinutes = (meetingId: string) =>
  useItemChange(meetingId, undefined, ({ itemId, minutes }: { itemId: string; minutes: string }) =>
    api<AgendaItemView>(`/api/agenda-items/${itemId}`, { method: 'PATCH', body: { minutes } }),
  );

export const useRemoveItem = (meetingId: string, residenceId?: string) =>
  useItemChange(meetingId, residenceId, (itemId: string) =>
    api<{ ok: true }>(`/api/agenda-items/${itemId}`, { method: 'DELETE' }),
  );

function useScheduleChange<T, R>(residenceId: string, request: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: houseMeetingsKey(residenceId) }),
  });
}

export const useCreateSeries = (residenceId: string) =>
  useScheduleChange(residenceId, (body: SeriesInput) =>
    api<SeriesView>(`/api/residences/${residenceId}/meeting-series`, { method: 'POST', body }),
  );

export const useEndSeries = (residenceId: string) =>
  useScheduleChange(residenceId, (seriesId: string) =>
    api<SeriesView>(`/api/meeting-series/${seriesId}`, { method: 'DELETE' }),
  );

export const useCreateMeeting = (residenceId: string) =>
  useScheduleChange(residenceId, (body: NewMeeting) =>
    api<MeetingDetailView>(`/api/residences/${residenceId}/meetings`, { method: 'POST', body }),
  );

export const meetingSettingsKey = (residenceId: string) => ['meeting-settings', residenceId] as const;

export const useMeetingSettings = (residenceId: string) =>
  useQuery({
    queryKey: meetingSettingsKey(residenceId),
    queryFn: () => api<MeetingSettingsView>(`/api/residences/${residenceId}/meeting-settings`),
  });

export function useSaveMeetingSettings(residenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      quorum: number | null;
      weeklyOutsideGoal: number | null;
      reminderMinutes: number;
      decidesByVote: boolean;
    }) =>
      api<MeetingSettingsView>(`/api/residences/${residenceId}/meeting-settings`, { method: 'PATCH', body }),
    onSuccess: (settings) => queryClient.setQueryData(meetingSettingsKey(residenceId), settings),
  });
}

export const notificationsKey = ['notifications'] as const;

export const useNotifications = () =>
  useQuery({ queryKey: notificationsKey, queryFn: () => api<NotificationListView>('/api/notifications') });

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

/** "Sunday 29 Nov, 19:00", in the house's own time zone (where the meeting happens). */
export function formatMeetingTime(startsAt: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(startsAt));
}

/** An RRULE for "every week on this day" (the schedule form's only shape; the API takes any RRULE). */
export const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export const weeklyRule = (day: (typeof WEEKDAYS)[number], everyOtherWeek = false) =>
  `FREQ=WEEKLY;${everyOtherWeek ? 'INTERVAL=2;' : ''}BYDAY=${day}`;
