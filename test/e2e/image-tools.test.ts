// The image as other tools see it: skopeo, umoci and podman judge the layout, the archive
// and the config independently of the code that wrote them.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeArchive } from '../../src/image/archive.js';
import { buildImage } from '../../src/image/build.js';
import { readSiteFolder } from '../../src/image/site.js';
import { GROUP, PASSWD } from '../../src/image/rootfs.js';
import type { Image, Platform } from '../../src/types.js';
import { staticBinary } from '../helpers/static-binary.js';

const scratch = mkdtempSync(join(tmpdir(), 'image-tools-'));
const REF = 'ghcr.io/me/web:2.29';
const LONG_DIR = `docs/${'chapter-'.repeat(14)}end`; // over ustar's 100 bytes with the file below
const isRoot = process.getuid?.() === 0;

function run(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}
const json = <T>(text: string): T => JSON.parse(text) as T;
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

// podman with its own storage (vfs: no mounts to undo), so tests never touch the machine's images.
const podmanRoot = join(scratch, 'podman');
const podmanBase = ['--root', join(podmanRoot, 'root'), '--runroot', join(podmanRoot, 'run'), '--storage-driver', 'vfs', '--runtime', 'runc'];
const podman = (...args: string[]) => run('podman', [...podmanBase, ...args]);

function writeSite(dir: string): void {
  mkdirSync(join(dir, LONG_DIR), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<h1>mine</h1>\n');
  writeFileSync(join(dir, 'café.html'), 'utf-8 name\n');
  writeFileSync(join(dir, LONG_DIR, 'appendix.html'), 'deep\n');
  writeFileSync(join(dir, 'tool.sh'), '#!/bin/sh\n');
  chmodSync(join(dir, 'tool.sh'), 0o700);
  writeFileSync(join(dir, 'private.txt'), 'p\n');
  chmodSync(join(dir, 'private.txt'), 0o600);
  symlinkSync('index.html', join(dir, 'home.html'));
  // Through an in-site linked folder up and out of the site, and back in by the host
  // folder's name: read as text it stays inside, at /www it would dangle.
  mkdirSync(join(dir, 'sub'));
  symlinkSync('..', join(dir, 'sub', 'up'));
  symlinkSync('sub/up/../site/index.html', join(dir, 'x.html'));
}

/** What a rootfs must hold, path -> [type, mode, content or link target]. */
function expectedTree(server: Buffer): Map<string, [string, number, string]> {
  const dirs = ['etc', 'www', 'www/docs', `www/${LONG_DIR}`, 'www/sub'];
  const tree = new Map<string, [string, number, string]>(dirs.map((d) => [d, ['dir', 0o755, '']]));
  tree.set('thttpd', ['file', 0o755, sha256(server)]);
  tree.set('etc/passwd', ['file', 0o644, sha256(Buffer.from(PASSWD))]);
  tree.set('etc/group', ['file', 0o644, sha256(Buffer.from(GROUP))]);
  tree.set('www/index.html', ['file', 0o644, sha256(Buffer.from('<h1>mine</h1>\n'))]);
  tree.set('www/café.html', ['file', 0o644, sha256(Buffer.from('utf-8 name\n'))]);
  tree.set(`www/${LONG_DIR}/appendix.html`, ['file', 0o644, sha256(Buffer.from('deep\n'))]);
  // thttpd answers 403 for a world-executable file that is not CGI: every site file is 0644.
  tree.set('www/tool.sh', ['file', 0o644, sha256(Buffer.from('#!/bin/sh\n'))]);
  tree.set('www/private.txt', ['file', 0o644, sha256(Buffer.from('p\n'))]);
  tree.set('www/healthz', ['file', 0o644, sha256(Buffer.from('ok\n'))]);
  tree.set('www/home.html', ['link', 0o777, 'index.html']);
  tree.set('www/sub/up', ['link', 0o777, '..']);
  tree.set('www/x.html', ['link', 0o777, 'index.html']);
  return tree;
}

function actualTree(rootfs: string): { tree: Map<string, [string, number, string]>; owners: Set<string> } {
  const tree = new Map<string, [string, number, string]>();
  const owners = new Set<string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(rootfs, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(rootfs, path));
      owners.add(`${st.uid}:${st.gid}`);
      if (st.isDirectory()) {
        tree.set(path, ['dir', st.mode & 0o7777, '']);
        walk(path);
      } else if (st.isSymbolicLink()) tree.set(path, ['link', 0o777, readlinkSync(join(rootfs, path))]);
      else tree.set(path, ['file', st.mode & 0o7777, sha256(readFileSync(join(rootfs, path)))]);
    }
  };
  walk('');
  return { tree, owners };
}

let image: Image;
const layout = join(scratch, 'layout');
const archive = join(scratch, 'image.tar');

before(async () => {
  const site = join(scratch, 'site');
  writeSite(site);
  image = await buildImage({
    binaries: [staticBinary('linux/amd64'), staticBinary('linux/arm64')],
    site: await readSiteFolder(site),
    port: 8080,
    epoch: 1_700_000_000,
    thttpdVersion: '2.29',
    imageVersion: '2.29',
    source: 'https://github.com/me/web',
    revision: '0123abc',
    labels: { 'org.opencontainers.image.title': 'web' },
  });
  await writeArchive(image, layout, [REF]);
  await writeArchive(image, archive, [REF]);
});
after(() => {
  spawnSync('podman', ['--root', join(podmanRoot, 'root'), '--runroot', join(podmanRoot, 'run'), '--storage-driver', 'vfs', 'rmi', '-a', '-f']);
  rmSync(scratch, { recursive: true, force: true });
});

describe('skopeo reads the layout', () => {
  it('finds the index by name and it lists both platforms', () => {
    const raw = run('skopeo', ['inspect', '--raw', `oci:${layout}:${REF}`]);
    assert.equal(raw, image.index.data.toString('utf8'), 'skopeo reads back our index bytes');
    const index = json<{ manifests: { platform: { os: string; architecture: string } }[]; annotations: Record<string, string> }>(raw);
    assert.deepEqual(index.manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`), ['linux/amd64', 'linux/arm64']);
    assert.equal(index.annotations['org.opencontainers.image.title'], 'web');
  });

  for (const arch of ['amd64', 'arm64']) {
    it(`shows the ${arch} config fields`, () => {
      const config = json<{ architecture: string; os: string; created: string; config: Record<string, unknown> }>(
        run('skopeo', ['inspect', '--config', '--override-arch', arch, '--override-os', 'linux', `oci:${layout}:${REF}`]),
      );
      assert.equal(config.architecture, arch);
      assert.equal(config.os, 'linux');
      assert.equal(config.created, '2023-11-14T22:13:20Z');
      assert.equal(config.config['User'], '65534:65534');
      assert.deepEqual(config.config['ExposedPorts'], { '8080/tcp': {} });
      assert.deepEqual(config.config['Entrypoint'], ['/thttpd', '-D', '-p', '8080', '-d', '/www', '-l', '/dev/stderr', '-nor', '-T', 'UTF-8']);
      assert.equal(config.config['WorkingDir'], '/www');
      assert.equal(config.config['StopSignal'], 'SIGUSR1');
      const labels = config.config['Labels'] as Record<string, string>;
      assert.equal(labels['org.opencontainers.image.title'], 'web');
      assert.equal(labels['org.opencontainers.image.revision'], '0123abc');
      assert.equal(labels['org.opencontainers.image.licenses'], 'BSD-2-Clause');
      assert.equal(labels['org.opencontainers.image.base.name'], 'scratch');
    });
  }

  it('reads the .tar both as an OCI archive and as a Docker archive', () => {
    const oci = json<{ Digest: string; Architecture: string }>(run('skopeo', ['inspect', '--override-arch', 'amd64', `oci-archive:${archive}:${REF}`]));
    assert.equal(oci.Digest, image.index.digest);
    const docker = json<{ RepoTags: string[]; Architecture: string; Layers: string[] }>(run('skopeo', ['inspect', `docker-archive:${archive}`]));
    assert.equal(docker.Architecture, 'amd64', 'manifest.json names the first platform');
    // A Docker archive names layers by their uncompressed digest, whatever the file holds.
    assert.deepEqual(docker.Layers, [image.platforms[0]?.diffId]);
  });
});

describe('umoci unpacks each platform', () => {
  for (const platform of ['linux/amd64', 'linux/arm64'] as Platform[]) {
    it(`${platform}: exactly the expected files, owners and modes, and the runtime config`, () => {
      const arch = platform.split('/')[1] ?? '';
      // umoci resolves a name to one manifest only ("tag is ambiguous" for a multi-platform
      // index, in every release so far): skopeo copies this platform's manifest, unchanged,
      // into a layout of its own, as the README says to.
      const single = join(scratch, `single-${arch}`);
      run('skopeo', ['copy', '-q', '--override-arch', arch, '--override-os', 'linux', `oci:${layout}:${REF}`, `oci:${single}:probe`]);
      const copied = json<{ manifests: { digest: string }[] }>(readFileSync(join(single, 'index.json'), 'utf8'));
      assert.equal(copied.manifests[0]?.digest, image.platforms.find((p) => p.platform === platform)?.manifest.digest);

      const bundle = join(scratch, `bundle-${arch}`);
      run('umoci', ['unpack', ...(isRoot ? [] : ['--rootless']), '--image', `${single}:probe`, bundle]);
      const { tree, owners } = actualTree(join(bundle, 'rootfs'));
      assert.deepEqual(Object.fromEntries(tree), Object.fromEntries(expectedTree(readFileSync(staticBinary(platform).path))));
      if (isRoot) assert.deepEqual([...owners], ['0:0']);
      for (const link of ['home.html', 'x.html']) {
        assert.equal(readFileSync(join(bundle, 'rootfs', 'www', link), 'utf8'), '<h1>mine</h1>\n', `${link} resolves inside the unpacked /www`);
      }
      assert.match(execFileSync('file', ['-b', join(bundle, 'rootfs', 'thttpd')], { encoding: 'utf8' }), arch === 'arm64' ? /aarch64/ : /x86-64/);

      const spec = json<{ process: { user: { uid: number; gid: number }; args: string[]; cwd: string; env: string[] } }>(readFileSync(join(bundle, 'config.json'), 'utf8'));
      assert.deepEqual(spec.process.user, { uid: 65534, gid: 65534 });
      assert.deepEqual(spec.process.args.slice(0, 4), ['/thttpd', '-D', '-p', '8080']);
      assert.equal(spec.process.cwd, '/www');
      assert.ok(spec.process.env.includes('HOME=/nonexistent'), 'umoci found uid 65534 in our /etc/passwd');
    });
  }
});

describe('podman loads the .tar', () => {
  it('tags it from the archive and keeps the config: user, entrypoint, stop signal', () => {
    assert.match(podman('load', '-i', archive), new RegExp(`Loaded image: ${REF.replace(/\./g, '\\.')}`));
    const [inspected] = json<{ RepoTags: string[]; Digest: string; Architecture: string; Config: Record<string, unknown> }[]>(podman('image', 'inspect', REF));
    assert.ok(inspected);
    assert.deepEqual(inspected.RepoTags, [REF]);
    assert.equal(inspected.Digest, image.index.digest, 'podman took the OCI index, not manifest.json');
    assert.equal(inspected.Config['User'], '65534:65534');
    assert.deepEqual(inspected.Config['Entrypoint'], ['/thttpd', '-D', '-p', '8080', '-d', '/www', '-l', '/dev/stderr', '-nor', '-T', 'UTF-8']);
    assert.equal(inspected.Config['StopSignal'], 'SIGUSR1');
    assert.deepEqual(inspected.Config['ExposedPorts'], { '8080/tcp': {} });
  });

  it('runs it as 65534 in /www with the entrypoint arguments', () => {
    const out = podman('run', '--rm', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024', '--network=host', REF);
    assert.match(out, /^uid=65534 gid=65534$/m);
    assert.match(out, /^cwd=\/www$/m);
    assert.match(out, /^argv\[0\]=\/thttpd$/m);
    assert.match(out, /^argv\[3\]=8080$/m);
    assert.match(out, /^argv\[8\]=-nor$/m);
    assert.match(out, /^healthz=ok$/m);
  });

  it('with several names, reads the OCI index and takes the first name: the host platform, the reported digest', async () => {
    const tags = ['ghcr.io/me/web:multi-a', 'ghcr.io/me/web:multi-b'];
    const path = join(scratch, 'two-tags.tar');
    await writeArchive(image, path, tags);
    const result = spawnSync('podman', [...podmanBase, '--log-level', 'debug', 'load', '-i', path], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    // With two entries in index.json podman's OCI archive loader gives up and falls back to
    // manifest.json, which holds the first platform whatever the host.
    assert.doesNotMatch(result.stderr, /Error loading .*\(oci-archive\)/);
    assert.match(result.stdout, /Loaded image: ghcr\.io\/me\/web:multi-a$/m);
    assert.doesNotMatch(result.stdout, /multi-b/);
    const [inspected] = json<{ Digest: string; Architecture: string }[]>(podman('image', 'inspect', tags[0] ?? ''));
    assert.equal(inspected?.Digest, image.index.digest);
    assert.equal(inspected?.Architecture, process.arch === 'arm64' ? 'arm64' : 'amd64');
    podman('rmi', tags[0] ?? '');
  });

  it('with several names, the OCI archive loader podman uses picks arm64 for an arm64 host', async () => {
    // podman load cannot be told another platform; skopeo runs the same containers/image
    // code (an oci-archive reference with no name, which needs one index.json entry) and can.
    const path = join(scratch, 'two-tags-arm64.tar');
    await writeArchive(image, path, ['ghcr.io/me/web:multi-a', 'ghcr.io/me/web:multi-b']);
    const picked = join(scratch, 'picked-arm64');
    run('skopeo', ['copy', '-q', '--override-arch', 'arm64', '--override-os', 'linux', `oci-archive:${path}`, `oci:${picked}:probe`]);
    const copied = json<{ manifests: { digest: string }[] }>(readFileSync(join(picked, 'index.json'), 'utf8'));
    assert.equal(copied.manifests[0]?.digest, image.platforms.find((p) => p.platform === 'linux/arm64')?.manifest.digest);
  });

  after(() => {
    spawnSync('podman', ['--root', join(podmanRoot, 'root'), '--runroot', join(podmanRoot, 'run'), '--storage-driver', 'vfs', 'rmi', '-f', REF]);
  });
});
