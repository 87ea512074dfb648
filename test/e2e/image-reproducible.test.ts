// Reproducibility as a user would check it: separate processes, in different folders, at
// different times, with different time zones and umasks, from copies of the site with
// different mtimes and permissions, must write the same bytes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ungzip } from 'pako';
import { staticBinary } from '../helpers/static-binary.js';

const scratch = mkdtempSync(join(tmpdir(), 'image-repro-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const tsx = import.meta.resolve('tsx');
const buildModule = new URL('../../src/image/build.js', import.meta.url).href;
const siteModule = new URL('../../src/image/site.js', import.meta.url).href;
const archiveModule = new URL('../../src/image/archive.js', import.meta.url).href;
const failureModule = new URL('../../src/failure.js', import.meta.url).href;

// One build, as its own process: the spec comes in as JSON, the index digest goes out.
const DRIVER = `
import { buildImage } from ${JSON.stringify(buildModule)};
import { readSiteFolder } from ${JSON.stringify(siteModule)};
import { writeArchive } from ${JSON.stringify(archiveModule)};
import { Failure } from ${JSON.stringify(failureModule)};
const { spec, outputs, refs } = JSON.parse(process.argv[2]);
try {
  const image = await buildImage({ ...spec, site: await readSiteFolder(spec.site) });
  for (const output of outputs) await writeArchive(image, output, refs);
  process.stdout.write(image.index.digest);
} catch (err) {
  if (!(err instanceof Failure)) throw err;
  process.stderr.write(err.message);
  process.exit(2);
}
`;

interface Build { status: number | null; digest: string; stderr: string }
function buildInProcess(folder: string, env: { TZ: string; umask: string }, spec: object, outputs: string[], refs: string[]): Build {
  mkdirSync(folder, { recursive: true });
  const driver = join(folder, 'driver.mjs');
  writeFileSync(driver, DRIVER);
  const result = spawnSync(
    '/bin/sh',
    ['-c', `umask ${env.umask} && exec "$0" --import "$1" "$2" "$3"`, process.execPath, tsx, driver, JSON.stringify({ spec, outputs, refs })],
    { cwd: folder, env: { ...process.env, TZ: env.TZ, LANG: 'C', LC_ALL: 'C' }, encoding: 'utf8' },
  );
  return { status: result.status, digest: result.stdout, stderr: result.stderr };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const filesOf = (dir: string, rel = ''): Record<string, string> =>
  Object.assign(
    {},
    ...readdirSync(join(dir, rel), { withFileTypes: true }).map((e) =>
      e.isDirectory() ? filesOf(dir, join(rel, e.name)) : { [join(rel, e.name)]: sha256(join(dir, rel, e.name)) },
    ),
  ) as Record<string, string>;

const REFS = ['ghcr.io/me/web:2.29', 'ghcr.io/me/web:latest'];
let specFor: (site: string) => object;
let siteA: string;
let siteB: string;
let first: Build;
let second: Build;

before(async () => {
  const binaries = [staticBinary('linux/amd64'), staticBinary('linux/arm64')];
  specFor = (site) => ({ binaries, site, port: 8080, epoch: 1_700_000_000, thttpdVersion: '2.29', imageVersion: '2.29', labels: {} });

  siteA = join(scratch, 'one', 'site');
  mkdirSync(join(siteA, 'css'), { recursive: true });
  writeFileSync(join(siteA, 'index.html'), '<h1>same</h1>\n');
  writeFileSync(join(siteA, 'css', 'a.css'), 'h1{color:red}\n');
  symlinkSync('index.html', join(siteA, 'home.html'));
  // The copy differs in everything the image must not depend on: place, times, permissions.
  siteB = join(scratch, 'somewhere', 'else', 'entirely', 'site');
  cpSync(siteA, siteB, { recursive: true, verbatimSymlinks: true });
  chmodSync(join(siteB, 'index.html'), 0o600);
  chmodSync(join(siteB, 'css', 'a.css'), 0o640);
  chmodSync(join(siteB, 'css'), 0o750);
  for (const path of [join(siteB, 'index.html'), join(siteB, 'css', 'a.css'), join(siteB, 'css')]) utimesSync(path, new Date('2001-02-03'), new Date('2001-02-03'));

  const outA = join(scratch, 'one', 'out');
  const outB = join(scratch, 'two', 'out');
  first = buildInProcess(join(scratch, 'one'), { TZ: 'UTC', umask: '022' }, specFor(siteA), [join(outA, 'image.tar'), join(outA, 'layout')], REFS);
  await new Promise((resolve) => setTimeout(resolve, 1100)); // a later second, in case a clock leaks in
  second = buildInProcess(join(scratch, 'two'), { TZ: 'Pacific/Kiritimati', umask: '077' }, specFor(siteB), [join(outB, 'image.tar'), join(outB, 'layout')], REFS);
});

describe('reproducible archives', () => {
  it('two builds in different folders at different times give byte-identical archives and the same index digest', () => {
    assert.equal(first.status, 0, first.stderr);
    assert.equal(second.status, 0, second.stderr);
    assert.match(first.digest, /^sha256:[0-9a-f]{64}$/);
    assert.equal(first.digest, second.digest);
    assert.equal(sha256(join(scratch, 'one', 'out', 'image.tar')), sha256(join(scratch, 'two', 'out', 'image.tar')));
    assert.deepEqual(filesOf(join(scratch, 'one', 'out', 'layout')), filesOf(join(scratch, 'two', 'out', 'layout')));
  });

  it('one changed byte in the site changes the digest and the archive', () => {
    const site = join(scratch, 'changed', 'site');
    cpSync(siteA, site, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(site, 'index.html'), '<h1>samE</h1>\n');
    const out = join(scratch, 'changed', 'out', 'image.tar');
    const changed = buildInProcess(join(scratch, 'changed'), { TZ: 'UTC', umask: '022' }, specFor(site), [out], REFS);
    assert.equal(changed.status, 0, changed.stderr);
    assert.notEqual(changed.digest, first.digest);
    assert.notEqual(sha256(out), sha256(join(scratch, 'one', 'out', 'image.tar')));
  });

  it('a bad site leaves no output behind, not even a temporary file', () => {
    const site = join(scratch, 'bad', 'site');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), 'x');
    symlinkSync('/etc/passwd', join(site, 'passwd'));
    const outDir = join(scratch, 'bad', 'out');
    mkdirSync(outDir);
    const bad = buildInProcess(join(scratch, 'bad'), { TZ: 'UTC', umask: '022' }, specFor(site), [join(outDir, 'image.tar'), join(outDir, 'layout')], REFS);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^site: expected every symlink to point .*passwd" -> "\/etc\/passwd"/);
    assert.deepEqual(readdirSync(outDir), []);
    assert.equal(existsSync(join(outDir, 'image.tar')), false);
  });

  it('standard zlib reproduces the layer bytes: anyone can check the digest without this code', (t) => {
    const layer = readdirSync(join(scratch, 'one', 'out', 'layout', 'blobs', 'sha256'))
      .map((name) => readFileSync(join(scratch, 'one', 'out', 'layout', 'blobs', 'sha256', name)))
      .find((data) => data[0] === 0x1f && data[1] === 0x8b);
    assert.ok(layer);
    const script = 'import sys, zlib\nc = zlib.compressobj(9, zlib.DEFLATED, 31)\nsys.stdout.buffer.write(c.compress(sys.stdin.buffer.read()) + c.flush())';
    const python = spawnSync('python3', ['-c', script], { input: Buffer.from(ungzip(layer)), maxBuffer: 64 << 20 });
    if (python.error) {
      t.skip('python3 is not installed');
      return;
    }
    assert.equal(python.status, 0, python.stderr.toString());
    assert.ok(Buffer.compare(python.stdout, layer) === 0, 'python zlib level 9 gives the same gzip bytes');
  });
});
