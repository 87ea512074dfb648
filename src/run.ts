// The pipeline: the only place that knows the order of the stages. Each stage gets plain
// values and returns plain values; the entries give it a World (logger, cache, host)
// and turn the Report back into their own world.
import { mkdir } from 'node:fs/promises';
import { buildBinaries } from './build/build.js';
import type { HostSystem } from './build/install.js';
import { patchSource } from './build/patch.js';
import { archiveWarnings, sizeReport, writeArchive, type SizeRow } from './image/archive.js';
import { buildImage } from './image/build.js';
import { checkOutputPath } from './image/output-path.js';
import { readSiteFolder } from './image/site.js';
import { imageIndex, imageLabels, ociAnnotations } from './image/oci.js';
import type { BlobLocations } from './registry/blob-locations.js';
import { readPlatformManifests } from './registry/index-assembly.js';
import { checkPushAccess, publish, publishIndex, type PublishOptions, type PublishResult } from './registry/publish.js';
import type { Settings } from './settings.js';
import { forgivingCache, type SourceCache } from './source/cache.js';
import { extractRelease } from './source/extract.js';
import { obtainSource } from './source/obtain.js';
import type { Binary, Image, Logger, Platform, Source } from './types.js';

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
  /** Absent in mode index, which builds nothing. */
  source?: Source;
  binaries: Binary[];
  /** The image with every blob; absent in mode index, which only writes an index. */
  image?: Image;
  /** The image index's digest. */
  digest: string;
  labels: Record<string, string>;
  /** Each platform's manifest digest. */
  platforms: { platform: Platform; digest: string }[];
  sizes: SizeRow[];
  /** Full references for the tags, e.g. `ghcr.io/me/web:2.29`; none for mode platform. */
  references: string[];
  archive?: string;
  published?: PublishResult;
}

function publishOptions(settings: Settings, world: World): PublishOptions {
  return {
    credentials: { ...settings.credentials, githubActor: world.githubActor },
    insecureRegistries: settings.insecureRegistries,
    mask: world.mask,
    logger: world.log,
    env: world.system.env,
    blobLocations: world.blobLocations,
  };
}

function labelsOf(settings: Settings): Record<string, string> {
  const facts = { thttpdVersion: settings.version, imageVersion: settings.imageVersion, port: settings.port, epoch: settings.epoch, source: settings.repositoryUrl, revision: settings.revision };
  return imageLabels(facts, settings.labels);
}

/** Mode index: one index over the manifests the platform jobs pushed, then the tags. */
async function assembleIndex(settings: Settings, world: World): Promise<Report> {
  const options = publishOptions(settings, world);
  const manifests = await readPlatformManifests(settings.image, settings.manifests, options);
  const labels = labelsOf(settings);
  const index = imageIndex(manifests, ociAnnotations(labels));
  const platforms = manifests.map((m) => ({ platform: m.platform, digest: m.manifest.digest }));
  const published = await publishIndex(index, platforms, { image: settings.image, tags: settings.tags }, options);
  return { binaries: [], digest: index.digest, labels, platforms, sizes: [], references: published.tags, published };
}

export async function run(settings: Settings, world: World): Promise<Report> {
  if (settings.mode === 'index') return assembleIndex(settings, world);
  const { log } = world;
  await mkdir(world.workDir, { recursive: true });
  // What the user named is checked before the build, which is the slow part.
  const site = settings.site ? await readSiteFolder(settings.site) : undefined;
  if (settings.output) await checkOutputPath(settings.output);
  if (settings.push) await checkPushAccess(settings.image, publishOptions(settings, world));

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
    binaries, site, port: settings.port, epoch: settings.epoch, thttpdVersion: settings.version,
    imageVersion: settings.imageVersion, source: settings.repositoryUrl, revision: settings.revision, labels: settings.labels,
  });
  const names = settings.tags.map((tag) => `${settings.image}:${tag}`);

  let archive: string | undefined;
  if (settings.output) {
    await writeArchive(image, settings.output, names);
    for (const warning of archiveWarnings(image, settings.output, names)) log.warning(warning);
    archive = settings.output;
    log.info(`wrote ${archive}`);
  }

  // A platform job pushes by digest only: the index job tags the whole image.
  const tags = settings.mode === 'platform' ? [] : settings.tags;
  const published = settings.push ? await publish(image, { image: settings.image, tags }, publishOptions(settings, world)) : undefined;
  return {
    source,
    binaries,
    image,
    digest: image.index.digest,
    labels: image.labels,
    platforms: image.platforms.map((p) => ({ platform: p.platform, digest: p.manifest.digest })),
    sizes: sizeReport(image),
    references: settings.mode === 'platform' ? [] : names,
    archive,
    published,
  };
}
