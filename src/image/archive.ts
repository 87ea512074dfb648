// An image on disk instead of in a registry: an OCI image layout, as a folder (skopeo,
// umoci, crane) or as one tar that `docker load`, `podman load` and `kind load
// image-archive` all accept.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Failure } from '../failure.js';
import type { Blob, Image, Platform } from '../types.js';
import { layerTar, type LayerEntry } from './layer.js';
import { MEDIA_TYPES, canonicalJson, descriptor } from './oci.js';
import { checkOutputPath, isTarPath, makeParentFolders } from './output-path.js';
import { parseImageRef, type ImageRef } from './reference.js';

export interface LayoutFile {
  /** Relative to the layout's root, e.g. `blobs/sha256/<hex>`. */
  path: string;
  data: Buffer;
}

const blobPath = (blob: Blob) => `blobs/${blob.digest.replace(':', '/')}`;

/** The refs parsed, each name once as first spelled (`web` and `docker.io/library/web:latest` are one name). */
function uniqueRefs(refs: readonly string[]): ImageRef[] {
  const byName = new Map<string, ImageRef>();
  for (const ref of refs.map(parseImageRef)) if (!byName.has(ref.qualified)) byName.set(ref.qualified, ref);
  return [...byName.values()];
}

/** Every blob once: two platforms built from the same bytes share a layer. */
function uniqueBlobs(image: Image): Blob[] {
  const all = [image.index, ...image.platforms.flatMap((p) => [p.manifest, p.config, p.layer])];
  return [...new Map(all.map((blob) => [blob.digest, blob])).values()];
}

/**
 * index.json: one entry per name, each pointing at the image index (no platform on the
 * entry: containerd would filter it out). containerd (kind, k3s, Docker's containerd
 * store) names the image from io.containerd.image.name, so it is fully qualified, as the
 * kubelet will ask for it; podman reads that too. org.opencontainers.image.ref.name
 * holds the whole reference rather than a bare tag: skopeo and umoci look images up by
 * it, podman falls back to it as the whole name (a bare tag there gives
 * `localhost/<tag>`), and the OCI grammar for ref.name allows a full reference.
 */
export function layoutIndex(image: Image, refs: readonly string[]): Buffer {
  const names = uniqueRefs(refs);
  const entries = names.length
    ? names.map((ref) => ({
        ...descriptor(image.index),
        annotations: { 'io.containerd.image.name': ref.qualified, 'org.opencontainers.image.ref.name': ref.name },
      }))
    : [descriptor(image.index)];
  return Buffer.from(canonicalJson({ schemaVersion: 2, mediaType: MEDIA_TYPES.index, manifests: entries }), 'utf8');
}

/**
 * The names a .tar's index.json carries: the first only. podman (libimage, every release
 * so far) reads an OCI archive only when its index.json has exactly one entry; with more
 * it falls back to manifest.json, which holds one platform, the wrong one on an arm64
 * host. One entry gives podman and containerd the index, so each picks its own platform,
 * at the cost of the other names, which only manifest.json (docker load) still carries.
 */
export function archiveNames(refs: readonly string[]): string[] {
  return uniqueRefs(refs)
    .slice(0, 1)
    .map((ref) => ref.name);
}

/**
 * manifest.json, Docker's own archive format, for `docker load` with its classic image
 * store (which reads it rather than index.json). It names one platform, the first, with
 * every name: an entry per platform would load them all, and the last would take the tags.
 * Its paths point into blobs/, so no byte is stored twice; Docker loaders accept gzip'd
 * layers and name them by their diff_id.
 */
export function dockerManifest(image: Image, refs: readonly string[]): Buffer {
  const first = image.platforms[0];
  if (!first) throw new Error('an image without platforms cannot be archived');
  return Buffer.from(
    canonicalJson([{ Config: blobPath(first.config), RepoTags: uniqueRefs(refs).map((ref) => ref.name), Layers: [blobPath(first.layer)] }]),
    'utf8',
  );
}

/**
 * The files of the layout. An archive (a .tar) names the image once in index.json and
 * carries manifest.json for Docker; a folder, read by skopeo, umoci or crane by name,
 * names it once per ref.
 */
export function layoutFiles(image: Image, refs: readonly string[], archive: boolean): LayoutFile[] {
  return [
    { path: 'oci-layout', data: Buffer.from(canonicalJson({ imageLayoutVersion: '1.0.0' }), 'utf8') },
    { path: 'index.json', data: layoutIndex(image, archive ? archiveNames(refs) : refs) },
    ...(archive ? [{ path: 'manifest.json', data: dockerManifest(image, refs) }] : []),
    ...uniqueBlobs(image).map((blob) => ({ path: blobPath(blob), data: blob.data })),
  ];
}

/**
 * What a loader of the .tar at `path` will not get, as sentences to warn with; none for
 * a layout folder, which names every ref and whose readers choose a platform themselves.
 */
export function archiveWarnings(image: Image, path: string, refs: readonly string[]): string[] {
  if (!isTarPath(path)) return [];
  const warnings: string[] = [];
  const names = uniqueRefs(refs).map((ref) => ref.name);
  const [first, ...others] = names;
  if (first && others.length) {
    warnings.push(
      `output: ${basename(path)} names the image ${first} only for podman load, kind load image-archive and Docker's containerd image store (podman reads an OCI archive only when it names one image); ${others.join(', ')} reach docker load with the classic image store alone: add them after loading (podman tag, ctr images tag), or pass one tag`,
    );
  }
  const [firstPlatform, ...otherPlatforms] = image.platforms.map((p) => p.platform);
  if (firstPlatform && otherPlatforms.length) {
    warnings.push(
      `output: docker load with Docker's classic image store takes ${firstPlatform} from ${basename(path)} (its manifest.json has no platforms), whatever the host; podman load, kind load image-archive and Docker's containerd image store take the host's platform from the index`,
    );
  }
  return warnings;
}

/** The image's own time (its config's `created`), so an archive's entries carry the build date, not the clock. */
function archiveEpoch(image: Image): number {
  const created = (JSON.parse(image.platforms[0]?.config.data.toString('utf8') ?? '{}') as { created?: string }).created;
  const ms = created ? Date.parse(created) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? Math.floor(ms / 1000) : 0;
}

/** The layout as one tar, by the same deterministic writer as the layers: sorted, 0:0, fixed times. */
export async function archiveTar(image: Image, refs: readonly string[]): Promise<Buffer> {
  const files = layoutFiles(image, refs, true);
  const entries: LayerEntry[] = [
    { type: 'directory', path: 'blobs', mode: 0o755 },
    { type: 'directory', path: 'blobs/sha256', mode: 0o755 },
    ...files.map((file): LayerEntry => ({ type: 'file', path: file.path, mode: 0o644, data: file.data })),
  ];
  return layerTar(entries, archiveEpoch(image));
}

const tempName = (target: string, what: string) => join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.${what}`);

async function writeTarFile(target: string, data: Buffer): Promise<void> {
  const temp = tempName(target, 'tmp');
  try {
    await writeFile(temp, data, { flag: 'wx', mode: 0o644 });
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

// checkOutputPath has made sure an existing folder here is an image layout (or empty).
async function writeLayoutDir(target: string, files: readonly LayoutFile[]): Promise<void> {
  const replacing = existsSync(target);
  const temp = tempName(target, 'tmp');
  try {
    for (const folder of [temp, join(temp, 'blobs'), join(temp, 'blobs', 'sha256')]) await mkdir(folder);
    for (const file of files) await writeFile(join(temp, file.path), file.data, { mode: 0o644 });
    if (replacing) {
      const old = tempName(target, 'old');
      await rename(target, old);
      try {
        await rename(temp, target);
      } catch (err) {
        await rename(old, target);
        throw err;
      }
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temp, target);
    }
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Writes the image to `path`: one tar if it ends in `.tar`, else an OCI layout folder.
 * `refs` (e.g. `ghcr.io/me/web:2.29`) name the image for the loaders. The output appears
 * whole or not at all: it is written under a temporary name beside it, then renamed.
 */
export async function writeArchive(image: Image, path: string, refs: string[]): Promise<void> {
  const target = resolve(path);
  refs.forEach(parseImageRef); // a bad name fails before anything is written
  await checkOutputPath(target);
  try {
    await makeParentFolders(target);
    if (isTarPath(target)) await writeTarFile(target, await archiveTar(image, refs));
    else await writeLayoutDir(target, layoutFiles(image, refs, false));
  } catch (error) {
    if (error instanceof Failure) throw error;
    // A file where a folder should be, a read-only or virtual file system: the user's path, not a bug.
    const err = error as NodeJS.ErrnoException;
    const what = [err.code ?? err.message, err.syscall, err.path].filter(Boolean).join(' ');
    throw new Failure(
      `output: expected a path where the image archive can be written, could not write ${JSON.stringify(target)} (${what}): choose a path in a folder this job can create and write`,
    );
  }
}

export interface SizeRow {
  platform: Platform;
  binaryBytes: number;
  layerBytes: number;
  /** What a node downloads for this platform: manifest, config and layer. */
  pulledBytes: number;
}

export function sizeReport(image: Image): SizeRow[] {
  return image.platforms.map((p) => ({
    platform: p.platform,
    binaryBytes: p.binaryBytes,
    layerBytes: p.layer.size,
    pulledBytes: p.manifest.size + p.config.size + p.layer.size,
  }));
}

/** The report as aligned lines for a terminal or a job summary's code block. */
export function formatSizeReport(rows: readonly SizeRow[]): string {
  const table = [
    ['platform', 'binary', 'layer (gzip)', 'pulled'],
    ...rows.map((r) => [r.platform, ...[r.binaryBytes, r.layerBytes, r.pulledBytes].map((n) => n.toLocaleString('en-US'))]),
  ];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0))) ?? [];
  const pad = (cell: string, i: number) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0));
  return table.map((row) => row.map(pad).join('  ')).join('\n');
}
