// Who chairs the next house meeting, and who takes its minutes: a rotation among the house's current
// residents, so everyone learns to lead (NARR 1.C.8). Residents are taken in order of moving in; the
// chair passes to the next after the last chair (skipping anyone who moved out), and the secretary is
// the one after the new chair, who will chair next time.

export type RotationMember = {
  personId: string;
  /** The day their current stay began (YYYY-MM-DD). */
  movedInOn: string;
};

export type RotationTurn = { chairId: string | null; secretaryId: string | null };

const key = (m: RotationMember) => `${m.movedInOn}|${m.personId}`;

/** Residents in rotation order: by move-in date, then by id so equal dates stay stable. */
export function rotationOrder(members: readonly RotationMember[]): RotationMember[] {
  return [...members].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The next turn after `previousChair` (who may have moved out since: their move-in date still places
 * them in the order). No previous chair starts with the longest-standing resident.
 */
export function nextTurn(
  members: readonly RotationMember[],
  previousChair: RotationMember | null,
): RotationTurn {
  const order = rotationOrder(members);
  if (order.length === 0) return { chairId: null, secretaryId: null };
  let index = 0;
  if (previousChair) {
    const after = order.findIndex((m) => key(m) > key(previousChair));
    index = after === -1 ? 0 : after;
  }
  const chair = order[index]!;
  const secretary = order.length > 1 ? order[(index + 1) % order.length]! : null;
  return { chairId: chair.personId, secretaryId: secretary?.personId ?? null };
}

/** Turns for several meetings in a row, each following the one before. */
export function nextTurns(
  members: readonly RotationMember[],
  previousChair: RotationMember | null,
  count: number,
): RotationTurn[] {
  const byId = new Map(members.map((m) => [m.personId, m]));
  const turns: RotationTurn[] = [];
  let previous = previousChair;
  for (let i = 0; i < count; i++) {
    const turn = nextTurn(members, previous);
    turns.push(turn);
    previous = turn.chairId ? (byId.get(turn.chairId) ?? null) : null;
  }
  return turns;
}
