// The whole job as a workflow runs it: the bundled action builds the fixture for two
// platforms and pushes to a real registry (docker-registry on 127.0.0.1) over TLS with
// htpasswd or token auth; skopeo, umoci and podman judge what arrived.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runAction, runCli, type ActionRun } from '../helpers/entries.js';
import { makeFixtureTarball, type FixtureTarball } from '../helpers/fixture.js';
import { freePort, waitForHttp } from '../helpers/net.js';
import { Podman, RESTRICTED } from '../helpers/podman.js';
import { publish } from '../../src/registry/publish.js';
import { makeTestImage, skopeoRaw, startRegistry, type TestRegistry } from '../helpers/registry.js';

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

// Asynchronous on purpose: a token issuer answers from this very process, so a tool that
// asks it for a token must not block the event loop.
const execFileAsync = promisify(execFile);

/** skopeo copy + umoci unpack of a pushed reference: the rootfs holds exactly the files built, and the amd64 binary byte for byte. */
async function assertUnpacksToBuiltRootfs(reference: string, skopeoSource: string[], binaries: string | undefined, name: string): Promise<void> {
  const layout = `${join(workspace, `pulled-${name}`)}:amd64`;
  await execFileAsync('skopeo', ['copy', '--override-arch', 'amd64', ...skopeoSource, `docker://${reference}`, `oci:${layout}`]);
  const bundle = join(workspace, `pulled-${name}-bundle`);
  await execFileAsync('umoci', ['unpack', '--rootless', '--image', layout, bundle]);
  const rootfs = join(bundle, 'rootfs');
  const files = (await readdir(rootfs, { recursive: true })).map(String).sort();
  assert.deepEqual(files, ['etc', 'etc/group', 'etc/passwd', 'thttpd', 'www', 'www/healthz', 'www/index.html']);
  const amd64 = (JSON.parse(binaries ?? '[]') as { platform: string; path: string }[]).find((b) => b.platform === 'linux/amd64');
  assert.ok((await readFile(join(rootfs, 'thttpd'))).equals(await readFile(amd64?.path as string)), 'the verified binary, byte for byte');
}

/**
 * podman runs a pushed image restricted, and it serves the page. With `pull`, podman pulls it
 * first (synchronously: credentials and a CA go there); without, `run` pulls it anonymously.
 */
async function assertServesPage(reference: string, how: { pull?: string[]; run?: string[] }, name: string, page: RegExp): Promise<void> {
  // Short: podman refuses a runroot path over 50 characters.
  const podman = new Podman(join(workspace, `p-${name}`));
  try {
    if (how.pull) podman.call('pull', ...how.pull, `docker://${reference}`);
    const child = podman.run([...RESTRICTED, '--user', '65534:65534', ...(how.run ?? [])], reference, ['-h', '127.0.0.1']);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await waitForHttp(`http://127.0.0.1:${port}/`, 60_000);
      const response = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(response.status, 200);
      assert.match(await response.text(), page);
    } finally {
      child.kill('SIGTERM');
    }
    await exited;
  } finally {
    podman.removeAll();
  }
}

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
    const source = ['--src-cert-dir', registry.certDir as string, '--src-creds', `${registry.username}:${registry.password}`];
    await assertUnpacksToBuiltRootfs(`${registry.host}/team/web:2.29`, source, first.outputs.binaries, 'tls');
  });

  test('podman runs the pushed image and it serves the page', async () => {
    const pull = ['--cert-dir', registry.certDir as string, '--creds', `${registry.username}:${registry.password}`];
    await assertServesPage(`${registry.host}/team/web:2.29`, { pull }, 'tls', /thttpd 2\.29/);
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
  test('the CLI in a git checkout pushes with what docker login left in config.json, tagging with its HEAD and dating by its commit', async (t) => {
    const registry = await startRegistry({ auth: 'token', token: { expiresIn: 900, lifetimeSeconds: 900 } });
    t.after(() => registry.stop());
    const config = join(workspace, 'docker-config');
    await mkdir(config, { recursive: true });
    const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64');
    await writeFile(join(config, 'config.json'), JSON.stringify({ auths: { [registry.host]: { auth } } }));
    // A checkout of its own with a known commit time: the CLI's epoch and {{sha}} come from it.
    const checkout = join(workspace, 'checkout');
    await mkdir(checkout, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-C', checkout, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: '@1650000000 +0000', GIT_COMMITTER_DATE: '@1650000000 +0000' } }).trim();
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'release');
    const head = git('rev-parse', 'HEAD');

    const result = await runCli(
      ['build', '--source', tarball.path, '--sha256', tarball.sha256, '--platform', 'linux/amd64', '--port', String(port), '--binaries', join(workspace, 'token-bin'), '--push', `${registry.host}/team/web`, '--tag', '{{raw}}', '--tags', 'edge,sha-{{sha}}'],
      { cwd: checkout, env: { DOCKER_CONFIG: config, SOURCE_DATE_EPOCH: undefined, GITHUB_SHA: undefined } },
    );
    assert.equal(result.code, 0, result.stderr);
    const tags = ['2.29', 'edge', `sha-${head.slice(0, 7)}`, 'latest'];
    assert.deepEqual([...result.stdout.matchAll(/^pushed (\S+)$/gm)].map((m) => m[1]), tags.map((tag) => `${registry.host}/team/web:${tag}`));
    const digest = /-> (sha256:[0-9a-f]{64})/.exec(result.stdout)?.[1];
    const access = { tls: false, username: registry.username, password: registry.password };
    for (const tag of tags) assert.equal(sha256(await skopeoRaw(`${registry.host}/team/web:${tag}`, access)), digest, `${tag} serves the reported index`);
    const creds = `${registry.username}:${registry.password}`;
    const inspected = JSON.parse((await execFileAsync('skopeo', ['inspect', '--tls-verify=false', '--creds', creds, `docker://${registry.host}/team/web:edge`])).stdout) as {
      Created: string;
      Labels: Record<string, string>;
    };
    assert.equal(inspected.Created, '2022-04-15T05:20:00Z', 'no SOURCE_DATE_EPOCH: the commit time of the checkout');
    assert.equal(inspected.Labels['org.opencontainers.image.revision'], head);
    assert.ok((registry.tokenIssuer?.requests.length ?? 0) > 0, 'tokens came from the issuer');

    const binaries = JSON.stringify([{ platform: 'linux/amd64', path: join(workspace, 'token-bin', 'thttpd-linux-amd64-glibc') }]);
    await assertUnpacksToBuiltRootfs(`${registry.host}/team/web:${tags[2]}`, ['--src-tls-verify=false', '--src-creds', creds], binaries, 'token');
    // The issuer grants anonymous pulls; podman's own pull would block this process, which answers for tokens.
    await assertServesPage(`${registry.host}/team/web:${tags[2]}`, { run: ['--tls-verify=false'] }, 'tok', /thttpd 2\.29/);
  });
});

describe('release tagging against the tags already in the registry', () => {
  test('a backport v1.3.9 pushed after v1.4.0 gets 1.3.9 and 1.3, not 1 or latest; the helper and the token service are asked once', async (t) => {
    const registry = await startRegistry({ auth: 'token', token: { expiresIn: 900, lifetimeSeconds: 900 } });
    t.after(() => registry.stop());
    const image = `${registry.host}/team/web`;
    const newer = makeTestImage('v1.4.0');
    await publish(newer, { image, tags: ['1.4.0', '1.4', '1', 'latest'] }, { credentials: { username: registry.username, password: registry.password }, env: {} });

    const dir = join(workspace, 'helper');
    await mkdir(join(dir, 'bin'), { recursive: true });
    const asked = join(dir, 'asked');
    const helper = join(dir, 'bin', 'docker-credential-counting');
    await writeFile(helper, `#!/bin/sh\nread -r url\necho "$1 $url" >> ${asked}\necho '{"Username":"${registry.username}","Secret":"${registry.password}"}'\n`, { mode: 0o755 });
    await writeFile(join(dir, 'config.json'), JSON.stringify({ credHelpers: { [registry.host]: 'counting' } }));
    const issued = registry.tokenIssuer?.requests.length ?? 0;

    const run = await action(
      { ...baseInputs(image), platforms: 'linux/amd64', 'version-from': 'git-tag' },
      { GITHUB_REF: 'refs/tags/v1.3.9', DOCKER_CONFIG: dir, PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` },
    );
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const tokens = registry.tokenIssuer?.requests.slice(issued).map((r) => [r.status, r.account, r.scopes.join(' ')]);
    assert.deepEqual(tokens, [[200, registry.username, 'repository:team/web:pull,push']], 'one token per run');
    assert.deepEqual((await readFile(asked, 'utf8')).trim().split('\n'), [`get ${registry.host}`], 'the credential helper, once per run');
    assert.deepEqual(run.outputs.tags?.split('\n'), ['1.3.9', '1.3'].map((tag) => `${image}:${tag}`));
    assert.match(run.stdout, new RegExp(`Not moving 1, latest: ${image.replace(/\./g, '\\.')} already holds a higher version in their line`));
    const access = { tls: false, username: registry.username, password: registry.password };
    for (const tag of ['1.3.9', '1.3']) assert.equal(sha256(await skopeoRaw(`${image}:${tag}`, access)), run.outputs.digest, `${tag} is the backport`);
    for (const tag of ['1.4.0', '1.4', '1', 'latest']) assert.ok((await skopeoRaw(`${image}:${tag}`, access)).equals(newer.index.data), `${tag} still names v1.4.0`);
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
  const leftovers = async () => (await readdir(workspace)).filter((name) => /^\.?down\.tar/.test(name));
  assert.deepEqual(await leftovers(), []);
  const run = await action({ ...baseInputs(`127.0.0.1:${closed}/team/web`), output: 'down.tar' });
  assert.equal(run.code, 1);
  assert.match(run.stdout, /::error::.*127\.0\.0\.1:\d+.*ECONNREFUSED/);
  assert.deepEqual(await leftovers(), [], 'neither down.tar nor a partial file beside it');
  assert.equal(run.outputs.archive, undefined, 'no archive output');
  assert.doesNotMatch(run.stdout, /compiling|wrote /, 'it failed before building');
});
