// The log collector of the integration tier: the test app logs through its real logger options
// (platform/logger.ts) at warn and above into memory, and after each test any error or fatal line fails
// that test, unless the test declared it with expectErrorLog(). The lines hold only what the logger
// keeps: messages and safe fields, never what people wrote.

/** Pino's numeric levels. */
const ERROR = 50;

export type LogLine = { level: number; msg?: string; [field: string]: unknown };

const lines: LogLine[] = [];
const expected: { pattern: RegExp; met: boolean }[] = [];

/** The stream the test app's logger writes to (one per test file: a test process runs files one by one). */
export const logCollector = {
  write(line: string): void {
    for (const text of line.split('\n')) {
      if (text.trim() === '') continue;
      try {
        lines.push(JSON.parse(text) as LogLine);
      } catch {
        lines.push({ level: ERROR, msg: `unreadable log line: ${text}` });
      }
    }
  },
};

/** How a line is shown when it fails a test: its message and its fields, without pino's own. */
function show(line: LogLine): string {
  const { level, time, pid, hostname, msg, ...fields } = line;
  const name = level >= 60 ? 'fatal' : level >= ERROR ? 'error' : level >= 40 ? 'warn' : String(level);
  return `[${name}] ${msg ?? ''} ${JSON.stringify(fields)}`;
}

/**
 * The current test means to cause an error log line whose message and fields (as JSON) match `pattern`:
 * one such line is consumed, and the test fails if none came.
 */
export function expectErrorLog(pattern: RegExp): void {
  expected.push({ pattern, met: false });
}

/** The log lines at warn and above since the test began (to assert on what was logged). */
export function loggedLines(): readonly LogLine[] {
  return lines;
}

/** A test begins: expectations are its own (lines logged by a file's setup still count, for the first test). */
export function startCollectingLogs(): void {
  expected.length = 0;
}

/** Throws (failing the test) for each error line the test did not expect, and each expected one missing. */
export function assertNoUnexpectedErrorLogs(): void {
  const errors = lines.filter((l) => l.level >= ERROR).map(show);
  const unmet: RegExp[] = [];
  for (const expectation of expected) {
    const index = errors.findIndex((text) => expectation.pattern.test(text));
    if (index === -1) unmet.push(expectation.pattern);
    else errors.splice(index, 1);
  }
  lines.length = 0;
  expected.length = 0;
  const problems = [
    ...(errors.length > 0 ? [`Unexpected error log lines during the test:\n${errors.join('\n')}`] : []),
    ...(unmet.length > 0 ? [`Expected error log lines that never came: ${unmet.join(', ')}`] : []),
  ];
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
