// The publish stage: an Image (blobs, manifests, index) into a registry repository, then
// tagged. The order is the point: every blob, then each platform manifest by digest, then
// the index by digest, and the tags last, so at no moment does a tag name an image the
// registry cannot serve whole, and a failure anywhere before the tags leaves them as they were.
import { Failure } from '../failure.js';
import type { Blob, Image, Logger, Published } from '../types.js';
import { RegistryFailure } from './auth.js';
import { MemoryBlobLocations, type BlobLocations } from './blob-locations.js';
import { RegistryClient, sha256Digest, type RegistryClientOptions } from './client.js';
import { parseImageName, TAG } from './reference.js';

export interface PublishTarget {
  /** `registry/repository`, e.g. `ghcr.io/me/web`: no tag, no digest. */
  image: string;
  /** e.g. `['2.29', '2', 'latest']`. */
  tags: string[];
}

export interface PublishOptions extends RegistryClientOptions {
  /** Where blobs were seen before, for cross-repository mounts; per run when absent. */
  blobLocations?: BlobLocations;
  /**
   * The run's client (see openRegistry), so the credential helper and the token service
   * are asked once per run; a client of its own when absent.
   */
  client?: RegistryClient;
}

export interface PublishStats {
  blobsUploaded: number;
  blobsMounted: number;
  /** Already in the repository: neither uploaded nor mounted. */
  blobsSkipped: number;
  bytesUploaded: number;
  manifestsPushed: number;
  tagsPushed: number;
  /** HTTP exchanges with the registry and its token service, retries included. */
  requests: number;
  retries: number;
}

export interface PublishResult extends Published {
  stats: PublishStats;
}

/** A failed publish, with how far it got: the retries and requests spent, the tags moved. */
export class PublishFailure extends Failure {
  constructor(
    message: string,
    readonly stats: PublishStats,
    cause: Failure,
  ) {
    super(message, { cause });
  }
}

const noLogger: Logger = { info: () => undefined, warning: () => undefined };

function short(digest: string): string {
  return digest.slice(0, 'sha256:'.length + 12);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function checkBlob(blob: Blob, what: string): void {
  const digest = sha256Digest(blob.data);
  if (digest !== blob.digest || blob.size !== blob.data.length) {
    throw new Failure(
      `Expected the ${what} to be ${blob.digest} (${blob.size} bytes), found ${digest} (${blob.data.length} bytes). ` +
        'The image was changed after it was built: this is a bug; nothing was pushed.',
    );
  }
}

function referencedDigests(manifest: Blob): string[] {
  try {
    const parsed = JSON.parse(manifest.data.toString('utf8')) as { config?: { digest?: string }; layers?: { digest?: string }[]; manifests?: { digest?: string }[] };
    return [parsed.config?.digest, ...(parsed.layers ?? []).map((l) => l.digest), ...(parsed.manifests ?? []).map((m) => m.digest)].filter(
      (d): d is string => typeof d === 'string',
    );
  } catch {
    throw new Failure(`Expected the manifest ${manifest.digest} to be JSON, found something else. This is a bug in the image stage; nothing was pushed.`);
  }
}

/** Catches a broken Image before the first byte leaves: a failure before publish pushes nothing. */
export function checkImage(image: Image): void {
  if (image.platforms.length === 0) throw new Failure('Expected at least one platform image to publish, found none. This is a bug; nothing was pushed.');
  checkBlob(image.index, 'image index');
  const manifests = new Set<string>();
  for (const p of image.platforms) {
    checkBlob(p.layer, `${p.platform} layer`);
    checkBlob(p.config, `${p.platform} config`);
    checkBlob(p.manifest, `${p.platform} manifest`);
    manifests.add(p.manifest.digest);
    const have = new Set([p.layer.digest, p.config.digest]);
    for (const d of referencedDigests(p.manifest)) {
      if (!have.has(d)) throw new Failure(`Expected the ${p.platform} manifest to reference only its layer and config, found ${d}. This is a bug in the image stage; nothing was pushed.`);
    }
  }
  for (const d of referencedDigests(image.index)) {
    if (!manifests.has(d)) throw new Failure(`Expected the image index to reference only the platform manifests, found ${d}. This is a bug in the image stage; nothing was pushed.`);
  }
}

export function checkTags(tags: string[]): string[] {
  const bad = tags.filter((t) => !TAG.test(t));
  if (bad.length) {
    throw new Failure(
      `Expected tags matching [A-Za-z0-9_][A-Za-z0-9._-]{0,127}, found ${bad.map((t) => `\`${t}\``).join(', ')}. Fix the tags; nothing was pushed.`,
    );
  }
  return [...new Set(tags)];
}

/** Layers and configs, each once (two platforms may share a layer). */
function uniqueBlobs(image: Image): Blob[] {
  const byDigest = new Map<string, Blob>();
  for (const p of image.platforms) for (const b of [p.layer, p.config]) if (!byDigest.has(b.digest)) byDigest.set(b.digest, b);
  return [...byDigest.values()];
}

interface Session {
  name: ReturnType<typeof parseImageName>;
  tags: string[];
  client: RegistryClient;
  stats: PublishStats;
  logger: Logger;
  /** The transport's counts when this publish began: a shared client has counted the checks before it. */
  base: { requests: number; retries: number };
  /** The tag being pushed, while one is. */
  tagging?: string;
}

/** The registry client of one run, for checkPushAccess, existingTags and publish alike. */
export async function openRegistry(image: string, options: PublishOptions = {}): Promise<RegistryClient> {
  return RegistryClient.create(parseImageName(image), { ...options, logger: options.logger ?? noLogger });
}

async function openSession(target: PublishTarget, options: PublishOptions): Promise<Session> {
  const logger = options.logger ?? noLogger;
  const name = parseImageName(target.image);
  const tags = checkTags(target.tags);
  if (options.client && options.client.name.name !== name.name) {
    throw new Error(`publish to ${name.name} was handed the client of ${options.client.name.name}`);
  }
  const client = options.client ?? (await RegistryClient.create(name, { ...options, logger }));
  const stats: PublishStats = { blobsUploaded: 0, blobsMounted: 0, blobsSkipped: 0, bytesUploaded: 0, manifestsPushed: 0, tagsPushed: 0, requests: 0, retries: 0 };
  return { name, tags, client, stats, logger, base: { ...client.transport.stats } };
}

/** Runs the pushes, then fills in the transport's counts; a Failure says how far it got. */
async function pushing(session: Session, work: () => Promise<void>): Promise<void> {
  const { stats, client, name, tags, base } = session;
  const finish = () => {
    stats.requests = client.transport.stats.requests - base.requests;
    stats.retries = client.transport.stats.retries - base.retries;
  };
  try {
    await work();
  } catch (error) {
    finish();
    if (error instanceof Failure) {
      const moved = stats.tagsPushed ? `${stats.tagsPushed} of ${tags.length} tags were moved` : 'no tag was changed';
      // A refused tag did not move; one whose answer was lost or contradicted may have, to the complete image.
      const tagged =
        session.tagging !== undefined && !(error instanceof RegistryFailure)
          ? `${stats.tagsPushed ? moved : 'no tag was moved'} before \`${session.tagging}\` failed, which the registry may have applied (it would name this complete image)`
          : moved;
      throw new PublishFailure(`${error.message} (Publishing ${name.name}: ${tagged}.)`, { ...stats }, error);
    }
    throw error;
  }
  finish();
}

/** The index by digest, then each tag: the same index bytes, so a tag only ever names a complete image. */
async function pushIndexAndTags(session: Session, index: Blob): Promise<void> {
  const { client, name, stats, tags } = session;
  await client.putManifest(name.repository, index.digest, index);
  stats.manifestsPushed++;
  for (const tag of tags) {
    session.tagging = tag;
    await client.putManifest(name.repository, tag, index);
    stats.tagsPushed++;
  }
  session.tagging = undefined;
}

function result(session: Session, index: Blob, platforms: Published['platforms']): PublishResult {
  const { name, tags, stats } = session;
  session.logger.info(
    `Pushed ${name.name}@${index.digest}: blobs ${stats.blobsUploaded} uploaded (${formatBytes(stats.bytesUploaded)}), ` +
      `${stats.blobsMounted} mounted, ${stats.blobsSkipped} already there; ${stats.manifestsPushed} manifests; tags ${tags.join(', ') || '(none)'}.`,
  );
  return { image: name.name, digest: index.digest, tags: tags.map((t) => `${name.name}:${t}`), platforms, stats };
}

export async function publish(image: Image, target: PublishTarget, options: PublishOptions = {}): Promise<PublishResult> {
  checkImage(image);
  const session = await openSession(target, options);
  const { client, name, stats, logger } = session;
  const locations = options.blobLocations ?? new MemoryBlobLocations();
  const repo = name.repository;

  await pushing(session, async () => {
    for (const blob of uniqueBlobs(image)) {
      if (await client.hasBlob(repo, blob.digest)) {
        stats.blobsSkipped++;
        await locations.record(name.registry, blob.digest, repo);
        continue;
      }
      let opened: string | undefined;
      let mounted = false;
      for (const from of (await locations.repositoriesWith(name.registry, blob.digest)).filter((r) => r !== repo)) {
        const mount = await client.mountBlob(repo, blob.digest, from);
        if (mount.mounted) {
          mounted = true;
          logger.info(`Mounted ${short(blob.digest)} from ${name.domain}/${from}.`);
          break;
        }
        // The registry opened an upload instead: use it rather than open another.
        opened = mount.location;
        if (opened) break;
      }
      if (mounted) {
        stats.blobsMounted++;
      } else {
        await client.uploadBlob(repo, blob, opened);
        stats.blobsUploaded++;
        stats.bytesUploaded += blob.data.length;
        logger.info(`Uploaded ${short(blob.digest)} (${formatBytes(blob.data.length)}).`);
      }
      await locations.record(name.registry, blob.digest, repo);
    }
    for (const p of image.platforms) {
      await client.putManifest(repo, p.manifest.digest, p.manifest);
      stats.manifestsPushed++;
    }
    await pushIndexAndTags(session, image.index);
  });
  return result(session, image.index, image.platforms.map((p) => ({ platform: p.platform, digest: p.manifest.digest })));
}

/** An index over platform manifests already in the repository (see index-assembly.ts), then the tags. */
export async function publishIndex(index: Blob, platforms: Published['platforms'], target: PublishTarget, options: PublishOptions = {}): Promise<PublishResult> {
  const session = await openSession(target, options);
  await pushing(session, () => pushIndexAndTags(session, index));
  return result(session, index, platforms);
}

/** Fails fast, before a build, when the registry is unreachable or refuses our credentials. */
export async function checkPushAccess(client: RegistryClient): Promise<void> {
  await client.checkPush(client.name.repository);
}

/**
 * The tags already in the repository, so line tags and `latest` never move back to an older
 * version. Asked with the push's scope: the token the access check fetched serves.
 */
export async function existingTags(client: RegistryClient): Promise<string[]> {
  try {
    return await client.listTags(client.name.repository, ['pull', 'push']);
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    throw new Failure(
      `${error.message} (The repository's tags are read so that line tags and latest never move back to an older version; ` +
        'with latest true or false and tag templates naming one build, such as {{raw}}, they are not needed.)',
      { cause: error },
    );
  }
}
