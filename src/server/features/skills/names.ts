// Display names of people of an organization, whatever their role today (e.g. a peer who has moved on).
import { sql } from 'drizzle-orm';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import type { NameStyle } from '../../../shared/domain/vocabulary.ts';
import type { Db } from '../../platform/database/connect.ts';

export async function displayNamesOf(
  db: Pick<Db, 'execute'>,
  organizationId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const result = await db.execute<{
    id: string;
    first_name: string;
    last_name: string;
    name_style: string;
  }>(sql`
    select id, first_name, last_name, name_style from people
    where organization_id = ${organizationId} and id = any(${`{${[...new Set(personIds)].join(',')}}`}::uuid[])`);
  return new Map(
    result.rows.map((r) => [r.id, formatDisplayName(r.first_name, r.last_name, r.name_style as NameStyle)]),
  );
}
