// The product, driven in-process for the size measurements (every build still runs
// configure, make, strip, `file` and the smoke test as a user's build does), and
// bundled with ncc into a temporary folder for the timed, whole-process measurements.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainEnv, readHostSystem } from '../../src/host.js';
import { run, type Report } from '../../src/run.js';
import { parseSettings, type Inputs } from '../../src/settings.js';
import { folderCache } from '../../src/source/cache.js';
import type { Libc, Platform } from '../../src/types.js';
import { mustRun } from './proc.js';

export interface ProductBuild {
  tarball: string;
  sha256: string;
  libc: Libc;
  platforms: Platform[];
  cflags: string;
  workDir: string;
  binariesDir?: string;
}

/** A clean environment for measured processes: no NODE_OPTIONS or NODE_EXTRA_CA_CERTS from the caller. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin', HOME: home, LANG: 'C.UTF-8', TMPDIR: tmpdir(), ...extra };
}

export async function buildWithProduct(spec: ProductBuild): Promise<{ report: Report; log: string[] }> {
  await mkdir(spec.workDir, { recursive: true });
  const log: string[] = [];
  const inputs: Inputs = {
    source: spec.tarball,
    sha256: spec.sha256,
    libc: spec.libc,
    platforms: spec.platforms.join('\n'),
    cflags: spec.cflags,
    push: 'false',
    image: 'bench/static-thttpd',
  };
  const settings = parseSettings(inputs, { cwd: spec.workDir, sourceDateEpoch: '0', now: new Date(0) }, (name) => name);
  const env = plainEnv(process.env);
  const report = await run(settings, {
    log: { info: (m) => log.push(m), warning: (m) => log.push(`warning: ${m}`) },
    cache: folderCache(join(spec.workDir, 'cache')),
    system: await readHostSystem(env),
    workDir: join(spec.workDir, 'work'),
    scratchDir: tmpdir(),
    binariesDir: spec.binariesDir,
    mask: () => undefined,
  });
  return { report, log };
}

const NCC = 'node_modules/@vercel/ncc/dist/ncc/cli.js';

/** ncc-bundles one TypeScript entry into `outDir` (never dist/), as the product's own bundles are made. */
export async function bundle(repo: string, entry: string, outDir: string): Promise<string> {
  await mustRun(process.execPath, [join(repo, NCC), 'build', join(repo, entry), '-o', outDir, '--quiet'], { cwd: repo, timeoutMs: 180_000 });
  return join(outDir, 'index.js');
}
