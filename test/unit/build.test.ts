import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPatches, dropAuthFile, dropRootOnlyCode, unsafeDiffPaths } from '../../src/build/patch.js';
import { fileLineProblems } from '../../src/build/verify.js';
import { planToolchain, type Requirement } from '../../src/build/toolchain.js';
import { ccopt } from '../../src/build/compile.js';
import { foreignUbuntuSource, parseOsRelease, pinToArch, usesApt } from '../../src/build/apt-sources.js';
import { aptInstallCommands, asRoot, ensureRequirements, planInstall, type InstallFacts } from '../../src/build/install.js';
import { findCommand, runTool } from '../../src/build/command.js';
import { checkBinariesFolder, copyBinaries } from '../../src/build/binaries-folder.js';
import { run } from '../../src/exec.js';
import { plainEnv } from '../../src/host.js';
import { textReport } from '../../src/report.js';
import type { Report } from '../../src/run.js';
import { parseSettings, type InputName } from '../../src/settings.js';
import type { Binary } from '../../src/types.js';

/** Names inputs as the CLI does, so the tests see that messages follow the entry's naming. */
const name = (input: InputName) => `--${input}`;
const env = plainEnv(process.env);

async function scratch(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'static-thttpd-unit-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const rootOnly = `
    /* If we're root, start becoming someone else. */
    if ( getuid() == 0 )
\t{
\tpwd = getpwnam( user );
\t}
    if ( logfp != (FILE*) 0 && getuid() == 0 )
\t(void) fchown( fileno( logfp ), uid, gid );
#ifdef USE_USER_DIR
    if ( getuid()==0 && ! do_vhost )
\t(void) chdir( pwd->pw_dir );
#endif
    if (getuid( ) == 0) { setuid( uid ); }
    if ( getuid() != 0 ) keep_me();
`;

test('uid-drop makes every root-only test false and keeps the rest', () => {
  const { text, count } = dropRootOnlyCode(rootOnly, 'thttpd.c', name);
  assert.equal(count, 4);
  assert.doesNotMatch(text, /getuid\s*\(\s*\)\s*==\s*0/);
  assert.match(text, /getuid\(\) != 0/);
  assert.match(text, /if \( 0 \/\* static-thttpd: uid-drop \*\/ \)/);
  assert.match(text, /pwd = getpwnam\( user \);/, 'the code stays, dead, for the optimiser to drop');
});

test('uid-drop on a file without root-only tests names the file', () => {
  assert.throws(
    () => dropRootOnlyCode('int main(void) { return 0; }', 'thttpd.c', name),
    /thttpd\.c has no "getuid\(\) == 0" test to disable: expected .* found none\. If one of your patches already removes them, set --uid-drop false; otherwise check that --source is a thttpd release$/,
  );
});

test('musl builds lose AUTH_FILE, nothing else', () => {
  const config = '#define DEFAULT_PORT 80\n#define AUTH_FILE ".htpasswd"\n#define IDLE_READ_TIMELIMIT 60\n';
  const edited = dropAuthFile(config, 'config.h');
  assert.doesNotMatch(edited, /#define AUTH_FILE/);
  assert.match(edited, /#define DEFAULT_PORT 80\n/);
  assert.match(edited, /#define IDLE_READ_TIMELIMIT 60\n/);
  assert.equal(dropAuthFile('/* #define AUTH_FILE ".htpasswd" */\n', 'config.h'), '/* #define AUTH_FILE ".htpasswd" */\n');
});

const fileLines: { line: string; platform: 'linux/amd64' | 'linux/arm64'; problems: RegExp[] }[] = [
  {
    line: 'ELF 64-bit LSB executable, x86-64, version 1 (GNU/Linux), statically linked, BuildID[sha1]=0f3c, for GNU/Linux 3.2.0, stripped',
    platform: 'linux/amd64',
    problems: [],
  },
  { line: 'ELF 64-bit LSB executable, x86-64, version 1 (SYSV), statically linked, stripped', platform: 'linux/amd64', problems: [] },
  { line: 'ELF 64-bit LSB pie executable, x86-64, version 1 (GNU/Linux), static-pie linked, stripped', platform: 'linux/amd64', problems: [] },
  { line: 'ELF 64-bit LSB executable, ARM aarch64, version 1 (GNU/Linux), statically linked, for GNU/Linux 3.7.0, stripped', platform: 'linux/arm64', problems: [] },
  {
    line: 'ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, interpreter /lib64/ld-linux-x86-64.so.2, stripped',
    platform: 'linux/amd64',
    problems: [/not statically linked/, /interpreter/],
  },
  { line: 'ELF 64-bit LSB executable, x86-64, version 1 (GNU/Linux), statically linked, stripped', platform: 'linux/arm64', problems: [/not built for ARM aarch64/] },
  { line: 'POSIX shell script, ASCII text executable', platform: 'linux/amd64', problems: [/not an ELF/, /not statically linked/, /x86-64/] },
];

for (const row of fileLines) {
  test(`file line for ${row.platform}: ${row.line.slice(0, 60)}...`, () => {
    const problems = fileLineProblems(row.line, row.platform);
    assert.equal(problems.length, row.problems.length, problems.join('; '));
    row.problems.forEach((p, i) => assert.match(problems[i] ?? '', p));
  });
}

test('toolchains: native, cross and musl on an amd64 host', () => {
  const native = planToolchain('linux/amd64', 'glibc', 'amd64', name);
  assert.equal(native.cc, 'gcc');
  assert.equal(native.emulator, undefined);
  const cross = planToolchain('linux/arm64', 'glibc', 'amd64', name);
  assert.equal(cross.cc, 'aarch64-linux-gnu-gcc');
  assert.equal(cross.strip, 'aarch64-linux-gnu-strip');
  assert.equal(cross.host, 'aarch64-linux-gnu');
  assert.deepEqual(cross.ldflags, ['-L/usr/lib/aarch64-linux-gnu']);
  assert.equal(cross.emulator, 'qemu-aarch64-static');
  assert.ok(cross.requirements.some((r) => r.apt === 'libcrypt-dev:arm64'));
  assert.ok(cross.requirements.find((r) => r.need === 'qemu-aarch64-static')?.optional);
  assert.equal(planToolchain('linux/amd64', 'musl', 'amd64', name).cc, 'musl-gcc');
  assert.throws(() => planToolchain('linux/arm64', 'musl', 'amd64', name), /--libc musl builds only for this machine's own platform \(linux\/amd64\).*ubuntu-24\.04-arm\), or set --libc glibc$/);
});

test('toolchains on an arm64 host: arm64 is native, amd64 is the cross build', () => {
  assert.equal(planToolchain('linux/arm64', 'glibc', 'arm64', name).cc, 'gcc');
  assert.equal(planToolchain('linux/arm64', 'musl', 'arm64', name).cc, 'musl-gcc');
  const cross = planToolchain('linux/amd64', 'glibc', 'arm64', name);
  assert.equal(cross.cc, 'x86_64-linux-gnu-gcc');
  assert.equal(cross.emulator, 'qemu-x86_64-static');
  assert.ok(cross.requirements.some((r) => r.apt === 'libcrypt-dev:amd64'));
});

test('CCOPT: size flags, static, modern-compiler fixes, then the user flags last so they win', () => {
  assert.equal(
    ccopt(''),
    '-Os -ffunction-sections -fdata-sections -Wl,--gc-sections -static -D_GNU_SOURCE -Wno-error=implicit-int -Wno-error=implicit-function-declaration',
  );
  assert.match(ccopt('-O2 -g'), / -O2 -g$/);
});

test('os-release: Debian and Ubuntu use apt, others do not', () => {
  const ubuntu = parseOsRelease('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_CODENAME=noble\n');
  assert.deepEqual(ubuntu, { id: 'ubuntu', idLike: ['debian'], codename: 'noble' });
  assert.ok(usesApt(ubuntu));
  assert.ok(usesApt(parseOsRelease('ID=debian\nVERSION_CODENAME=bookworm\n')));
  assert.ok(!usesApt(parseOsRelease('ID="fedora"\n')));
  assert.ok(!usesApt(parseOsRelease('')));
});

test('Ubuntu sources get pinned to the host architecture, foreign ones to theirs', () => {
  const deb822 = 'Types: deb\nURIs: http://azure.archive.ubuntu.com/ubuntu/\nSuites: noble noble-updates\nComponents: main universe\n\nTypes: deb\nURIs: http://x/\nArchitectures: amd64\nSuites: noble-security\n';
  const pinned = pinToArch(deb822, 'amd64', true);
  assert.equal(pinned.match(/^Architectures: amd64$/gm)?.length, 2);
  assert.equal(pinToArch(pinned, 'amd64', true), pinned, 'pinning twice changes nothing');
  const oneLine = 'deb http://archive.ubuntu.com/ubuntu jammy main\n# deb-src http://x jammy main\ndeb [signed-by=/k] http://y jammy main\n';
  assert.equal(pinToArch(oneLine, 'amd64', false), 'deb [arch=amd64] http://archive.ubuntu.com/ubuntu jammy main\n# deb-src http://x jammy main\ndeb [arch=amd64 signed-by=/k] http://y jammy main\n');
  assert.equal(pinToArch(pinToArch(oneLine, 'amd64', false), 'amd64', false), pinToArch(oneLine, 'amd64', false));
  const ports = foreignUbuntuSource('arm64', 'noble');
  assert.match(ports, /URIs: http:\/\/ports\.ubuntu\.com\/ubuntu-ports\nSuites: noble noble-updates/);
  assert.match(ports, /Suites: noble-security/);
  assert.equal(ports.match(/^Architectures: arm64$/gm)?.length, 2);
});

test('musl-gcc needs the gcc it wraps: TRIPLET-gcc from the gcc package', () => {
  assert.deepEqual(planToolchain('linux/amd64', 'musl', 'amd64', name).requirements.find((r) => r.apt === 'gcc'), { need: 'x86_64-linux-gnu-gcc', apt: 'gcc' });
  assert.deepEqual(planToolchain('linux/arm64', 'musl', 'arm64', name).requirements.find((r) => r.apt === 'gcc'), { need: 'aarch64-linux-gnu-gcc', apt: 'gcc' });
});

test('musl-gcc runs x86_64-linux-gnu-gcc here, as its requirement says', async () => {
  const wrapper = await findCommand('musl-gcc', env);
  assert.ok(wrapper, 'musl-tools is installed (scripts/install-test-deps.sh)');
  assert.match(await readFile(wrapper, 'utf8'), /x86_64-linux-gnu-gcc/);
});

const debian = 'ID=debian\nVERSION_CODENAME=bookworm\n';
const facts = (over: Partial<InstallFacts> = {}): InstallFacts => ({ isRoot: true, arch: 'amd64', osRelease: debian, hasAptGet: true, hasSudo: true, ...over });
const requirementsOf = (platform: 'linux/amd64' | 'linux/arm64', libc: 'glibc' | 'musl' = 'glibc') => planToolchain(platform, libc, 'amd64', name).requirements;
const absent = (platform: 'linux/amd64' | 'linux/arm64', needs: string[], libc: 'glibc' | 'musl' = 'glibc'): Requirement[] =>
  requirementsOf(platform, libc).filter((r) => needs.includes(r.need));

const installs: { what: string; absent: Requirement[]; facts?: Partial<InstallFacts>; plan?: { architectures: string[]; required: string[]; optional: string[] }; refused?: RegExp }[] = [
  { what: 'nothing missing', absent: [], plan: { architectures: [], required: [], optional: [] } },
  { what: 'native gcc and make', absent: absent('linux/amd64', ['gcc', 'make']), plan: { architectures: [], required: ['make', 'gcc'], optional: [] } },
  { what: 'crypt.h, a file not a command', absent: absent('linux/amd64', ['/usr/include/crypt.h']), plan: { architectures: [], required: ['libcrypt-dev'], optional: [] } },
  {
    what: 'the arm64 cross toolchain, libcrypt and qemu',
    absent: absent('linux/arm64', ['aarch64-linux-gnu-gcc', '/usr/aarch64-linux-gnu/include/stdio.h', '/usr/lib/aarch64-linux-gnu/libcrypt.a', 'qemu-aarch64-static']),
    plan: { architectures: ['arm64'], required: ['gcc-aarch64-linux-gnu', 'libc6-dev-arm64-cross', 'libcrypt-dev:arm64'], optional: ['qemu-user-static'] },
  },
  { what: 'musl-gcc and the gcc it wraps', absent: absent('linux/amd64', ['musl-gcc', 'x86_64-linux-gnu-gcc'], 'musl'), plan: { architectures: [], required: ['gcc', 'musl-tools'], optional: [] } },
  { what: 'the same package for two tools, once', absent: [{ need: 'strip', apt: 'binutils' }, { need: 'objcopy', apt: 'binutils' }], plan: { architectures: [], required: ['binutils'], optional: [] } },
  { what: 'not root, with sudo', absent: absent('linux/amd64', ['patch']), facts: { isRoot: false }, plan: { architectures: [], required: ['patch'], optional: [] } },
  {
    what: 'not Debian or Ubuntu',
    absent: absent('linux/amd64', ['gcc', 'file']),
    facts: { osRelease: 'ID="fedora"\nVERSION_ID=40\n' },
    refused: /^Failure: missing build tools: file \(apt package file\), gcc \(apt package gcc\): expected them on PATH, found them missing, and this machine is not Debian or Ubuntu \(os-release ID "fedora"\), where static-thttpd installs them itself with apt-get\. Install them yourself \(packages: file gcc\), then run again$/,
  },
  { what: 'no os-release at all', absent: absent('linux/amd64', ['make']), facts: { osRelease: '' }, refused: /not Debian or Ubuntu \(no \/etc\/os-release\)/ },
  { what: 'Debian without apt-get', absent: absent('linux/amd64', ['make']), facts: { hasAptGet: false }, refused: /missing build tools: make .*no apt-get on PATH/ },
  { what: 'not root and no sudo', absent: absent('linux/amd64', ['make']), facts: { isRoot: false, hasSudo: false }, refused: /missing build tools: make .*installing them needs root, and this runs as a user without sudo/ },
  { what: 'only the optional emulator, not Debian', absent: absent('linux/arm64', ['qemu-aarch64-static']), facts: { osRelease: 'ID=arch\n' }, plan: { architectures: [], required: [], optional: [] } },
];

for (const row of installs) {
  test(`install plan: ${row.what}`, () => {
    if (row.refused) assert.throws(() => planInstall(row.absent, facts(row.facts)), row.refused);
    else assert.deepEqual(planInstall(row.absent, facts(row.facts)), row.plan);
  });
}

test('apt-get runs through sudo -n when not root, with DEBIAN_FRONTEND inside the command, where sudo cannot drop it', () => {
  assert.deepEqual(asRoot(['apt-get', 'update', '-qq'], true), ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq']);
  assert.deepEqual(asRoot(['apt-get', 'update', '-qq'], false), ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq']);
  assert.deepEqual(aptInstallCommands(['gcc', 'make']), [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'gcc', 'make'],
  ]);
});

test('sudo really drops DEBIAN_FRONTEND from its own environment and keeps it on the command line', async () => {
  const show = ['sh', '-c', 'printf "[%s]" "$DEBIAN_FRONTEND"'];
  const withoutIt = { ...env, DEBIAN_FRONTEND: '' };
  const outside = await runTool('sudo', ['-n', ...show], { env: { ...withoutIt, DEBIAN_FRONTEND: 'noninteractive' } });
  assert.equal(outside.code, 0, outside.lines.join('\n'));
  assert.equal(outside.stdout, '[]', "sudo's env_reset drops it: the bug this guards against");
  const [command, ...args] = asRoot(show, false) as [string, ...string[]];
  const inside = await runTool(command, args, { env: withoutIt });
  assert.equal(inside.stdout, '[noninteractive]');
});

test('requirements that are all here install nothing; missing ones on a non-Debian host are refused by name', async () => {
  const messages: string[] = [];
  const log = { info: (m: string) => messages.push(m), warning: (m: string) => messages.push(m) };
  const system = { env, isRoot: true, arch: 'amd64' as const, osRelease: debian };
  await ensureRequirements(requirementsOf('linux/amd64'), system, log);
  assert.deepEqual(messages, [], 'nothing to install, nothing said');
  await assert.rejects(
    ensureRequirements([...requirementsOf('linux/amd64'), { need: 'static-thttpd-no-such-tool', apt: 'no-such-package' }], { ...system, osRelease: 'ID=alpine\n' }, log),
    /^Failure: missing build tools: static-thttpd-no-such-tool \(apt package no-such-package\): expected them on PATH, found them missing, and this machine is not Debian or Ubuntu \(os-release ID "alpine"\)/,
  );
});

test('commands are found and run on the PATH the stage was given, not on this process\'s', async (t) => {
  const dir = await scratch(t);
  await writeFile(join(dir, 'static-thttpd-probe'), '#!/bin/sh\necho found on the given PATH\n');
  await chmod(join(dir, 'static-thttpd-probe'), 0o755);
  const given = { ...env, PATH: `${dir}:${env.PATH ?? ''}` };
  assert.equal(await findCommand('static-thttpd-probe', given), join(dir, 'static-thttpd-probe'));
  assert.equal(await findCommand('static-thttpd-probe', env), undefined);
  assert.equal((await runTool('static-thttpd-probe', [], { env: given })).stdout.trim(), 'found on the given PATH');
  await assert.rejects(run('static-thttpd-probe', [], { env: given }), /Unable to locate executable file: static-thttpd-probe/, '@actions/exec alone looks on process.env.PATH');
  await assert.rejects(runTool('static-thttpd-probe', [], { env }), /expected the command static-thttpd-probe on PATH \(.*\), found none: install it, or put its folder on PATH/);
  await writeFile(join(dir, 'not-executable'), '#!/bin/sh\n');
  assert.equal(await findCommand('not-executable', { PATH: dir }), undefined, 'a file that cannot run is not a command');
});

test('patches that are missing or not files are refused before anything is downloaded', async (t) => {
  const dir = await scratch(t);
  await writeFile(join(dir, 'good.diff'), '--- a/x\n+++ b/x\n');
  await checkPatches([join(dir, 'good.diff')], name);
  await assert.rejects(checkPatches([join(dir, 'good.diff'), join(dir, 'missing.diff')], name), /--patches: expected a readable unified diff file, found nothing at ".*missing\.diff": check the path$/);
  await assert.rejects(checkPatches([dir], name), /--patches: expected a readable unified diff file, found a folder at /);
});

test('diffs naming absolute paths or climbing with .. are refused before patch runs', async (t) => {
  const cases: [string, string[]][] = [
    ['--- a/thttpd.c\t2018-05-23\n+++ b/thttpd.c\t2018-05-23\n', []],
    ['--- /dev/null\n+++ b/new.c\n', []],
    ['--- a/x..y.c\n+++ b/x..y.c\n', []],
    ['--- /dev/null\n+++ /etc/cron.d/evil\n', ['/etc/cron.d/evil']],
    ['--- a/../../outside\n+++ b/../../outside\n', ['a/../../outside', 'b/../../outside']],
    ['--- a/x\n+++ b/sub/../../x\n', ['b/sub/../../x']],
  ];
  for (const [diff, unsafe] of cases) assert.deepEqual(unsafeDiffPaths(diff), unsafe, diff);
  const dir = await scratch(t);
  await writeFile(join(dir, 'absolute.diff'), '--- /dev/null\n+++ /tmp/written-by-a-patch\n@@ -0,0 +1 @@\n+x\n');
  await assert.rejects(
    checkPatches([join(dir, 'absolute.diff')], name),
    /^Failure: --patches: expected a diff of files inside the release's top folder \(a\/thttpd\.c, b\/thttpd\.c\), found "\/tmp\/written-by-a-patch" in ".*absolute\.diff": make the diff/,
  );
});

test('--binaries: an existing file, a file in the way, or a place where folders cannot be made is refused at once, naming --binaries', async (t) => {
  const dir = await scratch(t);
  const file = join(dir, 'a-file');
  await writeFile(file, 'x');
  await assert.rejects(checkBinariesFolder(file), /^Failure: --binaries: expected a folder to copy the binaries into, found a file at .*a-file: name a folder \(a missing one is created\)$/);
  await assert.rejects(checkBinariesFolder(join(file, 'sub')), /--binaries: expected a folder .*, found a file at .*a-file, where .*a-file\/sub needs a folder: name another folder$/);
  // Node 20's recursive mkdir never returns here; the walk one level at a time fails at once.
  const started = Date.now();
  await assert.rejects(checkBinariesFolder('/proc/static-thttpd-nope/bin'), /--binaries: expected a folder .*, found that \/proc\/static-thttpd-nope cannot be created \(ENOENT\): name a folder on a disk you can write to$/);
  assert.ok(Date.now() - started < 5000);
});

test('--binaries: checking a folder that does not exist yet leaves nothing behind; copying fills it all at once', async (t) => {
  const dir = await scratch(t);
  const target = join(dir, 'out', 'bin');
  await checkBinariesFolder(target);
  assert.deepEqual(await readdir(dir), [], 'the check made no folders');
  await mkdir(join(dir, 'work'));
  const binaries: Binary[] = [];
  for (const platform of ['linux/amd64', 'linux/arm64'] as const) {
    const path = join(dir, 'work', `thttpd-${platform.replace('/', '-')}-glibc`);
    await writeFile(path, platform);
    binaries.push({ platform, libc: 'glibc', path, bytes: platform.length, fileLine: 'ELF', serverSoftware: '', warnings: [] });
  }
  const copies = await copyBinaries(binaries, target);
  assert.deepEqual(copies.map((c) => c.path), [join(target, 'thttpd-linux-amd64-glibc'), join(target, 'thttpd-linux-arm64-glibc')]);
  assert.deepEqual((await readdir(target)).sort(), ['thttpd-linux-amd64-glibc', 'thttpd-linux-arm64-glibc'], 'no partial files are left');
  assert.equal(await readFile(join(target, 'thttpd-linux-arm64-glibc'), 'utf8'), 'linux/arm64');
  const gone = { ...binaries[1], path: join(dir, 'work', 'vanished') } as Binary;
  await assert.rejects(copyBinaries([binaries[0] as Binary, gone], join(dir, 'other')), /--binaries: expected to copy the binaries into .*other, but copying failed \(ENOENT\): free some space or name another folder; none were left there$/);
  assert.deepEqual((await readdir(dir)).sort(), ['out', 'work'], 'a failed copy leaves neither files nor the folder it made');
});

test('the CLI report names the binaries only where they stay: the --binaries copies', () => {
  const settings = parseSettings({ push: 'false' }, { cwd: '/w', now: new Date(0) }, name);
  const binary: Binary = { platform: 'linux/amd64', libc: 'glibc', path: '/tmp/static-thttpd-x/bin/thttpd-linux-amd64-glibc', bytes: 1234, fileLine: 'ELF 64-bit', serverSoftware: '', warnings: [] };
  const report: Report = { binaries: [binary], digest: 'sha256:0', labels: {}, platforms: [], sizes: [], references: [] };
  const inWorkFolder = textReport(settings, report);
  assert.match(inWorkFolder, /^binary linux\/amd64: 1234 bytes; ELF 64-bit$/m);
  assert.doesNotMatch(inWorkFolder, /static-thttpd-x/);
  const copied = textReport(settings, { ...report, binaries: [{ ...binary, path: '/out/bin/thttpd-linux-amd64-glibc' }], binariesDir: '/out/bin' });
  assert.match(copied, /^binary linux\/amd64: \/out\/bin\/thttpd-linux-amd64-glibc \(1234 bytes; ELF 64-bit\)$/m);
});
