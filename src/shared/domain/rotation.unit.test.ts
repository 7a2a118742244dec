import { describe, expect, it } from 'vitest';
import { nextTurn, nextTurns, rotationOrder } from './rotation.ts';

const ana = { personId: 'a', movedInOn: '2025-01-10' };
const ben = { personId: 'b', movedInOn: '2025-03-02' };
const cy = { personId: 'c', movedInOn: '2025-03-02' };
const dee = { personId: 'd', movedInOn: '2025-06-20' };

describe('rotation', () => {
  it('should order residents by move-in, then by id', () => {
    expect(rotationOrder([dee, cy, ana, ben]).map((m) => m.personId)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('should start with the longest-standing resident, the next one taking minutes', () => {
    expect(nextTurn([dee, ben, ana, cy], null)).toEqual({ chairId: 'a', secretaryId: 'b' });
  });

  it('should pass the chair to the next after the last chair, wrapping round', () => {
    expect(nextTurn([ana, ben, cy, dee], ben)).toEqual({ chairId: 'c', secretaryId: 'd' });
    expect(nextTurn([ana, ben, cy, dee], dee)).toEqual({ chairId: 'a', secretaryId: 'b' });
  });

  it('should skip a chair who moved out, continuing from where they stood', () => {
    expect(nextTurn([ana, cy, dee], ben)).toEqual({ chairId: 'c', secretaryId: 'd' });
    const gone = { personId: 'z', movedInOn: '2025-12-01' };
    expect(nextTurn([ana, cy, dee], gone)).toEqual({ chairId: 'a', secretaryId: 'c' });
  });

  it('should have no secretary with one resident, and nobody with none', () => {
    expect(nextTurn([ana], ana)).toEqual({ chairId: 'a', secretaryId: null });
    expect(nextTurn([], ana)).toEqual({ chairId: null, secretaryId: null });
  });

  it('should give each resident a turn over a run of meetings', () => {
    const turns = nextTurns([ana, ben, cy], null, 4);
    expect(turns.map((t) => t.chairId)).toEqual(['a', 'b', 'c', 'a']);
    expect(turns.map((t) => t.secretaryId)).toEqual(['b', 'c', 'a', 'b']);
  });
});
