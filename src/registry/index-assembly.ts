// The last step of a build fanned out over native runners: each runner pushed its own
// platform's manifest by digest; this reads them back from the registry (the registry's
// word, not the inputs', says which platform each is) and pushes one index over them,
// then the tags, so a tag still never names an incomplete image.
import { Failure } from '../failure.js';
import { PLATFORMS, type Blob, type Platform } from '../types.js';
import type { RegistryClient } from './client.js';

export interface PlatformManifest {
  platform: Platform;
  manifest: Blob;
}

const IMAGE_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

export async function readPlatformManifests(client: RegistryClient, digests: string[]): Promise<PlatformManifest[]> {
  const { name } = client;
  const found: PlatformManifest[] = [];
  for (const digest of digests) {
    const manifest = await client.getManifest(name.repository, digest, [IMAGE_MANIFEST]);
    if (!manifest) throw new Failure(`Expected the manifest ${digest} in ${name.name}, found none: push each platform with mode: platform to the same image first, and pass the digests it reported`);
    if (manifest.mediaType !== IMAGE_MANIFEST) throw new Failure(`Expected ${digest} in ${name.name} to be one platform's image manifest, found a ${manifest.mediaType || 'document of no media type'}: pass the per-platform digests (the platforms output of mode: platform)`);
    const configDigest = (JSON.parse(manifest.data.toString('utf8')) as { config?: { digest?: string } }).config?.digest ?? '';
    const config = await client.getBlob(name.repository, configDigest);
    if (!config) throw new Failure(`Expected the config ${configDigest} of manifest ${digest} in ${name.name}, found none: push that platform again`);
    const { os, architecture } = JSON.parse(config.toString('utf8')) as { os?: string; architecture?: string };
    const platform = `${os}/${architecture}` as Platform;
    if (!PLATFORMS.includes(platform)) throw new Failure(`Expected manifest ${digest} to be for ${PLATFORMS.join(' or ')}, found ${platform}`);
    if (found.some((f) => f.platform === platform)) throw new Failure(`Expected one manifest per platform, found two for ${platform} (the second is ${digest}): pass one digest per platform`);
    found.push({ platform, manifest });
  }
  return found.sort((a, b) => PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform));
}
