import { describe, expect, it } from 'vitest';
import { FIELD_REASONS } from '../../../shared/contracts/errors.ts';
import { REASONS } from '../../../shared/contracts/reasons.ts';
import { en } from './en.ts';
import { es } from './es.ts';

type Tree = { [key: string]: string | Tree };

const wordsAt = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((here, key) => (here as Tree | undefined)?.[key], tree);

describe('every reason the server may refuse with', () => {
  const names = [...Object.keys(REASONS), ...FIELD_REASONS];

  it('has English words in the web app', () => {
    const missing = names.filter((name) => typeof wordsAt(en.reasons as Tree, name) !== 'string');
    expect(missing).toEqual([]);
  });

  it('has Spanish words in the web app', () => {
    const missing = names.filter((name) => typeof wordsAt(es.reasons as Tree, name) !== 'string');
    expect(missing).toEqual([]);
  });

  it('is named <area>.<what> in lower snake case', () => {
    for (const name of names) expect(name).toMatch(/^[a-z0-9_]+\.[a-z0-9_]+$/);
  });

  it('has no words in the web app for a reason the server no longer gives', () => {
    const known = new Set<string>(names);
    const extra: string[] = [];
    for (const [area, reasons] of Object.entries(en.reasons as Tree)) {
      for (const what of Object.keys(reasons as Tree)) {
        if (!known.has(`${area}.${what}`)) extra.push(`${area}.${what}`);
      }
    }
    expect(extra).toEqual([]);
  });
});
