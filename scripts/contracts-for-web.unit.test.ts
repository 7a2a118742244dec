import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as auth from '../src/shared/contracts/auth.ts';
import * as realtime from '../src/shared/contracts/realtime.ts';
import {
  type ContractModule,
  contractModulesKeptWhole,
  importsOf,
  modulesKeptWhole,
  moduleWithoutValidators,
  sourceOf,
} from './contracts-for-web.ts';

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

  it('should keep whole a data module that a module kept whole takes a schema from, and what that one takes', async () => {
    const Day = z.iso.date();
    const modules = new Map<string, ContractModule>([
      // people exports a function, so it runs as written and reads common's DateSchema while it loads
      [
        'people',
        { exports: { peopleApi: {}, encode: () => '' }, takes: [{ from: 'common', names: ['DateSchema'] }] },
      ],
      ['common', { exports: { DateSchema: Day.optional() }, takes: [{ from: 'base', names: ['Day'] }] }],
      ['base', { exports: { Day }, takes: [] }],
      ['auth', { exports: { authApi: { signIn: { path: '/api/sign-in', body: z.object({}) } } }, takes: [] }],
    ]);
    expect([...modulesKeptWhole(modules)].sort()).toEqual(['base', 'common', 'people']);

    // Taking only data (a reason's words) from a module leaves that module without its schemas;
    // taking all of it (a namespace, a default, `export *`) keeps it whole.
    modules.set('reasons', {
      exports: { isReason: () => true },
      takes: [{ from: 'auth', names: ['authReasons'] }],
    });
    modules.set('auth', {
      ...modules.get('auth')!,
      exports: { ...modules.get('auth')!.exports, authReasons: {} },
    });
    expect(modulesKeptWhole(modules).has('auth')).toBe(false);
    modules.set('reasons', { exports: { isReason: () => true }, takes: [{ from: 'auth', names: '*' }] });
    expect(modulesKeptWhole(modules).has('auth')).toBe(true);
  });

  it('should read what a module takes at run time and leave type-only imports out', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { Person } from './people.ts';",
      "import { type Day, DateSchema, OkSchema as Ok } from './common.ts';",
      "import * as auth from './auth.ts';",
      "import './side-effect.ts';",
      "export { realtimeApi } from './realtime.ts';",
      "export * from './health.ts';",
      "export type { Reason } from './errors.ts';",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { from: 'zod', names: ['z'] },
      { from: './common.ts', names: ['DateSchema', 'OkSchema'] },
      { from: './auth.ts', names: '*' },
      { from: './realtime.ts', names: ['realtimeApi'] },
      { from: './health.ts', names: '*' },
    ]);
  });

  it('should bundle as they are only the contract modules that export a function, and none they read from', async () => {
    // reasons.ts takes every area's reasons, which are data: those areas still lose their schemas.
    expect(await contractModulesKeptWhole()).toEqual(['endpoint.ts', 'errors.ts', 'reasons.ts']);
  });
});
