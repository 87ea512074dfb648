// The whole job as a workflow runs it: the bundled action builds the fixture for two
// platforms and pushes to a real registry (docker-registry on 127.0.0.1) over TLS with
// htpasswd or token auth; skopeo, umoci and podman judge what arrived.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, runCli, type ActionRun } from '../helpers/entries.js';
import { makeFixtureTarball, type FixtureTarball } from '../helpers/fixture.js';
import { freePort, waitForHttp } from '../helpers/net.js';
import { Podman, RESTRICTED } from '../helpers/podman.js';
import { skopeoRaw, startRegistry, type TestRegistry } from '../helpers/registry.js';

let workspace: string;
let tarball: FixtureTarball;
let port: number;
const runs: ActionRun[] = [];

before(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'static-thttpd-publish-'));
  tarball = await makeFixtureTarball({ dir: workspace });
  port = await freePort();
});

after(async () => {
  for (const run of runs) await rm(run.dir, { recursive: true, force: true });
  await rm(workspace, { recursive: true, force: true });
});

function baseInputs(image: string): Record<string, string> {
  return {
    source: 'thttpd-2.29.tar.gz',
    sha256: tarball.sha256,
    image,
    platforms: 'linux/amd64,linux/arm64',
    port: String(port),
    'github-token': '',
  };
}

async function action(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction(inputs, { workspace, env: { SOURCE_DATE_EPOCH: '1700000000', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567', GITHUB_REPOSITORY: 'me/web', GITHUB_REF: 'refs/heads/main', ...env } });
  runs.push(run);
  return run;
}

/** What a reader of the job log sees: the runner consumes `::add-mask::` commands, it never shows them. */
const shown = (text: string) => text.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');

const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

describe('htpasswd over TLS, CA from NODE_EXTRA_CA_CERTS', () => {
  let registry: TestRegistry;
  let first: ActionRun;
  const access = () => ({ tls: true, certDir: registry.certDir, username: registry.username, password: registry.password });

  before(async () => {
    registry = await startRegistry({ auth: 'htpasswd', tls: true });
    first = await action({ ...baseInputs(`${registry.host}/team/web`), username: registry.username, password: registry.password }, { NODE_EXTRA_CA_CERTS: registry.caFile as string });
  });
  after(() => registry.stop());

  test('the push succeeds and reports digest, tags and per-platform manifests', () => {
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.match(first.outputs.digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(first.outputs.tags?.split('\n'), ['2.29', '2', 'latest'].map((t) => `${registry.host}/team/web:${t}`));
    assert.equal(first.outputs.image, `${registry.host}/team/web`);
    const platforms = JSON.parse(first.outputs.platforms ?? '[]') as { platform: string; digest: string }[];
    assert.deepEqual(platforms.map((p) => p.platform), ['linux/amd64', 'linux/arm64']);
    const json = JSON.parse(first.outputs.json ?? '{}') as { pushed: boolean; labels: Record<string, string> };
    assert.equal(json.pushed, true);
    assert.equal(json.labels['org.opencontainers.image.revision'], '0123456789abcdef0123456789abcdef01234567');
    assert.equal(json.labels['org.opencontainers.image.source'], 'https://github.com/me/web');
    assert.match(first.summary, new RegExp(`\\| \`${registry.host}/team/web:2\\.29\` \\| \`${first.outputs.digest}\` \\|`));
  });

  test('every tag serves the same index, whose digest is the one reported', async () => {
    const raws = await Promise.all(['2.29', '2', 'latest'].map((tag) => skopeoRaw(`${registry.host}/team/web:${tag}`, access())));
    for (const raw of raws) assert.ok(raw.equals(raws[0] as Buffer));
    assert.equal(sha256(raws[0] as Buffer), first.outputs.digest);
    const index = JSON.parse((raws[0] as Buffer).toString()) as { mediaType: string; manifests: { platform: { architecture: string } }[] };
    assert.equal(index.mediaType, 'application/vnd.oci.image.index.v1+json');
    assert.deepEqual(index.manifests.map((m) => m.platform.architecture), ['amd64', 'arm64']);
  });

  test('tags were written after every manifest, so none ever named an incomplete image', () => {
    const puts = registry.requests().filter((r) => r.method === 'PUT' && r.uri.includes('/manifests/'));
    const firstTag = puts.findIndex((r) => !r.uri.includes('/manifests/sha256:'));
    assert.ok(firstTag > 0);
    assert.ok(puts.slice(firstTag).every((r) => !r.uri.includes('/manifests/sha256:')));
    assert.equal(puts.slice(0, firstTag).length, 3, 'two platform manifests and the index, by digest, first');
  });

  test('skopeo copy + umoci unpack of the pushed image give the built rootfs', async () => {
    const layout = join(workspace, 'pulled');
    execFileSync('skopeo', ['copy', '--override-arch', 'amd64', '--src-cert-dir', registry.certDir as string, '--src-creds', `${registry.username}:${registry.password}`, `docker://${registry.host}/team/web:2.29`, `oci:${layout}:amd64`], { stdio: 'pipe' });
    const bundle = join(workspace, 'pulled-bundle');
    execFileSync('umoci', ['unpack', '--rootless', '--image', `${layout}:amd64`, bundle], { stdio: 'pipe' });
    const rootfs = join(bundle, 'rootfs');
    const files = (await readdir(rootfs, { recursive: true })).map(String).sort();
    assert.deepEqual(files, ['etc', 'etc/group', 'etc/passwd', 'thttpd', 'www', 'www/healthz', 'www/index.html']);
    const binaries = JSON.parse(first.outputs.binaries ?? '[]') as { platform: string; path: string }[];
    const amd64 = binaries.find((b) => b.platform === 'linux/amd64');
    assert.ok((await readFile(join(rootfs, 'thttpd'))).equals(await readFile(amd64?.path as string)), 'the verified binary, byte for byte');
  });

  test('podman runs the pushed image and it serves the page', async () => {
    const podman = new Podman(join(workspace, 'podman'));
    try {
      podman.call('pull', '--cert-dir', registry.certDir as string, '--creds', `${registry.username}:${registry.password}`, `docker://${registry.host}/team/web:2.29`);
      const child = podman.run([...RESTRICTED, '--user', '65534:65534'], `${registry.host}/team/web:2.29`, ['-h', '127.0.0.1']);
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      try {
        await waitForHttp(`http://127.0.0.1:${port}/`);
        const page = await fetch(`http://127.0.0.1:${port}/`);
        assert.equal(page.status, 200);
        assert.match(await page.text(), /thttpd 2\.29/);
      } finally {
        child.kill('SIGTERM');
      }
      await exited;
    } finally {
      podman.removeAll();
    }
  });

  test('a second push uploads no blob and reports the same digest', async () => {
    const uploads = registry.blobUploads();
    const second = await action({ ...baseInputs(`${registry.host}/team/web`), username: registry.username, password: registry.password }, { NODE_EXTRA_CA_CERTS: registry.caFile as string });
    assert.equal(second.code, 0, second.stdout);
    assert.equal(second.outputs.digest, first.outputs.digest);
    assert.equal(registry.blobUploads(), uploads);
    assert.match(second.stdout, /blobs 0 uploaded/);
  });

  test('no secret appears in anything the action wrote', () => {
    assert.ok(runs.length >= 2);
    for (const run of runs) {
      assert.match(run.stdout, /^::add-mask::correct horse battery staple$/m, 'the password is registered with the runner as a secret');
      for (const text of [shown(run.stdout), run.stderr, run.files.output, run.files.summary]) {
        assert.equal(text.includes(registry.password), false, `the password leaked into: ${text.slice(0, 200)}`);
      }
    }
  });

  test('a wrong password: one clear error naming the registry and the status, no tag written', async () => {
    const before = registry.requests().length;
    const run = await action({ ...baseInputs(`${registry.host}/team/other`), username: registry.username, password: 'wrong-password' }, { NODE_EXTRA_CA_CERTS: registry.caFile as string });
    assert.equal(run.code, 1);
    assert.match(run.stdout, new RegExp(`::error::.*${registry.host.replace(/\./g, '\\.')}.*401`));
    const tried = registry.requests().slice(before);
    assert.ok(tried.length <= 3, `no retry storm: ${tried.length} requests`);
    assert.ok(!tried.some((r) => r.method === 'PUT'), 'nothing was written');
    assert.equal(shown(run.stdout).includes('wrong-password'), false, 'the password is not echoed');
  });
});

describe('token auth, credentials from the Docker config', () => {
  test('the CLI pushes with what docker login left in config.json and no credential flags', async (t) => {
    const registry = await startRegistry({ auth: 'token' });
    t.after(() => registry.stop());
    const config = join(workspace, 'docker-config');
    await mkdir(config, { recursive: true });
    const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64');
    await writeFile(join(config, 'config.json'), JSON.stringify({ auths: { [registry.host]: { auth } } }));
    const result = await runCli(['build', '--source', tarball.path, '--sha256', tarball.sha256, '--push', `${registry.host}/team/web`, '--tag', '{{raw}}', '--tag', 'edge'], { cwd: workspace, env: { DOCKER_CONFIG: config } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`pushed ${registry.host}/team/web:2\\.29\\n`));
    const raw = await skopeoRaw(`${registry.host}/team/web:edge`, { tls: false, username: registry.username, password: registry.password });
    assert.equal(sha256(raw), /-> (sha256:[0-9a-f]{64})/.exec(result.stdout)?.[1]);
    assert.ok((registry.tokenIssuer?.requests.length ?? 0) > 0, 'tokens came from the issuer');
  });
});

test('push: false builds and reports a digest without contacting any registry', async (t) => {
  const registry = await startRegistry({ auth: 'none' });
  t.after(() => registry.stop());
  const run = await action({ ...baseInputs(`${registry.host}/team/web`), push: 'false', output: 'image.tar' });
  assert.equal(run.code, 0, run.stdout);
  assert.match(run.outputs.digest ?? '', /^sha256:/);
  assert.equal(run.outputs.archive, join(workspace, 'image.tar'));
  assert.deepEqual(registry.requests(), []);
});

test('registry down: a clear error after the retries, and no archive half-written', async () => {
  const closed = await freePort();
  const run = await action({ ...baseInputs(`127.0.0.1:${closed}/team/web`), output: 'down.tar' });
  assert.equal(run.code, 1);
  assert.match(run.stdout, /::error::.*127\.0\.0\.1:\d+.*ECONNREFUSED/);
});
