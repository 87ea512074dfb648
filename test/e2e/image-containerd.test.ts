// `kind load image-archive` pipes the archive into `ctr --namespace=k8s.io images import
// --all-platforms --digests`, and the kubelet then asks containerd for the fully
// qualified name. A containerd of our own (own root, state and socket, no CRI) judges that.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeArchive } from '../../src/image/archive.js';
import { buildImage } from '../../src/image/build.js';
import type { Image } from '../../src/types.js';
import { staticBinary } from '../helpers/static-binary.js';

const available = spawnSync('containerd', ['--version']).status === 0 && spawnSync('ctr', ['--version']).status === 0;
const skip = !available ? 'containerd and ctr are not installed (apt-get install containerd)' : process.getuid?.() !== 0 ? 'containerd needs root' : false;

const scratch = mkdtempSync(join(tmpdir(), 'image-containerd-'));
const socket = join(scratch, 'containerd.sock');
let daemon: ChildProcess | undefined;
let image: Image;

function ctr(args: string[], input?: Buffer): string {
  const result = spawnSync('ctr', ['--address', socket, '--namespace', 'k8s.io', ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`ctr ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

describe('containerd imports the archive as kind does', { skip }, () => {
  before(async () => {
    // The native snapshotter needs no overlay mounts, so this works inside containers too.
    writeFileSync(
      join(scratch, 'config.toml'),
      [
        'version = 2',
        `root = ${JSON.stringify(join(scratch, 'root'))}`,
        `state = ${JSON.stringify(join(scratch, 'state'))}`,
        'disabled_plugins = ["io.containerd.grpc.v1.cri"]',
        '[grpc]',
        `  address = ${JSON.stringify(socket)}`,
      ].join('\n'),
    );
    daemon = spawn('containerd', ['--config', join(scratch, 'config.toml')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    daemon.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(existsSync(socket), `containerd did not start:\n${log}`);

    image = await buildImage({
      binaries: [staticBinary('linux/amd64'), staticBinary('linux/arm64')],
      port: 8080,
      epoch: 1_700_000_000,
      thttpdVersion: '2.29',
      imageVersion: '2.29',
      labels: {},
    });
  });

  after(async () => {
    if (daemon && daemon.exitCode === null) {
      const exited = new Promise((resolve) => daemon?.once('exit', resolve));
      daemon.kill('SIGTERM');
      await exited;
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it('names the image from io.containerd.image.name, fully qualified, with both platforms: the first name only', async () => {
    // podman reads an OCI archive only when index.json names one image, so the .tar names
    // its first; the second name here is what containerd does not get.
    const path = join(scratch, 'image.tar');
    await writeArchive(image, path, ['web:1', 'ghcr.io/me/web:2.29']);
    ctr(['images', 'import', '--all-platforms', '--digests', '--snapshotter', 'native', '-'], readFileSync(path));
    const rows = ctr(['images', 'ls'])
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(/\s+/));
    const byName = new Map(rows.map((row) => [row[0], row]));
    const row = byName.get('docker.io/library/web:1');
    assert.ok(row, `docker.io/library/web:1 among ${[...byName.keys()].join(', ')}`);
    assert.equal(row[1], 'application/vnd.oci.image.index.v1+json');
    assert.equal(row[2], image.index.digest);
    assert.ok(row.some((cell) => cell === 'linux/amd64,linux/arm64'), row.join(' '));
    // The only other name is the digest one kind asks for (--digests).
    assert.deepEqual([...byName.keys()].filter((name) => name !== 'docker.io/library/web:1' && !name?.startsWith('import-')), []);
  });

  it('runs it as 65534 with the entrypoint', () => {
    const out = ctr(['run', '--rm', '--snapshotter', 'native', 'docker.io/library/web:1', 'image-probe']);
    assert.match(out, /^uid=65534 gid=65534$/m);
    assert.match(out, /^cwd=\/www$/m);
    assert.match(out, /^argv\[0\]=\/thttpd$/m);
    assert.match(out, /^healthz=ok$/m);
  });
});
