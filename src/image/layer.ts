// One image layer as a deterministic tar, then gzip. Every byte of the output depends
// only on the entries and the epoch, so the same inputs give the same digest anywhere.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { gzip } from 'pako';
import { pack, type Header } from 'tar-stream';

/** A path in the layer: relative to `/`, no leading or trailing slash, no `.` or `..`. */
export type LayerEntry =
  | { type: 'directory'; path: string; mode: number }
  | { type: 'file'; path: string; mode: number; data: Buffer }
  | { type: 'symlink'; path: string; target: string };

export interface Layer {
  /** The gzip'd tar, as pushed and as stored under blobs/. */
  gzip: Buffer;
  /** `sha256:<hex>` of `gzip`. */
  digest: string;
  size: number;
  /** `sha256:<hex>` of the uncompressed tar: the config's rootfs.diff_ids entry. */
  diffId: string;
  uncompressedSize: number;
}

/**
 * The latest time a layer entry can carry, in seconds since 1970 (2242-03-16): ustar
 * stores mtime in 11 octal digits. Settings refuse a later SOURCE_DATE_EPOCH by it.
 */
export const MAX_LAYER_EPOCH = 8 ** 11 - 1;

export function sha256(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/**
 * Orders entries by their tar name compared as bytes, with a trailing slash on
 * directories: a directory's name is a prefix of its contents' names, so it always
 * comes first, and the order does not depend on locale or on the walk that found them.
 */
export function sortEntries<T extends LayerEntry>(entries: readonly T[]): T[] {
  const key = (e: LayerEntry) => Buffer.from(e.type === 'directory' ? `${e.path}/` : e.path, 'utf8');
  return [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
}

// A malformed list is a bug in the caller (rootfs builds it), not something a user did.
function checkEntries(entries: readonly LayerEntry[]): void {
  const kinds = new Map<string, LayerEntry['type']>();
  for (const entry of entries) {
    const { path } = entry;
    if (path === '' || path.startsWith('/') || path.endsWith('/') || posix.normalize(path) !== path || path.split('/').includes('..')) {
      throw new Error(`layer entry path ${JSON.stringify(path)} is not a normalized relative path`);
    }
    if (kinds.has(path)) throw new Error(`layer entry ${JSON.stringify(path)} is listed twice`);
    kinds.set(path, entry.type);
  }
  for (const { path } of entries) {
    const parent = posix.dirname(path);
    if (parent !== '.' && kinds.get(parent) !== 'directory') {
      throw new Error(`layer entry ${JSON.stringify(path)} has no parent directory entry ${JSON.stringify(parent)}`);
    }
  }
}

function header(entry: LayerEntry, mtime: Date): Partial<Header> & Pick<Header, 'name'> {
  // Empty uname/gname: ids alone say who owns a file, and names would differ by builder.
  const common = { name: entry.path, uid: 0, gid: 0, uname: '', gname: '', mtime };
  switch (entry.type) {
    case 'directory':
      // The trailing slash is what GNU tar and Docker write; tar-stream would not add it.
      return { ...common, name: `${entry.path}/`, type: 'directory', mode: entry.mode };
    case 'file':
      return { ...common, type: 'file', mode: entry.mode, size: entry.data.length };
    case 'symlink':
      return { ...common, type: 'symlink', mode: 0o777, linkname: entry.target };
  }
}

/**
 * The uncompressed tar. tar-stream writes plain ustar headers and adds a pax header only
 * for a name that ustar cannot hold (longer than its fields, or not ASCII).
 */
export async function layerTar(entries: readonly LayerEntry[], epoch: number): Promise<Buffer> {
  if (!Number.isInteger(epoch) || epoch < 0 || epoch > MAX_LAYER_EPOCH) {
    throw new Error(`layer epoch must be whole seconds between 0 and ${MAX_LAYER_EPOCH}, got ${epoch}`);
  }
  checkEntries(entries);
  const mtime = new Date(epoch * 1000);
  const tar = pack();
  const chunks: Buffer[] = [];
  // Read while writing: the pack stream holds back entries until its output is consumed.
  const drained = (async () => {
    for await (const chunk of tar) chunks.push(chunk as Buffer);
  })();
  for (const entry of sortEntries(entries)) {
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error | null) => (err ? reject(err) : resolve());
      if (entry.type === 'file') tar.entry(header(entry, mtime), entry.data, done);
      else tar.entry(header(entry, mtime), done);
    });
  }
  tar.finalize();
  await drained;
  return Buffer.concat(chunks);
}

/**
 * gzip with a fixed level and no file name or time in the header (pako writes mtime 0,
 * no FNAME, XFL 2, OS 3). pako is plain JavaScript, so unlike node's zlib binding its
 * output cannot change with the machine or the Node release; legacyHash makes it match
 * canonical zlib byte for byte, so others can reproduce the digest with standard zlib.
 */
export function gzipDeterministic(data: Uint8Array): Buffer {
  const out = gzip(data, { level: 9, legacyHash: true });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

export async function buildLayer(entries: readonly LayerEntry[], epoch: number): Promise<Layer> {
  const tar = await layerTar(entries, epoch);
  const compressed = gzipDeterministic(tar);
  return {
    gzip: compressed,
    digest: sha256(compressed),
    size: compressed.length,
    diffId: sha256(tar),
    uncompressedSize: tar.length,
  };
}
