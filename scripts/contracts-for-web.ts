// A Vite plugin for the web build: the web app uses the endpoint contracts (src/shared/contracts) for
// their method, path, tags and operationId, and their types — never their zod validators, which are the
// server's. So each contract module made only of data and schemas reaches the browser as its data with
// every schema left out (null), and zod stays out of the first download. Types are unchanged: tsc reads the
// real modules. A module that exports a function (endpoint.ts, errors.ts, realtime.ts, reasons.ts) is
// bundled as it is. Decision 0029 says why.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { z } from 'zod';

const CONTRACTS = `${path.resolve('src/shared/contracts')}${path.sep}`;

class NotData extends Error {}

/** JavaScript source for a contract value, schemas as null; throws NotData for anything else. */
export function sourceOf(value: unknown): string {
  if (value instanceof z.ZodType) return 'null';
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotData(`a number that JSON cannot hold: ${value}`);
    return JSON.stringify(value);
  }
  if (value === undefined) return 'undefined';
  if (value instanceof RegExp) return value.toString();
  if (Array.isArray(value)) return `[${value.map(sourceOf).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${sourceOf(v)}`).join(',')}}`;
  }
  throw new NotData(`a ${typeof value} is not data`);
}

/** The module's data as an ES module without its schemas, or null when it must stay as it is. */
export function moduleWithoutValidators(exports: Record<string, unknown>): string | null {
  try {
    return Object.entries(exports)
      .map(([name, value]) => `export const ${name} = ${sourceOf(value)};`)
      .join('\n');
  } catch (error) {
    if (error instanceof NotData) return null;
    throw error;
  }
}

export function contractsForWeb(): Plugin {
  return {
    name: 'hearth-contracts-without-validators',
    apply: 'build',
    async load(id) {
      if (!id.startsWith(CONTRACTS) || !id.endsWith('.ts') || id.includes('.test.')) return null;
      const exports = (await import(pathToFileURL(id).href)) as Record<string, unknown>;
      return moduleWithoutValidators(exports);
    },
  };
}
