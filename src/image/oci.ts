// The OCI documents around a layer: config, manifest and index. Each is serialised once,
// compactly and with sorted keys, so its bytes (and so its digest) depend only on content.
import type { Blob, Platform } from '../types.js';
import { sha256 } from './layer.js';
import { SERVER_PATH, SITE_DIR } from './rootfs.js';

export const MEDIA_TYPES = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

const OCI_LABEL = 'org.opencontainers.image.';

/** JSON with object keys sorted at every depth and no whitespace. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function blobOf(mediaType: string, data: Buffer): Blob {
  return { mediaType, digest: sha256(data), size: data.length, data };
}

export function jsonBlob(mediaType: string, value: unknown): Blob {
  return blobOf(mediaType, Buffer.from(canonicalJson(value), 'utf8'));
}

export function descriptor(blob: Blob): { mediaType: string; digest: string; size: number } {
  return { mediaType: blob.mediaType, digest: blob.digest, size: blob.size };
}

export function ociPlatform(platform: Platform): { os: string; architecture: string } {
  const [os, architecture] = platform.split('/') as [string, string];
  return { os, architecture };
}

/** RFC 3339 in UTC, whole seconds, as the config and the labels write times. */
export function isoTime(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace('.000Z', 'Z');
}

export interface LabelFacts {
  thttpdVersion: string;
  imageVersion: string;
  port: number;
  epoch: number;
  source?: string;
  revision?: string;
}

/**
 * The image's labels: the org.opencontainers.image.* set, then the user's map applied
 * last so it can add or override any of them.
 */
export function imageLabels(facts: LabelFacts, user: Record<string, string> = {}): Record<string, string> {
  const labels: Record<string, string> = {
    [`${OCI_LABEL}title`]: 'thttpd',
    [`${OCI_LABEL}description`]: `thttpd ${facts.thttpdVersion}, statically linked, alone in a scratch image: serves /${SITE_DIR} on port ${facts.port} as uid 65534`,
    [`${OCI_LABEL}version`]: facts.imageVersion,
    [`${OCI_LABEL}created`]: isoTime(facts.epoch),
    // thttpd's own licence: the image is thttpd and a few text files.
    [`${OCI_LABEL}licenses`]: 'BSD-2-Clause',
    [`${OCI_LABEL}base.name`]: 'scratch',
  };
  if (facts.source) labels[`${OCI_LABEL}source`] = facts.source;
  if (facts.revision) labels[`${OCI_LABEL}revision`] = facts.revision;
  return { ...labels, ...user };
}

/** The org.opencontainers.image.* labels, which manifests and the index carry as annotations. */
export function ociAnnotations(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([key]) => key.startsWith(OCI_LABEL)));
}

/**
 * The command line: foreground (-D), logs to stderr (a scratch image has no syslog), no
 * chroot (-nor: chroot needs root, and the image never runs as root), and a charset so
 * browsers render the default page and UTF-8 sites as written.
 */
export function entrypoint(port: number): string[] {
  return [`/${SERVER_PATH}`, '-D', '-p', String(port), '-d', `/${SITE_DIR}`, '-l', '/dev/stderr', '-nor', '-T', 'UTF-8'];
}

export interface ConfigFacts {
  platform: Platform;
  port: number;
  epoch: number;
  diffId: string;
  labels: Record<string, string>;
  thttpdVersion: string;
}

export function imageConfig(facts: ConfigFacts): Blob {
  const created = isoTime(facts.epoch);
  return jsonBlob(MEDIA_TYPES.config, {
    ...ociPlatform(facts.platform),
    created,
    config: {
      // Numeric, so runAsNonRoot can verify it without reading /etc/passwd.
      User: '65534:65534',
      ExposedPorts: { [`${facts.port}/tcp`]: {} },
      Entrypoint: entrypoint(facts.port),
      // thttpd changes into -d itself; this says the same to tools that start processes.
      WorkingDir: `/${SITE_DIR}`,
      // thttpd exits at once on SIGTERM; SIGUSR1 lets it finish the connections it has.
      StopSignal: 'SIGUSR1',
      Labels: facts.labels,
    },
    rootfs: { type: 'layers', diff_ids: [facts.diffId] },
    history: [{ created, created_by: `static-thttpd: thttpd ${facts.thttpdVersion}, site and account files` }],
  });
}

export function imageManifest(config: Blob, layer: Blob, annotations: Record<string, string>): Blob {
  return jsonBlob(MEDIA_TYPES.manifest, {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.manifest,
    config: descriptor(config),
    layers: [descriptor(layer)],
    annotations,
  });
}

/**
 * The index: one descriptor per platform, so a runtime picks its own, and the
 * annotations at the top, where registries look for a multi-platform image's description.
 */
export function imageIndex(manifests: { platform: Platform; manifest: Blob }[], annotations: Record<string, string>): Blob {
  return jsonBlob(MEDIA_TYPES.index, {
    schemaVersion: 2,
    mediaType: MEDIA_TYPES.index,
    manifests: manifests.map(({ platform, manifest }) => ({ ...descriptor(manifest), platform: ociPlatform(platform) })),
    annotations,
  });
}
