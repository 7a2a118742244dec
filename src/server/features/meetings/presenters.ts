// What each viewer sees of house meetings. The rule that matters most: an item raised "without my
// name" never carries its author to peers — only to the author, the meeting's chair and the house's
// peer leaders. Admins see the schedule (when, who chairs, how many items), never agenda words.
import { inArray } from 'drizzle-orm';
import type {
  AgendaItemView,
  AttendanceStatus,
  MeetingDetailView,
  MeetingSummary,
  SeriesView,
} from '../../../shared/contracts/meetings.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { people } from '../../platform/database/schema.ts';
import { displayNameOf } from '../people/presenters.ts';
import type { AgendaRow, FollowUpCommitment } from './agenda.ts';
import type { Celebration } from './celebrations.ts';
import type { MeetingViewer } from './policy.ts';
import type { MeetingRow, SeriesRow } from './records.ts';

export type Names = Map<string, string>;

/** Display names of people (current or past members) by id. */
export async function namesOf(db: Executor, ids: (string | null | undefined)[]): Promise<Names> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
    })
    .from(people)
    .where(inArray(people.id, wanted));
  return new Map(rows.map((r) => [r.id, displayNameOf(r)]));
}

const person = (names: Names, id: string | null) =>
  id ? { personId: id, displayName: names.get(id) ?? '' } : null;

export function presentSeries(s: SeriesRow): SeriesView {
  return {
    id: s.id,
    residenceId: s.residenceId,
    title: s.title,
    rrule: s.rrule,
    startsOn: s.startsOn,
    startTime: s.startTime,
    durationMinutes: s.durationMinutes,
    timeZone: s.timeZone,
    location: s.location,
    endedAt: s.endedAt?.toISOString() ?? null,
  };
}

export function presentSummary(
  m: Omit<MeetingRow, 'residenceName'>,
  names: Names,
  agendaCount: number,
): MeetingSummary {
  return {
    id: m.id,
    residenceId: m.residenceId,
    seriesId: m.seriesId,
    kind: m.kind as MeetingSummary['kind'],
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    localDate: m.localDate,
    durationMinutes: m.durationMinutes,
    location: m.location,
    timeZone: m.timeZone,
    state: m.state as MeetingSummary['state'],
    chair: person(names, m.chairId),
    secretary: person(names, m.secretaryId),
    agendaCount,
  };
}

/** Whether this viewer may know who raised an item. */
export function seesAuthor(
  viewer: MeetingViewer,
  item: Pick<AgendaRow, 'anonymous' | 'authorId'>,
  personId: string,
) {
  if (!item.authorId) return false;
  if (!item.anonymous) return viewer.isMember;
  return item.authorId === personId || viewer.isChair || viewer.isPeerLeader;
}

export function presentItem(
  item: AgendaRow,
  viewer: MeetingViewer,
  personId: string,
  names: Names,
  celebrations: Celebration[] = [],
  followed: Map<string, FollowUpCommitment> = new Map(),
): AgendaItemView {
  const commitment = item.commitmentId ? followed.get(item.commitmentId) : undefined;
  return {
    id: item.id,
    meetingId: item.meetingId,
    kind: item.kind as AgendaItemView['kind'],
    title: item.title,
    details: item.details,
    anonymous: item.anonymous,
    author: seesAuthor(viewer, item, personId) ? person(names, item.authorId) : null,
    mine: item.authorId === personId,
    position: item.position,
    minutes: item.minutes,
    commitmentId: item.commitmentId,
    committedBy: item.kind === 'follow_up' && commitment ? person(names, commitment.helperId) : null,
    celebrations: item.kind === 'celebrations' ? celebrations : [],
  };
}

export function presentDetail(input: {
  meeting: MeetingRow;
  viewer: MeetingViewer;
  personId: string;
  names: Names;
  agenda: AgendaRow[];
  attendance?: { personId: string; displayName: string; status: AttendanceStatus | null }[];
  celebrations?: Celebration[];
  followed?: Map<string, FollowUpCommitment>;
}): MeetingDetailView {
  const { meeting, viewer, personId, names, agenda } = input;
  const { isAdmin: _isAdmin, ...viewerFlags } = viewer;
  return {
    ...presentSummary(meeting, names, agenda.length),
    openedAt: meeting.openedAt?.toISOString() ?? null,
    closedAt: meeting.closedAt?.toISOString() ?? null,
    viewer: viewerFlags,
    attendance: viewer.seesAgenda ? (input.attendance ?? []) : [],
    agenda: viewer.seesAgenda
      ? agenda.map((item) => presentItem(item, viewer, personId, names, input.celebrations, input.followed))
      : [],
  };
}
