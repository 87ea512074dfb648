// Bundles the two entries with ncc: <out>/index.js (the action) and <out>/cli/index.js
// (the CLI). <out> is dist/ unless given, so a test can bundle elsewhere and compare.
// It builds beside <out> and swaps only when both bundles succeeded: a failed bundle
// leaves the old one in place.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
const building = `${out}.building-${process.pid}`;
const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
try {
  for (const [entry, dir] of [['src/main.ts', building], ['src/cli.ts', join(building, 'cli')]]) {
    execFileSync(process.execPath, [ncc, 'build', entry, '-o', dir, '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });
  }
  const cli = join(building, 'cli/index.js');
  const text = readFileSync(cli, 'utf8');
  if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
  chmodSync(cli, 0o755);
  rmSync(out, { recursive: true, force: true });
  renameSync(building, out);
} finally {
  rmSync(building, { recursive: true, force: true });
}
