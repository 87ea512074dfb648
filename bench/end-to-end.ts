// End to end through the CLI (bundled from this commit's src/ by ncc): cold (an empty
// cache: download from a loopback HTTP server, verify, compile, smoke-test, image, push
// to a fresh repository) and warm (the same command again: cached source, an unchanged
// image, so no blob should be uploaded). Also the fixture's bare configure + make, to
// put the cold time next to FACTS.md's ~2 s for real thttpd.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ccopt, MODERN_COMPILER_FLAGS } from '../src/build/compile.js';
import { files, startServer } from '../test/helpers/http-server.js';
import { startRegistry } from '../test/helpers/registry.js';
import { cleanEnv } from './lib/product.js';
import { mustRun, runTimed } from './lib/proc.js';
import { median } from './lib/stats.js';
import type { Workspace } from './workspace.js';

export interface E2eRun {
  coldMs: number;
  warmMs: number;
  coldDownloads: number;
  warmDownloads: number;
  coldBlobUploads: number;
  warmBlobUploads: number;
  /** What the CLI said it uploaded, e.g. "2 uploaded (551.6 kB)". */
  coldSaid: string;
  warmSaid: string;
  coldDigest: string;
  warmDigest: string;
}

export interface E2eResults {
  runs: E2eRun[];
  coldMs: number;
  warmMs: number;
  /** Bare `sh ./configure` and `make thttpd` of the fixture with the product's CCOPT. */
  configureMs: number;
  makeMs: number;
  error?: string;
}

function said(stderr: string): string {
  return /blobs (\d+ uploaded \([^)]*\))/.exec(stderr)?.[1] ?? 'no publish line';
}

async function bareCompile(ws: Workspace, runs: number): Promise<{ configureMs: number; makeMs: number }> {
  const configure: number[] = [];
  const make: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = await ws.tmp('bare-compile');
    await mustRun('tar', ['-xzf', ws.tarball.path, '-C', dir]);
    const tree = join(dir, 'thttpd-2.29');
    const env = cleanEnv(dir, { CC: 'gcc', CFLAGS: MODERN_COMPILER_FLAGS.join(' ') });
    configure.push((await mustRun('sh', ['./configure'], { cwd: tree, env })).ms);
    make.push((await mustRun('make', ['CC=gcc', `CCOPT=${ccopt('')}`, 'thttpd'], { cwd: tree, env })).ms);
  }
  return { configureMs: median(configure), makeMs: median(make) };
}

export async function measureEndToEnd(ws: Workspace, cli: string, runs: number, log: (m: string) => void): Promise<E2eResults> {
  const name = '/thttpd-2.29.tar.gz';
  const server = await startServer(files({ [name]: await readFile(ws.tarball.path) }));
  const registry = await startRegistry();
  const results: E2eRun[] = [];
  let error: string | undefined;
  try {
    for (let i = 1; i <= runs && !error; i++) {
      const home = await ws.tmp('e2e');
      const env = cleanEnv(home, { XDG_CACHE_HOME: join(home, 'cache'), SOURCE_DATE_EPOCH: '0' });
      const args = [cli, 'build', '--source', `${server.url}${name}`, '--sha256', ws.tarball.sha256, '--push', `${registry.host}/bench/e2e-${i}`, '--output', join(home, 'image.tar')];
      const once = async () => {
        const downloads = server.requests.length;
        const uploads = registry.blobUploads();
        const ran = await runTimed(process.execPath, args, { env, cwd: home, timeoutMs: 120_000 });
        if (ran.code !== 0) throw new Error(`the CLI exited ${ran.code}: ${ran.stderr.trim().split('\n').slice(-3).join(' ')}`);
        return {
          ms: ran.ms,
          downloads: server.requests.length - downloads,
          uploads: registry.blobUploads() - uploads,
          said: said(ran.stderr),
          digest: /-> (sha256:[0-9a-f]{64})/.exec(ran.stdout)?.[1] ?? '?',
        };
      };
      try {
        const cold = await once();
        const warm = await once();
        results.push({
          coldMs: cold.ms, warmMs: warm.ms, coldDownloads: cold.downloads, warmDownloads: warm.downloads,
          coldBlobUploads: cold.uploads, warmBlobUploads: warm.uploads, coldSaid: cold.said, warmSaid: warm.said,
          coldDigest: cold.digest, warmDigest: warm.digest,
        });
      } catch (e) {
        error = (e as Error).message;
      }
    }
  } finally {
    await registry.stop();
    await server.stop();
  }
  log(`end to end: ${results.length} cold + warm runs`);
  const bare = await bareCompile(ws, 3);
  return { runs: results, coldMs: median(results.map((r) => r.coldMs)), warmMs: median(results.map((r) => r.warmMs)), ...bare, error };
}
