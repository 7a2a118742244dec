import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  hashToken,
  newHumanCode,
  newToken,
  normalizeHumanCode,
  verifyPassword,
} from './secrets.ts';

describe('newHumanCode', () => {
  it('should make three groups of four readable characters', () => {
    for (let i = 0; i < 50; i++) {
      expect(newHumanCode()).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    }
  });

  it('should never use characters that are easy to misread aloud (0, O, 1, I)', () => {
    const many = Array.from({ length: 200 }, () => newHumanCode()).join('');
    expect(many).not.toMatch(/[01OI]/);
  });

  it('should make the number of groups asked for', () => {
    expect(newHumanCode(2).split('-')).toHaveLength(2);
  });

  it('should not repeat itself', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newHumanCode()));
    expect(codes.size).toBe(500);
  });
});

describe('normalizeHumanCode', () => {
  it('should accept a code typed in lower case, with spaces or without dashes', () => {
    expect(normalizeHumanCode('k7qp m3xd r2ta')).toBe('K7QP-M3XD-R2TA');
    expect(normalizeHumanCode('K7QPM3XDR2TA')).toBe('K7QP-M3XD-R2TA');
    expect(normalizeHumanCode(' k7qp-m3xd-r2ta ')).toBe('K7QP-M3XD-R2TA');
  });

  it('should give the same hash for every way of typing one code', () => {
    const code = newHumanCode();
    expect(hashToken(normalizeHumanCode(code.toLowerCase().replaceAll('-', ' ')))).toBe(hashToken(code));
  });

  it('should give an empty string when nothing usable was typed', () => {
    expect(normalizeHumanCode('--- ---')).toBe('');
  });
});

describe('tokens', () => {
  it('should make URL-safe random tokens of the asked strength', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken(24)).toHaveLength(32);
    expect(newToken()).not.toBe(token);
  });

  it('should store only a SHA-256 hash of a token', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('passwords', () => {
  it('should hash with argon2id and verify the right password only', async () => {
    const stored = await hashPassword('correct-horse-battery');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'correct-horse-battery')).toBe(true);
    expect(await verifyPassword(stored, 'wrong-horse-battery')).toBe(false);
  });

  it('should answer false, not throw, for a damaged hash', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});
