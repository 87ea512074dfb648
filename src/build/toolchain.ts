// Which compiler, strip and libraries build thttpd for a platform on this host: native
// when the architectures match, else the Debian/Ubuntu cross toolchain. Pure, so the
// whole matrix is a unit test.
import { Failure } from '../failure.js';
import type { InputNamer } from '../settings.js';
import type { Libc, Platform } from '../types.js';

export type Arch = 'amd64' | 'arm64';

interface ArchInfo {
  triplet: string;
  /** What `file -b` calls it. */
  fileName: string;
  qemu: string;
  crossPackage: string;
  crossLibc: string;
}

export const ARCHES: Record<Arch, ArchInfo> = {
  amd64: { triplet: 'x86_64-linux-gnu', fileName: 'x86-64', qemu: 'qemu-x86_64-static', crossPackage: 'gcc-x86-64-linux-gnu', crossLibc: 'libc6-dev-amd64-cross' },
  arm64: { triplet: 'aarch64-linux-gnu', fileName: 'ARM aarch64', qemu: 'qemu-aarch64-static', crossPackage: 'gcc-aarch64-linux-gnu', crossLibc: 'libc6-dev-arm64-cross' },
};

export function archOf(platform: Platform): Arch {
  return platform === 'linux/arm64' ? 'arm64' : 'amd64';
}

export function hostArch(nodeArch: string): Arch {
  if (nodeArch === 'x64') return 'amd64';
  if (nodeArch === 'arm64') return 'arm64';
  throw new Failure(`static-thttpd builds on x86-64 or arm64 Linux hosts, and this machine is ${nodeArch}: run it on an x86-64 or arm64 machine (it still builds both platforms)`);
}

export interface Requirement {
  /** A command on PATH or an absolute file path that must exist. */
  need: string;
  /** The apt package that provides it (`name:arch` for another architecture's library). */
  apt: string;
  /** Missing optional things warn instead of failing (the arm64 smoke test's emulator). */
  optional?: boolean;
}

export interface Toolchain {
  platform: Platform;
  libc: Libc;
  cc: string;
  strip: string;
  /** `--host` for configure when cross-compiling. */
  host?: string;
  ldflags: string[];
  /** Prefix that runs the target's binaries here (qemu), or none when native. */
  emulator?: string;
  requirements: Requirement[];
}

const BASE: Requirement[] = [
  { need: 'make', apt: 'make' },
  { need: 'file', apt: 'file' },
  { need: 'patch', apt: 'patch' },
];

/** `name` says how messages name the inputs (`--libc` or `input "libc"`). */
export function planToolchain(platform: Platform, libc: Libc, host: Arch, name: InputNamer): Toolchain {
  const arch = archOf(platform);
  const info = ARCHES[arch];
  const native = arch === host;
  if (libc === 'musl') {
    if (!native) {
      throw new Failure(
        `${name('libc')} musl builds only for this machine's own platform (linux/${host}), not ${platform}: Debian/Ubuntu ship no musl cross compiler. Build ${platform} with musl on a ${arch} runner (e.g. ubuntu-24.04-arm), or set ${name('libc')} glibc`,
      );
    }
    // musl-gcc is a script that runs the host's TRIPLET-gcc (from the gcc package), and
    // musl-tools does not depend on gcc: without it, configure only says it cannot compile.
    return {
      platform, libc, cc: 'musl-gcc', strip: 'strip', ldflags: [],
      requirements: [...BASE, { need: `${info.triplet}-gcc`, apt: 'gcc' }, { need: 'musl-gcc', apt: 'musl-tools' }, { need: 'strip', apt: 'binutils' }],
    };
  }
  if (native) {
    return {
      platform, libc, cc: 'gcc', strip: 'strip', ldflags: [],
      requirements: [...BASE, { need: 'gcc', apt: 'gcc' }, { need: 'strip', apt: 'binutils' }, { need: '/usr/include/crypt.h', apt: 'libcrypt-dev' }],
    };
  }
  // thttpd links -lcrypt; the cross packages carry no libcrypt.a, the target's own libcrypt-dev does.
  const libdir = `/usr/lib/${info.triplet}`;
  return {
    platform, libc,
    cc: `${info.triplet}-gcc`,
    strip: `${info.triplet}-strip`,
    host: info.triplet,
    ldflags: [`-L${libdir}`],
    emulator: info.qemu,
    requirements: [
      ...BASE,
      { need: `${info.triplet}-gcc`, apt: info.crossPackage },
      { need: `/usr/${info.triplet}/include/stdio.h`, apt: info.crossLibc },
      { need: `${libdir}/libcrypt.a`, apt: `libcrypt-dev:${arch}` },
      { need: info.qemu, apt: 'qemu-user-static', optional: true },
    ],
  };
}
