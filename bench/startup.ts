// Start-up: from spawn to the first 200 on the page, polling as fast as the loopback
// refuses connections, median of several starts per server.
import { startServer, type ServerSpec } from './lib/servers.js';
import { median, min } from './lib/stats.js';
import type { Workspace } from './workspace.js';

export interface StartupResult {
  name: string;
  runs: number[];
  medianMs: number;
  minMs: number;
  error?: string;
}

export async function measureStartup(ws: Workspace, servers: ServerSpec[], runs: number, log: (m: string) => void): Promise<StartupResult[]> {
  const results: StartupResult[] = servers.map((s) => ({ name: s.name, runs: [], medianMs: NaN, minMs: NaN }));
  // Interleaved: start each server once per round.
  for (let round = 0; round <= runs; round++) {
    for (const [i, spec] of servers.entries()) {
      const result = results[i] as StartupResult;
      if (result.error) continue;
      try {
        const server = await startServer(spec, ws.site, await ws.tmp(`start-${spec.name.replace(/\W+/g, '-')}`));
        await server.stop();
        if (round > 0) result.runs.push(server.startMs); // round 0 warms the page cache
      } catch (error) {
        result.error = (error as Error).message.split('\n')[0];
      }
    }
  }
  for (const r of results) {
    r.medianMs = median(r.runs);
    r.minMs = min(r.runs);
  }
  log(`start-up: ${runs} starts each`);
  return results;
}
