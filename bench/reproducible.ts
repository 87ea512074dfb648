// Reproducibility: the CLI builds the same tarball twice, in different folders (its own
// working directory, HOME, cache and TMPDIR, the tarball copied into each), and the two
// image digests and archives are compared.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Libc } from '../src/types.js';
import { cleanEnv } from './lib/product.js';
import { mustRun } from './lib/proc.js';
import type { Workspace } from './workspace.js';

export interface ReproResult {
  libc: Libc;
  digests: [string, string];
  archives: [string, string];
  same: boolean;
  error?: string;
}

async function buildIn(ws: Workspace, cli: string, libc: Libc, label: string): Promise<{ digest: string; archive: string }> {
  const dir = await ws.tmp(`repro-${label}`);
  const tarball = join(dir, 'thttpd-2.29.tar.gz');
  await copyFile(ws.tarball.path, tarball);
  const env = cleanEnv(dir, { XDG_CACHE_HOME: join(dir, 'cache'), TMPDIR: dir, SOURCE_DATE_EPOCH: '0' });
  const ran = await mustRun(process.execPath, [cli, 'build', '--source', tarball, '--sha256', ws.tarball.sha256, '--libc', libc, '--output', join(dir, 'image.tar')], { env, cwd: dir, timeoutMs: 120_000 });
  const digest = /-> (sha256:[0-9a-f]{64})/.exec(ran.stdout)?.[1] ?? '?';
  const archive = (await mustRun('sha256sum', [join(dir, 'image.tar')])).stdout.split(' ')[0] ?? '?';
  return { digest, archive: `sha256:${archive}` };
}

export async function measureReproducibility(ws: Workspace, cli: string, log: (m: string) => void): Promise<ReproResult[]> {
  const results: ReproResult[] = [];
  for (const libc of ['glibc', 'musl'] as const) {
    try {
      const a = await buildIn(ws, cli, libc, `${libc}-a`);
      const b = await buildIn(ws, cli, libc, `${libc}-b`);
      results.push({ libc, digests: [a.digest, b.digest], archives: [a.archive, b.archive], same: a.digest === b.digest && a.archive === b.archive });
    } catch (error) {
      results.push({ libc, digests: ['?', '?'], archives: ['?', '?'], same: false, error: (error as Error).message.split('\n')[0] });
    }
  }
  log('reproducibility: two builds per libc');
  return results;
}
