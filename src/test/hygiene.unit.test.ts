import { describe, expect, it } from 'vitest';
import { resolveWithSystem } from '../server/platform/outbound.ts';
import { allowConsoleErrors, assertNoUnexpectedConsoleErrors } from './hygiene.ts';

describe('test hygiene', () => {
  it('should fail a test that writes an unexpected console.error', () => {
    console.error('(this console.error is part of the hygiene test)');
    expect(() => assertNoUnexpectedConsoleErrors()).toThrow(
      /Unexpected console.error during the test:\n\(this console.error/,
    );
  });

  it('should let a test that expects console.error say so', () => {
    allowConsoleErrors();
    console.error('(this console.error is expected by the hygiene test)');
    expect(() => assertNoUnexpectedConsoleErrors()).not.toThrow();
  });

  it('should refuse to reach the network', async () => {
    await expect(fetch('https://example.org/')).rejects.toThrow(
      'Tests may not reach the network (tried https://example.org).',
    );
  });

  it('should refuse to resolve a name for an outside request (tests give their own resolver)', async () => {
    await expect(resolveWithSystem('example.org')).rejects.toThrow(
      'Tests may not resolve names (tried example.org).',
    );
  });
});
