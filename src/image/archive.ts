// An image on disk instead of in a registry: an OCI image layout, as a folder (skopeo,
// umoci, crane) or as one tar that `docker load`, `podman load` and `kind load
// image-archive` all accept.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Failure } from '../failure.js';
import type { Blob, Image, Platform } from '../types.js';
import { layerTar, type LayerEntry } from './layer.js';
import { MEDIA_TYPES, canonicalJson, descriptor } from './oci.js';
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
 * kubelet will ask for it; podman 4 reads that too. org.opencontainers.image.ref.name
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
 * manifest.json, Docker's own archive format, for `docker load` (which reads it rather
 * than index.json unless it uses the containerd store) and for podman, which falls back
 * to it when index.json holds more than one name. It can name one platform: the first.
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

/** The files of the layout; `docker` adds manifest.json for Docker-format loaders. */
export function layoutFiles(image: Image, refs: readonly string[], docker: boolean): LayoutFile[] {
  return [
    { path: 'oci-layout', data: Buffer.from(canonicalJson({ imageLayoutVersion: '1.0.0' }), 'utf8') },
    { path: 'index.json', data: layoutIndex(image, refs) },
    ...(docker ? [{ path: 'manifest.json', data: dockerManifest(image, refs) }] : []),
    ...uniqueBlobs(image).map((blob) => ({ path: blobPath(blob), data: blob.data })),
  ];
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

async function kindOf(path: string): Promise<'missing' | 'file' | 'directory' | 'other'> {
  try {
    const st = await stat(path);
    return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

async function writeTarFile(target: string, data: Buffer): Promise<void> {
  const kind = await kindOf(target);
  if (kind !== 'missing' && kind !== 'file') {
    throw new Failure(`output: expected ${JSON.stringify(target)} to be a new or existing file for the image archive, found a ${kind === 'directory' ? 'folder' : 'special file'}: choose another path`);
  }
  const temp = tempName(target, 'tmp');
  try {
    await writeFile(temp, data, { flag: 'wx', mode: 0o644 });
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

// An existing folder is replaced only if it is an image layout already (or empty), so a
// mistyped output such as `.` or a home folder is never wiped.
async function writeLayoutDir(target: string, files: readonly LayoutFile[]): Promise<void> {
  const kind = await kindOf(target);
  if (kind === 'file' || kind === 'other') {
    throw new Failure(`output: expected ${JSON.stringify(target)} to be a new folder or an OCI image layout to replace, found a file: choose another path, or end it in .tar for an archive`);
  }
  if (kind === 'directory') {
    const names = await readdir(target);
    if (names.length && !names.includes('oci-layout')) {
      throw new Failure(`output: expected ${JSON.stringify(target)} to be a new folder or an OCI image layout to replace, found a folder holding other files: choose another path`);
    }
  }
  const temp = tempName(target, 'tmp');
  try {
    await mkdir(join(temp, 'blobs', 'sha256'), { recursive: true });
    for (const file of files) await writeFile(join(temp, file.path), file.data, { mode: 0o644 });
    if (kind === 'directory') {
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
  try {
    await mkdir(dirname(target), { recursive: true });
    if (target.endsWith('.tar')) await writeTarFile(target, await archiveTar(image, refs));
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
