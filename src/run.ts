// The pipeline: the only place that knows the order of the stages. Each stage gets plain
// values and returns plain values; the entries give it a World (logger, cache, host)
// and turn the Report back into their own world.
import { mkdir } from 'node:fs/promises';
import { checkBinariesFolder, copyBinaries } from './build/binaries-folder.js';
import { buildBinaries, planBuild } from './build/build.js';
import type { HostSystem } from './build/install.js';
import { checkPatches, patchSource } from './build/patch.js';
import { archiveNotes, sizeReport, writeArchive, type SizeRow } from './image/archive.js';
import { buildImage } from './image/build.js';
import { checkOutputPath } from './image/output-path.js';
import { readSiteFolder } from './image/site.js';
import { imageIndex, imageLabels, ociAnnotations } from './image/oci.js';
import type { BlobLocations } from './registry/blob-locations.js';
import type { RegistryClient } from './registry/client.js';
import { readPlatformManifests } from './registry/index-assembly.js';
import { checkPushAccess, existingTags, openRegistry, publish, publishIndex, type PublishOptions, type PublishResult } from './registry/publish.js';
import type { Settings } from './settings.js';
import { forgivingCache, type SourceCache } from './source/cache.js';
import { checkReleaseVersion, extractRelease } from './source/extract.js';
import { obtainSource } from './source/obtain.js';
import { dependsOnKnownVersions, deriveTags, versionsFromTags } from './tags.js';
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
  /** Where the binaries were copied (CLI --binaries), their paths pointing there; else they are in the work folder. */
  binariesDir?: string;
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

function publishOptions(settings: Settings, world: World, client?: RegistryClient): PublishOptions {
  return {
    client,
    credentials: { ...settings.credentials, githubActor: world.githubActor },
    insecureRegistries: settings.insecureRegistries,
    insecureRegistriesName: settings.insecureRegistriesName,
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

/** Line tags and `latest` never move back to an older version: the repository's own tags bound them too. */
async function tagsToPush(settings: Settings, client: RegistryClient, log: Logger): Promise<string[]> {
  if (!dependsOnKnownVersions(settings.tagging)) return settings.tags;
  const { tagging } = settings;
  const tags = deriveTags({ ...tagging, known: [...tagging.known, ...versionsFromTags(await existingTags(client), tagging.suffix)] });
  const kept = settings.tags.filter((tag) => !tags.includes(tag));
  if (kept.length) log.info(`Not moving ${kept.join(', ')}: ${settings.image} already holds a higher version in their line.`);
  return tags;
}

/** Mode index: one index over the manifests the platform jobs pushed, then the tags. */
async function assembleIndex(settings: Settings, world: World): Promise<Report> {
  const client = await openRegistry(settings.image, publishOptions(settings, world));
  const manifests = await readPlatformManifests(client, settings.manifests);
  const labels = labelsOf(settings);
  const index = imageIndex(manifests, ociAnnotations(labels));
  const platforms = manifests.map((m) => ({ platform: m.platform, digest: m.manifest.digest }));
  const tags = await tagsToPush(settings, client, world.log);
  const published = await publishIndex(index, platforms, { image: settings.image, tags }, publishOptions(settings, world, client));
  return { binaries: [], digest: index.digest, labels, platforms, sizes: [], references: published.tags, published };
}

export async function run(settings: Settings, world: World): Promise<Report> {
  if (settings.mode === 'index') return assembleIndex(settings, world);
  const { log } = world;
  const { name } = settings;
  await mkdir(world.workDir, { recursive: true });
  // What the user named is checked before the build, which is the slow part.
  const toolchains = await planBuild(settings.platforms, settings.libc, world.system, name);
  await checkPatches(settings.patches, name);
  if (world.binariesDir) await checkBinariesFolder(world.binariesDir);
  const site = settings.site ? await readSiteFolder(settings.site) : undefined;
  if (settings.output) await checkOutputPath(settings.output);
  // One client for the run: the credential helper and the token service are asked once.
  const client = settings.push ? await openRegistry(settings.image, publishOptions(settings, world)) : undefined;
  if (client) await checkPushAccess(client);
  // A platform job pushes by digest only: the index job bounds the tags and moves them.
  const tags = client && settings.mode !== 'platform' ? await tagsToPush(settings, client, log) : settings.tags;

  const source = await obtainSource(
    { version: settings.version, location: settings.source, sha256: settings.sha256, maxBytes: settings.sourceMaxBytes, workDir: world.workDir, name },
    forgivingCache(world.cache, log),
    log,
  );
  const tree = await extractRelease(source.tarball, { workDir: world.workDir, maxBytes: settings.sourceMaxBytes, name });
  checkReleaseVersion(tree.serverSoftware, settings.version, name);
  log.info(`thttpd ${settings.version}: sha256 ${source.sha256} verified, unpacked (${tree.serverSoftware})`);

  const patched = await patchSource(tree.dir, { uidDrop: settings.uidDrop, patches: settings.patches, dropAuth: settings.libc === 'musl', env: world.system.env, name });
  if (patched.patchesApplied.length) log.info(`applied ${patched.patchesApplied.length} patch(es)`);
  if (settings.uidDrop) log.info(`uid-drop: disabled ${patched.rootTestsDisabled} root-only user switch(es) in thttpd.c`);

  const built = await buildBinaries(
    tree.dir,
    toolchains,
    { version: settings.version, cflags: settings.cflags, strip: settings.strip, uidDrop: settings.uidDrop, workDir: world.workDir, scratchDir: world.scratchDir, name },
    world.system,
    log,
  );
  // Only once every platform passed, so a failed build leaves no binaries behind.
  const binaries = world.binariesDir ? await copyBinaries(built, world.binariesDir) : built;

  const image = await buildImage({
    binaries, site, port: settings.port, epoch: settings.epoch, thttpdVersion: settings.version,
    imageVersion: settings.imageVersion, source: settings.repositoryUrl, revision: settings.revision, labels: settings.labels,
  });
  const names = tags.map((tag) => `${settings.image}:${tag}`);

  let archive: string | undefined;
  if (settings.output) {
    await writeArchive(image, settings.output, names);
    for (const note of archiveNotes(image, settings.output, names)) log.info(note);
    archive = settings.output;
    log.info(`wrote ${archive}`);
  }

  const target = { image: settings.image, tags: settings.mode === 'platform' ? [] : tags };
  const published = client ? await publish(image, target, publishOptions(settings, world, client)) : undefined;
  return {
    source,
    binaries,
    binariesDir: world.binariesDir,
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
