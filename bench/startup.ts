// Start-up: from spawn to the first 200 on the page, polling as fast as the loopback
// refuses connections, median of several starts per server. Beside them, the loop's own
// floor: the same spawn (taskset and a static no-op, busybox true) and the same polling
// of a server that is already listening, so a few-millisecond start reads against what
// the measuring itself costs.
import { performance } from 'node:perf_hooks';
import { onCpu, type CpuPlan } from './lib/cpus.js';
import { startProcess } from './lib/proc.js';
import { msToFirst200, startServer, type ServerSpec } from './lib/servers.js';
import { median, min } from './lib/stats.js';
import type { Workspace } from './workspace.js';

export interface StartupResult {
  name: string;
  runs: number[];
  medianMs: number;
  minMs: number;
  error?: string;
}

export interface StartupResults {
  servers: StartupResult[];
  /** The timing loop with nothing to wait for. */
  floor: StartupResult;
  floorHow: string;
}

const FLOOR = 'spawn `busybox true`, then poll a server already listening';

async function floorOnce(url: string, cpu: number | undefined): Promise<number> {
  const [command, args] = onCpu(cpu, 'busybox', ['true']);
  const started = performance.now();
  const proc = startProcess(command, args);
  const ms = await msToFirst200(url, started, started + 10_000);
  await proc.exited;
  if (ms === undefined) throw new Error(`the already-running server at ${url} did not answer 200 within 10 s`);
  return ms;
}

function summarise(r: StartupResult): StartupResult {
  return { ...r, medianMs: median(r.runs), minMs: min(r.runs) };
}

export async function measureStartup(ws: Workspace, servers: ServerSpec[], runs: number, cpus: CpuPlan, log: (m: string) => void): Promise<StartupResults> {
  const results: StartupResult[] = servers.map((s) => ({ name: s.name, runs: [], medianMs: NaN, minMs: NaN }));
  const floor: StartupResult = { name: `floor: ${FLOOR}`, runs: [], medianMs: NaN, minMs: NaN };
  const ready = servers[0] ? await startServer(servers[0], ws.site, await ws.tmp('start-floor'), { cpu: cpus.server }) : undefined;
  try {
    // Interleaved: start each server once per round; round 0 warms the page cache.
    for (let round = 0; round <= runs; round++) {
      for (const [i, spec] of servers.entries()) {
        const result = results[i] as StartupResult;
        if (result.error) continue;
        try {
          const server = await startServer(spec, ws.site, await ws.tmp(`start-${spec.name.replace(/\W+/g, '-')}`), { cpu: cpus.server });
          await server.stop();
          if (round > 0) result.runs.push(server.startMs);
        } catch (error) {
          result.error = (error as Error).message.split('\n')[0];
        }
      }
      if (ready && !floor.error) {
        try {
          const ms = await floorOnce(ready.url, cpus.server);
          if (round > 0) floor.runs.push(ms);
        } catch (error) {
          floor.error = (error as Error).message.split('\n')[0];
        }
      }
    }
  } finally {
    await ready?.stop();
  }
  log(`start-up: ${runs} starts each`);
  return { servers: results.map(summarise), floor: summarise(floor), floorHow: FLOOR };
}
