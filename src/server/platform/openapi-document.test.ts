// The served OpenAPI document stays usable by people who build on Hearth: it lints clean with Redocly
// (redocly.yaml: the recommended rules, stricter where a generated client depends on them), and
// openapi-typescript generates types from it that a small client typechecks against.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const redocly = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
  'bin/cli.js',
);

let dir: string;
let document: Record<string, unknown>;

beforeAll(async () => {
  await testApp().ready();
  document = testApp().swagger() as unknown as Record<string, unknown>;
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-openapi-'));
  await writeFile(path.join(dir, 'openapi.json'), JSON.stringify(document, null, 2));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Problem = {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer?: string }[];
};

/** "#/paths/~1api~1skills/post/responses" → "[skills] POST /api/skills (responses)": by area, for a reader. */
function placeOf(pointer = ''): string {
  const parts = pointer
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (parts[0] !== 'paths' || !parts[1] || !parts[2]) return pointer;
  const paths = document.paths as Record<string, Record<string, { tags?: string[] }>>;
  const area = paths[parts[1]]?.[parts[2]]?.tags?.[0] ?? 'no area';
  const rest = parts.slice(3).join('/');
  return `[${area}] ${parts[2].toUpperCase()} ${parts[1]}${rest ? ` (${rest})` : ''}`;
}

async function lint(): Promise<Problem[]> {
  const args = [redocly, 'lint', path.join(dir, 'openapi.json'), '--config', path.join(root, 'redocly.yaml')];
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(
      process.execPath,
      [...args, '--format', 'json', '--max-problems', '100000'],
      {
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    ));
  } catch (error) {
    // A document with errors makes the linter exit 1; its report is still on stdout.
    stdout = (error as { stdout?: string }).stdout ?? '';
    if (!stdout.includes('"problems"')) throw error;
  }
  return (JSON.parse(stdout.slice(stdout.indexOf('{'))) as { problems: Problem[] }).problems;
}

/** One line a problem: where (area first), its rule and what it says, sorted so an area's lines are together. */
const report = (problems: Problem[]) =>
  problems
    .map((p) => `${placeOf(p.location[0]?.pointer)}: ${p.ruleId}: ${p.message}`)
    .sort((a, b) => a.localeCompare(b));

describe('the OpenAPI document', () => {
  it('should lint with no error under the recommended rules (redocly.yaml)', async () => {
    const problems = await lint();
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warn');
    if (warnings.length > 0) console.warn(`OpenAPI lint warnings:\n${report(warnings).join('\n')}`);
    expect(report(errors)).toEqual([]);
  }, 60_000);

  it('should generate TypeScript types that a small client typechecks against', async () => {
    const types = astToString(await openapiTS(document as never));
    await writeFile(path.join(dir, 'schema.ts'), types);
    await writeFile(path.join(dir, 'client.ts'), CLIENT);
    const program = ts.createProgram([path.join(dir, 'client.ts')], {
      strict: true,
      noEmit: true,
      noUnusedLocals: false,
      exactOptionalPropertyTypes: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  }, 60_000);
});

/** A client of two areas, written as someone building on Hearth would, against the generated types. */
const CLIENT = `
import type { operations, paths } from './schema.ts';

type CheckInBody = NonNullable<paths['/api/check-ins']['post']['requestBody']>['content']['application/json'];
type CheckIn = paths['/api/check-ins']['post']['responses'][201]['content']['application/json'];
type CheckInRefusal = paths['/api/check-ins']['post']['responses'][409]['content']['application/json'];

export async function checkIn(body: CheckInBody): Promise<CheckIn | CheckInRefusal['error']['reason']> {
  const response = await fetch('/api/check-ins', {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status === 409) return ((await response.json()) as CheckInRefusal).error.reason;
  return (await response.json()) as CheckIn;
}

const today: CheckInBody = { idempotencyKey: 'a1b2c3d4e5', mood: 4, craving: 2, triggers: ['stress'] };
void checkIn(today).then((answer) => {
  if (typeof answer === 'string') {
    const known: 'check_in.day_already_has_one' | 'check_in.already_today' = answer;
    return known;
  }
  const mood: number = answer.mood;
  const when: string = answer.localDate;
  return [mood, when];
});

// @ts-expect-error: a check-in needs its mood
const noMood: CheckInBody = { idempotencyKey: 'a1b2c3d4e5', craving: 2 };
// @ts-expect-error: a refusal the endpoint does not give is not among its reasons
const otherReason: CheckInRefusal['error']['reason'] = 'skills.already_listed';

type AddSkill = operations['addSkill'];
type NewSkill = NonNullable<AddSkill['requestBody']>['content']['application/json'];
const guitar: NewSkill = { skill: 'other', label: 'Guitar basics', direction: 'teach' };
// @ts-expect-error: a skill is taught or learned
const both: NewSkill = { skill: 'cooking', direction: 'both' };
const listed: AddSkill['responses'][409]['content']['application/json']['error']['reason'] =
  'skills.already_listed';
const invalid: AddSkill['responses'][400]['content']['application/json']['error'] = {
  code: 'validation_failed',
  reason: 'request.invalid',
  message: 'Some fields are not valid.',
  fields: [{ field: 'label', reason: 'skills.label_needed', message: 'says which skill, in your own words' }],
};
type Sessions = operations['listMySkillSessions']['responses'][200]['content']['application/json'];
const firstState = (list: Sessions): 'proposed' | 'arranged' | 'done' | 'cancelled' | undefined =>
  list.sessions[0]?.state;

export const used = [noMood, otherReason, guitar, both, listed, invalid, firstState];
`;
