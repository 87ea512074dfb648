// The pipeline: the only place that knows the order of the stages. Each stage gets plain
// values and returns plain values; the entries give it a World (logger, cache, host)
// and turn the Report back into their own world.
import { mkdir } from 'node:fs/promises';
import { buildBinaries } from './build/build.js';
import type { HostSystem } from './build/install.js';
import { patchSource } from './build/patch.js';
import { sizeReport, writeArchive, type SizeRow } from './image/archive.js';
import { buildImage } from './image/build.js';
import type { BlobLocations } from './registry/blob-locations.js';
import { publish, type PublishStats } from './registry/publish.js';
import type { Settings } from './settings.js';
import { forgivingCache, type SourceCache } from './source/cache.js';
import { extractRelease } from './source/extract.js';
import { obtainSource } from './source/obtain.js';
import type { Binary, Image, Logger, Published, Source } from './types.js';

export interface World {
  log: Logger;
  cache: SourceCache;
  system: HostSystem;
  /** This run's own folder: everything but the outputs the user named goes here. */
  workDir: string;
  /** A folder every user can traverse, for the smoke test. */
  scratchDir: string;
  /** Also copy the binaries here (CLI --binaries). */
  binariesDir?: string;
  mask(secret: string): void;
  githubActor?: string;
  blobLocations?: BlobLocations;
}

export interface Report {
  source: Source;
  binaries: Binary[];
  image: Image;
  sizes: SizeRow[];
  /** Full references for the tags, e.g. `ghcr.io/me/web:2.29`. */
  references: string[];
  archive?: string;
  published?: Published & { stats: PublishStats };
}

export async function run(settings: Settings, world: World): Promise<Report> {
  const { log } = world;
  await mkdir(world.workDir, { recursive: true });

  const source = await obtainSource(
    { version: settings.version, location: settings.source, sha256: settings.sha256, maxBytes: settings.sourceMaxBytes, workDir: world.workDir },
    forgivingCache(world.cache, log),
    log,
  );
  const tree = await extractRelease(source.tarball, world.workDir, settings.sourceMaxBytes);
  log.info(`thttpd ${settings.version}: sha256 ${source.sha256} verified, unpacked (${tree.serverSoftware})`);

  const patched = await patchSource(tree.dir, { uidDrop: settings.uidDrop, patches: settings.patches, dropAuth: settings.libc === 'musl', env: world.system.env });
  if (patched.patchesApplied.length) log.info(`applied ${patched.patchesApplied.length} patch(es)`);
  if (settings.uidDrop) log.info(`uid-drop: disabled ${patched.rootTestsDisabled} root-only user switch(es) in thttpd.c`);

  const binaries = await buildBinaries(
    tree.dir,
    {
      version: settings.version, platforms: settings.platforms, libc: settings.libc, cflags: settings.cflags, strip: settings.strip,
      uidDrop: settings.uidDrop, workDir: world.workDir, scratchDir: world.scratchDir, binariesDir: world.binariesDir,
    },
    world.system,
    log,
  );

  const image = await buildImage({
    binaries, site: settings.site, port: settings.port, epoch: settings.epoch, thttpdVersion: settings.version,
    imageVersion: settings.imageVersion, source: settings.repositoryUrl, revision: settings.revision, labels: settings.labels,
  });
  const references = settings.tags.map((tag) => `${settings.image}:${tag}`);

  let archive: string | undefined;
  if (settings.output) {
    await writeArchive(image, settings.output, references);
    archive = settings.output;
    log.info(`wrote ${archive}`);
  }

  let published: Report['published'];
  if (settings.push) {
    published = await publish(image, { image: settings.image, tags: settings.tags }, {
      credentials: { ...settings.credentials, githubActor: world.githubActor },
      insecureRegistries: settings.insecureRegistries,
      mask: world.mask,
      logger: log,
      env: world.system.env,
      blobLocations: world.blobLocations,
    });
  }
  return { source, binaries, image, sizes: sizeReport(image), references, archive, published };
}
