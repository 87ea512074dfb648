// The bench's inputs, made once per run in a temporary folder: the fixture tarball, the
// product's default build for each libc, and that build's image unpacked into a root
// filesystem, so every image builder in the race gets the same binary and the same site.
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostArch, planToolchain } from '../src/build/toolchain.js';
import type { Report } from '../src/run.js';
import { PLATFORMS, type Libc, type Platform } from '../src/types.js';
import { makeFixtureTarball } from '../test/helpers/fixture.js';
import { buildWithProduct } from './lib/product.js';
import { mustRun } from './lib/proc.js';

export interface Workspace {
  root: string;
  tarball: { path: string; sha256: string; bytes: number };
  /** Platforms glibc builds for here: amd64 always, arm64 when its cross toolchain is installed. */
  glibcPlatforms: Platform[];
  arm64Skipped?: string;
  /** The product builds musl only for this machine's own platform. */
  muslPlatforms: Platform[];
  /** Why each other platform has no musl build: the product's own answer. */
  muslSkipped: string[];
  /** The product's default build, per libc. */
  defaults: Record<Libc, Report>;
  /** The default amd64 image's layer unpacked: /thttpd, /www, /etc. */
  rootfs: Record<Libc, string>;
  /** The site every server and image builder uses: rootfs/www (the default page and healthz). */
  site: string;
  binary: Record<Libc, string>;
  /** A folder for anything else, removed with the workspace. */
  tmp(name: string): Promise<string>;
  remove(): Promise<void>;
}

const exists = (path: string) => access(path).then(() => true, () => false);

/** arm64 glibc needs the cross compiler and arm64 libcrypt.a; the bench does not add a dpkg architecture to get them. */
async function arm64Missing(): Promise<string | undefined> {
  const need = ['/usr/bin/aarch64-linux-gnu-gcc', '/usr/aarch64-linux-gnu/include/stdio.h', '/usr/lib/aarch64-linux-gnu/libcrypt.a'];
  const absent: string[] = [];
  for (const path of need) if (!(await exists(path))) absent.push(path);
  return absent.length ? `arm64 skipped: ${absent.join(', ')} missing (gcc-aarch64-linux-gnu, libc6-dev-arm64-cross, libcrypt-dev:arm64)` : undefined;
}

/** Asks the product's toolchain planner for musl on every platform; what it refuses is what the bench cannot build. */
function muslPlan(): { platforms: Platform[]; skipped: string[] } {
  const host = hostArch(process.arch);
  const platforms: Platform[] = [];
  const skipped: string[] = [];
  for (const platform of PLATFORMS) {
    try {
      planToolchain(platform, 'musl', host, (input) => `--${input}`);
      platforms.push(platform);
    } catch (error) {
      skipped.push((error as Error).message);
    }
  }
  return { platforms, skipped };
}

async function unpackLayer(report: Report, dir: string): Promise<void> {
  const amd64 = report.image?.platforms.find((p) => p.platform === 'linux/amd64');
  if (!amd64) throw new Error('the default build has no linux/amd64 image');
  await mkdir(dir, { recursive: true });
  const layer = join(dir, '..', `${report.binaries[0]?.libc ?? 'x'}-layer.tar.gz`);
  await writeFile(layer, amd64.layer.data);
  await mustRun('tar', ['-xzf', layer, '-C', dir, '--same-permissions']);
}

export async function prepareWorkspace(log: (m: string) => void): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'static-thttpd-bench-'));
  const tarball = await makeFixtureTarball({ dir: join(root, 'source') });
  const arm64Skipped = await arm64Missing();
  const glibcPlatforms: Platform[] = arm64Skipped ? ['linux/amd64'] : ['linux/amd64', 'linux/arm64'];
  const musl = muslPlan();
  const defaults = {} as Record<Libc, Report>;
  const rootfs = {} as Record<Libc, string>;
  const binary = {} as Record<Libc, string>;
  for (const libc of ['glibc', 'musl'] as const) {
    log(`building the fixture with the product's defaults (${libc})`);
    const { report } = await buildWithProduct({
      tarball: tarball.path,
      sha256: tarball.sha256,
      libc,
      platforms: libc === 'glibc' ? glibcPlatforms : musl.platforms,
      cflags: '',
      workDir: join(root, `default-${libc}`),
    });
    defaults[libc] = report;
    rootfs[libc] = join(root, `rootfs-${libc}`);
    await unpackLayer(report, rootfs[libc]);
    binary[libc] = join(rootfs[libc], 'thttpd');
  }
  let n = 0;
  return {
    root,
    tarball,
    glibcPlatforms,
    arm64Skipped,
    muslPlatforms: musl.platforms,
    muslSkipped: musl.skipped,
    defaults,
    rootfs,
    site: join(rootfs.glibc, 'www'),
    binary,
    tmp: async (name: string) => {
      const dir = join(root, 'tmp', `${String(++n).padStart(3, '0')}-${name}`);
      await mkdir(dir, { recursive: true });
      return dir;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
