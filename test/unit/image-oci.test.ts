import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  MEDIA_TYPES,
  blobOf,
  canonicalJson,
  entrypoint,
  imageConfig,
  imageIndex,
  imageLabels,
  imageManifest,
  ociAnnotations,
} from '../../src/image/oci.js';
import type { Blob } from '../../src/types.js';

const sha = (data: Uint8Array) => `sha256:${createHash('sha256').update(data).digest('hex')}`;
const parse = (blob: Blob) => JSON.parse(blob.data.toString('utf8')) as Record<string, unknown>;
const FACTS = { thttpdVersion: '2.29', imageVersion: '2.29', port: 8080, epoch: 1_700_000_000 };
const DIFF_ID = `sha256:${'a'.repeat(64)}`;

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: 0, y: 1 }], c: 'x' } }), '{"a":{"c":"x","d":[3,{"y":1,"z":0}]},"b":1}');
  });
});

describe('blobs', () => {
  it('carry the sha256 and size of their bytes', () => {
    const data = Buffer.from('{"x":1}');
    assert.deepEqual(blobOf('application/json', data), { mediaType: 'application/json', digest: sha(data), size: 7, data });
  });
});

describe('labels', () => {
  it('are the org.opencontainers.image set, from the facts', () => {
    assert.deepEqual(imageLabels({ ...FACTS, source: 'https://github.com/me/web', revision: 'abc123' }), {
      'org.opencontainers.image.title': 'thttpd',
      'org.opencontainers.image.description': 'thttpd 2.29, statically linked, alone in a scratch image: serves /www on port 8080 as uid 65534',
      'org.opencontainers.image.version': '2.29',
      'org.opencontainers.image.created': '2023-11-14T22:13:20Z',
      'org.opencontainers.image.licenses': 'BSD-2-Clause',
      'org.opencontainers.image.base.name': 'scratch',
      'org.opencontainers.image.source': 'https://github.com/me/web',
      'org.opencontainers.image.revision': 'abc123',
    });
  });

  it('leave out source and revision when unknown', () => {
    const labels = imageLabels(FACTS);
    assert.equal(labels['org.opencontainers.image.source'], undefined);
    assert.equal(labels['org.opencontainers.image.revision'], undefined);
  });

  it('take the user map last: it adds and overrides', () => {
    const labels = imageLabels(FACTS, { 'org.opencontainers.image.title': 'my web', team: 'infra' });
    assert.equal(labels['org.opencontainers.image.title'], 'my web');
    assert.equal(labels['team'], 'infra');
    assert.equal(labels['org.opencontainers.image.licenses'], 'BSD-2-Clause');
  });

  it('give manifests and the index only the org.opencontainers.image ones as annotations', () => {
    const annotations = ociAnnotations(imageLabels(FACTS, { team: 'infra' }));
    assert.equal(annotations['team'], undefined);
    assert.equal(annotations['org.opencontainers.image.base.name'], 'scratch');
  });
});

describe('config', () => {
  const labels = imageLabels(FACTS);
  const config = imageConfig({ platform: 'linux/arm64', port: 9000, epoch: FACTS.epoch, diffId: DIFF_ID, labels, thttpdVersion: '2.29' });
  const json = parse(config);

  it('names the platform, the time and the layer', () => {
    assert.equal(config.mediaType, MEDIA_TYPES.config);
    assert.equal(json['architecture'], 'arm64');
    assert.equal(json['os'], 'linux');
    assert.equal(json['created'], '2023-11-14T22:13:20Z');
    assert.deepEqual(json['rootfs'], { type: 'layers', diff_ids: [DIFF_ID] });
    const history = json['history'] as { created: string }[];
    assert.equal(history.length, 1);
    assert.equal(history[0]?.created, '2023-11-14T22:13:20Z');
  });

  it('runs thttpd in the foreground as 65534, logging to stderr, without chroot, on the port', () => {
    assert.deepEqual(json['config'], {
      User: '65534:65534',
      ExposedPorts: { '9000/tcp': {} },
      Entrypoint: ['/thttpd', '-D', '-p', '9000', '-d', '/www', '-l', '/dev/stderr', '-nor', '-T', 'UTF-8'],
      WorkingDir: '/www',
      StopSignal: 'SIGUSR1',
      Labels: labels,
    });
    assert.deepEqual(entrypoint(8080).slice(2, 4), ['-p', '8080']);
  });

  it('is compact, sorted JSON, so its digest is its content', () => {
    assert.equal(config.data.toString('utf8'), canonicalJson(json));
    assert.equal(config.digest, sha(config.data));
    assert.equal(config.size, config.data.length);
  });
});

describe('manifest and index', () => {
  const layer = blobOf(MEDIA_TYPES.layer, Buffer.from('layer bytes'));
  const config = blobOf(MEDIA_TYPES.config, Buffer.from('{}'));
  const annotations = { 'org.opencontainers.image.description': 'd' };
  const manifest = imageManifest(config, layer, annotations);

  it('the manifest points at the config and the one layer with OCI media types', () => {
    assert.equal(manifest.mediaType, MEDIA_TYPES.manifest);
    assert.equal(manifest.digest, sha(manifest.data));
    assert.deepEqual(parse(manifest), {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: config.digest, size: 2 },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layer.digest, size: 11 }],
      annotations,
    });
  });

  it('the index names each manifest with its platform and carries the annotations', () => {
    const other = imageManifest(config, blobOf(MEDIA_TYPES.layer, Buffer.from('arm')), annotations);
    const index = imageIndex(
      [
        { platform: 'linux/amd64', manifest },
        { platform: 'linux/arm64', manifest: other },
      ],
      annotations,
    );
    assert.equal(index.mediaType, MEDIA_TYPES.index);
    assert.equal(index.digest, sha(index.data));
    assert.deepEqual(parse(index), {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: MEDIA_TYPES.manifest, digest: manifest.digest, size: manifest.size, platform: { architecture: 'amd64', os: 'linux' } },
        { mediaType: MEDIA_TYPES.manifest, digest: other.digest, size: other.size, platform: { architecture: 'arm64', os: 'linux' } },
      ],
      annotations,
    });
  });
});
