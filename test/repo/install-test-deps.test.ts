// scripts/install-test-deps.sh must install libcrypt-dev:arm64 on Ubuntu too, where arm64
// comes from ports.ubuntu.com: its apt-source edits, run by real bash on a copy of an
// Ubuntu 24.04 runner's sources, must equal the product's own (src/build/apt-sources.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { foreignUbuntuSource, pinToArch } from '../../src/build/apt-sources.js';
import { REPO } from '../helpers/entries.js';

const UBUNTU_SOURCES = `## Ubuntu distribution repository
##
## The following settings can be adjusted to configure which packages to use from Ubuntu.

Types: deb
URIs: http://azure.archive.ubuntu.com/ubuntu/
Suites: noble noble-updates noble-backports
Components: main universe restricted multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg

## Ubuntu security updates. Aside from URIs and Suites,
## this should mirror your choices in the previous section.
Types: deb
URIs: http://azure.archive.ubuntu.com/ubuntu/
Suites: noble-security
Components: main universe restricted multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg
`;

const FILES: Record<string, string> = {
  'apt/sources.list': '# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources\n',
  'apt/sources.list.d/ubuntu.sources': UBUNTU_SOURCES,
  'apt/sources.list.d/microsoft-prod.list': 'deb [arch=amd64,arm64,armhf] https://packages.microsoft.com/ubuntu/24.04/prod noble main\n',
  'apt/sources.list.d/extra.list': 'deb http://example.test/ubuntu noble main\n# deb-src http://example.test/ubuntu noble main\ndeb [signed-by=/usr/share/keyrings/x.gpg] http://example.test/x noble main\n  deb-src http://example.test/ubuntu noble main\n',
};

async function etcFor(osRelease: string): Promise<string> {
  const etc = await mkdtemp(join(tmpdir(), 'static-thttpd-apt-'));
  await mkdir(join(etc, 'apt/sources.list.d'), { recursive: true });
  await writeFile(join(etc, 'os-release'), osRelease);
  for (const [path, text] of Object.entries(FILES)) await writeFile(join(etc, path), text);
  return etc;
}

function prepareSources(etc: string): void {
  const ran = spawnSync('bash', ['-c', 'source "$0" && prepare_sources "$1" amd64 arm64', join(REPO, 'scripts/install-test-deps.sh'), etc], { encoding: 'utf8' });
  assert.equal(ran.status, 0, ran.stderr);
}

const read = (etc: string, path: string) => readFile(join(etc, path), 'utf8');

test('on Ubuntu the script pins the sources to the host and adds the ports archive, as the product does', async (t) => {
  const etc = await etcFor('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_CODENAME=noble\nUBUNTU_CODENAME=noble\n');
  t.after(() => rm(etc, { recursive: true, force: true }));
  prepareSources(etc);
  for (const [path, text] of Object.entries(FILES)) assert.equal(await read(etc, path), pinToArch(text, 'amd64', path.endsWith('.sources')), path);
  assert.equal(await read(etc, 'apt/sources.list.d/static-thttpd-arm64.sources'), foreignUbuntuSource('arm64', 'noble'));
  assert.match(await read(etc, 'apt/sources.list.d/extra.list'), /^deb \[arch=amd64\] http:\/\/example\.test\/ubuntu noble main$/m, 'the comparison is not between two no-ops');

  const once = await Promise.all(Object.keys(FILES).map((path) => read(etc, path)));
  await rm(join(etc, 'apt/sources.list.d/static-thttpd-arm64.sources'));
  prepareSources(etc);
  assert.deepEqual(await Promise.all(Object.keys(FILES).map((path) => read(etc, path))), once, 'pinning twice changes nothing');
});

test('on Debian the script leaves the sources alone: its mirrors serve arm64', async (t) => {
  const etc = await etcFor('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_CODENAME=bookworm\n');
  t.after(() => rm(etc, { recursive: true, force: true }));
  prepareSources(etc);
  for (const [path, text] of Object.entries(FILES)) assert.equal(await read(etc, path), text, path);
  assert.deepEqual((await readdir(join(etc, 'apt/sources.list.d'))).sort(), ['extra.list', 'microsoft-prod.list', 'ubuntu.sources']);
});
