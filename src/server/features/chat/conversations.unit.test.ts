import { describe, expect, it } from 'vitest';
import { threadKey } from './conversations.ts';

const a = '0b1a5c1e-0000-4000-8000-00000000000a';
const b = '0b1a5c1e-0000-4000-8000-00000000000b';
const c = '0b1a5c1e-0000-4000-8000-00000000000c';

describe('threadKey', () => {
  it('is the same for the same people in any order, repeated or not', () => {
    expect(threadKey([b, a])).toBe(threadKey([a, b]));
    expect(threadKey([a, b, a])).toBe(threadKey([b, a]));
  });

  it('differs by subject and by people', () => {
    const subject = { type: 'support_request', id: c };
    expect(threadKey([a, b], subject)).not.toBe(threadKey([a, b]));
    expect(threadKey([a, b], subject)).not.toBe(threadKey([a, b], { type: 'mentorship', id: c }));
    expect(threadKey([a, b, c])).not.toBe(threadKey([a, b]));
  });
});
