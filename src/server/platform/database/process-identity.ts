// Which process a pid names now. A pid in a file (hearth.lock, PostgreSQL's postmaster.pid) outlives
// its process, and the system gives the number to the next process that starts: before a pid is taken
// for ours — let alone signalled (Hearth may run as root) — it is checked to be the process we think.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat): with the pid, it
 * names one process for the machine's uptime. Null where there is no /proc (or no such process).
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** The process's arguments (argv), from /proc or else from `ps`; null when there is no such process. */
export function commandLine(pid: number): string[] | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((a) => a !== '');
  } catch {
    if (fs.existsSync('/proc/self')) return null;
  }
  // No /proc (macOS, the BSDs): ps gives the command line joined with spaces.
  const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  const line = ps.status === 0 ? ps.stdout.trim() : '';
  return line ? line.split(/\s+/) : null;
}

/** Whether `pid` is a PostgreSQL server (postmaster) running on the cluster in `databaseDir`. */
export function isPostmasterOf(pid: number, databaseDir: string): boolean {
  const argv = commandLine(pid);
  if (!argv || path.basename(argv[0] ?? '') !== 'postgres') return false;
  const d = argv.indexOf('-D');
  const dir = d >= 0 ? argv[d + 1] : argv.find((a) => a.startsWith('-D'))?.slice(2);
  return dir !== undefined && path.resolve(dir) === path.resolve(databaseDir);
}
