// The reusable workflow's own logic, run with real bash, jq and curl: the plan job's key,
// build time, concurrency group and platform jobs; artifacts kept apart per call; the index
// job's digests; and every job that runs the action handing it the same inputs and time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { findStep, readWorkflow, render, REUSABLE, runStep, type Step, type Workflow } from './workflow-files.js';

const COMMIT_DATE = '2026-03-14T15:09:26Z';
const COMMIT_EPOCH = String(Date.parse(COMMIT_DATE) / 1000);
const SHA = 'c0ffee0000000000000000000000000000000000';

let workflow: Workflow;
let api: TestServer;
const authorizations: (string | undefined)[] = [];

before(async () => {
  workflow = await readWorkflow(REUSABLE);
  api = await startServer((request, response) => {
    authorizations.push(request.headers.authorization);
    if (request.url === `/repos/me/site/commits/${SHA}`) response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sha: SHA, commit: { committer: { date: COMMIT_DATE } } }));
    else response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
  });
});

after(() => api.stop());

function inputsOf(given: Record<string, unknown>): Record<string, unknown> {
  const declared = workflow.on?.workflow_call?.inputs ?? {};
  return { ...Object.fromEntries(Object.entries(declared).map(([name, spec]) => [name, spec.default ?? ''])), ...given };
}

const github = (repository = 'me/site') => ({ run_id: '4242', run_attempt: '1', api_url: api.url, repository, sha: SHA, token: 'ghs_test' });

async function plan(given: Record<string, unknown>, repository?: string) {
  return runStep(findStep(workflow, 'plan', 'plan'), { inputs: inputsOf(given), github: github(repository) });
}

const ACTION_STEP = /^static-thttpd\/static-thttpd@/;
const actionStep = (job: string): Step => {
  const step = workflow.jobs[job]?.steps?.find((s) => ACTION_STEP.test(s.uses ?? ''));
  assert.ok(step, `job ${job} runs the action`);
  return step;
};

test('the plan job gives each call its own key, and the commit time read from the API with the job token', async () => {
  const glibc = await plan({ image: 'ghcr.io/me/web', 'native-runners': true });
  const musl = await plan({ image: 'ghcr.io/me/web', 'native-runners': true, libc: 'musl', 'tag-suffix': '-musl' });
  const again = await plan({ image: 'ghcr.io/me/web', 'native-runners': true });
  for (const run of [glibc, musl, again]) assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(glibc.outputs.key ?? '', /^[0-9a-f]{16}$/);
  assert.notEqual(glibc.outputs.key, musl.outputs.key, 'two calls in one run get two keys');
  assert.equal(glibc.outputs.key, again.outputs.key, 'the key is a function of the inputs');
  assert.equal(glibc.outputs.epoch, COMMIT_EPOCH);
  assert.ok(api.requests.includes(`GET /repos/me/site/commits/${SHA}`));
  assert.ok(authorizations.every((a) => a === 'Bearer ghs_test'));
});

test('the plan job fails with a clear error when the commit time cannot be read', async () => {
  const run = await plan({ image: 'ghcr.io/me/web' }, 'me/private');
  assert.equal(run.code, 1);
  assert.match(run.stdout, /^::error::expected to read the time of commit c0ffee0+ of me\/private from the GitHub API, found no answer: give the calling job permissions contents: read$/m);
  assert.deepEqual(run.outputs, {});
});

test('only pushing calls share a concurrency group, one per image and tag suffix', async () => {
  const pushing = await plan({ image: 'ghcr.io/me/web', 'tag-suffix': '-musl' });
  const pullRequest = await plan({ image: 'ghcr.io/me/web', 'tag-suffix': '-musl', push: false });
  const otherBuild = await plan({ image: 'ghcr.io/me/web', 'tag-suffix': '-musl', push: false, version: '2.28' });
  assert.equal(pushing.outputs.group, 'thttpd-image-ghcr.io/me/web-musl');
  assert.match(pullRequest.outputs.group ?? '', /^thttpd-image-build-only-4242-1-[0-9a-f]{16}$/);
  assert.notEqual(pullRequest.outputs.group, otherBuild.outputs.group);
  for (const job of ['image', 'index']) assert.equal(workflow.jobs[job]?.concurrency?.group, '${{ needs.plan.outputs.group }}', job);
  assert.equal(workflow.jobs.platform?.concurrency, undefined, 'platform jobs push by digest only, and need no queue');
});

test('the plan job maps platforms to native runners and refuses others', async () => {
  const both = await plan({ image: 'ghcr.io/me/web', platforms: 'linux/amd64, linux/arm64,linux/amd64' });
  assert.deepEqual(JSON.parse(both.outputs.matrix ?? ''), { include: [{ platform: 'linux/amd64', runner: 'ubuntu-24.04' }, { platform: 'linux/arm64', runner: 'ubuntu-24.04-arm' }] });
  const bad = await plan({ image: 'ghcr.io/me/web', platforms: 'linux/amd64,linux/s390x' });
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /::error::platforms: unsupported platform "linux\/s390x": expected linux\/amd64 and\/or linux\/arm64/);
});

test("each call's index job downloads only its own platform jobs' artifacts", () => {
  const upload = workflow.jobs.platform?.steps?.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
  const download = workflow.jobs.index?.steps?.find((s) => s.uses?.startsWith('actions/download-artifact@'));
  const name = (key: string, index: number) => render(String(upload?.with?.name), { needs: { plan: { outputs: { key } } }, strategy: { 'job-index': index } });
  const pattern = (key: string) => new RegExp(`^${render(String(download?.with?.pattern), { needs: { plan: { outputs: { key } } } }).replace(/\*/g, '.*')}$`);
  const glibc = '0123456789abcdef';
  const musl = 'fedcba9876543210';
  const names = [name(glibc, 0), name(glibc, 1), name(musl, 0), name(musl, 1)];
  assert.equal(new Set(names).size, 4, 'no two artifacts share a name');
  assert.deepEqual(names.filter((n) => pattern(glibc).test(n)), [name(glibc, 0), name(glibc, 1)]);
  assert.deepEqual(names.filter((n) => pattern(musl).test(n)), [name(musl, 0), name(musl, 1)]);
});

test('the index job passes one digest per platform job, and stops when one is missing', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'static-thttpd-index-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'manifests'));
  const digest = (c: string) => `sha256:${c.repeat(64)}`;
  await writeFile(join(dir, 'manifests/manifest-0.json'), JSON.stringify([{ platform: 'linux/amd64', digest: digest('a') }]));
  const step = findStep(workflow, 'index', 'digests');
  const matrix = (n: number) => ({ needs: { plan: { outputs: { matrix: JSON.stringify({ include: Array.from({ length: n }, (_, i) => ({ platform: `p${i}`, runner: 'r' })) }) } } } });
  const short = await runStep(step, matrix(2), dir);
  assert.equal(short.code, 1);
  assert.match(short.stdout, /::error::expected 2 platform manifest digests from the platform jobs, found 1: re-run the failed jobs/);
  await writeFile(join(dir, 'manifests/manifest-1.json'), JSON.stringify([{ platform: 'linux/arm64', digest: digest('b') }]));
  const whole = await runStep(step, matrix(2), dir);
  assert.equal(whole.code, 0, whole.stdout);
  assert.equal(whole.outputs.digests, `${digest('a')},${digest('b')}`);
});

test('every job that runs the action stamps the build time the plan job read', () => {
  for (const job of ['image', 'platform', 'index']) {
    assert.ok([workflow.jobs[job]?.needs ?? []].flat().includes('plan'), `${job} needs plan`);
    assert.equal(actionStep(job).env?.SOURCE_DATE_EPOCH, '${{ needs.plan.outputs.epoch }}', job);
  }
});

test('every job that runs the action passes it each input that applies to its mode', () => {
  const ownInputs = ['runs-on', 'native-runners'];
  // The index job builds nothing and runs only when pushing: the build inputs are the platform jobs'.
  const notForIndex = ['platforms', 'libc', 'site', 'push'];
  const inputs = Object.keys(workflow.on?.workflow_call?.inputs ?? {}).filter((i) => !ownInputs.includes(i));
  for (const job of ['image', 'platform', 'index']) {
    const passed = actionStep(job).with ?? {};
    for (const input of inputs.filter((i) => job !== 'index' || !notForIndex.includes(i))) {
      assert.ok(input in passed, `job ${job} does not pass input ${input} to the action`);
      if (!(job === 'platform' && input === 'platforms')) assert.equal(passed[input], `\${{ inputs.${input} }}`, `job ${job} passes ${input} as given`);
    }
    for (const secret of ['username', 'password']) assert.equal(passed[secret], `\${{ secrets.registry-${secret} }}`, `job ${job} passes the ${secret}`);
  }
  assert.equal(actionStep('platform').with?.platforms, '${{ matrix.platform }}');
  assert.equal(actionStep('platform').with?.mode, 'platform');
  assert.equal(actionStep('index').with?.mode, 'index');
});
