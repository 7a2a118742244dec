import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;

// Every .ts file under dir, tests (*.test.ts) left out.

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [full] : [];
  });
}

describe('the platform layer', () => {
  it('imports no feature: features build on the platform, never the other way round', () => {
    const offenders = sourcesUnder(here).filter((file) =>
      /from '(\.\.\/)+features\//.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => path.relative(here, f))).toEqual([]);
  });
});

describe('the test support', () => {
  it('is imported by tests alone: no production file under src/server or src/shared imports from src/test', () => {
    const src = path.resolve(here, '../..');
    const test = path.join(src, 'test');
    const importsFromTest = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(?\s*)'(\.{1,2}\/[^']+)'/g)].some(
        ([, spec]) => path.resolve(path.dirname(file), spec as string).startsWith(`${test}${path.sep}`),
      );
    const offenders = [path.join(src, 'server'), path.join(src, 'shared')]
      .flatMap(sourcesUnder)
      .filter(importsFromTest);
    expect(offenders.map((f) => path.relative(src, f))).toEqual([]);
  });
});
