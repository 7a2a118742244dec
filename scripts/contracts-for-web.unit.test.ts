import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as auth from '../src/shared/contracts/auth.ts';
import * as realtime from '../src/shared/contracts/realtime.ts';
import { moduleWithoutValidators, sourceOf } from './contracts-for-web.ts';

/** Evaluates the module source the browser gets, as the browser would. */
async function evaluate(source: string): Promise<Record<string, unknown>> {
  return (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as Record<string, unknown>;
}

describe('contracts for the web build', () => {
  it('should keep every endpoint’s method, path, tags and operationId, and leave its schemas out', async () => {
    const source = moduleWithoutValidators(auth);
    expect(source).not.toBeNull();
    const web = await evaluate(source!);
    const api = web.authApi as Record<string, Record<string, unknown>>;
    for (const [name, spec] of Object.entries(auth.authApi)) {
      expect(api[name], name).toMatchObject({
        method: spec.method,
        path: spec.path,
        operationId: spec.operationId,
        tags: [...spec.tags],
      });
      if ('body' in spec) expect(api[name]?.body, name).toBeNull();
    }
    expect(source).not.toMatch(/zod|_zod|ZodObject/);
  });

  it('should keep the data a screen reads (close codes) and turn a module with a function away', async () => {
    const web = await evaluate(moduleWithoutValidators(realtime)!);
    expect(web.REALTIME_CLOSE).toEqual(realtime.REALTIME_CLOSE);
    expect(moduleWithoutValidators({ a: 1, f: () => 1 })).toBeNull();
  });

  it('should write schemas as null, patterns as patterns, and refuse what is not data', () => {
    expect(sourceOf({ s: z.string(), r: /^a$/i, n: [1, 'x', null, true] })).toBe(
      '{"s":null,"r":/^a$/i,"n":[1,"x",null,true]}',
    );
    expect(() => sourceOf(new Date())).toThrow();
    expect(() => sourceOf(Number.POSITIVE_INFINITY)).toThrow();
  });
});
