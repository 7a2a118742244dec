// A lock file so two Hearth processes never open one data directory. It names its holder by pid and
// start time: a pid left by a Hearth that was killed may by now belong to any other process.
import fs from 'node:fs';
import path from 'node:path';
import { commandLine, isAlive, processStartTime } from './process-identity.ts';

export class DataDirLockedError extends Error {}

type Holder = { pid: number; startTime: string | null };

function readHolder(file: string): Holder | null {
  const text = fs.readFileSync(file, 'utf8').trim();
  try {
    const { pid, startTime } = JSON.parse(text) as Partial<Holder>;
    if (Number.isInteger(pid) && (pid as number) > 0) {
      return { pid: pid as number, startTime: typeof startTime === 'string' ? startTime : null };
    }
  } catch {
    // A lock written by an older Hearth: the pid alone.
    const pid = Number.parseInt(text, 10);
    if (pid > 0) return { pid, startTime: null };
  }
  return null;
}

/** Whether the process that wrote the lock is still running (not merely some process with its pid). */
function holderRuns({ pid, startTime }: Holder): boolean {
  if (pid === process.pid || !isAlive(pid)) return false;
  const started = processStartTime(pid);
  // No /proc: liveness is all there is to go on.
  if (started === null) return true;
  if (startTime !== null) return started === startTime;
  // An older lock without a start time: Hearth runs on node.
  return commandLine(pid)?.some((arg) => path.basename(arg).startsWith('node')) ?? false;
}

/** Takes the lock or throws DataDirLockedError. A lock left by a process that has ended is taken over. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'hearth.lock');
  const mine = JSON.stringify({ pid: process.pid, startTime: processStartTime(process.pid) });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8') === mine) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder && holderRuns(holder)) {
        throw new DataDirLockedError(
          `Another Hearth process (pid ${holder.pid}) is already using the data directory ${dataDir}.\n` +
            'Stop it first, or give this one its own directory with HEARTH_DATA_DIR.',
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dataDir}.`);
}
