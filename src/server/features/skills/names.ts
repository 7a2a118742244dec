// Display names of people of an organization, whatever their role today (e.g. a peer who has moved on).
import { and, eq, inArray } from 'drizzle-orm';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import type { NameStyle } from '../../../shared/domain/vocabulary.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { people } from '../../platform/database/schema.ts';

export async function displayNamesOf(
  db: Executor,
  organizationId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
    })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, [...new Set(personIds)])));
  return new Map(
    rows.map((r) => [r.id, formatDisplayName(r.firstName, r.lastName, r.nameStyle as NameStyle)]),
  );
}
