// What callers see of a directory entry and of an attendance record.
import type { AttendanceView, OutsideMeetingView } from '../../../shared/contracts/outside-meetings.ts';
import { type DirectoryMeeting, isOnline } from '../../../shared/domain/meeting-guide.ts';
import type { outsideAttendance, outsideMeetings } from '../../platform/database/schema.ts';

type MeetingRow = typeof outsideMeetings.$inferSelect;

export function presentOutsideMeeting(row: MeetingRow): OutsideMeetingView {
  return {
    id: row.id,
    ...toDirectoryMeeting(row),
    online: isOnline(row),
    isPublic: row.isPublic,
    source: row.source === 'import' ? 'import' : 'local',
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The feed's view of a row: Meeting Guide fields only. */
export function toDirectoryMeeting(row: MeetingRow): DirectoryMeeting {
  return {
    slug: row.slug,
    name: row.name,
    days: row.days,
    time: row.time,
    endTime: row.endTime,
    timeZone: row.timeZone,
    types: row.types,
    fellowship: row.fellowship,
    programFocus: row.programFocus,
    languages: row.languages,
    notes: row.notes,
    location: row.location,
    locationNotes: row.locationNotes,
    formattedAddress: row.formattedAddress,
    region: row.region,
    approximate: row.approximate,
    conferenceUrl: row.conferenceUrl,
    conferenceUrlNotes: row.conferenceUrlNotes,
    conferencePhone: row.conferencePhone,
    conferencePhoneNotes: row.conferencePhoneNotes,
    groupName: row.groupName,
    url: row.url,
  };
}

export function presentAttendance(row: typeof outsideAttendance.$inferSelect): AttendanceView {
  return {
    id: row.id,
    outsideMeetingId: row.outsideMeetingId,
    name: row.name,
    attendedOn: row.attendedOn,
  };
}
