// The README quotes the latest benchmark report's headline: word for word, so the
// numbers, the commit and the uncommitted files it names are the report's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO } from '../helpers/entries.js';

test("the README's benchmark quote is bench/REPORT.md's headline", async () => {
  const report = await readFile(join(REPO, 'bench', 'REPORT.md'), 'utf8');
  const readme = await readFile(join(REPO, 'README.md'), 'utf8');
  const headline = /^## Headline\n\n(.+)\n/m.exec(report)?.[1];
  assert.ok(headline, 'bench/REPORT.md has a "## Headline" paragraph');
  assert.match(headline, /commit `[0-9a-f]{7}` (plus uncommitted changes in |with no uncommitted changes)/, 'the headline names the commit and what was uncommitted');
  const section = readme.slice(readme.indexOf('## Benchmarks'), readme.indexOf('\n## ', readme.indexOf('## Benchmarks') + 1));
  assert.ok(section.includes(`> ${headline}\n`), 'README.md\'s "## Benchmarks" quotes the headline as one "> " line: copy it from bench/REPORT.md after npm run bench');
});
