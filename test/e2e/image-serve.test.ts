// The image a user gets from the CLI, run the way a locked-down cluster runs it: podman
// (runc) loads the archive and serves the page as uid 65534 with a read-only root and no
// capabilities; the arm64 image's server runs under qemu; builds are reproducible.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { runCli } from '../helpers/entries.js';
import { makeFixtureTarball, type FixtureTarball } from '../helpers/fixture.js';
import { freePort, waitForHttp } from '../helpers/net.js';
import { Podman, RESTRICTED } from '../helpers/podman.js';

let dir: string;
let tarball: FixtureTarball;
let port: number;
let podman: Podman;
const EPOCH = '1700000000';

async function build(cwd: string, args: string[], env: Record<string, string> = { SOURCE_DATE_EPOCH: EPOCH }) {
  return runCli(['build', '--source', tarball.path, '--sha256', tarball.sha256, ...args], { cwd, env });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'static-thttpd-serve-'));
  tarball = await makeFixtureTarball({ dir });
  port = await freePort();
  podman = new Podman(join(dir, 'podman'));
  const built = await build(dir, ['--platform', 'linux/amd64', '--platform', 'linux/arm64', '--port', String(port), '--image', 'example.test/web', '--output', 'image.tar']);
  assert.equal(built.code, 0, built.stderr);
});

after(async () => {
  podman.removeAll();
  await rm(dir, { recursive: true, force: true });
});

describe('podman runs the archive', () => {
  test('load, then a restricted run serves the page, /healthz and a 404, logging to stderr; stop ends it with 0', async () => {
    assert.match(podman.call('load', '-i', join(dir, 'image.tar')), /Loaded image: example\.test\/web:2\.29/);
    const container = `serve-${process.pid}`;
    const child = podman.run(['--name', container, ...RESTRICTED], 'example.test/web:2.29', ['-h', '127.0.0.1']);
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /thttpd 2\.29/);
      assert.match(html, /2023-11-14/, 'the build date comes from SOURCE_DATE_EPOCH');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      assert.equal(health.status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${port}/no/such/page`)).status, 404);
      const inspect = JSON.parse(podman.call('inspect', container, '--format', '{{json .Config}}')) as { User: string; StopSignal: number | string };
      assert.equal(inspect.User, '65534:65534');
    } finally {
      podman.call('stop', '--time', '10', container);
    }
    assert.equal(await exited, 0, 'SIGUSR1 is a graceful stop');
    assert.match(stderr, /"GET \/ HTTP\/1\.1" 200/);
    assert.match(stderr, /"GET \/no\/such\/page HTTP\/1\.1" 404/);
    assert.doesNotMatch(stdout, /GET/, 'the log goes to stderr, not stdout');
    assert.equal(podman.call('inspect', container, '--format', '{{.State.ExitCode}}').trim(), '0');
    podman.call('rm', container);
  });
});

test('the arm64 image carries an aarch64 server that serves the page under qemu', async () => {
  const layout = join(dir, 'arm64-layout');
  execFileSync('skopeo', ['copy', '--override-arch', 'arm64', `oci-archive:${join(dir, 'image.tar')}:example.test/web:2.29`, `oci:${layout}:arm64`], { stdio: 'pipe' });
  const bundle = join(dir, 'arm64-bundle');
  execFileSync('umoci', ['unpack', '--rootless', '--image', `${layout}:arm64`, bundle], { stdio: 'pipe' });
  const rootfs = join(bundle, 'rootfs');
  assert.match(execFileSync('file', ['-b', join(rootfs, 'thttpd')], { encoding: 'utf8' }), /ARM aarch64.*statically linked/);
  const armPort = await freePort();
  const server = spawn('qemu-aarch64-static', [join(rootfs, 'thttpd'), '-D', '-h', '127.0.0.1', '-p', String(armPort), '-d', join(rootfs, 'www'), '-l', '-']);
  const exited = new Promise<number | null>((resolve) => server.on('close', resolve));
  try {
    await waitForHttp(`http://127.0.0.1:${armPort}/`);
    const page = await fetch(`http://127.0.0.1:${armPort}/`);
    assert.equal(page.status, 200);
    assert.equal(await page.text(), await readFile(join(rootfs, 'www/index.html'), 'utf8'));
  } finally {
    server.kill('SIGUSR1');
  }
  assert.equal(await exited, 0);
});

test('two builds in different folders at different times give byte-identical archives; one site byte changes the digest', async () => {
  const site = join(dir, 'site');
  await mkdir(site, { recursive: true });
  await writeFile(join(site, 'index.html'), '<h1>hello</h1>\n');
  const digests: string[] = [];
  const archives: Buffer[] = [];
  for (const [i, content] of ['<h1>hello</h1>\n', '<h1>hello</h1>\n', '<h1>hellO</h1>\n'].entries()) {
    const cwd = join(dir, `repro-${i}`);
    await mkdir(cwd);
    await writeFile(join(site, 'index.html'), content);
    const result = await build(cwd, ['--site', site, '--output', 'image.tar']);
    assert.equal(result.code, 0, result.stderr);
    digests.push(/-> (sha256:[0-9a-f]{64})/.exec(result.stdout)?.[1] ?? '');
    archives.push(await readFile(join(cwd, 'image.tar')));
    await new Promise((r) => setTimeout(r, 1100));
  }
  assert.match(digests[0] ?? '', /^sha256:/);
  assert.equal(digests[1], digests[0]);
  assert.ok(archives[1]?.equals(archives[0] as Buffer), 'byte-identical archives');
  assert.notEqual(digests[2], digests[0]);
});

const badSites: [string, (site: string) => Promise<void>, RegExp][] = [
  ['does not exist', async () => undefined, /site: expected a folder of files to serve, found nothing at ".*public"/],
  ['is empty', async (site) => void (await mkdir(site)), /site: expected at least one file to serve in ".*public", found none/],
  ['holds a symlink out of the site', async (site) => { await mkdir(site); await writeFile(join(site, 'index.html'), 'x'); await symlink('/etc/passwd', join(site, 'passwd')); }, /"\/etc\/passwd", which resolves outside the site/],
];

for (const [what, make, message] of badSites) {
  test(`a site folder that ${what} is a clear error and nothing is written`, async () => {
    const cwd = await mkdtemp(join(dir, 'badsite-'));
    const site = join(cwd, 'public');
    await make(site);
    const result = await build(cwd, ['--site', 'public', '--output', 'image.tar']);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^static-thttpd: error: /m);
    assert.match(result.stderr, message);
    assert.ok(!(await readdir(cwd)).includes('image.tar'));
  });
}
