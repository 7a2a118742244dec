// `npm run demo`: an organization with three houses, ~25 residents at different stages, a peer
// leader per house, a counselor and an admin. A fixed random seed makes every run the same.
import { eq } from 'drizzle-orm';
import type { ProgramFocus, RecoveryPathway } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/auth/secrets.ts';
import type { Db } from '../../platform/database/connect.ts';
import {
  counselorAssignments,
  memberships,
  organizations,
  people,
  programs,
  residencePrograms,
  residences,
} from '../../platform/database/schema.ts';
import { seedChat } from './chat-seed.ts';
import { seedCheckIns } from './check-in-seed.ts';
import { seedDecisions } from './decisions-seed.ts';
import { seedJourney } from './journey-seed.ts';
import { seedMeetings } from './meetings-seed.ts';
import { seedNotifications } from './notifications-seed.ts';
import { seedOutsideMeetings } from './outside-meetings-seed.ts';
import { seedPeers } from './peers-seed.ts';
import { seedReachOut } from './reach-out-seed.ts';
import { seedSupport } from './support-seed.ts';

export const DEMO_SLUG = 'hearth-demo';
export const DEMO_PASSWORD = 'demo-recovery-2026';

/** mulberry32: a tiny seeded generator, so the demo is the same every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUSES: {
  name: string;
  address: string;
  level: 1 | 2 | 3;
  focus: ProgramFocus[];
  beds: number;
  program: string;
  firstNames: string[];
}[] = [
  {
    name: 'Maple House',
    address: '412 Maple St, Columbus, OH',
    level: 2,
    focus: ['women', 'moud_friendly'],
    beds: 10,
    program: "Women's Recovery",
    firstNames: ['Ana', 'Brianna', 'Carmen', 'Dana', 'Elena', 'Fatima', 'Grace', 'Hope'],
  },
  {
    name: 'Oak Street House',
    address: '88 Oak St, Columbus, OH',
    level: 1,
    focus: ['men'],
    beds: 10,
    program: 'Peer-run Houses',
    firstNames: ['Andre', 'Ben', 'Carlos', 'Darnell', 'Eli', 'Frank', 'Gabe', 'Hector', 'Isaac'],
  },
  {
    name: 'Riverside Young Adults',
    address: '7 River Rd, Columbus, OH',
    level: 3,
    focus: ['young_adults', 'secular'],
    beds: 10,
    program: 'Young Adults',
    firstNames: ['Alex', 'Jordan', 'Kai', 'Luis', 'Maya', 'Nia', 'Riley', 'Sam'],
  },
];
const LAST_NAMES = [
  'Alvarez',
  'Brooks',
  'Chen',
  'Diaz',
  'Evans',
  'Foster',
  'Garcia',
  'Hughes',
  'Ibarra',
  'Jones',
  'Kim',
  'Lopez',
  'Morales',
  'Nguyen',
  'Ortiz',
  'Patel',
  'Reyes',
  'Smith',
  'Torres',
  'Walker',
];
const PATHWAYS: (RecoveryPathway | null)[] = [
  'twelve_step',
  'smart',
  'faith_based',
  'moud',
  null,
  'twelve_step',
];
const PRONOUNS: Record<string, string | null> = { women: 'she/her', men: 'he/him', young_adults: null };

export type DemoLogin = { role: string; username: string; password: string; residence?: string };

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  const existing = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, DEMO_SLUG));
  const random = seededRandom(20261125);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  if (existing.length === 0) {
    await db.transaction(async (tx) => {
      const [org] = await tx
        .insert(organizations)
        .values({
          name: 'Hearth Demo Recovery Residences',
          slug: DEMO_SLUG,
          meetingArea: 'Burlington, VT, USA',
        })
        .returning();
      const orgId = org!.id;
      const person = async (
        firstName: string,
        lastName: string,
        username: string,
        extra: Partial<typeof people.$inferInsert> = {},
      ) => {
        const [row] = await tx
          .insert(people)
          .values({
            organizationId: orgId,
            firstName,
            lastName,
            username,
            passwordHash,
            language: random() < 0.25 ? 'es' : 'en',
            ...extra,
          })
          .returning({ id: people.id });
        return row!.id;
      };
      const adminId = await person('Morgan', 'Reed', 'admin', { language: 'en' });
      await tx
        .insert(memberships)
        .values({ organizationId: orgId, personId: adminId, role: 'org_admin', startsOn: isoDaysAgo(900) });
      const counselorId = await person('Rosa', 'Mendez', 'counselor', { language: 'es' });
      await tx.insert(memberships).values({
        organizationId: orgId,
        personId: counselorId,
        role: 'counselor',
        startsOn: isoDaysAgo(700),
      });
      let n = 0;
      for (const [h, house] of HOUSES.entries()) {
        const [program] = await tx
          .insert(programs)
          .values({ organizationId: orgId, name: house.program, focus: house.focus, description: '' })
          .returning({ id: programs.id });
        const [residence] = await tx
          .insert(residences)
          .values({
            organizationId: orgId,
            name: house.name,
            address: house.address,
            timeZone: 'America/New_York',
            bedCapacity: house.beds,
            narrLevel: house.level,
            programFocus: house.focus,
          })
          .returning({ id: residences.id });
        await tx
          .insert(residencePrograms)
          .values({ organizationId: orgId, residenceId: residence!.id, programId: program!.id });
        for (const [i, firstName] of house.firstNames.entries()) {
          const lastName = LAST_NAMES[(h * 7 + i * 3) % LAST_NAMES.length]!;
          const username = i === 0 ? `leader${h + 1}` : `${firstName.toLowerCase()}${h + 1}`;
          const stayDays = Math.floor(10 + random() * 500);
          const id = await person(firstName, lastName, username, {
            pronouns: PRONOUNS[house.focus[0] ?? ''] ?? pick(['she/her', 'he/him', 'they/them']),
            recoveryPathway: pick(PATHWAYS),
            pathwayVisibleTo: random() < 0.5 ? 'house' : 'only_me',
          });
          await tx.insert(memberships).values({
            organizationId: orgId,
            personId: id,
            role: 'resident',
            residenceId: residence!.id,
            startsOn: isoDaysAgo(i === 0 ? 600 : stayDays),
            bed: `Bed ${i + 1}`,
          });
          if (i === 0) {
            await tx.insert(memberships).values({
              organizationId: orgId,
              personId: id,
              role: 'peer_leader',
              residenceId: residence!.id,
              startsOn: isoDaysAgo(400),
            });
          } else if (n++ % 4 === 0) {
            await tx
              .insert(counselorAssignments)
              .values({ organizationId: orgId, counselorId, residentId: id });
          }
        }
        // One alumna or alumnus per house who moved out and stays connected.
        const alumId = await person(pick(['Paula', 'Quinn', 'Tomas']), pick(LAST_NAMES), `alumni${h + 1}`);
        await tx.insert(memberships).values([
          {
            organizationId: orgId,
            personId: alumId,
            role: 'resident',
            residenceId: residence!.id,
            startsOn: isoDaysAgo(800),
            endsOn: isoDaysAgo(300),
            bed: 'Bed 9',
          },
          {
            organizationId: orgId,
            personId: alumId,
            role: 'alumni',
            residenceId: residence!.id,
            startsOn: isoDaysAgo(300),
          },
        ]);
      }
      await seedCheckIns(tx, orgId, random);
      await seedJourney(tx, orgId, random);
      await seedMeetings(tx, orgId);
      // Decisions go on the closed meetings the meetings seed made: keep this line after it.
      await seedDecisions(tx, orgId);
      await seedOutsideMeetings(tx, orgId, seededRandom(20261126));
      await seedChat(tx, orgId, seededRandom(20261505));
      // Skills and mentors open their pairs' chat threads: keep this line after the chat seed.
      await seedPeers(tx, orgId, seededRandom(20261504));
      await seedSupport(tx, orgId, seededRandom(20261503));
      await seedReachOut(tx, orgId);
      await seedNotifications(tx, orgId);
      await recordAudit(tx, {
        organizationId: orgId,
        actorId: adminId,
        action: 'demo.seed',
        subjectType: 'organization',
        subjectId: orgId,
      });
    });
  }
  logins.push({ role: 'admin', username: 'admin', password: DEMO_PASSWORD });
  logins.push({ role: 'counselor', username: 'counselor', password: DEMO_PASSWORD });
  for (const [h, house] of HOUSES.entries()) {
    logins.push({
      role: 'peer leader',
      username: `leader${h + 1}`,
      password: DEMO_PASSWORD,
      residence: house.name,
    });
    logins.push({
      role: 'resident',
      username: `${house.firstNames[1]!.toLowerCase()}${h + 1}`,
      password: DEMO_PASSWORD,
      residence: house.name,
    });
  }
  return logins;
}
