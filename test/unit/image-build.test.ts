import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ungzip } from 'pako';
import { extract } from 'tar-stream';
import { Failure } from '../../src/failure.js';
import { buildImage, type ImageSpec } from '../../src/image/build.js';
import { GROUP, PASSWD } from '../../src/image/rootfs.js';
import { readSiteFolder } from '../../src/image/site.js';
import type { Blob, Image } from '../../src/types.js';
import { fakeBinary } from '../helpers/static-binary.js';

const scratch = mkdtempSync(join(tmpdir(), 'image-build-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const amd64 = fakeBinary('linux/amd64', scratch, 'amd64 server bytes');
const arm64 = fakeBinary('linux/arm64', scratch, 'arm64 server bytes, longer');
const spec = (over: Partial<ImageSpec> = {}): ImageSpec => ({
  binaries: [amd64],
  port: 8080,
  epoch: 1_700_000_000,
  thttpdVersion: '2.29',
  imageVersion: '2.29',
  labels: {},
  ...over,
});
const json = <T>(blob: Blob): T => JSON.parse(blob.data.toString('utf8')) as T;
const sha = (data: Uint8Array) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

interface Entry { name: string; mode: number; uid: number; gid: number; type: string; body: string }
async function layerEntries(image: Image, i = 0): Promise<Entry[]> {
  const layer = image.platforms[i]?.layer;
  assert.ok(layer);
  const out: Entry[] = [];
  const reader = extract();
  reader.end(Buffer.from(ungzip(layer.data)));
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const { name, mode, uid, gid, type } = entry.header;
    out.push({ name, mode, uid, gid, type, body: Buffer.concat(chunks).toString('utf8') });
  }
  return out;
}
const failsWith = (pattern: RegExp) => (err: unknown) => err instanceof Failure && pattern.test(err.message);

describe('buildImage', () => {
  it('makes one layer holding the server, the default page, healthz and the account files', async () => {
    const entries = await layerEntries(await buildImage(spec()));
    assert.deepEqual(
      entries.map(({ name, mode, uid, gid, type }) => [name, type, mode.toString(8), uid, gid]),
      [
        ['etc/', 'directory', '755', 0, 0],
        ['etc/group', 'file', '644', 0, 0],
        ['etc/passwd', 'file', '644', 0, 0],
        ['thttpd', 'file', '755', 0, 0],
        ['www/', 'directory', '755', 0, 0],
        ['www/healthz', 'file', '644', 0, 0],
        ['www/index.html', 'file', '644', 0, 0],
      ],
    );
    const body = (name: string) => entries.find((e) => e.name === name)?.body;
    assert.equal(body('thttpd'), 'amd64 server bytes');
    assert.equal(body('www/healthz'), 'ok\n');
    assert.equal(body('etc/passwd'), PASSWD);
    assert.equal(body('etc/group'), GROUP);
    assert.match(PASSWD, /^nobody:x:65534:65534:/m);
    assert.match(GROUP, /^nogroup:x:65534:/m);
    assert.match(body('www/index.html') ?? '', /thttpd 2\.29/);
  });

  it('serves the user folder instead, keeping its own healthz', async () => {
    const site = join(scratch, 'user-site');
    mkdirSync(join(site, 'img'), { recursive: true });
    writeFileSync(join(site, 'index.html'), 'mine');
    writeFileSync(join(site, 'healthz'), 'custom\n');
    writeFileSync(join(site, 'img', 'a.svg'), '<svg/>');
    const entries = await layerEntries(await buildImage(spec({ site: await readSiteFolder(site) })));
    assert.deepEqual(entries.filter((e) => e.name.startsWith('www/')).map((e) => [e.name, e.body]), [
      ['www/', ''],
      ['www/healthz', 'custom\n'],
      ['www/img/', ''],
      ['www/img/a.svg', '<svg/>'],
      ['www/index.html', 'mine'],
    ]);
  });

  it('ties the blobs together: index -> manifests -> config and layer, by digest', async () => {
    const image = await buildImage(spec({ binaries: [arm64, amd64] }));
    assert.deepEqual(image.platforms.map((p) => p.platform), ['linux/amd64', 'linux/arm64'], 'PLATFORMS order, not build order');
    const index = json<{ manifests: { digest: string; platform: { architecture: string } }[] }>(image.index);
    assert.deepEqual(index.manifests.map((m) => [m.digest, m.platform.architecture]), image.platforms.map((p) => [p.manifest.digest, p.platform.split('/')[1]]));
    for (const p of [image.index, ...image.platforms.flatMap((p) => [p.manifest, p.config, p.layer])]) {
      assert.equal(p.digest, sha(p.data));
      assert.equal(p.size, p.data.length);
    }
    for (const p of image.platforms) {
      const manifest = json<{ config: { digest: string }; layers: { digest: string }[] }>(p.manifest);
      assert.equal(manifest.config.digest, p.config.digest);
      assert.deepEqual(manifest.layers.map((l) => l.digest), [p.layer.digest]);
      assert.deepEqual(json<{ rootfs: { diff_ids: string[] } }>(p.config).rootfs.diff_ids, [p.diffId]);
      assert.equal(p.diffId, sha(ungzip(p.layer.data)));
      assert.equal(p.uncompressedSize, ungzip(p.layer.data).length);
    }
    assert.equal(image.platforms[1]?.binaryBytes, arm64.bytes);
  });

  it('is reproducible, and any change to the site changes the digest', async () => {
    const site = join(scratch, 'repro-site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), 'version one');
    const a = await buildImage(spec({ site: await readSiteFolder(site), binaries: [amd64, arm64] }));
    const b = await buildImage(spec({ site: await readSiteFolder(site), binaries: [arm64, amd64] }));
    assert.equal(a.index.digest, b.index.digest);
    writeFileSync(join(site, 'index.html'), 'version two');
    const c = await buildImage(spec({ site: await readSiteFolder(site), binaries: [amd64, arm64] }));
    assert.notEqual(a.index.digest, c.index.digest);
  });

  it('applies user labels last, in the config and in the annotations', async () => {
    const image = await buildImage(spec({ labels: { 'org.opencontainers.image.description': 'my page', team: 'web' }, source: 'https://x/y', revision: 'r1' }));
    assert.equal(image.labels['org.opencontainers.image.description'], 'my page');
    const config = json<{ config: { Labels: Record<string, string> } }>(image.platforms[0]?.config as Blob);
    assert.deepEqual(config.config.Labels, image.labels);
    assert.equal(config.config.Labels['team'], 'web');
    assert.equal(config.config.Labels['org.opencontainers.image.revision'], 'r1');
    const annotations = json<{ annotations: Record<string, string> }>(image.index).annotations;
    assert.equal(annotations['org.opencontainers.image.description'], 'my page');
    assert.equal(annotations['org.opencontainers.image.source'], 'https://x/y');
    assert.equal(annotations['team'], undefined);
  });

  it('fails with a message for each bad input', async () => {
    await assert.rejects(buildImage(spec({ binaries: [] })), failsWith(/at least one server binary/));
    await assert.rejects(buildImage(spec({ binaries: [amd64, amd64] })), failsWith(/two for linux\/amd64/));
    await assert.rejects(buildImage(spec({ port: 0 })), failsWith(/port from 1 to 65535, found 0/));
    await assert.rejects(buildImage(spec({ port: 80.5 })), failsWith(/port/));
    await assert.rejects(buildImage(spec({ epoch: -1 })), failsWith(/SOURCE_DATE_EPOCH/));
    await assert.rejects(buildImage(spec({ imageVersion: ' ' })), failsWith(/image version/));
    await assert.rejects(buildImage(spec({ labels: { '': 'x' } })), failsWith(/label to have a name/));
    await assert.rejects(buildImage(spec({ binaries: [{ ...amd64, bytes: amd64.bytes + 1 }] })), failsWith(/verified \d+ bytes, found \d+/));
    await assert.rejects(buildImage(spec({ binaries: [{ ...amd64, path: join(scratch, 'gone') }] })), failsWith(/could not read it/));
  });
});
