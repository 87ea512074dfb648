// CPU pinning for the serving and start-up measurements: the server on one core, the load
// generator (and the bench's own polling) on another, so they stop taking turns on the
// same core and the rounds stop swinging with the scheduler.
import { readFile } from 'node:fs/promises';
import { mustRun } from './proc.js';

export interface CpuPlan {
  /** Where servers run; undefined when fewer than two CPUs are allowed (then nothing is pinned). */
  server?: number;
  /** Where wrk, the start-up poller and this process run. */
  load?: number;
  /** The CPUs this process may use, as /proc/self/status lists them. */
  allowed: number[];
}

/** "0-1,4" -> [0, 1, 4] */
export function parseCpuList(list: string): number[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const [from, to] = part.split('-').map(Number) as [number, number | undefined];
      return to === undefined ? [from] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
}

export async function planCpus(): Promise<CpuPlan> {
  const status = await readFile('/proc/self/status', 'utf8');
  const allowed = parseCpuList(/^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1] ?? '');
  return allowed.length >= 2 ? { server: allowed[0], load: allowed[1], allowed } : { allowed };
}

/** The command line that runs `command` on `cpu` (taskset execs it: the pid stays the server's). */
export function onCpu(cpu: number | undefined, command: string, args: readonly string[]): [string, string[]] {
  return cpu === undefined ? [command, [...args]] : ['taskset', ['-c', String(cpu), command, ...args]];
}

/**
 * Runs `work` with every thread of this process pinned to `cpu` (its timers and polling
 * then stay off the server's core), and gives the process its CPUs back afterwards.
 */
export async function whilePinned<T>(plan: CpuPlan, work: () => Promise<T>): Promise<T> {
  if (plan.load === undefined) return work();
  await mustRun('taskset', ['-a', '-p', '-c', String(plan.load), String(process.pid)]);
  try {
    return await work();
  } finally {
    await mustRun('taskset', ['-a', '-p', '-c', plan.allowed.join(','), String(process.pid)]);
  }
}
