import { describe, expect, it } from 'vitest';
import { FIRST_WAIT_SECONDS, FREE_FAILURES, MAX_WAIT_SECONDS, waitAfter } from './sign-in-limits.ts';

describe('the wait after failed sign-ins from one client', () => {
  it('is nothing for the first few failures', () => {
    for (let n = 0; n < FREE_FAILURES; n++) expect(waitAfter(n, 0)).toBe(0);
  });

  it('starts short and doubles with each further failure, counted from the last one', () => {
    expect(waitAfter(FREE_FAILURES, 0)).toBe(FIRST_WAIT_SECONDS);
    expect(waitAfter(FREE_FAILURES, 10)).toBe(FIRST_WAIT_SECONDS - 10);
    expect(waitAfter(FREE_FAILURES + 1, 0)).toBe(2 * FIRST_WAIT_SECONDS);
    expect(waitAfter(FREE_FAILURES + 2, 0)).toBe(4 * FIRST_WAIT_SECONDS);
    expect(waitAfter(FREE_FAILURES, FIRST_WAIT_SECONDS + 1)).toBe(0);
  });

  it('never grows past its longest', () => {
    expect(waitAfter(FREE_FAILURES + 40, 0)).toBe(MAX_WAIT_SECONDS);
  });
});
