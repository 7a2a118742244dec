// CPU and memory of the processes under load, read from /proc (Linux): where each request's time goes.
import fs from 'node:fs';
import path from 'node:path';

/** /proc counts CPU time in clock ticks of 10 ms. */
const TICK_MS = 10;

function procStat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** PostgreSQL's processes: the postmaster of the data directory and its children (one per connection). */
function postgresPids(dataDir: string): number[] {
  const pid = Number.parseInt(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8'), 10);
  const children = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => procStat(p)?.ppid === pid);
  return [pid, ...children];
}

/** Busy ticks of the whole machine (all cores), from the first line of /proc/stat. */
function machineBusyTicks(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).map(Number);
  return (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
}

/** Ticks per PostgreSQL process, so a connection that closes during the run doesn't count as negative. */
export type CpuSample = {
  server: number;
  postgres: Map<number, number>;
  loadGenerator: number;
  machine: number;
};

export function sampleCpu(serverPid: number, dataDir: string): CpuSample {
  const own = process.cpuUsage();
  return {
    server: procStat(serverPid)?.ticks ?? 0,
    postgres: new Map(postgresPids(dataDir).map((p) => [p, procStat(p)?.ticks ?? 0])),
    loadGenerator: (own.user + own.system) / 1000 / TICK_MS,
    machine: machineBusyTicks(),
  };
}

/** CPU milliseconds per request: the server process, PostgreSQL, autocannon, and anything else running. */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number) {
  const ms = (ticks: number) => Number(((ticks * TICK_MS) / Math.max(1, requests)).toFixed(3));
  const server = after.server - before.server;
  let postgres = 0;
  for (const [pid, ticks] of after.postgres) postgres += ticks - (before.postgres.get(pid) ?? 0);
  const loadGenerator = after.loadGenerator - before.loadGenerator;
  const other = Math.max(0, after.machine - before.machine - server - postgres - loadGenerator);
  return {
    server: ms(server),
    postgres: ms(postgres),
    loadGenerator: ms(loadGenerator),
    otherProcesses: ms(other),
  };
}

export function readRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}
