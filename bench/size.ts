// Image size: what a node pulls per platform and libc (manifest + config + gzip'd layer),
// the uncompressed layer, the binary, and the floor (the stripped binary gzip'd alone by
// GNU gzip -9 -n, as FACTS.md measured real thttpd). Then the size flags: each variant is
// a whole product build (configure, make, strip, file, smoke test) with the flags appended
// to CCOPT, spelled so they mean the same whatever the product's default is.
import { join } from 'node:path';
import { ccopt } from '../src/build/compile.js';
import type { Report } from '../src/run.js';
import type { Libc, Platform } from '../src/types.js';
import { buildWithProduct } from './lib/product.js';
import { mustRun } from './lib/proc.js';
import type { Workspace } from './workspace.js';

const SECTIONS = '-ffunction-sections -fdata-sections -Wl,--gc-sections';
const NO_SECTIONS = '-fno-function-sections -fno-data-sections -Wl,--no-gc-sections';

export interface FlagVariant {
  name: string;
  /** Appended to the product's CCOPT (user cflags come last and win). */
  cflags: string;
}

export const VARIANTS: FlagVariant[] = [
  { name: '-O2', cflags: `-O2 ${NO_SECTIONS}` },
  { name: '-Os', cflags: `-Os ${NO_SECTIONS}` },
  { name: '-O2 + sections/gc-sections', cflags: `-O2 ${SECTIONS}` },
  { name: '-Os + sections/gc-sections', cflags: `-Os ${SECTIONS}` },
];

export interface SizeRow {
  libc: Libc;
  platform: Platform;
  /** The stripped, verified binary (in the bench's workspace). */
  path: string;
  binary: number;
  floor: number;
  layer: number;
  config: number;
  manifest: number;
  /** What a node pulls for this platform: manifest + config + layer. */
  pulled: number;
  /** The index, fetched once more when a multi-platform tag is pulled. */
  index: number;
  uncompressed: number;
}

export interface VariantResult {
  variant: FlagVariant;
  libc: Libc;
  /** Rows per platform, or the failure (a build or smoke test that broke). */
  rows?: SizeRow[];
  error?: string;
}

export interface SizeResults {
  /** The product's default flags. */
  ccopt: string;
  defaults: SizeRow[];
  variants: VariantResult[];
}

/** GNU gzip -9 -n of the file alone: the least any gzip'd layer holding it can weigh. */
export async function gzipFloor(path: string): Promise<number> {
  const ran = await mustRun('sh', ['-c', 'gzip -9 -n -c "$1" | wc -c', 'sh', path]);
  return Number(ran.stdout.trim());
}

async function rowsOf(report: Report): Promise<SizeRow[]> {
  const image = report.image;
  if (!image) throw new Error('the build returned no image');
  const rows: SizeRow[] = [];
  for (const p of image.platforms) {
    const binary = report.binaries.find((b) => b.platform === p.platform);
    if (!binary) throw new Error(`no binary for ${p.platform}`);
    rows.push({
      libc: binary.libc,
      platform: p.platform,
      path: binary.path,
      binary: binary.bytes,
      floor: await gzipFloor(binary.path),
      layer: p.layer.size,
      config: p.config.size,
      manifest: p.manifest.size,
      pulled: p.manifest.size + p.config.size + p.layer.size,
      index: image.index.size,
      uncompressed: p.uncompressedSize,
    });
  }
  return rows;
}

export async function measureSizes(ws: Workspace, log: (m: string) => void): Promise<SizeResults> {
  // The defaults' binaries live in the product's work folder, which run() leaves in place.
  const defaults = [...(await rowsOf(ws.defaults.glibc)), ...(await rowsOf(ws.defaults.musl))];
  const variants: VariantResult[] = [];
  for (const libc of ['glibc', 'musl'] as const) {
    for (const variant of VARIANTS) {
      log(`size: ${libc} ${variant.name}`);
      try {
        const { report } = await buildWithProduct({
          tarball: ws.tarball.path,
          sha256: ws.tarball.sha256,
          libc,
          platforms: libc === 'glibc' ? ws.glibcPlatforms : ['linux/amd64'],
          cflags: variant.cflags,
          workDir: join(await ws.tmp(`size-${libc}`)),
        });
        variants.push({ variant, libc, rows: await rowsOf(report) });
      } catch (error) {
        variants.push({ variant, libc, error: (error as Error).message.split('\n').slice(0, 3).join(' ') });
      }
    }
  }
  return { ccopt: ccopt(''), defaults, variants };
}
