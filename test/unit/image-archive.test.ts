import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { extract } from 'tar-stream';
import { Failure } from '../../src/failure.js';
import { archiveNames, archiveTar, archiveWarnings, dockerManifest, formatSizeReport, layoutFiles, layoutIndex, sizeReport, writeArchive } from '../../src/image/archive.js';
import { buildImage } from '../../src/image/build.js';
import type { Image } from '../../src/types.js';
import { fakeBinary } from '../helpers/static-binary.js';

const scratch = mkdtempSync(join(tmpdir(), 'image-archive-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const sha = (data: Uint8Array) => `sha256:${createHash('sha256').update(data).digest('hex')}`;
const failsWith = (pattern: RegExp) => (err: unknown) => err instanceof Failure && pattern.test(err.message);

let image: Image;
let shared: Image;
let amd64Only: Image;
before(async () => {
  const base = { port: 8080, epoch: 1_700_000_000, thttpdVersion: '2.29', imageVersion: '2.29', labels: {} };
  image = await buildImage({ ...base, binaries: [fakeBinary('linux/amd64', scratch, 'amd64'), fakeBinary('linux/arm64', scratch, 'arm64!')] });
  amd64Only = await buildImage({ ...base, binaries: [fakeBinary('linux/amd64', scratch, 'amd64')] });
  // The same bytes for both platforms make the same layer: it must be stored once.
  const dir = join(scratch, 'same');
  mkdirSync(dir);
  shared = await buildImage({ ...base, binaries: [fakeBinary('linux/amd64', dir, 'same'), fakeBinary('linux/arm64', dir, 'same')] });
});

async function tarEntries(tar: Buffer) {
  const out: { name: string; mode: number; uid: number; gid: number; mtime: number; body: Buffer }[] = [];
  const reader = extract();
  reader.end(tar);
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const { name, mode, uid, gid, mtime } = entry.header;
    out.push({ name, mode, uid, gid, mtime: mtime.getTime() / 1000, body: Buffer.concat(chunks) });
  }
  return out;
}

describe('layout index.json', () => {
  it('names the image index once per ref, for containerd (qualified) and for podman/skopeo (as given)', () => {
    const index = JSON.parse(layoutIndex(image, ['ghcr.io/me/web:2.29', 'web']).toString()) as { manifests: { digest: string; mediaType: string; annotations: Record<string, string> }[] };
    assert.deepEqual(
      index.manifests.map((m) => [m.mediaType, m.digest, m.annotations]),
      [
        ['application/vnd.oci.image.index.v1+json', image.index.digest, { 'io.containerd.image.name': 'ghcr.io/me/web:2.29', 'org.opencontainers.image.ref.name': 'ghcr.io/me/web:2.29' }],
        ['application/vnd.oci.image.index.v1+json', image.index.digest, { 'io.containerd.image.name': 'docker.io/library/web:latest', 'org.opencontainers.image.ref.name': 'web:latest' }],
      ],
    );
  });

  it('names each image once, however it is spelled', () => {
    const index = JSON.parse(layoutIndex(image, ['web', 'docker.io/library/web:latest', 'web:latest']).toString()) as { manifests: unknown[] };
    assert.equal(index.manifests.length, 1);
    assert.deepEqual(JSON.parse(dockerManifest(image, ['web', 'web:latest']).toString())[0].RepoTags, ['web:latest']);
  });

  it('without refs names nothing', () => {
    const index = JSON.parse(layoutIndex(image, []).toString()) as { manifests: Record<string, unknown>[] };
    assert.deepEqual(index.manifests, [{ mediaType: image.index.mediaType, digest: image.index.digest, size: image.index.size }]);
  });
});

describe('archive names', () => {
  it('are the first name only, once however it is spelled: podman reads an OCI archive naming one image', () => {
    assert.deepEqual(archiveNames(['web', 'docker.io/library/web:latest', 'ghcr.io/me/web:2']), ['web:latest']);
    assert.deepEqual(archiveNames(['ghcr.io/me/web:2.29', 'ghcr.io/me/web:2', 'ghcr.io/me/web:latest']), ['ghcr.io/me/web:2.29']);
    assert.deepEqual(archiveNames([]), []);
  });
});

describe('archive warnings', () => {
  const refs = ['ghcr.io/me/web:2.29', 'ghcr.io/me/web:2', 'ghcr.io/me/web:latest'];

  it('say which loaders get the first name only, naming the others', () => {
    const [names] = archiveWarnings(amd64Only, '/out/web.tar', refs);
    assert.match(names ?? '', /^output: web\.tar names the image ghcr\.io\/me\/web:2\.29 only for podman load, kind load image-archive/);
    assert.match(names ?? '', /ghcr\.io\/me\/web:2, ghcr\.io\/me\/web:latest reach docker load with the classic image store alone/);
    assert.equal(archiveWarnings(amd64Only, '/out/web.tar', refs).length, 1, 'one platform: nothing more to say');
  });

  it('say that Docker\'s classic store takes the first platform of a multi-platform archive', () => {
    const warnings = archiveWarnings(image, '/out/web.tar', ['ghcr.io/me/web:2.29']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /docker load with Docker's classic image store takes linux\/amd64 from web\.tar/);
  });

  it('are none for one name and one platform, or for a layout folder, which names every ref', () => {
    assert.deepEqual(archiveWarnings(amd64Only, '/out/web.tar', ['web:1', 'docker.io/library/web:1']), []);
    assert.deepEqual(archiveWarnings(image, '/out/layout', refs), []);
  });
});

describe('Docker manifest.json', () => {
  it('points at the first platform config and layer in blobs/, tagged with every ref', () => {
    const [first] = image.platforms;
    assert.ok(first);
    assert.deepEqual(JSON.parse(dockerManifest(image, ['ghcr.io/me/web:2.29', 'ghcr.io/me/web']).toString()), [
      {
        Config: `blobs/sha256/${first.config.digest.slice(7)}`,
        Layers: [`blobs/sha256/${first.layer.digest.slice(7)}`],
        RepoTags: ['ghcr.io/me/web:2.29', 'ghcr.io/me/web:latest'],
      },
    ]);
  });
});

describe('layout files', () => {
  it('stores every blob once, under its digest', () => {
    const files = layoutFiles(shared, [], false);
    const blobs = files.filter((f) => f.path.startsWith('blobs/'));
    assert.equal(shared.platforms[0]?.layer.digest, shared.platforms[1]?.layer.digest);
    assert.equal(blobs.length, 1 + 2 + 2 + 1, 'index, 2 manifests, 2 configs, 1 shared layer');
    for (const blob of blobs) assert.equal(`blobs/${sha(blob.data).replace(':', '/')}`, blob.path);
    assert.deepEqual(files.slice(0, 2).map((f) => f.path), ['oci-layout', 'index.json']);
    assert.equal(files[0]?.data.toString(), '{"imageLayoutVersion":"1.0.0"}');
  });
});

describe('archive tar', () => {
  it('is byte-identical for the same image, sorted, owned by 0:0, dated from the image', async () => {
    const a = await archiveTar(image, ['ghcr.io/me/web:2.29']);
    const b = await archiveTar(image, ['ghcr.io/me/web:2.29']);
    assert.deepEqual(a, b);
    const entries = await tarEntries(a);
    const names = entries.map((e) => e.name);
    assert.deepEqual(names.slice(0, 2), ['blobs/', 'blobs/sha256/']);
    assert.deepEqual(names.slice(-3), ['index.json', 'manifest.json', 'oci-layout']);
    const several = await tarEntries(await archiveTar(image, ['ghcr.io/me/web:2.29', 'ghcr.io/me/web:2']));
    const severalFile = (name: string) => several.find((e) => e.name === name)?.body;
    assert.deepEqual(severalFile('index.json'), layoutIndex(image, ['ghcr.io/me/web:2.29']), 'index.json names the first only');
    assert.deepEqual(severalFile('manifest.json'), dockerManifest(image, ['ghcr.io/me/web:2.29', 'ghcr.io/me/web:2']), 'manifest.json names all');
    for (const e of entries) {
      assert.equal(e.uid, 0);
      assert.equal(e.gid, 0);
      assert.equal(e.mtime, 1_700_000_000);
      assert.equal(e.mode, e.name.endsWith('/') ? 0o755 : 0o644);
    }
  });
});

describe('writeArchive', () => {
  const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('.'));

  it('writes a .tar file, and replaces an old one', async () => {
    const dir = join(scratch, 'tar-out');
    const path = join(dir, 'nested', 'image.tar');
    await writeArchive(image, path, ['ghcr.io/me/web:2.29']);
    assert.deepEqual(readFileSync(path), await archiveTar(image, ['ghcr.io/me/web:2.29']));
    await writeArchive(image, path, ['ghcr.io/me/web:2.30']);
    assert.match(readFileSync(path).toString('latin1'), /web:2\.30/);
    assert.deepEqual(leftovers(join(dir, 'nested')), []);
  });

  it('leaves an existing output untouched when it fails, and writes no temporary file', async () => {
    const dir = join(scratch, 'tar-fail');
    mkdirSync(dir);
    const path = join(dir, 'image.tar');
    writeFileSync(path, 'old archive');
    await assert.rejects(writeArchive(image, path, ['Bad Ref']), failsWith(/image reference/));
    assert.equal(readFileSync(path, 'utf8'), 'old archive');
    assert.deepEqual(readdirSync(dir), ['image.tar']);
  });

  it('refuses to put a .tar where a folder is', async () => {
    const path = join(scratch, 'is-a-dir.tar');
    mkdirSync(path);
    await assert.rejects(writeArchive(image, path, []), failsWith(/found a folder/));
  });

  it('writes any other path as an OCI layout folder, replacing an old layout', async () => {
    const path = join(scratch, 'layout');
    await writeArchive(image, path, ['ghcr.io/me/web:2.29']);
    const write = (p: string) => readFileSync(join(path, p));
    assert.deepEqual(write('index.json'), layoutIndex(image, ['ghcr.io/me/web:2.29']));
    assert.equal(existsSync(join(path, 'manifest.json')), false);
    for (const blob of [image.index, ...image.platforms.flatMap((p) => [p.manifest, p.config, p.layer])]) {
      assert.deepEqual(write(`blobs/sha256/${blob.digest.slice(7)}`), blob.data);
    }
    writeFileSync(join(path, 'stale'), 'from before');
    await writeArchive(image, path, ['ghcr.io/me/web:2.30', 'ghcr.io/me/web:2']);
    assert.equal(existsSync(join(path, 'stale')), false);
    assert.deepEqual(write('index.json'), layoutIndex(image, ['ghcr.io/me/web:2.30', 'ghcr.io/me/web:2']), 'a folder names every ref');
    assert.deepEqual(leftovers(scratch), []);
  });

  // Node 20's recursive mkdir never returns for a path under /proc.
  it('refuses a path under /proc at once, for a .tar and for a folder', { timeout: 10_000 }, async () => {
    await assert.rejects(writeArchive(image, '/proc/static-thttpd-nope/image.tar', []), failsWith(/^output: expected to write .*nothing can be created in "\/proc"/));
    await assert.rejects(writeArchive(image, '/proc/static-thttpd-nope/layout', []), failsWith(/nothing can be created in "\/proc"/));
  });

  it('never replaces a folder that is not an image layout', async () => {
    const path = join(scratch, 'precious');
    mkdirSync(path);
    writeFileSync(join(path, 'notes.txt'), 'keep me');
    await assert.rejects(writeArchive(image, path, []), failsWith(/holding other files/));
    assert.equal(readFileSync(join(path, 'notes.txt'), 'utf8'), 'keep me');
  });
});

describe('size report', () => {
  it('gives binary, compressed layer, and pulled bytes (manifest + config + layer) per platform', () => {
    const rows = sizeReport(image);
    assert.deepEqual(rows.map((r) => r.platform), ['linux/amd64', 'linux/arm64']);
    for (const [i, p] of image.platforms.entries()) {
      assert.deepEqual(rows[i], { platform: p.platform, binaryBytes: p.binaryBytes, layerBytes: p.layer.size, pulledBytes: p.manifest.size + p.config.size + p.layer.size });
    }
    const text = formatSizeReport([{ platform: 'linux/amd64', binaryBytes: 1300456, layerBytes: 578334, pulledBytes: 580000 }]);
    assert.equal(text, ['platform        binary  layer (gzip)   pulled', 'linux/amd64  1,300,456       578,334  580,000'].join('\n'));
  });
});
