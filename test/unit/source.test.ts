import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import type { InputName } from '../../src/settings.js';
import { checkReleaseVersion, extractRelease } from '../../src/source/extract.js';
import { obtainSource } from '../../src/source/obtain.js';
import { folderCache, forgivingCache, type SourceCache } from '../../src/source/cache.js';
import { files, startServer } from '../helpers/http-server.js';

const log = { info: () => undefined, warning: () => undefined };
/** Names inputs as the CLI does, so the tests see that messages follow the entry's naming. */
const name = (input: InputName) => `--${input}`;

interface Entry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device' | 'fifo';
  body?: string;
  linkname?: string;
  size?: number;
  mode?: number;
}

async function tarball(entries: Entry[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => p.on('end', () => resolve()));
  for (const e of entries) {
    const body = e.body ?? '';
    if (e.type === undefined || e.type === 'file') p.entry({ name: e.name, mode: e.mode ?? 0o644, size: e.size ?? Buffer.byteLength(body) }, body);
    else p.entry({ name: e.name, type: e.type, linkname: e.linkname, mode: 0o755 });
  }
  p.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

const release = (top = 'thttpd-2.29'): Entry[] => [
  { name: `${top}/`, type: 'directory' },
  { name: `${top}/configure`, body: '#!/bin/sh\n', mode: 0o755 },
  { name: `${top}/Makefile.in`, body: 'CCOPT = @V_CCOPT@\n' },
  { name: `${top}/thttpd.c`, body: 'int main(void) { return 0; }\n' },
  { name: `${top}/version.h`, body: '#define SERVER_SOFTWARE "thttpd/2.29 23May2018"\n' },
];

async function workspace(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'static-thttpd-test-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function unpack(t: Parameters<typeof workspace>[0], entries: Entry[], maxBytes = 1 << 20) {
  const dir = await workspace(t);
  const path = join(dir, 'thttpd.tar.gz');
  await writeFile(path, await tarball(entries));
  const work = join(dir, 'work');
  return { work, result: extractRelease(path, { workDir: work, maxBytes, name }) };
}

test('a release unpacks into a fresh folder with its modes', async (t) => {
  const { result } = await unpack(t, release());
  const tree = await result;
  assert.equal(tree.serverSoftware, 'thttpd/2.29 23May2018');
  assert.match(tree.dir, /\/tree-[^/]+\/thttpd-2\.29$/);
  assert.equal(await readFile(join(tree.dir, 'thttpd.c'), 'utf8'), 'int main(void) { return 0; }\n');
});

const refused: [string, Entry[], RegExp][] = [
  ['a ../ path', [...release(), { name: 'thttpd-2.29/../../evil', body: 'x' }], /entry "thttpd-2\.29\/\.\.\/\.\.\/evil" climbs out with "\.\."/],
  ['an absolute path', [...release(), { name: '/etc/evil', body: 'x' }], /entry "\/etc\/evil" is an absolute path/],
  ['a symlink out of the tree', [...release(), { name: 'thttpd-2.29/out', type: 'symlink', linkname: '../../../etc' }], /link to \.\.\/\.\.\/\.\.\/etc, which climbs out/],
  ['an absolute symlink', [...release(), { name: 'thttpd-2.29/passwd', type: 'symlink', linkname: '/etc/passwd' }], /link to the absolute path \/etc\/passwd/],
  ['a hard link', [...release(), { name: 'thttpd-2.29/hard', type: 'link', linkname: 'thttpd-2.29/thttpd.c' }], /is a link entry/],
  ['a device', [...release(), { name: 'thttpd-2.29/dev', type: 'character-device' }], /is a character-device entry/],
  ['more bytes than the limit', [...release(), { name: 'thttpd-2.29/big', body: 'x'.repeat(4096) }], /past the limit of 2048 bytes \(--source-max-bytes\)/],
  ['no thttpd.c', release().filter((e) => !e.name.endsWith('thttpd.c')), /is not a thttpd release: thttpd\.c missing from its top folder, which should hold configure, Makefile\.in, thttpd\.c, version\.h\. Pass a thttpd-VERSION\.tar\.gz release tarball with --source$/],
  ['two top folders', [...release(), { name: 'other/file', body: 'x' }], /expected one top folder like thttpd-2\.29\/, found thttpd-2\.29, other/],
];

for (const [what, entries, message] of refused) {
  test(`unpacking refuses ${what} and leaves nothing behind`, async (t) => {
    const { work, result } = await unpack(t, entries, what.includes('limit') ? 2048 : 1 << 20);
    await assert.rejects(result, message);
    assert.deepEqual(await readdir(work), []);
  });
}

test('a file that is not a .tar.gz is refused clearly', async (t) => {
  const dir = await workspace(t);
  await writeFile(join(dir, 'x.tar.gz'), 'this is not gzip');
  await assert.rejects(extractRelease(join(dir, 'x.tar.gz'), { workDir: join(dir, 'work'), maxBytes: 1 << 20, name }), /is not a readable \.tar\.gz .*with --source$/);
});

const noCache: SourceCache = { restore: async () => false, save: async () => undefined };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('a download is verified, cached, and the cache is used next time', async (t) => {
  const body = await tarball(release());
  const server = await startServer(files({ '/thttpd-2.29.tar.gz': body }));
  t.after(() => server.stop());
  const dir = await workspace(t);
  const cache = folderCache(join(dir, 'cache'));
  const spec = { version: '2.29', location: `${server.url}/thttpd-2.29.tar.gz`, sha256: sha(body), maxBytes: 1 << 20, workDir: join(dir, 'w1'), name };
  const first = await obtainSource(spec, cache, log);
  assert.equal(first.fromCache, false);
  assert.equal(first.bytes, body.length);
  const second = await obtainSource({ ...spec, workDir: join(dir, 'w2') }, cache, log);
  assert.equal(second.fromCache, true);
  assert.deepEqual(server.requests, ['GET /thttpd-2.29.tar.gz'], 'the second run does not download');
});

test('a checksum mismatch fails before anything is extracted, showing both sums', async (t) => {
  const body = await tarball(release());
  const server = await startServer(files({ '/t.tar.gz': body }));
  t.after(() => server.stop());
  const dir = await workspace(t);
  const expected = 'a'.repeat(64);
  await assert.rejects(
    obtainSource({ version: '2.29', location: `${server.url}/t.tar.gz`, sha256: expected, maxBytes: 1 << 20, workDir: dir, name }, noCache, log),
    new RegExp(`expected sha256 ${expected}, got ${sha(body)} \\(${body.length} bytes\\)\\. The download is corrupt or not the release you asked for; if you trust this tarball, pass its checksum with --sha256$`),
  );
  assert.deepEqual(await readdir(join(dir, 'source')), [], 'the bad download is removed');
});

test('a cached file that fails its checksum is downloaded again', async (t) => {
  const body = await tarball(release());
  const server = await startServer(files({ '/t.tar.gz': body }));
  t.after(() => server.stop());
  const dir = await workspace(t);
  const poisoned: SourceCache = { restore: async (_k, path) => (await writeFile(path, 'tampered'), true), save: async () => undefined };
  const warnings: string[] = [];
  const source = await obtainSource({ version: '2.29', location: `${server.url}/t.tar.gz`, sha256: sha(body), maxBytes: 1 << 20, workDir: dir, name }, poisoned, { ...log, warning: (m) => warnings.push(m) });
  assert.equal(source.fromCache, false);
  assert.match(warnings.join('\n'), /failed its checksum; downloading it again/);
});

test('a 404 fails at once, naming the URL and the status', async (t) => {
  const server = await startServer(files({}));
  t.after(() => server.stop());
  const dir = await workspace(t);
  await assert.rejects(
    obtainSource({ version: '2.29', location: `${server.url}/missing.tar.gz`, sha256: 'a'.repeat(64), maxBytes: 1 << 20, workDir: dir, name }, noCache, log),
    /could not download the thttpd source from http:\/\/127\.0\.0\.1:\d+\/missing\.tar\.gz: HTTP 404 Not Found \(not retried: the server's answer is final\)\. Check the URL and the network, or pass a local tarball with --source$/,
  );
  assert.equal(server.requests.length, 1, '4xx is not retried');
});

test('a server that keeps failing is retried, and the message says how often', async (t) => {
  const server = await startServer((_req, res) => res.writeHead(503).end());
  t.after(() => server.stop());
  const dir = await workspace(t);
  await assert.rejects(
    obtainSource({ version: '2.29', location: `${server.url}/t.tar.gz`, sha256: 'a'.repeat(64), maxBytes: 1 << 20, workDir: dir, name }, noCache, log),
    /: HTTP 503 Service Unavailable \(after 3 retries\)\. Check the URL/,
  );
  assert.equal(server.requests.length, 4);
});

test('a 503 is retried, then the download succeeds', async (t) => {
  const body = await tarball(release());
  const serve = files({ '/t.tar.gz': body });
  const server = await startServer((req, res, count) => (count === 1 ? res.writeHead(503).end() : serve(req, res, count)));
  t.after(() => server.stop());
  const dir = await workspace(t);
  const warnings: string[] = [];
  const source = await obtainSource({ version: '2.29', location: `${server.url}/t.tar.gz`, sha256: sha(body), maxBytes: 1 << 20, workDir: dir, name }, noCache, { ...log, warning: (m) => warnings.push(m) });
  assert.equal(source.bytes, body.length);
  assert.equal(server.requests.length, 2);
  assert.match(warnings[0] ?? '', /HTTP 503.*retry 1 of 3/);
});

test('a download over the size limit is cut off and refused', async (t) => {
  const big = Buffer.alloc(64 * 1024, 1);
  const server = await startServer((_req, res) => { res.writeHead(200); res.end(big); });
  t.after(() => server.stop());
  const dir = await workspace(t);
  await assert.rejects(
    obtainSource({ version: '2.29', location: `${server.url}/big`, sha256: 'a'.repeat(64), maxBytes: 16 * 1024, workDir: dir, name }, noCache, log),
    /over the limit of 16384 \(a thttpd release is about 135 KB\): check --source, or raise --source-max-bytes if this really is the tarball$/,
  );
  assert.deepEqual(await readdir(join(dir, 'source')), []);
});

test('a missing local tarball says what to pass', async (t) => {
  const dir = await workspace(t);
  await assert.rejects(
    obtainSource({ version: '2.29', location: join(dir, 'nope.tar.gz'), sha256: 'a'.repeat(64), maxBytes: 1 << 20, workDir: dir, name }, noCache, log),
    /source .*nope\.tar\.gz is not a file: pass an http\(s\) URL or the path of a thttpd-VERSION\.tar\.gz with --source \(found nothing at that path\)$/,
  );
});

test('a local tarball that fails its checksum is not called a download', async (t) => {
  const dir = await workspace(t);
  const path = join(dir, 'thttpd-2.29.tar.gz');
  await writeFile(path, await tarball(release()));
  const failure = await obtainSource({ version: '2.29', location: path, sha256: 'a'.repeat(64), maxBytes: 1 << 20, workDir: dir, name }, noCache, log).then(
    () => assert.fail('a wrong checksum must fail'),
    (error: Error) => error.message,
  );
  assert.match(failure, /^checksum mismatch for thttpd 2\.29 from .*thttpd-2\.29\.tar\.gz: expected sha256 a{64}, got [0-9a-f]{64} \(\d+ bytes\)\. The file is damaged or not the release you asked for; if you trust this tarball, pass its checksum with --sha256$/);
  assert.doesNotMatch(failure, /download/);
});

const versionChecks: { serverSoftware: string; version: string; refused?: RegExp }[] = [
  { serverSoftware: 'thttpd/2.29 23May2018', version: '2.29' },
  { serverSoftware: 'thttpd/2.25b 29dec2003', version: '2.25b' },
  {
    serverSoftware: 'thttpd/2.29 23May2018',
    version: '2.28',
    refused: /--version is 2\.28, but the source is thttpd 2\.29 \(version\.h says "thttpd\/2\.29 23May2018"\): expected thttpd\/2\.28\. Set --version 2\.29 to build this tarball, or pass the 2\.28 tarball with --source$/,
  },
  { serverSoftware: 'thttpd/2.29b 01Jan2019', version: '2.29', refused: /but the source is thttpd 2\.29b/ },
  { serverSoftware: 'mini_httpd/1.30 26Oct2018', version: '2.29', refused: /not a thttpd release: expected version\.h to name thttpd\/2\.29, found "mini_httpd\/1\.30 26Oct2018"/ },
];

for (const row of versionChecks) {
  test(`version.h "${row.serverSoftware}" against version ${row.version}: ${row.refused ? 'refused' : 'accepted'}`, () => {
    if (row.refused) assert.throws(() => checkReleaseVersion(row.serverSoftware, row.version, name), row.refused);
    else assert.doesNotThrow(() => checkReleaseVersion(row.serverSoftware, row.version, name));
  });
}

test('a cache outage is a warning, never a failure', async () => {
  const warnings: string[] = [];
  const broken: SourceCache = { restore: async () => { throw new Error('cache service down'); }, save: async () => { throw new Error('no token'); } };
  const cache = forgivingCache(broken, { ...log, warning: (m) => warnings.push(m) });
  assert.equal(await cache.restore('k', '/nowhere'), false);
  await cache.save('k', '/nowhere');
  assert.equal(warnings.length, 2);
  assert.match(warnings[0] ?? '', /cache service down/);
  assert.match(warnings[1] ?? '', /the build goes on.*no token/);
});
