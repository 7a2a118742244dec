// Demo outside meetings: a directory of 12-step, SMART, faith-based and online meetings in English and
// Spanish (several in the public feed), a weekly goal of 3 in every house, and weeks of residents' logs.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import {
  houseMeetingSettings,
  memberships,
  outsideAttendance,
  outsideMeetings,
  residences,
} from '../../platform/database/schema.ts';

type Tx = Pick<Db, 'select' | 'selectDistinct' | 'insert'>;

const ZONE = 'America/New_York';

type DemoMeeting = Omit<Partial<typeof outsideMeetings.$inferInsert>, 'organizationId'> & {
  slug: string;
  name: string;
};

export const DEMO_OUTSIDE_MEETINGS: DemoMeeting[] = [
  {
    slug: 'monday-big-book',
    name: 'Monday Night Big Book',
    days: [1],
    time: '19:00',
    types: ['O', 'B'],
    fellowship: 'aa',
    languages: ['en'],
    location: 'St. Mark’s Hall',
    formattedAddress: '210 Church St, Burlington, VT 05401, USA',
    isPublic: true,
  },
  {
    slug: 'tuesday-women-step',
    name: 'Tuesday Women’s Step Study',
    days: [2],
    time: '18:30',
    endTime: '19:30',
    types: ['W', 'C', 'ST'],
    fellowship: 'aa',
    languages: ['en'],
    programFocus: ['women'],
    location: 'Community Center, room 2',
    formattedAddress: '130 Main St, Burlington, VT 05401, USA',
    isPublic: true,
  },
  {
    slug: 'mujeres-en-recuperacion',
    name: 'Mujeres en Recuperación',
    days: [3],
    time: '19:00',
    types: ['W', 'O', 'S'],
    fellowship: 'aa',
    languages: ['es'],
    programFocus: ['women'],
    location: 'Centro Latino',
    formattedAddress: '45 Pine St, Burlington, VT 05401, USA',
    notes: 'Reunión en español. Café desde las 18:45.',
    isPublic: true,
  },
  {
    slug: 'grupo-esperanza-na',
    name: 'Grupo Esperanza NA',
    days: [5],
    time: '20:00',
    types: ['O', 'D', 'S'],
    fellowship: 'na',
    languages: ['es'],
    location: 'Iglesia San José, sótano',
    formattedAddress: '12 Elm St, Winooski, VT 05404, USA',
    isPublic: true,
  },
  {
    slug: 'young-people-saturday',
    name: 'Young People Saturday',
    days: [6],
    time: '17:00',
    types: ['Y', 'O', 'D'],
    fellowship: 'aa',
    languages: ['en'],
    programFocus: ['young_adults'],
    location: 'Library annex',
    formattedAddress: '235 College St, Burlington, VT 05401, USA',
    isPublic: true,
  },
  {
    slug: 'rainbow-recovery',
    name: 'Rainbow Recovery',
    days: [4],
    time: '19:30',
    types: ['LGBTQ', 'O'],
    fellowship: 'aa',
    languages: ['en'],
    programFocus: ['lgbtq'],
    location: 'Pride Center',
    formattedAddress: '255 S Champlain St, Burlington, VT 05401, USA',
    isPublic: true,
  },
  {
    slug: 'mens-breakfast',
    name: 'Men’s Sunday Breakfast',
    days: [0],
    time: '08:00',
    types: ['M', 'C', 'BRK'],
    fellowship: 'aa',
    languages: ['en'],
    programFocus: ['men'],
    location: 'Diner back room',
    formattedAddress: '88 Shelburne Rd, Burlington, VT 05401, USA',
  },
  {
    slug: 'smart-online-weekday',
    name: 'SMART Recovery Online',
    days: [1, 3],
    time: '12:00',
    types: ['A'],
    fellowship: 'smart',
    languages: ['en'],
    programFocus: ['secular'],
    conferenceUrl: 'https://meet.jit.si/hearth-demo-smart',
    conferenceUrlNotes: 'Cameras optional.',
    isPublic: true,
  },
  {
    slug: 'smart-thursday-evening',
    name: 'SMART Thursday Evening',
    days: [4],
    time: '18:00',
    types: ['A', 'D'],
    fellowship: 'smart',
    languages: ['en'],
    programFocus: ['secular'],
    location: 'Health Center, room B',
    formattedAddress: '1 Health Way, Burlington, VT 05401, USA',
  },
  {
    slug: 'celebrate-recovery-friday',
    name: 'Celebrate Recovery',
    days: [5],
    time: '18:30',
    types: ['O'],
    fellowship: 'faith_based',
    languages: ['en'],
    programFocus: ['faith_based'],
    location: 'Grace Church',
    formattedAddress: '300 North Ave, Burlington, VT 05401, USA',
    notes: 'A Christ-centered program. Dinner at 6.',
  },
  {
    slug: 'oracion-y-recuperacion',
    name: 'Oración y Recuperación',
    days: [2],
    time: '19:00',
    types: ['O', 'S'],
    fellowship: 'faith_based',
    languages: ['es'],
    programFocus: ['faith_based'],
    location: 'Iglesia Nueva Vida',
    formattedAddress: '77 Riverside Ave, Burlington, VT 05401, USA',
  },
  {
    slug: 'online-newcomers-na',
    name: 'Online Newcomers (NA)',
    days: [0, 2, 4],
    time: '21:00',
    types: ['BE', 'O'],
    fellowship: 'na',
    languages: ['en'],
    conferenceUrl: 'https://zoom.us/j/5550100100',
    conferencePhone: '+1 646 555 0100',
    conferencePhoneNotes: 'Meeting ID 555 010 0100',
    isPublic: true,
  },
  {
    slug: 'veterans-in-recovery',
    name: 'Veterans in Recovery',
    days: [3],
    time: '17:30',
    types: ['C', 'D'],
    fellowship: 'aa',
    languages: ['en'],
    programFocus: ['veterans'],
    location: 'VFW Post 782',
    formattedAddress: '176 S Winooski Ave, Burlington, VT 05401, USA',
  },
  {
    slug: 'ca-wednesday-speaker',
    name: 'Wednesday Speaker (CA)',
    days: [3],
    time: '20:00',
    types: ['SP', 'O'],
    fellowship: 'ca',
    languages: ['en'],
    location: 'Unitarian Church',
    formattedAddress: '152 Pearl St, Burlington, VT 05401, USA',
  },
  {
    slug: 'meditation-11th-step',
    name: 'Eleventh Step Meditation',
    days: [6],
    time: '09:00',
    types: ['11', 'MED', 'O'],
    fellowship: 'aa',
    languages: ['en'],
    conferenceUrl: 'https://meet.google.com/abc-defg-hij',
    location: 'Yoga studio',
    formattedAddress: '20 Church St, Burlington, VT 05401, USA',
  },
];

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export async function seedOutsideMeetings(
  tx: Tx,
  organizationId: string,
  random: () => number,
): Promise<void> {
  const made = await tx
    .insert(outsideMeetings)
    .values(DEMO_OUTSIDE_MEETINGS.map((m) => ({ timeZone: ZONE, ...m, organizationId })))
    .returning({ id: outsideMeetings.id, name: outsideMeetings.name, days: outsideMeetings.days });

  const houses = await tx
    .select({ id: residences.id })
    .from(residences)
    .where(eq(residences.organizationId, organizationId));
  for (const house of houses) {
    await tx
      .insert(houseMeetingSettings)
      .values({ residenceId: house.id, organizationId, weeklyOutsideGoal: 3 })
      .onConflictDoUpdate({ target: houseMeetingSettings.residenceId, set: { weeklyOutsideGoal: 3 } });
  }

  // Current residents log 0–4 meetings a week over the past six weeks; a few by name, not from the list.
  const residents = await tx
    .selectDistinct({ personId: memberships.personId, startsOn: memberships.startsOn })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, 'resident'),
        isCurrentMembership(),
      ),
    );
  const logs: (typeof outsideAttendance.$inferInsert)[] = [];
  for (const r of residents) {
    const usual = Math.floor(random() * 5);
    for (let week = 0; week < 6; week++) {
      const count = Math.max(0, usual + Math.floor(random() * 3) - 1);
      for (let i = 0; i < count; i++) {
        const fromList = random() < 0.85;
        const meeting = made[Math.floor(random() * made.length)]!;
        // A listed meeting is logged on one of its own weekdays.
        let daysAgo = week * 7 + Math.floor(random() * 7);
        if (fromList && meeting.days.length > 0) {
          const weekday = meeting.days[Math.floor(random() * meeting.days.length)]!;
          const todayWeekday = new Date().getUTCDay();
          daysAgo = week * 7 + ((todayWeekday - weekday + 7) % 7);
        }
        const attendedOn = isoDaysAgo(daysAgo);
        if (attendedOn < r.startsOn || daysAgo === 0) continue;
        logs.push({
          organizationId,
          personId: r.personId,
          outsideMeetingId: fromList ? meeting.id : null,
          name: fromList ? meeting.name : 'Home group at the rec center',
          attendedOn,
        });
      }
    }
  }
  if (logs.length > 0) await tx.insert(outsideAttendance).values(logs);
}
