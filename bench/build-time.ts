// Build time, image only: from an existing verified binary and site to an image in a
// registry on 127.0.0.1, each tool as the processes a user would run, timed from the first
// spawn to the last exit. Every run gets a fresh registry (new port, empty storage), so no
// tool is helped by blobs pushed before: skopeo and buildah remember where they pushed
// blobs (containers/image's blob-info cache) and would otherwise mount them cross-repository.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync, gzipSync } from 'node:zlib';
import { gzip as pakoGzip } from 'pako';
import { entrypoint } from '../src/image/oci.js';
import type { Libc } from '../src/types.js';
import { startRegistry } from '../test/helpers/registry.js';
import { cleanEnv } from './lib/product.js';
import { mustRun, runChain } from './lib/proc.js';
import { median } from './lib/stats.js';
import type { Workspace } from './workspace.js';

export interface RunOutcome {
  ms: number;
  digest: string;
  /** Cross-repository mounts the registry saw (0 when the fresh registry did its job). */
  mounts: number;
  blobUploads: number;
  /** static-thttpd only: time to load node and the bundle, the image stage, the publish stage. */
  phases?: { loadMs: number; imageMs: number; publishMs: number };
}

export interface ToolResult {
  tool: string;
  libc: Libc;
  how: string;
  runs: RunOutcome[];
  medianMs: number;
  /** Every measured run pushed the same digest. */
  reproducible: boolean;
  error?: string;
}

export interface BuildTimeResults {
  runs: number;
  tools: ToolResult[];
  /** Context for the static-thttpd number: Node's own start and its first fetch(). */
  nodeStartMs: number;
  nodeFirstFetchMs: number;
  /** The publish stage run a second time in the same process (Node's fetch warmed up), per libc. */
  warmPublishMs: Partial<Record<Libc, number>>;
  /** The glibc layer's tar compressed in this (warm) process: the product's pako level 9 against Node's zlib. */
  gzip: { tarBytes: number; options: { name: string; ms: number; bytes: number }[] };
  entry: string;
}

interface Tool {
  name: string;
  how: string;
  /** Builds and pushes; returns the pushed digest and (static-thttpd) its phases. */
  run(rootfs: string, libc: Libc, target: string, dir: string): Promise<Omit<RunOutcome, 'mounts' | 'blobUploads'>>;
}

const PORT = 8080;

function staticThttpd(entry: string, ws: Workspace): Tool {
  return {
    name: 'static-thttpd',
    how: `node ${'<tmp>/publish-image/index.js'} (bench/entries/publish-image.ts bundled by ncc): buildImage + publish, one process`,
    async run(rootfs, libc, target, dir) {
      const ran = await mustRun(process.execPath, [entry, '--binary', join(rootfs, 'thttpd'), '--libc', libc, '--site', ws.site, '--image', target, '--tag', '2.29'], {
        env: cleanEnv(dir),
        cwd: dir,
      });
      const out = JSON.parse(ran.stdout) as { digest: string; loadMs: number; imageMs: number; publishMs: number };
      return { ms: ran.ms, digest: out.digest, phases: { loadMs: out.loadMs, imageMs: out.imageMs, publishMs: out.publishMs } };
    },
  };
}

const umociSkopeo: Tool = {
  name: 'umoci + skopeo',
  how: 'umoci init, new, insert, config; skopeo copy oci: → docker://',
  async run(rootfs, _libc, target, dir) {
    const layout = join(dir, 'oci');
    const image = `${layout}:thttpd`;
    const entry = entrypoint(PORT).flatMap((arg) => ['--config.entrypoint', arg]);
    const rootless = process.getuid?.() === 0 ? [] : ['--rootless'];
    const { ms } = await runChain(
      [
        ['umoci', ['init', '--layout', layout]],
        ['umoci', ['new', '--image', image]],
        ['umoci', ['insert', ...rootless, '--image', image, rootfs, '/']],
        ['umoci', ['config', ...rootless, '--image', image, '--config.user', '65534:65534', '--config.exposedports', `${PORT}/tcp`, ...entry, '--config.workingdir', '/www', '--config.stopsignal', 'SIGUSR1']],
        ['skopeo', ['copy', '-q', '--dest-tls-verify=false', '--digestfile', join(dir, 'digest'), `oci:${image}`, `docker://${target}:2.29`]],
      ],
      { env: cleanEnv(dir), cwd: dir },
    );
    return { ms, digest: (await readFile(join(dir, 'digest'), 'utf8')).trim() };
  },
};

function buildah(timestamp: boolean): Tool {
  return {
    name: timestamp ? 'buildah --timestamp 0' : 'buildah',
    how: `buildah from scratch, copy, config, commit${timestamp ? ' --timestamp 0' : ''}, push (vfs storage, fresh per run)`,
    async run(rootfs, _libc, target, dir) {
      const base = ['--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs'];
      const { ms } = await runChain(
        [
          ['buildah', [...base, 'from', '-q', '--name', 'thttpd', 'scratch']],
          ['buildah', [...base, 'copy', '-q', 'thttpd', `${rootfs}/`, '/']],
          ['buildah', [...base, 'config', '--user', '65534:65534', '--port', `${PORT}/tcp`, '--entrypoint', JSON.stringify(entrypoint(PORT)), '--workingdir', '/www', '--stop-signal', 'SIGUSR1', 'thttpd']],
          ['buildah', [...base, 'commit', '-q', ...(timestamp ? ['--timestamp', '0'] : []), 'thttpd', 'thttpd-image']],
          ['buildah', [...base, 'push', '-q', '--tls-verify=false', '--digestfile', join(dir, 'digest'), 'thttpd-image', `docker://${target}:2.29`]],
        ],
        { env: cleanEnv(dir), cwd: dir },
      );
      return { ms, digest: (await readFile(join(dir, 'digest'), 'utf8')).trim() };
    },
  };
}

/** The product's layer compression (pako, level 9) against Node's zlib on the same tar, medians of 3. */
function gzipAlternatives(ws: Workspace): BuildTimeResults['gzip'] {
  const layer = ws.defaults.glibc.image?.platforms[0]?.layer.data;
  if (!layer) return { tarBytes: 0, options: [] };
  const tar = gunzipSync(layer);
  const time = (name: string, compress: () => Uint8Array) => {
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      bytes = compress().length;
      runs.push(performance.now() - t);
    }
    return { name, ms: median(runs), bytes };
  };
  return {
    tarBytes: tar.length,
    options: [
      time('pako level 9 (the product)', () => pakoGzip(tar, { level: 9, legacyHash: true })),
      time('pako level 6', () => pakoGzip(tar, { level: 6, legacyHash: true })),
      time('node:zlib level 9', () => gzipSync(tar, { level: 9 })),
      time('node:zlib level 6', () => gzipSync(tar, { level: 6 })),
    ],
  };
}

/** How long `node -e 0` takes, and node's first fetch() to a loopback server, in a clean environment. */
async function nodeBaseline(ws: Workspace, url: string, runs: number): Promise<{ start: number; fetch: number }> {
  const home = await ws.tmp('node-baseline');
  const start: number[] = [];
  const first: number[] = [];
  const probe = `const t = performance.now(); await fetch(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t));`;
  for (let i = 0; i < runs; i++) {
    start.push((await mustRun(process.execPath, ['-e', '0'], { env: cleanEnv(home) })).ms);
    first.push(Number((await mustRun(process.execPath, ['--input-type=module', '-e', probe], { env: cleanEnv(home) })).stdout));
  }
  return { start: median(start), fetch: median(first) };
}

export async function measureBuildTime(ws: Workspace, entry: string, runs: number, log: (m: string) => void): Promise<BuildTimeResults> {
  const tools = [staticThttpd(entry, ws), umociSkopeo, buildah(false), buildah(true)];
  const results: ToolResult[] = [];
  for (const libc of ['glibc', 'musl'] as const) {
    const outcomes = new Map<string, RunOutcome[]>(tools.map((t) => [t.name, []]));
    const errors = new Map<string, string>();
    // One warm-up round (page cache, binaries loaded), then `runs` rounds, the tools
    // interleaved so a slow moment of the machine is shared out rather than landing on one.
    for (let round = 0; round <= runs; round++) {
      for (const tool of tools) {
        if (errors.has(tool.name)) continue;
        const registry = await startRegistry();
        const dir = await ws.tmp(`build-${tool.name.replace(/\W+/g, '-')}`);
        try {
          const target = `${registry.host}/bench/${tool.name.replace(/\W+/g, '-')}-${libc}-${round}`;
          const outcome = await tool.run(ws.rootfs[libc], libc, target, dir);
          const requests = registry.requests();
          const mounts = requests.filter((r) => r.method === 'POST' && r.uri.includes('mount=') && r.status === 201).length;
          if (round > 0) outcomes.get(tool.name)?.push({ ...outcome, mounts, blobUploads: registry.blobUploads() });
        } catch (error) {
          errors.set(tool.name, (error as Error).message.split('\n').slice(0, 4).join(' '));
        } finally {
          await registry.stop();
          await rm(dir, { recursive: true, force: true });
        }
      }
      if (round > 0) log(`build time: ${libc} round ${round}/${runs}`);
    }
    for (const tool of tools) {
      const list = outcomes.get(tool.name) ?? [];
      results.push({
        tool: tool.name,
        libc,
        how: tool.how,
        runs: list,
        medianMs: median(list.map((o) => o.ms)),
        reproducible: list.length > 1 && list.every((o) => o.digest === list[0]?.digest),
        error: errors.get(tool.name),
      });
    }
  }
  const registry = await startRegistry();
  try {
    const baseline = await nodeBaseline(ws, `${registry.url}/v2/`, 7);
    const warmPublishMs: Partial<Record<Libc, number>> = {};
    for (const libc of ['glibc', 'musl'] as const) {
      const dir = await ws.tmp('warm-publish');
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const args = [entry, '--binary', ws.binary[libc], '--libc', libc, '--site', ws.site, '--image', `${registry.host}/bench/warm-${libc}-${i}-a`, '--again', `${registry.host}/bench/warm-${libc}-${i}-b`];
        const ran = await mustRun(process.execPath, args, { env: cleanEnv(dir), cwd: dir });
        times.push((JSON.parse(ran.stdout) as { againMs: number }).againMs);
      }
      warmPublishMs[libc] = median(times);
    }
    return { runs, tools: results, nodeStartMs: baseline.start, nodeFirstFetchMs: baseline.fetch, warmPublishMs, gzip: gzipAlternatives(ws), entry: 'bench/entries/publish-image.ts' };
  } finally {
    await registry.stop();
  }
}

