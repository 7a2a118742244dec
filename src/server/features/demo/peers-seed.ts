// Demo skills exchange and mentors: most residents list a skill or two they can teach and one they want
// to learn (some in their own words, half shared with the whole organization), peer leaders and alumni are
// open to mentoring, a few skill sessions happened (each in the support ledger), one is arranged and one
// waits for an answer, and two mentor pairs have a few weeks of check-ins. Deterministic: the caller's
// seeded generator.
import { sql } from 'drizzle-orm';
import { SKILL_KIND, SKILLS, type Skill } from '../../../shared/domain/skills.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { openConversation } from '../chat/conversations.ts';

const LISTED = SKILLS.filter((s) => s !== 'other');
const OWN_WORDS = ['Guitar', 'Sewing', 'Bike repair', 'Drawing', 'Spanish conversation', 'Gardening'];
const CHECK_INS = [
  [
    'First coffee together after the noon meeting. Talked about the first weeks.',
    'Called on Sunday night; the weekend was hard but we got through it.',
    'Walked to the park and made a plan for the job search.',
    'Went to the Thursday meeting together. Good share.',
  ],
  [
    'Met at the library, worked on the résumé.',
    'Short call: the interview went well!',
    'Cooked dinner together and talked about staying connected after moving out.',
  ],
];

type Member = {
  person_id: string;
  residence_id: string;
  house_name: string;
  role: string;
  starts_on: string;
};

const daysAgo = (n: number, hour = 18) => {
  const at = new Date(Date.now() - n * 86_400_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

async function addListing(
  db: Executor,
  orgId: string,
  personId: string,
  skill: Skill,
  label: string,
  direction: string,
) {
  const result = await db.execute<{ id: string }>(sql`
    insert into skill_listings (organization_id, person_id, skill, label, direction)
    values (${orgId}, ${personId}, ${skill}, ${label}, ${direction})
    on conflict do nothing returning id`);
  return result.rows[0]?.id ?? null;
}

async function addSession(
  db: Executor,
  orgId: string,
  s: { skill: Skill; teacherId: string; learnerId: string; residenceId: string; state: string; day: number },
) {
  const kind = SKILL_KIND[s.skill];
  const at = daysAgo(s.day);
  let ledgerId: string | null = null;
  if (s.state === 'done') {
    const ledger = await db.execute<{ id: string }>(sql`
      insert into support_ledger (organization_id, residence_id, giver_id, receiver_id, support_kind, source, at)
      values (${orgId}, ${s.residenceId}, ${s.teacherId}, ${s.learnerId}, ${kind}, 'skill', ${at})
      returning id`);
    ledgerId = ledger.rows[0]!.id;
  }
  await db.execute(sql`
    insert into skill_sessions (organization_id, skill, teacher_id, learner_id, proposed_by, support_kind, state,
      planned_for, ledger_entry_id, created_at, arranged_at, done_at)
    values (${orgId}, ${s.skill}, ${s.teacherId}, ${s.learnerId}, ${s.learnerId}, ${kind}, ${s.state},
      ${s.state === 'proposed' ? null : at}, ${ledgerId}, ${daysAgo(s.day + 3)},
      ${s.state === 'proposed' ? null : daysAgo(s.day + 2)}, ${s.state === 'done' ? at : null})`);
}

async function addMentorship(
  db: Executor,
  orgId: string,
  mentorId: string,
  menteeId: string,
  startedDaysAgo: number,
  lines: string[],
) {
  const result = await db.execute<{ id: string }>(sql`
    insert into mentorships (organization_id, mentor_id, mentee_id, requested_by, state, created_at, accepted_at)
    values (${orgId}, ${mentorId}, ${menteeId}, ${menteeId}, 'active', ${daysAgo(startedDaysAgo + 1)}, ${daysAgo(startedDaysAgo)})
    returning id`);
  const id = result.rows[0]!.id;
  const conversationId = await openConversation(db, {
    organizationId: orgId,
    kind: 'thread',
    memberIds: [mentorId, menteeId],
    subject: { type: 'mentorship', id },
  });
  await db.execute(sql`update mentorships set conversation_id = ${conversationId} where id = ${id}`);
  for (const [i, note] of lines.entries()) {
    const day = Math.max(0, startedDaysAgo - 2 - i * Math.floor(startedDaysAgo / (lines.length + 1)));
    await db.execute(sql`
      insert into mentorship_check_ins (organization_id, mentorship_id, author_id, note, created_at)
      values (${orgId}, ${id}, ${i % 2 === 0 ? mentorId : menteeId}, ${note}, ${daysAgo(day, 20)})`);
  }
}

export async function seedPeers(db: Executor, orgId: string, random: () => number): Promise<void> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const members = (
    await db.execute<Member>(sql`
      select distinct on (m.person_id) m.person_id, m.residence_id, r.name as house_name, m.role, m.starts_on::text as starts_on
      from memberships m join residences r on r.id = m.residence_id
      where m.organization_id = ${orgId} and m.role in ('resident', 'peer_leader')
        and hearth_membership_current(m)
      order by m.person_id, (m.role = 'peer_leader') desc, m.starts_on`)
  ).rows.sort(
    (a, b) =>
      a.house_name.localeCompare(b.house_name) ||
      a.starts_on.localeCompare(b.starts_on) ||
      a.person_id.localeCompare(b.person_id),
  );
  const leaders = (
    await db.execute<{ person_id: string }>(sql`
      select distinct person_id from memberships where organization_id = ${orgId} and role in ('peer_leader', 'alumni')
        and hearth_membership_current(memberships)`)
  ).rows.map((r) => r.person_id);

  // Skills: most people can teach one or two things and want to learn one.
  const teaches = new Map<string, Skill[]>();
  for (const [i, m] of members.entries()) {
    const shareWithAll = random() < 0.5;
    await db.execute(sql`
      insert into peer_settings (person_id, organization_id, skills_visible_to, open_to_mentoring)
      values (${m.person_id}, ${orgId}, ${shareWithAll ? 'organization' : 'house'}, ${leaders.includes(m.person_id)})
      on conflict (person_id) do nothing`);
    if (i % 5 === 4) continue; // some have not listed anything yet
    const mine: Skill[] = [pick(LISTED)];
    if (random() < 0.5) mine.push(pick(LISTED));
    for (const skill of new Set(mine)) await addListing(db, orgId, m.person_id, skill, '', 'teach');
    teaches.set(m.person_id, [...new Set(mine)]);
    if (random() < 0.2) await addListing(db, orgId, m.person_id, 'other', pick(OWN_WORDS), 'teach');
    const want = pick(LISTED);
    if (!mine.includes(want)) await addListing(db, orgId, m.person_id, want, '', 'learn');
  }
  for (const alumId of leaders) {
    await db.execute(sql`
      insert into peer_settings (person_id, organization_id, skills_visible_to, open_to_mentoring)
      values (${alumId}, ${orgId}, 'organization', true)
      on conflict (person_id) do update set open_to_mentoring = true`);
  }

  // Sessions between housemates: a few done (in the ledger), one arranged, one waiting for an answer.
  const byHouse = new Map<string, Member[]>();
  for (const m of members) byHouse.set(m.residence_id, [...(byHouse.get(m.residence_id) ?? []), m]);
  let state = 0;
  const states = ['done', 'done', 'done', 'arranged', 'done', 'proposed', 'done', 'done'];
  for (const house of byHouse.values()) {
    const teachers = house.filter((m) => teaches.has(m.person_id));
    for (let k = 0; k < Math.min(3, teachers.length); k++) {
      const teacher = teachers[k]!;
      const learner = house[(house.indexOf(teacher) + 2) % house.length]!;
      if (learner.person_id === teacher.person_id) continue;
      const skill = teaches.get(teacher.person_id)![0]!;
      await addListing(db, orgId, learner.person_id, skill, '', 'learn');
      const sessionState = states[state++ % states.length]!;
      await addSession(db, orgId, {
        skill,
        teacherId: teacher.person_id,
        learnerId: learner.person_id,
        residenceId: teacher.residence_id,
        state: sessionState,
        day: sessionState === 'done' ? 3 + Math.floor(random() * 30) : sessionState === 'arranged' ? -2 : 0,
      });
    }
  }

  // Two mentor pairs: the newest resident of the first house with its peer leader, and the newest of the
  // second house with that house's alumna or alumnus.
  const houses = [...byHouse.entries()];
  const newest = (list: Member[]) =>
    [...list].filter((m) => m.role === 'resident').sort((a, b) => b.starts_on.localeCompare(a.starts_on))[0];
  const [firstHouseId, firstHouse] = houses[0] ?? [];
  const leader = firstHouse?.find((m) => m.role === 'peer_leader');
  const firstNewest = firstHouse
    ? newest(firstHouse.filter((m) => m.person_id !== leader?.person_id))
    : undefined;
  if (firstHouseId && leader && firstNewest) {
    await addMentorship(db, orgId, leader.person_id, firstNewest.person_id, 28, CHECK_INS[0]!);
  }
  const [secondHouseId, secondHouse] = houses[1] ?? [];
  const alum = secondHouseId
    ? (
        await db.execute<{ person_id: string }>(sql`
          select person_id from memberships where organization_id = ${orgId} and role = 'alumni'
            and residence_id = ${secondHouseId} and hearth_membership_current(memberships) limit 1`)
      ).rows[0]
    : undefined;
  const secondNewest = secondHouse ? newest(secondHouse) : undefined;
  if (alum && secondNewest) {
    await addMentorship(db, orgId, alum.person_id, secondNewest.person_id, 20, CHECK_INS[1]!);
  }
}
