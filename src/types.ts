// The plain values that flow between the pipeline's stages. Each stage takes some of
// these and returns one; none of them reads inputs or the environment on its own.

export const PLATFORMS = ['linux/amd64', 'linux/arm64'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const LIBCS = ['glibc', 'musl'] as const;
export type Libc = (typeof LIBCS)[number];

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
}

/** A verified thttpd release tarball on disk. */
export interface Source {
  version: string;
  tarball: string;
  sha256: string;
  bytes: number;
  fromCache: boolean;
}

/** A statically linked, verified server for one platform. */
export interface Binary {
  platform: Platform;
  libc: Libc;
  /** Absolute path of the (stripped, unless asked otherwise) binary. */
  path: string;
  bytes: number;
  /** What `file -b` said of it. */
  fileLine: string;
  /** What `thttpd -V` printed, e.g. `thttpd/2.29 23May2018`; empty when it could not be run. */
  serverSoftware: string;
  /** Compiler and linker warnings, one per line. */
  warnings: string[];
}

/** Content-addressed bytes: a layer, a config, a manifest or an index. */
export interface Blob {
  mediaType: string;
  /** `sha256:<hex>` */
  digest: string;
  size: number;
  data: Buffer;
}

export interface PlatformImage {
  platform: Platform;
  /** The gzip'd layer tar. */
  layer: Blob;
  /** sha256 of the uncompressed layer tar, as in rootfs.diff_ids. */
  diffId: string;
  uncompressedSize: number;
  config: Blob;
  manifest: Blob;
  binaryBytes: number;
}

export interface Image {
  index: Blob;
  platforms: PlatformImage[];
  labels: Record<string, string>;
}

/** Where an image was pushed to. */
export interface Published {
  /** `registry/repository`, e.g. `ghcr.io/me/web` */
  image: string;
  /** The index digest. */
  digest: string;
  /** Full references, one per tag. */
  tags: string[];
  platforms: { platform: Platform; digest: string }[];
}
