import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { commitEpoch, headSha } from '../../src/git.js';

test("a checkout's commit time and HEAD, from the folder or one below it; nothing outside a checkout", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'thttpd-git-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'sub'), { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: '@1650000000 +0000', GIT_COMMITTER_DATE: '@1650000123 +0000' },
    }).trim();
  git('init', '-q');
  assert.equal(await commitEpoch(repo), undefined, 'no commit yet');
  assert.equal(await headSha(repo), undefined);
  git('commit', '-q', '--allow-empty', '-m', 'one');
  const head = git('rev-parse', 'HEAD');
  assert.equal(await commitEpoch(repo), 1650000123, 'the committer time, as SOURCE_DATE_EPOCH conventions use');
  assert.equal(await headSha(join(repo, 'sub')), head);
  assert.equal(await commitEpoch(join(dir)), undefined);
  assert.equal(await headSha(join(dir, 'missing')), undefined);
});
