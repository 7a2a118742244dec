import { describe, expect, it } from 'vitest';
import { signalsCalledFor } from './check-in.ts';

const defaults = { craving: 8, lowMood: 1 };

describe('signalsCalledFor', () => {
  it('should call for none when the figures are within the thresholds', () => {
    expect(signalsCalledFor(defaults, { mood: 4, craving: 2, wantsSupport: false })).toEqual([]);
    expect(signalsCalledFor(defaults, { mood: 2, craving: 7 })).toEqual([]);
  });

  it('should call for a craving signal at the threshold and above, and a low mood at the threshold and below', () => {
    expect(signalsCalledFor(defaults, { mood: 1, craving: 8, wantsSupport: true })).toEqual([
      { kind: 'craving', severity: 'high' },
      { kind: 'low_mood', severity: 'high' },
      { kind: 'support_request', severity: 'medium' },
    ]);
    expect(signalsCalledFor(defaults, { mood: 3, craving: 10 })).toEqual([
      { kind: 'craving', severity: 'high' },
    ]);
  });

  it("should follow the organization's own thresholds", () => {
    const strict = { craving: 5, lowMood: 2 };
    expect(signalsCalledFor(strict, { mood: 2, craving: 5 }).map((c) => c.kind)).toEqual([
      'craving',
      'low_mood',
    ]);
    expect(signalsCalledFor({ craving: 10, lowMood: 1 }, { mood: 2, craving: 9 })).toEqual([]);
  });

  it('should look only among the figures sent (an edit of the reflection alone calls for none)', () => {
    expect(signalsCalledFor(defaults, {})).toEqual([]);
    expect(signalsCalledFor(defaults, { wantsSupport: false })).toEqual([]);
    expect(signalsCalledFor({ craving: 1, lowMood: 4 }, { mood: null, craving: null })).toEqual([]);
  });
});
