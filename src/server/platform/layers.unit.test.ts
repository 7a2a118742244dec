import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;

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
