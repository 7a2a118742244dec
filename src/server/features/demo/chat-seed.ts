// Demo chat: two weeks of each house's conversation (rides, chores, meetings, encouragement), a
// private thread between two housemates, and in the first house one message a resident reported and
// the peer leader hid (kept for the record). Everyone has read all but the last few messages, so the
// demo shows unread counts. Deterministic: the caller's seeded generator.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/executor.ts';
import { houseConversationId, openConversation } from '../chat/conversations.ts';

const HOUSE_LINES = [
  'Good morning everyone! Coffee is on.',
  'Who is going to the noon meeting downtown? I can save seats.',
  'Thanks for the ride yesterday, it made my whole day easier.',
  'Reminder: house meeting Sunday at 7. Bring your chore updates.',
  'I have an extra bus pass for this week if anyone needs it.',
  'Dinner is tacos tonight, all welcome. Six o’clock.',
  'Rough day at work. Glad to be home with you all.',
  'Proud of you, you got this interview!',
  'Anyone want to walk to the park after dinner?',
  'Whoever fixed the kitchen sink: thank you!',
  'I’m picking up groceries at 5, send me your list.',
  'Ninety days today. Could not have done it without this house.',
  'Laundry room is free now.',
  'Does anyone have a phone charger I can borrow tonight?',
  'Big thanks for covering my chore this morning.',
  'Game night Friday? I’ll bring the cards.',
  'Just got back from my home group, feeling good.',
  'Quiet hours start at 10, friendly reminder.',
  'Who wants to practice for the driving test Saturday?',
  'Sending good thoughts to everyone today.',
];
const THREAD_LINES = [
  'Hey, are we still on for the meeting Thursday?',
  'Yes! I’ll meet you at the bus stop at 6:15.',
  'Thanks for listening last night. It helped a lot.',
  'Anytime. Text me if the evening gets hard.',
];
const REPORTED_LINE = 'Some people in this house are lazy and everyone knows who.';

const iso = (d: Date) => d.toISOString();

async function insertMessage(
  db: Executor,
  orgId: string,
  conversationId: string,
  authorId: string,
  body: string,
  at: Date,
) {
  const result = await db.execute<{ id: string; seq: string }>(sql`
    insert into chat_messages (organization_id, conversation_id, author_id, body, created_at)
    values (${orgId}, ${conversationId}, ${authorId}, ${body}, ${iso(at)})
    returning id, seq`);
  await db.execute(sql`update conversations set last_message_at = ${iso(at)} where id = ${conversationId}`);
  return { id: result.rows[0]!.id, seq: Number(result.rows[0]!.seq) };
}

async function markReadBy(
  db: Executor,
  orgId: string,
  conversationId: string,
  personIds: string[],
  seq: number,
) {
  for (const personId of personIds) {
    await db.execute(sql`
      insert into conversation_members (organization_id, conversation_id, person_id, last_read_seq)
      values (${orgId}, ${conversationId}, ${personId}, ${seq})
      on conflict (conversation_id, person_id) do update set last_read_seq = excluded.last_read_seq`);
  }
}

export async function seedChat(db: Executor, orgId: string, random: () => number): Promise<void> {
  const houses = await db.execute<{ id: string; name: string }>(sql`
    select id, name from residences where organization_id = ${orgId} order by name`);
  const now = Date.now();
  for (const [index, house] of houses.rows.entries()) {
    const members = await db.execute<{ person_id: string; role: string }>(sql`
      select distinct on (person_id) person_id, role from memberships
      where residence_id = ${house.id} and role in ('resident', 'peer_leader')
        and hearth_membership_current(memberships)
      order by person_id, role`);
    const everyone = members.rows.map((m) => m.person_id).sort();
    const leaders = members.rows.filter((m) => m.role === 'peer_leader').map((m) => m.person_id);
    const residents = members.rows
      .filter((m) => m.role === 'resident')
      .map((m) => m.person_id)
      .sort();
    if (everyone.length < 2) continue;
    const conversationId = await houseConversationId(db, orgId, house.id);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const start = now - 14 * 86_400_000;
    const lines = HOUSE_LINES.length;
    const seqs: number[] = [];
    for (let i = 0; i < lines; i++) {
      const at = new Date(start + Math.floor(((i + random() * 0.5) / lines) * 14 * 86_400_000));
      const line = HOUSE_LINES[(i + index * 3) % lines]!;
      seqs.push((await insertMessage(db, orgId, conversationId, pick(everyone), line, at)).seq);
      // In the first house, one unkind message, reported by a resident and hidden by the peer leader.
      if (index === 0 && i === 8 && leaders[0] && residents.length >= 2) {
        const author = residents[0]!;
        const reporter = residents[1]!;
        const rude = await insertMessage(
          db,
          orgId,
          conversationId,
          author,
          REPORTED_LINE,
          new Date(at.getTime() + 60_000),
        );
        await db.execute(sql`
          insert into chat_message_reports (organization_id, message_id, reporter_id, reason, created_at)
          values (${orgId}, ${rude.id}, ${reporter}, 'Calling people out like this is not kind.', ${iso(new Date(at.getTime() + 3_600_000))})`);
        await db.execute(sql`
          update chat_messages set hidden_at = ${iso(new Date(at.getTime() + 7_200_000))}, hidden_by = ${leaders[0]}
          where id = ${rude.id}`);
      }
    }
    // Everyone has read all but the last three.
    await markReadBy(db, orgId, conversationId, everyone, seqs[seqs.length - 4] ?? 0);

    // A private thread between two housemates (e.g. after one helped the other).
    if (residents.length >= 4) {
      const pair = [residents[2]!, residents[3]!];
      const threadId = await openConversation(db, { organizationId: orgId, kind: 'thread', memberIds: pair });
      const threadStart = now - 3 * 86_400_000;
      let last = 0;
      for (const [i, line] of THREAD_LINES.entries()) {
        const at = new Date(threadStart + i * 5 * 3_600_000);
        last = (await insertMessage(db, orgId, threadId, pair[i % 2]!, line, at)).seq;
      }
      await markReadBy(db, orgId, threadId, [pair[0]!], last);
    }
  }
}
