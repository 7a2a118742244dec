import { and, eq } from 'drizzle-orm';
import { MeSchema, UpdatePrivacySchema, UpdateProfileSchema } from '../../../shared/contracts/people.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/database/connect.ts';
import { organizations, people } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/types.ts';
import { stageOfPerson } from '../journey/service.ts';
import { presentMe } from '../people/presenters.ts';
import { membershipsByPerson } from '../people/queries.ts';

async function loadMe(db: Db, personId: string, organizationId: string) {
  const [row] = await db
    .select({ p: people, org: organizations })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .where(and(eq(people.id, personId), eq(people.organizationId, organizationId)));
  if (!row) throw notFound('person');
  const ms = (await membershipsByPerson(db, organizationId, [personId])).get(personId) ?? [];
  return presentMe(row.p, row.org, ms, await stageOfPerson(db, organizationId, personId, new Date()));
}

export function meRoutes(app: App): void {
  app.get(
    '/api/me',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Myself: profile, privacy settings and roles',
        tags: ['me'],
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return await loadMe(app.db, actor.personId, actor.organizationId);
    },
  );

  app.patch(
    '/api/me/profile',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Change my profile',
        tags: ['me'],
        body: UpdateProfileSchema,
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const body = request.body;
      // An email is never checked against others' (decision 0025): the answer is the same for any address.
      if (Object.keys(body).length > 0) {
        await app.db
          .update(people)
          .set(body)
          .where(and(eq(people.id, actor.personId), eq(people.organizationId, actor.organizationId)));
      }
      return await loadMe(app.db, actor.personId, actor.organizationId);
    },
  );

  app.patch(
    '/api/me/privacy',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Change who sees what of me',
        tags: ['me'],
        body: UpdatePrivacySchema,
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (Object.keys(request.body).length > 0) {
        await app.db
          .update(people)
          .set(request.body)
          .where(and(eq(people.id, actor.personId), eq(people.organizationId, actor.organizationId)));
      }
      return await loadMe(app.db, actor.personId, actor.organizationId);
    },
  );
}
