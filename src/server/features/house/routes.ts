import { and, eq, inArray, sql } from 'drizzle-orm';
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import { type House, HouseSchema, MyHousesSchema } from '../../../shared/contracts/residences.ts';
import type { Audience, ProgramFocus } from '../../../shared/domain/vocabulary.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { residencesWithRole } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/database/connect.ts';
import { memberships, people, residences } from '../../platform/database/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { canViewHouse, isOrgAdmin } from '../../platform/policies.ts';
import type { App } from '../../platform/types.ts';
import { displayNameOf } from '../people/presenters.ts';

type MemberRow = {
  membership: typeof memberships.$inferSelect;
  person: typeof people.$inferSelect;
};

/** Shown to a viewer when the person's chosen audience includes them. */
function visible(audience: string, viewerInHouse: boolean, isSelf: boolean): boolean {
  if (isSelf) return true;
  const a = audience as Audience;
  return a === 'organization' || (a === 'house' && viewerInHouse);
}

/** What one person shows to a housemate (or an admin): their display name, and only what they chose. */
function presentHousemate(row: MemberRow, actor: Actor, viewerInHouse: boolean) {
  const p = row.person;
  const isMe = p.id === actor.personId;
  return {
    personId: p.id,
    displayName: displayNameOf(p),
    pronouns: visible(p.pronounsVisibleTo, viewerInHouse, isMe) ? p.pronouns : null,
    recoveryPathway: visible(p.pathwayVisibleTo, viewerInHouse, isMe) ? p.recoveryPathway : null,
    isMe,
  };
}

/** The houses with their current residents and peer leaders, in one round trip for the members. */
async function loadHouses(db: Db, actor: Actor, residenceIds: string[]): Promise<House[]> {
  if (residenceIds.length === 0) return [];
  const [houseRows, memberRows] = await Promise.all([
    db.select().from(residences).where(and(eq(residences.organizationId, actor.organizationId), inArray(residences.id, residenceIds))),
    db
      .select({ membership: memberships, person: people })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .where(
        and(
          eq(memberships.organizationId, actor.organizationId),
          inArray(memberships.residenceId, residenceIds),
          inArray(memberships.role, ['resident', 'peer_leader']),
          sql`${memberships.startsOn} <= current_date and (${memberships.endsOn} is null or ${memberships.endsOn} >= current_date)`,
        ),
      )
      .orderBy(people.firstName),
  ]);
  const mine = new Set([...residencesWithRole(actor, 'resident'), ...residencesWithRole(actor, 'peer_leader')]);
  return houseRows
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((r) => {
      const members = memberRows.filter((m) => m.membership.residenceId === r.id);
      const inHouse = mine.has(r.id);
      const own = members.find((m) => m.person.id === actor.personId);
      return {
        residence: {
          id: r.id,
          name: r.name,
          address: r.address,
          narrLevel: r.narrLevel,
          programFocus: r.programFocus as ProgramFocus[],
          bedCapacity: r.bedCapacity,
        },
        peerLeaders: members.filter((m) => m.membership.role === 'peer_leader').map((m) => presentHousemate(m, actor, inHouse)),
        residents: members.filter((m) => m.membership.role === 'resident').map((m) => presentHousemate(m, actor, inHouse)),
        myMembership: own ? { role: own.membership.role, startsOn: own.membership.startsOn, bed: own.membership.bed } : null,
      };
    });
}

export function houseRoutes(app: App): void {
  app.get(
    '/api/house',
    { config: { policy: 'signedIn' }, schema: { summary: 'My house (or houses I lead): who lives there and who the peer leader is', tags: ['house'], response: { 200: MyHousesSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const ids = [...new Set([...residencesWithRole(actor, 'resident'), ...residencesWithRole(actor, 'peer_leader')])];
      return { houses: await loadHouses(app.db, actor, ids) };
    },
  );

  app.get(
    '/api/residences/:id/house',
    { config: { policy: 'signedIn' }, schema: { summary: "A house's residents and peer leaders (its members and admins)", tags: ['house'], params: IdParamsSchema, response: { 200: HouseSchema } } },
    async (request) => {
      const actor = requireActor(request);
      if (!canViewHouse(actor, request.params.id)) {
        await recordAudit(app.db, { organizationId: actor.organizationId, actorId: actor.personId, action: 'house.read', subjectType: 'residence', subjectId: request.params.id, outcome: 'denied' });
        throw isOrgAdmin(actor) ? notFound('residence') : forbidden();
      }
      const [house] = await loadHouses(app.db, actor, [request.params.id]);
      if (!house) throw notFound('residence');
      if (isOrgAdmin(actor)) {
        await recordAudit(app.db, { organizationId: actor.organizationId, actorId: actor.personId, action: 'house.read', subjectType: 'residence', subjectId: house.residence.id });
      }
      return house;
    },
  );
}
