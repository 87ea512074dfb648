// Image size: what a node pulls per platform and libc (by tag: index + manifest + config +
// gzip'd layer; the product always pushes an index, even for one platform), the
// uncompressed layer, the binary, and the floor (the stripped binary gzip'd alone by GNU
// gzip -9 -n, as FACTS.md measured real thttpd), with where the bytes between floor and
// pull go. Then the size flags: each variant is a whole product build (configure, make,
// strip, file, smoke test when the binary can run here) with the flags appended to CCOPT,
// spelled so they mean the same whatever the product's default is.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ccopt } from '../src/build/compile.js';
import type { Report } from '../src/run.js';
import type { Libc, Platform } from '../src/types.js';
import { buildWithProduct } from './lib/product.js';
import { measureOverhead, type Overhead } from './overhead.js';
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
  // The linker aligns segments to its largest page size (64 KB on arm64): zeros that gzip
  // squeezes but the uncompressed layer keeps.
  { name: '-Os + sections/gc-sections + 4 KB pages', cflags: `-Os ${SECTIONS} -Wl,-z,max-page-size=4096 -Wl,-z,common-page-size=4096` },
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
  /** A node pulling by digest: manifest + config + layer. */
  pulled: number;
  /** The index, which a node pulling by tag fetches first. */
  index: number;
  /** A node pulling by tag: index + manifest + config + layer. */
  pulledByTag: number;
  uncompressed: number;
  /** The product ran the binary (-V and a page served); false when it could not (no emulator). */
  smokeTested: boolean;
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
  /** Where the default images' bytes above the floor go, per libc and platform. */
  overhead: (Overhead & { libc: Libc })[];
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
      pulledByTag: image.index.size + p.manifest.size + p.config.size + p.layer.size,
      uncompressed: p.uncompressedSize,
      smokeTested: binary.serverSoftware !== '',
    });
  }
  return rows;
}

export async function measureSizes(ws: Workspace, log: (m: string) => void): Promise<SizeResults> {
  // The defaults' binaries live in the product's work folder, which run() leaves in place.
  const defaults = [...(await rowsOf(ws.defaults.glibc)), ...(await rowsOf(ws.defaults.musl))];
  const overhead: SizeResults['overhead'] = [];
  for (const libc of ['glibc', 'musl'] as const) {
    const image = ws.defaults[libc].image;
    if (!image) throw new Error(`the default ${libc} build returned no image`);
    const floors = new Map<Platform, { floor: number; binary: Buffer }>();
    for (const r of defaults.filter((x) => x.libc === libc)) floors.set(r.platform, { floor: r.floor, binary: await readFile(r.path) });
    log(`size: where the ${libc} image's bytes go`);
    for (const o of await measureOverhead(image, floors)) overhead.push({ ...o, libc });
  }
  const variants: VariantResult[] = [];
  for (const libc of ['glibc', 'musl'] as const) {
    for (const variant of VARIANTS) {
      log(`size: ${libc} ${variant.name}`);
      try {
        const { report } = await buildWithProduct({
          tarball: ws.tarball.path,
          sha256: ws.tarball.sha256,
          libc,
          platforms: libc === 'glibc' ? ws.glibcPlatforms : ws.muslPlatforms,
          cflags: variant.cflags,
          workDir: join(await ws.tmp(`size-${libc}`)),
        });
        variants.push({ variant, libc, rows: await rowsOf(report) });
      } catch (error) {
        variants.push({ variant, libc, error: (error as Error).message.split('\n').slice(0, 3).join(' ') });
      }
    }
  }
  return { ccopt: ccopt(''), defaults, overhead, variants };
}
