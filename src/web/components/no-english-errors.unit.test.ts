import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const web = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

describe('the web app and the server’s words', () => {
  const files = sources(web).map((file) => ({
    file: path.relative(web, file),
    text: readFileSync(file, 'utf8'),
  }));

  it('never reads an error’s English: screens translate its reason (decision 0027)', () => {
    // app/api.ts only keeps the English on the ApiError it builds, for logs and people reading the API.
    const readers = files.filter(
      ({ file, text }) =>
        file !== path.join('app', 'api.ts') && /\b(error|err|problem|f)\.message\b/.test(text),
    );
    expect(readers.map((r) => r.file)).toEqual([]);
  });

  it('writes no API path by hand: every call comes from an endpoint contract', () => {
    const paths = files.filter(({ text }) => /['"`]\/api\//.test(text) || /\bapi</.test(text));
    expect(paths.map((p) => p.file)).toEqual([]);
  });
});
