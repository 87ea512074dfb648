// Bundles the two entries with ncc: <out>/index.js (the action) and <out>/cli/index.js
// (the CLI). <out> is dist/ unless given, so a test can bundle elsewhere and compare.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'dist';
const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js';
rmSync(out, { recursive: true, force: true });
for (const [entry, dir] of [['src/main.ts', out], ['src/cli.ts', join(out, 'cli')]]) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', dir, '--license', 'licenses.txt', '--quiet'], { stdio: 'inherit' });
}
const cli = join(out, 'cli/index.js');
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);
