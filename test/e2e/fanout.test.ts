// One job per platform (native runners), then one job tying them together: platform jobs
// push by digest without tags, the index job reads their manifests back from the registry
// and tags one index. On one machine the result is the very image a single job makes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from '../helpers/entries.js';
import { makeFixtureTarball, type FixtureTarball } from '../helpers/fixture.js';
import { skopeoRaw, startRegistry, type TestRegistry } from '../helpers/registry.js';

let workspace: string;
let tarball: FixtureTarball;
let registry: TestRegistry;
const runs: ActionRun[] = [];

before(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'static-thttpd-fanout-'));
  tarball = await makeFixtureTarball({ dir: workspace });
  registry = await startRegistry({ auth: 'none' });
});

after(async () => {
  await registry.stop();
  for (const run of runs) await rm(run.dir, { recursive: true, force: true });
  await rm(workspace, { recursive: true, force: true });
});

async function action(inputs: Record<string, string>): Promise<ActionRun> {
  const run = await runAction(
    { source: 'thttpd-2.29.tar.gz', sha256: tarball.sha256, 'github-token': '', ...inputs },
    { workspace, env: { SOURCE_DATE_EPOCH: '1700000000', GITHUB_SHA: 'c0ffee0000000000000000000000000000000000' } },
  );
  runs.push(run);
  return run;
}

const manifestOf = (run: ActionRun) => (JSON.parse(run.outputs.platforms ?? '[]') as { digest: string }[])[0]?.digest ?? '';
const taggedIn = (repo: string) => registry.requests().filter((r) => r.method === 'PUT' && r.uri.startsWith(`/v2/${repo}/manifests/`) && !r.uri.includes('sha256:'));

test('platform jobs push untagged; the index job tags one index equal to a single job\'s', async () => {
  const image = `${registry.host}/team/web`;
  const amd64 = await action({ image, mode: 'platform', platforms: 'linux/amd64' });
  assert.equal(amd64.code, 0, amd64.stdout);
  const arm64 = await action({ image, mode: 'platform', platforms: 'linux/arm64' });
  assert.equal(arm64.code, 0, arm64.stdout);
  assert.equal(amd64.outputs.tags, '');
  assert.deepEqual(taggedIn('team/web'), [], 'platform jobs move no tag');

  const index = await action({ image, mode: 'index', manifests: `${manifestOf(amd64)}\n${manifestOf(arm64)}` });
  assert.equal(index.code, 0, index.stdout);
  assert.deepEqual(index.outputs.tags?.split('\n'), ['2.29', '2', 'latest'].map((t) => `${image}:${t}`));
  const served = JSON.parse((await skopeoRaw(`${image}:latest`, { tls: false })).toString()) as { manifests: { digest: string; platform: { architecture: string } }[] };
  assert.deepEqual(served.manifests.map((m) => [m.platform.architecture, m.digest]), [['amd64', manifestOf(amd64)], ['arm64', manifestOf(arm64)]]);
  assert.doesNotMatch(index.stdout, /compiling/, 'the index job builds nothing');

  const single = await action({ image: `${registry.host}/team/single`, platforms: 'linux/amd64,linux/arm64' });
  assert.equal(single.code, 0, single.stdout);
  assert.equal(index.outputs.digest, single.outputs.digest, 'the same image as one job makes');
});

test('an index over a digest the repository lacks is a clear error, and no tag moves', async () => {
  const missing = `sha256:${'0'.repeat(64)}`;
  const run = await action({ image: `${registry.host}/team/other`, mode: 'index', manifests: missing });
  assert.equal(run.code, 1);
  assert.match(run.stdout, new RegExp(`::error::Expected the manifest ${missing} in ${registry.host.replace(/\./g, '\\.')}/team/other, found none: push each platform with mode: platform`));
  assert.deepEqual(taggedIn('team/other'), []);
});
