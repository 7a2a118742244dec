import { describe, expect, it } from 'vitest';
import {
  BARC10_REFERENCE,
  BARC10_SCALE,
  BARC10_STATEMENTS,
  isValidBarc10Answers,
  reachesBarc10Reference,
  scoreBarc10,
} from './barc10.ts';

describe('BARC-10', () => {
  it('should have the ten statements exactly as published (DOMAIN.md)', () => {
    expect(BARC10_STATEMENTS).toHaveLength(10);
    expect(BARC10_STATEMENTS[0]).toBe('There are more important things to me in life than using substances.');
    expect(BARC10_STATEMENTS[5]).toBe(
      'I regard my life as challenging and fulfilling without the need for using drugs or alcohol.',
    );
    expect(BARC10_STATEMENTS[9]).toBe('I am making good progress on my recovery journey.');
  });

  it('should use the 6-point agreement scale from strongly disagree to strongly agree', () => {
    expect(BARC10_SCALE.map((s) => s.value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(BARC10_SCALE.map((s) => s.label)).toEqual([
      'strongly disagree',
      'disagree',
      'somewhat disagree',
      'somewhat agree',
      'agree',
      'strongly agree',
    ]);
  });

  it('should total the answers from 10 to 60', () => {
    expect(scoreBarc10([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe(10);
    expect(scoreBarc10([6, 6, 6, 6, 6, 6, 6, 6, 6, 6])).toBe(60);
    expect(scoreBarc10([4, 5, 5, 4, 5, 5, 5, 5, 4, 5])).toBe(47);
  });

  it.each([
    ['nine answers', [1, 2, 3, 4, 5, 6, 1, 2, 3]],
    ['eleven answers', [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5]],
    ['a zero', [0, 2, 3, 4, 5, 6, 1, 2, 3, 4]],
    ['a seven', [7, 2, 3, 4, 5, 6, 1, 2, 3, 4]],
    ['a fraction', [1.5, 2, 3, 4, 5, 6, 1, 2, 3, 4]],
    ['no answers', []],
  ])('should refuse %s', (_, answers) => {
    expect(isValidBarc10Answers(answers)).toBe(false);
    expect(() => scoreBarc10(answers)).toThrow(/exactly ten answers/);
  });

  it('should mark 47 or more as reaching the validation study reference, and nothing else', () => {
    expect(BARC10_REFERENCE).toBe(47);
    expect(reachesBarc10Reference(46)).toBe(false);
    expect(reachesBarc10Reference(47)).toBe(true);
  });
});
