import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropAuthFile, dropRootOnlyCode } from '../../src/build/patch.js';
import { fileLineProblems } from '../../src/build/verify.js';
import { planToolchain } from '../../src/build/toolchain.js';
import { ccopt } from '../../src/build/compile.js';
import { foreignUbuntuSource, parseOsRelease, pinToArch, usesApt } from '../../src/build/apt-sources.js';

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
  const { text, count } = dropRootOnlyCode(rootOnly, 'thttpd.c');
  assert.equal(count, 4);
  assert.doesNotMatch(text, /getuid\s*\(\s*\)\s*==\s*0/);
  assert.match(text, /getuid\(\) != 0/);
  assert.match(text, /if \( 0 \/\* static-thttpd: uid-drop \*\/ \)/);
  assert.match(text, /pwd = getpwnam\( user \);/, 'the code stays, dead, for the optimiser to drop');
});

test('uid-drop on a file without root-only tests names the file', () => {
  assert.throws(() => dropRootOnlyCode('int main(void) { return 0; }', 'thttpd.c'), /thttpd\.c has no "getuid\(\) == 0" test.*uid-drop: false/);
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
  const native = planToolchain('linux/amd64', 'glibc', 'amd64');
  assert.equal(native.cc, 'gcc');
  assert.equal(native.emulator, undefined);
  const cross = planToolchain('linux/arm64', 'glibc', 'amd64');
  assert.equal(cross.cc, 'aarch64-linux-gnu-gcc');
  assert.equal(cross.strip, 'aarch64-linux-gnu-strip');
  assert.equal(cross.host, 'aarch64-linux-gnu');
  assert.deepEqual(cross.ldflags, ['-L/usr/lib/aarch64-linux-gnu']);
  assert.equal(cross.emulator, 'qemu-aarch64-static');
  assert.ok(cross.requirements.some((r) => r.apt === 'libcrypt-dev:arm64'));
  assert.ok(cross.requirements.find((r) => r.need === 'qemu-aarch64-static')?.optional);
  assert.equal(planToolchain('linux/amd64', 'musl', 'amd64').cc, 'musl-gcc');
  assert.throws(() => planToolchain('linux/arm64', 'musl', 'amd64'), /musl builds only for this machine's own platform \(linux\/amd64\).*ubuntu-24\.04-arm/);
});

test('toolchains on an arm64 host: arm64 is native, amd64 is the cross build', () => {
  assert.equal(planToolchain('linux/arm64', 'glibc', 'arm64').cc, 'gcc');
  assert.equal(planToolchain('linux/arm64', 'musl', 'arm64').cc, 'musl-gcc');
  const cross = planToolchain('linux/amd64', 'glibc', 'arm64');
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
