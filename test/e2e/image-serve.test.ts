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
let built: Awaited<ReturnType<typeof build>>;
const EPOCH = '1700000000';

async function build(cwd: string, args: string[], env: Record<string, string> = { SOURCE_DATE_EPOCH: EPOCH }) {
  return runCli(['build', '--source', tarball.path, '--sha256', tarball.sha256, ...args], { cwd, env });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'static-thttpd-serve-'));
  tarball = await makeFixtureTarball({ dir });
  port = await freePort();
  podman = new Podman(join(dir, 'podman'));
  built = await build(dir, ['--platform', 'linux/amd64', '--platform', 'linux/arm64', '--port', String(port), '--image', 'example.test/web', '--output', 'image.tar']);
  assert.equal(built.code, 0, built.stderr);
});

after(async () => {
  podman.removeAll();
  await rm(dir, { recursive: true, force: true });
});

describe('podman runs the archive', () => {
  test('the CLI warns what each loader gets of the archive; podman load gets the digest it reported', () => {
    assert.match(built.stderr, /^static-thttpd: warning: output: image\.tar names the image example\.test\/web:2\.29 only for podman load, kind load image-archive .*; example\.test\/web:2, example\.test\/web:latest reach docker load/m);
    assert.match(built.stderr, /^static-thttpd: warning: output: docker load with Docker's classic image store takes linux\/amd64 from image\.tar/m);
    const reported = /-> (sha256:[0-9a-f]{64})/.exec(built.stdout)?.[1];
    assert.ok(reported, built.stdout);
    const out = podman.call('load', '-i', join(dir, 'image.tar'));
    assert.deepEqual(out.match(/^Loaded image: .*$/gm), ['Loaded image: example.test/web:2.29']);
    assert.equal(podman.call('image', 'inspect', 'example.test/web:2.29', '--format', '{{.Digest}}').trim(), reported);
  });

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

test('a site of its own is served from /www: an executable file, a link through a linked folder, its own healthz', async () => {
  // Folder "public": the link climbs out of it through sub/up and back in by that name.
  const cwd = await mkdtemp(join(dir, 'own-site-'));
  const site = join(cwd, 'public');
  await mkdir(join(site, 'sub'), { recursive: true });
  await writeFile(join(site, 'index.html'), '<h1>own</h1>\n');
  await writeFile(join(site, 'tool.sh'), '#!/bin/sh\n', { mode: 0o755 });
  await writeFile(join(site, 'healthz'), 'mine\n');
  await symlink('..', join(site, 'sub', 'up'));
  await symlink('sub/up/../public/index.html', join(site, 'x.html'));
  const sitePort = await freePort();
  const result = await build(cwd, ['--site', 'public', '--port', String(sitePort), '--image', 'example.test/own', '--tag', 'one', '--latest', 'false', '--output', 'own.tar']);
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /^static-thttpd: warning:/m, 'one name, one platform: nothing any loader misses');
  podman.call('load', '-i', join(cwd, 'own.tar'));
  const container = `own-site-${process.pid}`;
  const child = podman.run(['--rm', '--name', container, ...RESTRICTED], 'example.test/own:one', ['-h', '127.0.0.1']);
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    await waitForHttp(`http://127.0.0.1:${sitePort}/healthz`);
    const get = async (path: string) => {
      const response = await fetch(`http://127.0.0.1:${sitePort}${path}`);
      return [response.status, await response.text()];
    };
    assert.deepEqual(await get('/healthz'), [200, 'mine\n']);
    assert.deepEqual(await get('/x.html'), [200, '<h1>own</h1>\n']);
    // thttpd answers 403 for a world-executable file that is not CGI.
    assert.deepEqual(await get('/tool.sh'), [200, '#!/bin/sh\n']);
  } finally {
    podman.call('stop', '--time', '10', container);
  }
  assert.equal(await exited, 0);
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

// Refused before the source is even fetched, so the user waits for no compile.
const badOutputs: [string, (cwd: string) => Promise<string>, RegExp][] = [
  ['a folder that is not an image layout', async (cwd) => { await mkdir(join(cwd, 'docs')); await writeFile(join(cwd, 'docs', 'notes.txt'), 'keep'); return 'docs'; }, /output: expected ".*\/docs" to be a new folder or an OCI image layout to replace, found a folder holding other files/],
  ['a path under a file', async (cwd) => { await writeFile(join(cwd, 'plain'), 'x'); return 'plain/image.tar'; }, /output: expected ".*\/plain" to be a folder to hold ".*\/plain\/image\.tar", found a file/],
  ['a path under /proc', async () => '/proc/static-thttpd-nope/image.tar', /output: expected to write "\/proc\/static-thttpd-nope\/image\.tar", but nothing can be created in "\/proc"/],
];

for (const [what, make, message] of badOutputs) {
  test(`an output that is ${what} is refused before the build`, { timeout: 60_000 }, async () => {
    const cwd = await mkdtemp(join(dir, 'badoutput-'));
    const result = await build(cwd, ['--output', await make(cwd)]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /verified|compiling/);
  });
}

test('a SOURCE_DATE_EPOCH past what a layer holds is refused before the build', async () => {
  const result = await build(dir, ['--output', 'late.tar'], { SOURCE_DATE_EPOCH: '99999999999' });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /^static-thttpd: error: SOURCE_DATE_EPOCH: expected whole seconds since 1970, from 0 to 8589934591 .*got "99999999999"/m);
  assert.doesNotMatch(result.stderr, /verified|compiling/);
});
