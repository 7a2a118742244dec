// Myself: my profile, my privacy settings and my roles, as only I see them.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Me, UpdatePrivacySchema, UpdateProfileSchema } from '../../../shared/contracts/people.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { organizations, people } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { stageOfPerson } from '../journey/service.ts';
import { presentMe } from '../people/presenters.ts';
import { membershipsByPerson } from '../people/queries.ts';

/** The signed-in person as GET /api/me answers them (sign-in answers the same). */
export async function loadMe(db: Db, actor: Pick<Actor, 'personId' | 'organizationId'>): Promise<Me> {
  const { personId, organizationId } = actor;
  const [row] = await db
    .select({ p: people, org: organizations })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(and(eq(people.id, personId), eq(people.organizationId, organizationId)));
  if (!row) throw notFound('person');
  const ms = (await membershipsByPerson(db, organizationId, [personId])).get(personId) ?? [];
  return presentMe(row.p, row.org, ms, await stageOfPerson(db, organizationId, personId, new Date()));
}

/** Puts the first-day welcome away, once: the first time is kept. */
export async function dismissWelcome(db: Db, actor: Actor): Promise<Me> {
  await db
    .update(people)
    .set({ welcomedAt: sql`now()` })
    .where(
      and(
        eq(people.id, actor.personId),
        eq(people.organizationId, actor.organizationId),
        isNull(people.welcomedAt),
      ),
    );
  return await loadMe(db, actor);
}

type Change = z.output<typeof UpdateProfileSchema> | z.output<typeof UpdatePrivacySchema>;

/**
 * Changes my profile or privacy settings and answers me. An email is never checked against others'
 * (decision 0025): the answer is the same for any address.
 */
export async function updateMe(db: Db, actor: Actor, change: Change): Promise<Me> {
  if (Object.keys(change).length > 0) {
    await db
      .update(people)
      .set(change)
      .where(and(eq(people.id, actor.personId), eq(people.organizationId, actor.organizationId)));
  }
  return await loadMe(db, actor);
}
