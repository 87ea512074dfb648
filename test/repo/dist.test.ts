// dist/ is what GitHub runs: it must be exactly what `npm run bundle` makes of src/ now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO } from '../helpers/entries.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

test('dist/ matches a fresh npm run bundle', async (t) => {
  const out = await mkdtemp(join(tmpdir(), 'static-thttpd-dist-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  execFileSync(process.execPath, ['scripts/bundle.mjs', out], { cwd: REPO, stdio: 'pipe' });
  const committed = join(REPO, 'dist');
  const fresh = await listFiles(out);
  assert.deepEqual(await listFiles(committed), fresh, 'the same files');
  const stale = [];
  for (const file of fresh) {
    if (!(await readFile(join(out, file))).equals(await readFile(join(committed, file)))) stale.push(file);
  }
  assert.deepEqual(stale, [], 'dist/ is stale: run npm run bundle and commit dist/');
});
