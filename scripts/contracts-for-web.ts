// A Vite plugin for the web build: the web app uses the endpoint contracts (src/shared/contracts) for
// their method, path, tags and operationId, and their types — never their zod validators, which are the
// server's. So each contract module made only of data and schemas reaches the browser as its data with
// every schema left out (null), and zod stays out of the first download. Types are unchanged: tsc reads the
// real modules. A module that exports a function (endpoint.ts, errors.ts, reasons.ts) is bundled as it is,
// and so is every contract module it takes a schema from, or takes everything from: a module kept whole
// runs in the browser as written and must find real schemas where it reads them. Decision 0029 says why.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
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

/** Whether a value is, or holds somewhere inside it, a schema the plugin would leave out. */
export function holdsSchema(value: unknown, seen = new Set<unknown>()): boolean {
  if (value instanceof z.ZodType) return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value as Record<string, unknown>).some((v) => holdsSchema(v, seen));
}

/** What a module takes at run time from another: the names it binds, or '*' for all of it. */
export type Taken = { from: string; names: string[] | '*' };

/** The run-time imports and re-exports of a TypeScript module's source (type-only ones left out). */
export function importsOf(source: string): Taken[] {
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const taken: Taken[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const from = statement.moduleSpecifier.text;
      if (!clause) continue; // `import './x.ts'` runs it and binds nothing
      if (clause.isTypeOnly) continue;
      if (clause.name) taken.push({ from, names: '*' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) taken.push({ from, names: '*' });
      if (bindings && ts.isNamedImports(bindings)) {
        const names = bindings.elements
          .filter((e) => !e.isTypeOnly)
          .map((e) => (e.propertyName ?? e.name).text);
        if (names.length > 0) taken.push({ from, names });
      }
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const clause = statement.exportClause;
      if (!clause || ts.isNamespaceExport(clause)) taken.push({ from, names: '*' });
      else {
        const names = clause.elements
          .filter((e) => !e.isTypeOnly)
          .map((e) => (e.propertyName ?? e.name).text);
        if (names.length > 0) taken.push({ from, names });
      }
    }
  }
  return taken;
}

/** A contract module as the plugin sees it: what it exports, and what it takes from other contract modules. */
export type ContractModule = { exports: Record<string, unknown>; takes: Taken[] };

/**
 * The contract modules bundled as they are: those that are not data alone, and every contract module one
 * of those takes a schema from (or takes all of), and so on — `from` names another module of the map.
 */
export function modulesKeptWhole(modules: Map<string, ContractModule>): Set<string> {
  const whole = new Set(
    [...modules].filter(([, m]) => moduleWithoutValidators(m.exports) === null).map(([id]) => id),
  );
  const waiting = [...whole];
  for (let id = waiting.pop(); id !== undefined; id = waiting.pop()) {
    for (const { from, names } of modules.get(id)?.takes ?? []) {
      const source = modules.get(from);
      if (!source || whole.has(from)) continue;
      if (names === '*' || names.some((name) => holdsSchema(source.exports[name]))) {
        whole.add(from);
        waiting.push(from);
      }
    }
  }
  return whole;
}

/** Every contract module on disk (tests left out), with `from` resolved to the path of the module taken. */
async function readContracts(): Promise<Map<string, ContractModule>> {
  const modules = new Map<string, ContractModule>();
  for (const name of fs.readdirSync(CONTRACTS)) {
    if (!name.endsWith('.ts') || name.includes('.test.')) continue;
    const id = path.join(CONTRACTS, name);
    const exports = (await import(pathToFileURL(id).href)) as Record<string, unknown>;
    const takes = importsOf(fs.readFileSync(id, 'utf8'))
      .filter((t) => t.from.startsWith('.'))
      .map((t) => ({ ...t, from: path.resolve(path.dirname(id), t.from) }));
    modules.set(id, { exports, takes });
  }
  return modules;
}

export function contractsForWeb(): Plugin {
  let modules = new Map<string, ContractModule>();
  let whole = new Set<string>();
  return {
    name: 'hearth-contracts-without-validators',
    apply: 'build',
    async buildStart() {
      modules = await readContracts();
      whole = modulesKeptWhole(modules);
    },
    load(id) {
      const module = modules.get(id);
      if (!module || whole.has(id)) return null;
      return moduleWithoutValidators(module.exports);
    },
  };
}

/** The contract modules the web build bundles as they are (for the unit test). */
export async function contractModulesKeptWhole(): Promise<string[]> {
  return [...modulesKeptWhole(await readContracts())].map((id) => path.basename(id)).sort();
}
