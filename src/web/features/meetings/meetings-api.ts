// The web app's side of house meetings: a house's schedule, one meeting, and the changes people make,
// each called from its endpoint contract (shared/contracts/meetings.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BodyIn } from '../../../shared/contracts/endpoint.ts';
import { type MeetingDetailView, meetingApi } from '../../../shared/contracts/meetings.ts';
import { call, keyOf, queryFor } from '../../app/api.ts';

export const useHouseMeetings = (residenceId: string) =>
  useQuery({
    ...queryFor(meetingApi.listHouse, { params: { id: residenceId }, query: { pastLimit: 12 } }),
    enabled: residenceId !== '',
  });

export const useMeeting = (id: string) => useQuery(queryFor(meetingApi.get, { params: { id } }));

/** A change to one meeting whose answer is the meeting as it now is. */
function useMeetingChange<T>(meetingId: string, request: (input: T) => Promise<MeetingDetailView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (meeting) => {
      queryClient.setQueryData(keyOf(meetingApi.get, { params: { id: meetingId } }), meeting);
      void queryClient.invalidateQueries({ queryKey: keyOf(meetingApi.listHouse) });
    },
  });
}

const STEPS = { start: meetingApi.start, close: meetingApi.close, cancel: meetingApi.cancel } as const;

export const useMeetingStep = (meetingId: string) =>
  useMeetingChange(meetingId, (step: keyof typeof STEPS) => call(STEPS[step], { params: { id: meetingId } }));

export const useAttendance = (meetingId: string) =>
  useMeetingChange(meetingId, (body: BodyIn<typeof meetingApi.markAttendance>) =>
    call(meetingApi.markAttendance, { params: { id: meetingId }, body }),
  );

export const useAssignRoles = (meetingId: string) =>
  useMeetingChange(meetingId, (body: BodyIn<typeof meetingApi.assignRoles>) =>
    call(meetingApi.assignRoles, { params: { id: meetingId }, body }),
  );

export const useOrderAgenda = (meetingId: string) =>
  useMeetingChange(meetingId, (itemIds: string[]) =>
    call(meetingApi.orderAgenda, { params: { id: meetingId }, body: { itemIds } }),
  );

/** Agenda changes answer with the item; the meeting is read again so the list stays in order. */
function useItemChange<T, R>(meetingId: string, request: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keyOf(meetingApi.get, { params: { id: meetingId } }) });
      void queryClient.invalidateQueries({ queryKey: keyOf(meetingApi.listHouse) });
    },
  });
}

export const useAddAgendaItem = (meetingId: string) =>
  useItemChange(meetingId, (body: BodyIn<typeof meetingApi.addAgendaItem>) =>
    call(meetingApi.addAgendaItem, { params: { id: meetingId }, body }),
  );

export const useWriteMinutes = (meetingId: string) =>
  useItemChange(meetingId, ({ itemId, minutes }: { itemId: string; minutes: string }) =>
    call(meetingApi.updateAgendaItem, { params: { id: itemId }, body: { minutes } }),
  );

export const useRemoveItem = (meetingId: string) =>
  useItemChange(meetingId, (itemId: string) => call(meetingApi.removeAgendaItem, { params: { id: itemId } }));

function useScheduleChange<T, R>(request: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keyOf(meetingApi.listHouse) }),
  });
}

export const useCreateSeries = (residenceId: string) =>
  useScheduleChange((body: BodyIn<typeof meetingApi.createSeries>) =>
    call(meetingApi.createSeries, { params: { id: residenceId }, body }),
  );

export const useEndSeries = () =>
  useScheduleChange((seriesId: string) => call(meetingApi.endSeries, { params: { id: seriesId } }));

export const useCreateMeeting = (residenceId: string) =>
  useScheduleChange((body: BodyIn<typeof meetingApi.create>) =>
    call(meetingApi.create, { params: { id: residenceId }, body }),
  );

export const useMeetingSettings = (residenceId: string) =>
  useQuery(queryFor(meetingApi.settings, { params: { id: residenceId } }));

export function useSaveMeetingSettings(residenceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof meetingApi.updateSettings>) =>
      call(meetingApi.updateSettings, { params: { id: residenceId }, body }),
    onSuccess: (settings) =>
      queryClient.setQueryData(keyOf(meetingApi.settings, { params: { id: residenceId } }), settings),
  });
}

/** "Sunday 29 Nov, 19:00", in the house's own time zone (where the meeting happens), labelled when away. */
export { formatMeetingTime } from '../../components/format.ts';

/** An RRULE for "every week on this day" (the schedule form's only shape; the API takes any RRULE). */
export const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export const weeklyRule = (day: (typeof WEEKDAYS)[number], everyOtherWeek = false) =>
  `FREQ=WEEKLY;${everyOtherWeek ? 'INTERVAL=2;' : ''}BYDAY=${day}`;
