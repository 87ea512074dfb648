// Serving: each server on 127.0.0.1 serving the same page, loaded by wrk for a few
// seconds at a time (bounded runs), rounds interleaved so the servers share the machine's
// noisy moments, as many rounds as the time budget allows. The server runs on one core
// and wrk (one thread) on another, so they never take turns on the same core.
// Requests/s and p99 latency from wrk; the proportional set size (PSS: a page shared by
// n processes counts 1/n to each) summed over the server's whole process tree (nginx's
// master and workers, busybox's forked children), sampled while the load runs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../test/helpers/net.js';
import { onCpu, type CpuPlan } from './lib/cpus.js';
import { delay, mustRun, startProcess } from './lib/proc.js';
import { httpGet, startServer, type ServerSpec } from './lib/servers.js';
import { median } from './lib/stats.js';
import type { Workspace } from './workspace.js';

export interface LoadSpec {
  server: ServerSpec;
  /** wrk keeps connections open unless told `Connection: close`. */
  keepAlive: boolean;
  note?: string;
}

export interface WrkRun {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** The largest PSS summed over the process tree, sampled during the load and at its end. */
  peakPssKb: number;
  /** For reference: the larger of the sampled RSS sums and the processes' own peaks (VmHWM), shared pages counted in every process. */
  peakRssKb: number;
  peakProcesses: number;
  idlePssKb: number;
}

export interface LoadResult {
  name: string;
  keepAlive: boolean;
  note?: string;
  runs: WrkRun[];
  rps: number;
  p99Ms: number;
  pssKb: number;
  rssKb: number;
  idlePssKb: number;
  error?: string;
}

export interface SyscallProfile {
  name: string;
  requests: number;
  /** Calls per request, by syscall, most frequent first. */
  perRequest: { syscall: string; calls: number }[];
  error?: string;
}

export interface ServeResults {
  /** strace -c -f under a light wrk load: what each build asks of the kernel per request. */
  syscalls: SyscallProfile[];
  wrk: string;
  durationS: number;
  rounds: number;
  /** Why the rounds stopped where they did. */
  roundsWhy: string;
  cpus: CpuPlan;
  pageBytes: number;
  loads: LoadResult[];
}

export interface ServePlan {
  minRounds: number;
  maxRounds: number;
  durationS: number;
  /** performance.now() by which the last round must have finished (after minRounds). */
  deadline: number;
}

// One wrk thread: it has one core to itself, and a second thread would only take turns on it.
const WRK_THREADS = 1;
const CONNECTIONS = 50;

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : unit === 'm' ? n * 60_000 : n;
}

export function parseWrk(text: string): Omit<WrkRun, 'peakRssKb' | 'peakPssKb' | 'peakProcesses' | 'idlePssKb'> {
  const latency = (pct: string) => {
    const m = new RegExp(`^\\s*${pct}%\\s+([0-9.]+)(us|ms|s|m)\\s*$`, 'm').exec(text);
    return m ? toMs(m[1] as string, m[2] as string) : NaN;
  };
  const rps = Number(/^Requests\/sec:\s+([0-9.]+)/m.exec(text)?.[1] ?? NaN);
  const requests = Number(/^\s*([0-9]+) requests in /m.exec(text)?.[1] ?? NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const errors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(text)?.[1] ?? 0);
  return { rps, p50Ms: latency('50'), p99Ms: latency('99'), requests, errors, non2xx };
}

/** pid and every descendant (nginx's workers, busybox's per-connection children). */
async function processTree(root: number): Promise<number[]> {
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    const pid = tree[i] as number;
    const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
    tree.push(...children.split(/\s+/).filter(Boolean).map(Number));
  }
  return tree;
}

async function kb(path: string, field: string): Promise<number> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
}

export interface Memory {
  rssKb: number;
  /** Each process's own peak (VmHWM), summed: catches a peak between samples. */
  hwmKb: number;
  pssKb: number;
  processes: number;
}

export async function memoryOf(root: number, withPss = false): Promise<Memory> {
  const pids = await processTree(root);
  const memory: Memory = { rssKb: 0, hwmKb: 0, pssKb: 0, processes: pids.length };
  for (const pid of pids) {
    memory.rssKb += await kb(`/proc/${pid}/status`, 'VmRSS');
    memory.hwmKb += await kb(`/proc/${pid}/status`, 'VmHWM');
    if (withPss) memory.pssKb += await kb(`/proc/${pid}/smaps_rollup`, 'Pss');
  }
  return memory;
}

async function loadOnce(load: LoadSpec, ws: Workspace, durationS: number, page: Buffer, cpus: CpuPlan): Promise<WrkRun> {
  const dir = await ws.tmp(`serve-${load.server.name.replace(/\W+/g, '-')}`);
  const server = await startServer(load.server, ws.site, dir, { cpu: cpus.server });
  try {
    const check = await httpGet(server.url);
    if (check.status !== 200 || !check.body.equals(page)) throw new Error(`${load.server.name} answered ${check.status} with ${check.body.length} bytes, not the ${page.length}-byte page`);
    const idle = await memoryOf(server.process.pid, true);
    // Samples while the load runs (busybox's children live for one request), then once
    // more at its end with each surviving process's own high-water mark.
    let peak = { pssKb: 0, rssKb: 0, processes: 0 };
    const note = (m: Memory) => (peak = { pssKb: Math.max(peak.pssKb, m.pssKb), rssKb: Math.max(peak.rssKb, m.rssKb, m.hwmKb), processes: Math.max(peak.processes, m.processes) });
    let sampling = true;
    const sampler = (async () => {
      await delay(200);
      while (sampling) {
        note(await memoryOf(server.process.pid, true));
        await delay(250);
      }
    })();
    const args = ['-t', String(WRK_THREADS), '-c', String(CONNECTIONS), '-d', `${durationS}s`, '--timeout', '2s', '--latency'];
    if (!load.keepAlive) args.push('-H', 'Connection: close');
    const ran = await mustRun(...onCpu(cpus.load, 'wrk', [...args, server.url]), { timeoutMs: (durationS + 15) * 1000 }).finally(() => (sampling = false));
    await sampler;
    note(await memoryOf(server.process.pid, true));
    return { ...parseWrk(ran.stdout), peakPssKb: peak.pssKb, peakRssKb: peak.rssKb, peakProcesses: peak.processes, idlePssKb: idle.pssKb };
  } finally {
    await server.stop();
  }
}

/** Counts the server's system calls (strace -c -f) while wrk sends it a light load. */
export async function syscallsPerRequest(spec: ServerSpec, ws: Workspace, cpus: CpuPlan): Promise<SyscallProfile> {
  const dir = await ws.tmp(`strace-${spec.name.replace(/\W+/g, '-')}`);
  const port = await freePort();
  const [command, args] = await spec.command(port, ws.site, dir);
  const out = join(dir, 'strace.txt');
  const tracer = startProcess(...onCpu(cpus.server, 'strace', ['-c', '-f', '-o', out, command, ...args]), { cwd: dir });
  try {
    const url = `http://127.0.0.1:${port}/index.html`;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !(await httpGet(url, 1000).then((r) => r.status === 200, () => false))) await delay(20);
    const ran = await mustRun(...onCpu(cpus.load, 'wrk', ['-t1', '-c10', '-d2s', url]), { timeoutMs: 20_000 });
    const requests = parseWrk(ran.stdout).requests + 1;
    // The traced server is strace's child: stop it, and strace writes its table and exits.
    for (const pid of (await processTree(tracer.pid)).slice(1)) process.kill(pid, 'SIGTERM');
    await Promise.race([tracer.exited, delay(5000)]);
    const table = await readFile(out, 'utf8');
    const perRequest = [...table.matchAll(/^\s*[0-9.]+\s+[0-9.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)\s*$/gm)]
      .map((m) => ({ syscall: m[2] as string, calls: Number(m[1]) / requests }))
      .filter((x) => x.syscall !== 'total' && x.calls >= 0.05)
      .sort((a, b) => b.calls - a.calls);
    return { name: spec.name, requests, perRequest };
  } catch (error) {
    return { name: spec.name, requests: 0, perRequest: [], error: (error as Error).message.split('\n')[0] };
  } finally {
    await tracer.stop();
  }
}

export async function measureServing(ws: Workspace, loads: LoadSpec[], plan: ServePlan, cpus: CpuPlan, log: (m: string) => void, traced: ServerSpec[] = []): Promise<ServeResults> {
  const syscalls: SyscallProfile[] = [];
  for (const spec of traced) syscalls.push(await syscallsPerRequest(spec, ws, cpus));
  const page = await readFile(join(ws.site, 'index.html'));
  const results: LoadResult[] = loads.map((l) => ({ name: l.server.name, keepAlive: l.keepAlive, note: l.note, runs: [], rps: NaN, p99Ms: NaN, pssKb: NaN, rssKb: NaN, idlePssKb: NaN }));
  let rounds = 0;
  let roundsWhy = 'the most this bench runs';
  const roundMs: number[] = [];
  while (rounds < plan.maxRounds) {
    const began = performance.now();
    for (const [i, load] of loads.entries()) {
      const result = results[i] as LoadResult;
      if (result.error) continue;
      try {
        result.runs.push(await loadOnce(load, ws, plan.durationS, page, cpus));
      } catch (error) {
        result.error = (error as Error).message.split('\n').slice(0, 3).join(' ');
      }
    }
    rounds++;
    roundMs.push(performance.now() - began);
    log(`serving: round ${rounds} (${((roundMs.at(-1) ?? NaN) / 1000).toFixed(0)} s)`);
    // Another round only if the slowest one so far would still end before the deadline.
    if (rounds >= plan.minRounds && performance.now() + Math.max(...roundMs) > plan.deadline) {
      roundsWhy = `as many as the bench's time budget allowed, at least ${plan.minRounds}`;
      break;
    }
  }
  for (const result of results) {
    result.rps = median(result.runs.map((r) => r.rps));
    result.p99Ms = median(result.runs.map((r) => r.p99Ms));
    result.pssKb = median(result.runs.map((r) => r.peakPssKb));
    result.rssKb = median(result.runs.map((r) => r.peakRssKb));
    result.idlePssKb = median(result.runs.map((r) => r.idlePssKb));
  }
  const wrk = (await mustRun('sh', ['-c', 'wrk -v 2>&1 | head -1'])).stdout.trim();
  return { syscalls, wrk: `${wrk}, ${WRK_THREADS} thread, ${CONNECTIONS} connections`, durationS: plan.durationS, rounds, roundsWhy, cpus, pageBytes: page.length, loads: results };
}
