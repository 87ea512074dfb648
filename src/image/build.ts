// The image stage: verified binaries and a site in, content-addressed blobs out. It
// checks everything before it returns and writes nothing: publishing or archiving the
// result is a later stage's job.
import { readFile } from 'node:fs/promises';
import { Failure } from '../failure.js';
import { PLATFORMS, type Binary, type Image, type PlatformImage } from '../types.js';
import { buildLayer, MAX_LAYER_EPOCH, type LayerEntry } from './layer.js';
import { MEDIA_TYPES, blobOf, imageConfig, imageIndex, imageLabels, imageManifest, ociAnnotations } from './oci.js';
import { rootfsEntries } from './rootfs.js';
import { defaultSite } from './site.js';

export interface ImageSpec {
  binaries: Binary[];
  /** The user's site, as readSiteFolder read it (checked before the build); absent means the project's default page. */
  site?: LayerEntry[];
  port: number;
  /** Seconds since 1970 for every time in the image (SOURCE_DATE_EPOCH). */
  epoch: number;
  /** e.g. `2.29` */
  thttpdVersion: string;
  /** The version the image is published as, e.g. `2.29`. */
  imageVersion: string;
  /** Where the image's source lives, e.g. `https://github.com/me/web`. */
  source?: string;
  /** The commit it was built from. */
  revision?: string;
  /** Added to the org.opencontainers.image.* labels, last, so they override. */
  labels: Record<string, string>;
}

function checkSpec(spec: ImageSpec): void {
  if (spec.binaries.length === 0) throw new Failure('image: expected at least one server binary, found none: build at least one platform');
  const seen = new Set<string>();
  for (const { platform } of spec.binaries) {
    if (!(PLATFORMS as readonly string[]).includes(platform)) {
      throw new Failure(`image: expected a platform among ${PLATFORMS.join(', ')}, found ${JSON.stringify(platform)}: choose one of those`);
    }
    if (seen.has(platform)) throw new Failure(`image: expected one binary per platform, found two for ${platform}: build each platform once`);
    seen.add(platform);
  }
  if (!Number.isInteger(spec.port) || spec.port < 1 || spec.port > 65535) {
    throw new Failure(`image: expected a port from 1 to 65535, found ${spec.port}: pass a whole number such as 8080`);
  }
  if (!Number.isInteger(spec.epoch) || spec.epoch < 0 || spec.epoch > MAX_LAYER_EPOCH) {
    throw new Failure(`image: expected the build time as whole seconds since 1970 (0 to ${MAX_LAYER_EPOCH}), found ${spec.epoch}: set SOURCE_DATE_EPOCH to such a number`);
  }
  if (!spec.thttpdVersion.trim()) throw new Failure('image: expected the thttpd version, found an empty string: pass the version that was built');
  if (!spec.imageVersion.trim()) throw new Failure('image: expected the image version, found an empty string: pass the version to publish');
  for (const key of Object.keys(spec.labels)) {
    if (!key.trim()) throw new Failure('labels: expected every label to have a name, found an empty one: remove it or name it');
  }
}

async function readServer(binary: Binary): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(binary.path);
  } catch (err) {
    throw new Failure(`image: expected the ${binary.platform} server at ${binary.path}, could not read it (${(err as Error).message}): build it again`);
  }
  // The binary was verified at this size; a different one here is not the verified server.
  if (bytes.length !== binary.bytes) {
    throw new Failure(`image: expected the ${binary.platform} server at ${binary.path} to be the verified ${binary.bytes} bytes, found ${bytes.length}: build it again and do not change it before the image stage`);
  }
  return bytes;
}

export async function buildImage(spec: ImageSpec): Promise<Image> {
  checkSpec(spec);
  const site: LayerEntry[] = spec.site
    ? spec.site
    : await defaultSite({ thttpdVersion: spec.thttpdVersion, imageVersion: spec.imageVersion, epoch: spec.epoch });
  const labels = imageLabels(spec, spec.labels);
  const annotations = ociAnnotations(labels);
  // Index order follows PLATFORMS, not the order builds finished in.
  const binaries = [...spec.binaries].sort((a, b) => PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform));

  const platforms: PlatformImage[] = [];
  for (const binary of binaries) {
    const server = await readServer(binary);
    const layer = await buildLayer(rootfsEntries(server, site), spec.epoch);
    const layerBlob = blobOf(MEDIA_TYPES.layer, layer.gzip);
    const config = imageConfig({
      platform: binary.platform,
      port: spec.port,
      epoch: spec.epoch,
      diffId: layer.diffId,
      labels,
      thttpdVersion: spec.thttpdVersion,
    });
    platforms.push({
      platform: binary.platform,
      layer: layerBlob,
      diffId: layer.diffId,
      uncompressedSize: layer.uncompressedSize,
      config,
      manifest: imageManifest(config, layerBlob, annotations),
      binaryBytes: server.length,
    });
  }
  const index = imageIndex(platforms.map(({ platform, manifest }) => ({ platform, manifest })), annotations);
  return { index, platforms, labels };
}
