// The build stage end to end, through the bundled CLI and action, on our thttpd-shaped
// fixture served over loopback HTTP: real configure, make, gcc, strip, file and qemu.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, runCli, type NodeRuntime } from '../helpers/entries.js';
import { makeFixtureTarball, type FixtureTarball } from '../helpers/fixture.js';
import { files, startServer, type TestServer } from '../helpers/http-server.js';

type Context = { after: (fn: () => Promise<void>) => void };

async function scratch(t: Context): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'static-thttpd-e2e-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function served(t: Context, tarball: FixtureTarball): Promise<TestServer> {
  const server = await startServer(files({ [`/thttpd-${tarball.version}.tar.gz`]: await readFile(tarball.path) }));
  t.after(() => server.stop());
  return server;
}

const fileLine = (path: string) => execFileSync('file', ['-b', path], { encoding: 'utf8' }).trim();

/** A `gcc` first on PATH that wraps the real one. */
async function gccWrapper(dir: string, script: string): Promise<Record<string, string>> {
  const bin = join(dir, 'wrapped-bin');
  await mkdir(bin, { recursive: true });
  await writeFile(join(bin, 'gcc'), `#!/bin/sh\n${script}\n`);
  await chmod(join(bin, 'gcc'), 0o755);
  return { PATH: `${bin}:${process.env.PATH}` };
}

test('CLI: a fixture tarball from a URL becomes two static binaries, x86-64 and ARM aarch64', async (t) => {
  const dir = await scratch(t);
  const tarball = await makeFixtureTarball({ dir });
  const server = await served(t, tarball);
  const result = await runCli(
    ['build', '--source', `${server.url}/thttpd-2.29.tar.gz`, '--sha256', tarball.sha256, '--platform', 'linux/amd64', '--platform', 'linux/arm64', '--binaries', join(dir, 'bin')],
    { cwd: dir },
  );
  assert.equal(result.code, 0, result.stderr);
  const amd64 = fileLine(join(dir, 'bin/thttpd-linux-amd64-glibc'));
  const arm64 = fileLine(join(dir, 'bin/thttpd-linux-arm64-glibc'));
  assert.match(amd64, /^ELF 64-bit LSB executable, x86-64, .*statically linked.*stripped$/);
  assert.match(arm64, /^ELF 64-bit LSB executable, ARM aarch64, .*statically linked.*stripped$/);
  assert.match(result.stderr, /uid-drop: disabled 4 root-only user switch/);
  assert.match(result.stderr, /linux\/arm64: thttpd\/2\.29 23May2018 serves a page/, 'the arm64 binary ran under qemu');
  assert.doesNotMatch(result.stderr, /Using 'getpwnam'|Using 'initgroups'/, 'uid-drop leaves no user lookups to link');
  assert.equal(execFileSync('qemu-aarch64-static', [join(dir, 'bin/thttpd-linux-arm64-glibc'), '-V'], { encoding: 'utf8' }).trim(), 'thttpd/2.29 23May2018');
  assert.deepEqual(server.requests, ['GET /thttpd-2.29.tar.gz'], 'the tarball came from the server, not from a cache');
  assert.match(result.stdout, new RegExp(`^binary linux/arm64: ${join(dir, 'bin/thttpd-linux-arm64-glibc')} \\(\\d+ bytes; ELF 64-bit LSB executable, ARM aarch64, `, 'm'), 'the report names the copies');
});

test('a multi-platform build that fails on its second platform leaves nothing in --binaries', async (t) => {
  const dir = await scratch(t);
  const tarball = await makeFixtureTarball({ dir });
  // x86-64 gcc takes -m64 (its default, so the binary still runs anywhere); aarch64 gcc rejects it:
  // linux/amd64 passes, then linux/arm64 fails.
  const result = await runCli(
    ['build', '--source', tarball.path, '--sha256', tarball.sha256, '--platform', 'linux/amd64', '--platform', 'linux/arm64', '--cflags', '-m64', '--binaries', 'bin'],
    { cwd: dir },
  );
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /linux\/amd64: thttpd\/2\.29 23May2018 serves a page/, 'the first platform passed');
  const bin = await readdir(join(dir, 'bin')).catch(() => []);
  assert.deepEqual(bin, [], 'no binary of the failed build is in --binaries');
  assert.match(result.stderr, /thttpd did not compile for linux\/arm64 with aarch64-linux-gnu-gcc \(make exit 2\): expected a static thttpd, found errors; check --cflags "-m64" first .*unrecognized command-line option .-m64./s);
});

for (const runtime of ['node', 'node24'] as NodeRuntime[]) {
  test(`action on ${runtime}: outputs version and binaries as the runner would see them`, async (t) => {
    const dir = await scratch(t);
    const tarball = await makeFixtureTarball({ dir });
    const server = await served(t, tarball);
    const run = await runAction(
      { source: `${server.url}/thttpd-2.29.tar.gz`, sha256: tarball.sha256, push: 'false', 'github-token': '' },
      { runtime, workspace: dir },
    );
    t.after(() => rm(run.dir, { recursive: true, force: true }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.version, '2.29');
    const binaries = JSON.parse(run.outputs.binaries ?? '[]') as { platform: string; path: string; bytes: number; file: string; warnings: string[] }[];
    assert.equal(binaries.length, 1);
    assert.equal(binaries[0]?.platform, 'linux/amd64');
    assert.match(binaries[0]?.file ?? '', /statically linked/);
    assert.ok((binaries[0]?.bytes ?? 0) > 100_000);
    assert.ok(binaries[0]?.warnings.some((w) => /Using 'getaddrinfo' in statically linked/.test(w)), 'the linker warnings are reported');
    assert.match(run.summary, /compiler\/linker warning/);
    assert.match(run.outputs.digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.match(run.summary, /thttpd 2\.29 image \(built, not pushed\)/);
    if (runtime === 'node24') assert.doesNotMatch(run.stdout + run.stderr, /ExperimentalWarning|DeprecationWarning/);
  });
}

test('a tarball whose bytes do not match the checksum fails before extraction', async (t) => {
  const dir = await scratch(t);
  const tarball = await makeFixtureTarball({ dir });
  const server = await served(t, tarball);
  const wrong = 'f'.repeat(64);
  const result = await runCli(['build', '--source', `${server.url}/thttpd-2.29.tar.gz`, '--sha256', wrong, '--binaries', 'bin'], { cwd: dir });
  assert.equal(result.code, 1);
  assert.match(result.stderr, new RegExp(`checksum mismatch .*expected sha256 ${wrong}, got ${tarball.sha256}`));
  assert.doesNotMatch(result.stderr, /unpacked|compiling/);
  assert.deepEqual((await readdir(dir)).sort(), ['thttpd-2.29.tar.gz'], 'no binaries, no archive');
});

test('the known 2.29 checksum protects the default: a look-alike tarball is refused', async (t) => {
  const dir = await scratch(t);
  const tarball = await makeFixtureTarball({ dir });
  const result = await runCli(['build', '--source', tarball.path], { cwd: dir });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /expected sha256 99c09f47da326b1e7b5295c45549d2b65534dce27c44812cf7eef1441681a397/);
});

test('it still builds when the compiler treats implicit int and implicit declarations as errors (GCC 14)', async (t) => {
  const dir = await scratch(t);
  const tarball = await makeFixtureTarball({ dir });
  const env = await gccWrapper(dir, 'exec /usr/bin/gcc -Werror=implicit-int -Werror=implicit-function-declaration "$@"');
  const result = await runCli(['build', '--source', tarball.path, '--sha256', tarball.sha256, '--binaries', 'bin'], { cwd: dir, env });
  assert.equal(result.code, 0, result.stderr);
  assert.match(fileLine(join(dir, 'bin/thttpd-linux-amd64-glibc')), /statically linked/);
});

test('that GCC 14 stand-in really breaks an unprepared build', async (t) => {
  const dir = await scratch(t);
  const tarball = await makeFixtureTarball({ dir });
  const tree = join(dir, 'tree');
  await mkdir(tree);
  execFileSync('tar', ['-xzf', tarball.path, '-C', tree]);
  const env = { ...process.env, ...(await gccWrapper(dir, 'exec /usr/bin/gcc -Werror=implicit-int -Werror=implicit-function-declaration "$@"')) };
  assert.throws(() => execFileSync('sh', ['./configure'], { cwd: join(tree, 'thttpd-2.29'), env, stdio: 'pipe' }), /C compiler cannot create executables/);
});

test('libc musl: a smaller static binary without .htpasswd support', async (t) => {
  const dir = await scratch(t);
  const tarball = await makeFixtureTarball({ dir });
  const result = await runCli(['build', '--source', tarball.path, '--sha256', tarball.sha256, '--libc', 'musl', '--binaries', 'bin'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.match(fileLine(join(dir, 'bin/thttpd-linux-amd64-musl')), /^ELF 64-bit LSB executable, x86-64, version 1 \(SYSV\), statically linked/);
});

test('without uid-drop, a root build still smoke-tests, running the server as nobody like the image does', async (t) => {
  const dir = await scratch(t);
  const tarball = await makeFixtureTarball({ dir });
  const result = await runCli(['build', '--source', tarball.path, '--sha256', tarball.sha256, '--uid-drop', 'false'], { cwd: dir });
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /uid-drop: disabled/);
  assert.match(result.stderr, /Using 'getpwnam' in statically linked/, 'the user switch is still linked in');
  // Without --binaries the binary lived in the work folder, deleted on exit: no path to it.
  assert.match(result.stdout, /^binary linux\/amd64: \d+ bytes; ELF 64-bit LSB executable, x86-64, .*statically linked/m);
  assert.doesNotMatch(result.stdout, new RegExp(`^binary .*${tmpdir()}/`, 'm'));
});

test('every release 2.25b to 2.29 gets its root-only tests disabled and reports its version', async (t) => {
  const dir = await scratch(t);
  for (const version of ['2.25b', '2.26', '2.27', '2.28']) {
    const tarball = await makeFixtureTarball({ dir, version });
    const result = await runCli(['build', '--version', version, '--source', tarball.path, '--sha256', tarball.sha256, '--binaries', `bin-${version}`, '--output', `${version}.tar`], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /uid-drop: disabled 4 root-only user switch/);
    assert.match(result.stderr, new RegExp(`thttpd/${version.replace('.', '\\.')} \\w+ serves a page`));
  }
});

const failures: { name: string; args?: string[]; mutate?: (tree: string) => Promise<void>; wrapper?: string; message: RegExp }[] = [
  {
    name: 'a patch that does not apply, with patch\'s own output',
    args: ['--patch', 'bad.diff'],
    message: /--patch: expected unified diffs .*; patch .*bad\.diff does not apply to thttpd's source \(patch -p1 exit 1\): update it for this release or remove it\. patch said:\n.*Hunk #1 FAILED/s,
  },
  {
    name: 'a tarball that is not a thttpd release',
    mutate: async (tree) => rm(join(tree, 'thttpd.c')),
    message: /is not a thttpd release: thttpd\.c missing from its top folder/,
  },
  {
    name: 'a compile failure, with the compiler\'s last lines',
    mutate: async (tree) => writeFile(join(tree, 'libhttpd.c'), '#include "libhttpd.h"\nint broken( void ) { return nope; }\n'),
    message: /thttpd did not compile for linux\/amd64 with gcc \(make exit 2\): expected a static thttpd, found errors; check that the source is a thttpd release gcc can build\. The compiler's last lines:\n.*.nope. undeclared/s,
  },
  {
    name: 'a binary that file says is dynamic',
    wrapper: 'for a; do shift; [ "$a" = -static ] || set -- "$@" "$a"; done; exec /usr/bin/gcc "$@"',
    message: /the linux\/amd64 binary failed verification: it is not statically linked; it names a dynamic loader \(interpreter\)\. file says: "ELF 64-bit LSB .*dynamically linked.*check --cflags for -static-pie/,
  },
  {
    name: 'an unsupported platform',
    args: ['--platform', 'linux/s390x'],
    message: /--platform: unsupported platform "linux\/s390x": expected linux\/amd64 and\/or linux\/arm64/,
  },
  { name: 'an unsupported libc', args: ['--libc', 'bionic'], message: /--libc: expected one of glibc, musl, got "bionic"/ },
  {
    name: 'a server that does not answer GET / with its index.html',
    mutate: async (tree) => {
      const config = join(tree, 'config.h');
      await writeFile(config, (await readFile(config, 'utf8')).replace(/#define INDEX_NAMES .*/, '#define INDEX_NAMES "default.htm"'));
    },
    message: /smoke test of the built thttpd failed: expected it to serve GET \/ on 127\.0\.0\.1 and stop on SIGUSR1, but GET \/ answered 200 with \d+ bytes instead of 200 with the \d+-byte index\.html/,
  },
];

for (const f of failures) {
  test(`refused: ${f.name}`, async (t) => {
    const dir = await scratch(t);
    const tarball = await makeFixtureTarball({ dir, mutate: f.mutate });
    await writeFile(join(dir, 'bad.diff'), '--- a/thttpd.c\n+++ b/thttpd.c\n@@ -1,3 +1,3 @@\n-this line is not there\n+nor is this\n context\n');
    const env = f.wrapper ? await gccWrapper(dir, f.wrapper) : {};
    const result = await runCli(['build', '--source', tarball.path, '--sha256', tarball.sha256, '--binaries', 'bin', ...(f.args ?? [])], { cwd: dir, env });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, f.message);
    assert.ok(!(await readdir(dir)).some((name) => name === 'bin' || name.endsWith('.tar')), 'no binaries, no archive');
  });
}

const beforeDownload: { name: string; args: (dir: string) => string[]; message: RegExp }[] = [
  {
    name: 'musl for another architecture',
    args: () => ['--libc', 'musl', '--platform', 'linux/arm64'],
    message: /--libc musl builds only for this machine's own platform \(linux\/amd64\), not linux\/arm64: .*or set --libc glibc$/,
  },
  { name: 'a patch file that does not exist', args: () => ['--patch', 'missing.diff'], message: /--patch: expected a readable unified diff file, found nothing at ".*\/missing\.diff": check the path$/ },
  { name: 'a patch that is a folder', args: () => ['--patch', '.'], message: /--patch: expected a readable unified diff file, found a folder at ".*": check the path$/ },
  {
    name: '--binaries naming an existing file',
    args: (dir) => ['--binaries', join(dir, 'thttpd-2.29.tar.gz')],
    message: /--binaries: expected a folder to copy the binaries into, found a file at .*thttpd-2\.29\.tar\.gz: name a folder \(a missing one is created\)$/,
  },
  {
    name: '--binaries under /proc, where Node 20\'s recursive mkdir never returns',
    args: () => ['--binaries', '/proc/static-thttpd-nope'],
    message: /--binaries: expected a folder to copy the binaries into, found that \/proc\/static-thttpd-nope cannot be created \(ENOENT\): name a folder on a disk you can write to$/,
  },
];

for (const f of beforeDownload) {
  test(`refused before the download: ${f.name}`, async (t) => {
    const dir = await scratch(t);
    const tarball = await makeFixtureTarball({ dir });
    const server = await served(t, tarball);
    const result = await runCli(['build', '--source', `${server.url}/thttpd-2.29.tar.gz`, '--sha256', tarball.sha256, ...f.args(dir)], { cwd: dir, timeoutMs: 60_000 });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr.trim(), new RegExp(`^static-thttpd: error: ${f.message.source.replace(/\$$/, '')}$`));
    assert.deepEqual(server.requests, [], 'nothing was downloaded');
    assert.deepEqual(await readdir(dir), ['thttpd-2.29.tar.gz'], 'nothing was written');
  });
}

test('refused before compiling: a tarball whose version.h is not the version asked for', async (t) => {
  const dir = await scratch(t);
  const tarball = await makeFixtureTarball({ dir });
  const result = await runCli(['build', '--version', '2.28', '--source', tarball.path, '--sha256', tarball.sha256, '--binaries', 'bin'], { cwd: dir });
  assert.equal(result.code, 1, result.stderr);
  assert.match(
    result.stderr,
    /static-thttpd: error: --version is 2\.28, but the source is thttpd 2\.29 \(version\.h says "thttpd\/2\.29 23May2018"\): expected thttpd\/2\.28\. Set --version 2\.29 to build this tarball, or pass the 2\.28 tarball with --source\n$/,
  );
  assert.doesNotMatch(result.stderr, /compiling/);
});

test('refused: an unknown version without a checksum says how to pass one', async (t) => {
  const dir = await scratch(t);
  const result = await runCli(['build', '--version', '2.30'], { cwd: dir });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^static-thttpd: error: --version: thttpd 2\.30 is not a release with a known checksum .*pass the tarball's SHA-256 with --sha256 to build it\n$/);
});

test('refused: an unreachable source, after the retries', async (t) => {
  const dir = await scratch(t);
  const closed = await startServer(() => undefined);
  const url = `${closed.url}/thttpd-2.29.tar.gz`;
  await closed.stop();
  const result = await runCli(['build', '--source', url], { cwd: dir });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /retry 3 of 3/);
  assert.match(result.stderr, new RegExp(`could not download the thttpd source from ${url.replace(/[.]/g, '\\.')}: ECONNREFUSED \\(after 3 retries\\)`));
});

test('CLI usage errors exit 2 and point at --help', async () => {
  const result = await runCli(['build', '--frobnicate']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /Unknown option '--frobnicate'.*see static-thttpd build --help/);
  const dashed = await runCli(['build', '--port', '-1']);
  assert.equal(dashed.code, 1, 'a value starting with a dash is a value');
  assert.match(dashed.stderr, /--port: expected a TCP port \(1-65535\), got "-1"/);
  const help = await runCli(['build', '--help']);
  assert.equal(help.code, 0);
  for (const flag of ['--version', '--source', '--sha256', '--platform', '--libc', '--binaries', '--output', '--push']) assert.match(help.stdout, new RegExp(`  ${flag} `));
});
