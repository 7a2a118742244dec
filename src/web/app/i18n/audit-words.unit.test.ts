// The audit log says what happened in words, in both languages: every action and kind of record the
// server may record has them (the compiler checks the keys; this checks the words are there).
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_SUBJECTS, auditActionKey } from '../../../shared/domain/audit-actions.ts';
import { organization as english } from './en/organization.ts';
import { organization as spanish } from './es/organization.ts';

describe('the audit log’s words', () => {
  for (const [language, words] of [
    ['English', english],
    ['Spanish', spanish],
  ] as const) {
    it(`should name every recorded action in ${language}`, () => {
      const actions = words.audit.actions as Record<string, string>;
      const missing = AUDIT_ACTIONS.filter((a) => !actions[auditActionKey(a)]?.trim());
      expect(missing).toEqual([]);
    });

    it(`should name every kind of record in ${language}`, () => {
      const subjects = words.audit.subjects as Record<string, string>;
      expect(AUDIT_SUBJECTS.filter((s) => !subjects[s]?.trim())).toEqual([]);
    });
  }

  it('should give every action its own words key', () => {
    const keys = AUDIT_ACTIONS.map(auditActionKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z_]+$/);
  });

  it('should not leave the Spanish log in English', () => {
    const same = AUDIT_ACTIONS.filter(
      (a) =>
        (english.audit.actions as Record<string, string>)[auditActionKey(a)] ===
        (spanish.audit.actions as Record<string, string>)[auditActionKey(a)],
    );
    expect(same).toEqual([]);
  });
});
