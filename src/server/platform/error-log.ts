// What an error may say in a log line: its kind and where it happened, never the values it carries.
// A failed statement's error holds what people wrote — Drizzle's message and `params` list every value
// sent, pg's `detail` repeats the row or key, and some pg messages quote the value they refused
// (`invalid input syntax for type uuid: "…"`) — so those are never logged. Every log line about an
// error goes through errorForLog (the HTTP error handler, jobs, listeners, realtime, the CLI).
import pg from 'pg';

export type ErrorLog = {
  type: string;
  /** PostgreSQL's SQLSTATE (23505), Node's system code (ECONNREFUSED) or a library's code. */
  code?: string;
  /** Only the words of errors that cannot quote a value; quoted parts are replaced by "…". */
  message?: string;
  constraint?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  /** The PostgreSQL function that raised it (string_to_uuid, _bt_check_unique…). */
  routine?: string;
  syscall?: string;
  /** The statement's kind and relation ("insert into check_ins"), without any literal. */
  statement?: string;
  /** A zod error's issues: where and what kind, never the input. */
  issues?: { code: string; path: string }[];
  cause?: ErrorLog;
  errors?: ErrorLog[];
  /** Call frames only: the first line of a stack repeats the message. */
  stack?: string;
};

const MAX_DEPTH = 4;
const MAX_MESSAGE = 200;
const MAX_FRAMES = 12;
const QUOTED = /"[^"]*"|'[^']*'|`[^`]*`|“[^”]*”|‘[^’]*’|«[^»]*»/g;

/** The words of a message with every quoted part blanked and the length capped. */
function scrub(message: string): string {
  const blanked = message.replace(QUOTED, (q) => `${q[0]}…${q.at(-1)}`).replace(/\s+/g, ' ');
  return blanked.length > MAX_MESSAGE ? `${blanked.slice(0, MAX_MESSAGE)}…` : blanked;
}

/** "insert into check_ins", "select from people": the kind of statement and its first relation. */
export function statementOf(query: string): string {
  const text = query
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  const verb = /^\w+/.exec(text)?.[0] ?? 'statement';
  const name = '("?[\\w$]+"?(?:\\."?[\\w$]+"?)?)';
  const target =
    new RegExp(`^insert into ${name}`).exec(text) ??
    new RegExp(`^update ${name}`).exec(text) ??
    new RegExp(`^delete from ${name}`).exec(text) ??
    new RegExp(`\\bfrom ${name}`).exec(text);
  const relation = target?.[1]?.replaceAll('"', '');
  if (!relation) return verb;
  const prefix = { insert: 'insert into', delete: 'delete from', update: 'update' }[verb] ?? `${verb} from`;
  return `${prefix} ${relation}`;
}

const isPgError = (e: Error): e is pg.DatabaseError =>
  e instanceof pg.DatabaseError ||
  (typeof (e as { severity?: unknown }).severity === 'string' &&
    /^[0-9A-Z]{5}$/.test(String((e as { code?: unknown }).code)));

const isQueryError = (e: Error): e is Error & { query: string; params: unknown[] } =>
  typeof (e as { query?: unknown }).query === 'string' && Array.isArray((e as { params?: unknown }).params);

type Issue = { code?: unknown; path?: unknown };
const issuesOf = (e: Error): Issue[] | null => {
  const issues = (e as { issues?: unknown }).issues;
  return Array.isArray(issues) ? (issues as Issue[]) : null;
};

/** Words that may quote what was sent, whatever kind of error carries them (a zod message is its issues). */
const quotesInput = (e: Error): boolean =>
  e instanceof SyntaxError || isPgError(e) || isQueryError(e) || issuesOf(e) !== null;

const typeOf = (e: Error) => (e.name && e.name !== 'Error' ? e.name : e.constructor?.name || 'Error');

function framesOf(stack: string | undefined): string | undefined {
  const frames = (stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.slice(0, MAX_FRAMES).join('\n') : undefined;
}

function pick(target: ErrorLog, source: object, keys: (keyof ErrorLog)[]): void {
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key];
    if (typeof value === 'string' && value !== '') (target as Record<string, unknown>)[key] = value;
  }
}

function toLog(error: unknown, depth: number, withStack: boolean): ErrorLog {
  if (!(error instanceof Error)) {
    if (typeof error !== 'object' || error === null) return { type: typeof error };
    // pg-boss and others report plain objects now and then: their code and words, never their fields.
    const found: ErrorLog = { type: 'object' };
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' || typeof code === 'number') found.code = String(code);
    if (typeof message === 'string') found.message = scrub(message);
    return found;
  }
  const found: ErrorLog = { type: typeOf(error) };
  const words = quotesInput(error) ? '' : error.message;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') found.code = String(code);
  if (isPgError(error)) {
    found.type = 'DatabaseError';
    pick(found, error, ['constraint', 'schema', 'table', 'column', 'dataType', 'routine']);
  } else if (isQueryError(error)) {
    found.statement = statementOf(error.query);
  } else {
    pick(found, error, ['syscall']);
  }
  const issues = issuesOf(error);
  if (issues) {
    found.issues = issues.slice(0, 10).map((issue) => ({
      code: String(issue.code),
      path: Array.isArray(issue.path) ? issue.path.map(String).join('.') : '',
    }));
  }
  if (words) found.message = scrub(words);
  if (withStack) {
    const stack = framesOf(error.stack);
    if (stack) found.stack = stack;
  }
  if (depth < MAX_DEPTH && error.cause !== undefined) found.cause = toLog(error.cause, depth + 1, false);
  if (depth < MAX_DEPTH && error instanceof AggregateError) {
    found.errors = error.errors.slice(0, 5).map((e) => toLog(e, depth + 1, false));
  }
  return found;
}

/** Any error as an object safe for a log line (the stack's frames included). */
export function errorForLog(error: unknown): ErrorLog {
  return toLog(error, 0, true);
}

/** The same, as words for a plain log line ("Scheduled jobs: DatabaseError 57P01 …"). */
export function describeError(error: unknown): string {
  const words = (log: ErrorLog): string => {
    const parts = [log.type];
    if (log.code) parts.push(log.code);
    if (log.message) parts.push(`— ${log.message}`);
    const where = (['statement', 'constraint', 'table', 'column', 'routine', 'syscall'] as const)
      .filter((key) => log[key])
      .map((key) => `${key} ${log[key]}`);
    if (where.length > 0) parts.push(`(${where.join(', ')})`);
    if (log.cause) parts.push(`caused by ${words(log.cause)}`);
    if (log.errors) parts.push(`[${log.errors.map(words).join('; ')}]`);
    return parts.join(' ');
  };
  return words(toLog(error, 0, false));
}
