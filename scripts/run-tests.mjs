// Runs the test files under the given folders (default: test/) with node:test and tsx,
// shows the spec report, and ends with the line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(path) {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.name !== 'fixtures' && e.name !== 'helpers')
    .flatMap((e) => (e.isDirectory() ? testFiles(join(path, e.name)) : e.name.endsWith('.test.ts') ? [join(path, e.name)] : []))
    .sort();
}

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['test']).flatMap(testFiles);
mkdirSync('test-results', { recursive: true });
const tap = `test-results/results-${process.pid}.tap`;
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-timeout=600000',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
const summary = readFileSync(tap, 'utf8');
const count = (name) => Number((summary.match(new RegExp(`^# ${name} (\\d+)$`, "m")) ?? [])[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + count('cancelled') + (result.status !== 0 && count('fail') === 0 && count('cancelled') === 0 ? 1 : 0);
const skipped = count('skipped') + count('todo');
if (skipped) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
