// release.yml's tag step, run with real bash and git against a bare repository standing in
// for GitHub: vX and vX.Y move to a new release, and never back to an older one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findStep, readWorkflow, runStep, type Step } from './workflow-files.js';

let dir: string;
let origin: string;
let clone: string;
let step: Step;
const commits: Record<string, string> = {};

const ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test', GIT_CONFIG_NOSYSTEM: '1', HOME: '/nonexistent' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: { ...process.env, ...ENV }, encoding: 'utf8' }).trim();

/** Where origin's tag points, or undefined. */
const tagAt = (tag: string) => {
  try {
    return git(origin, 'rev-parse', `refs/tags/${tag}^{commit}`);
  } catch {
    return undefined;
  }
};

/** Commits and publishes (tags and pushes) a release, as GitHub does before the workflow runs. */
function publish(tag: string, from?: string): void {
  if (from) git(clone, 'checkout', '-q', '--detach', from);
  git(clone, 'commit', '-q', '--allow-empty', '-m', tag);
  commits[tag] = git(clone, 'rev-parse', 'HEAD');
  git(clone, 'tag', tag);
  git(clone, 'push', '-q', 'origin', `refs/tags/${tag}`);
}

async function release(tag: string) {
  git(clone, 'fetch', '-q', '--tags', '--force', 'origin');
  return runStep(step, { github: { event: { release: { tag_name: tag } } } }, clone);
}

before(async () => {
  step = findStep(await readWorkflow('.github/workflows/release.yml'), 'move-tags', 'Move vX and vX.Y forward');
  dir = await mkdtemp(join(tmpdir(), 'static-thttpd-release-'));
  origin = join(dir, 'origin.git');
  clone = join(dir, 'clone');
  git(dir, 'init', '-q', '--bare', origin);
  git(dir, 'clone', '-q', origin, clone);
});

after(() => rm(dir, { recursive: true, force: true }));

test('a new release moves vX and vX.Y to it', async () => {
  publish('v1.0.0');
  const run = await release('v1.0.0');
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.equal(tagAt('v1'), commits['v1.0.0']);
  assert.equal(tagAt('v1.0'), commits['v1.0.0']);
});

test('a fix to an older line moves its vX.Y but not vX', async () => {
  publish('v1.4.0');
  assert.equal((await release('v1.4.0')).code, 0);
  publish('v1.5.0');
  assert.equal((await release('v1.5.0')).code, 0);
  publish('v1.4.3', commits['v1.4.0']);
  const run = await release('v1.4.3');
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /::notice::v1 stays at v1\.5\.0, which is newer than v1\.4\.3/);
  assert.equal(tagAt('v1'), commits['v1.5.0'], 'v1 did not move back');
  assert.equal(tagAt('v1.4'), commits['v1.4.3']);
  assert.equal(tagAt('v1.5'), commits['v1.5.0']);
});

test('versions compare as numbers, not text: v1.10.0 is newer than v1.9.0', async () => {
  publish('v1.9.0');
  publish('v1.10.0');
  assert.equal((await release('v1.10.0')).code, 0);
  assert.equal(tagAt('v1'), commits['v1.10.0']);
  const late = await release('v1.9.0');
  assert.equal(late.code, 0);
  assert.equal(tagAt('v1'), commits['v1.10.0']);
  assert.equal(tagAt('v1.9'), commits['v1.9.0']);
});

test('a tag that is not vX.Y.Z moves nothing and fails', async () => {
  publish('v2.0.0-rc.1');
  const run = await release('v2.0.0-rc.1');
  assert.equal(run.code, 1);
  assert.match(run.stdout, /::error::release tag v2\.0\.0-rc\.1 is not vX\.Y\.Z; vX and vX\.Y were not moved/);
  assert.equal(tagAt('v2'), undefined);
});
