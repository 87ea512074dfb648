// configure + `make thttpd` (the server only: cgi-src/ and extras/ ignore CCOPT and would
// come out dynamic), static, with what modern compilers need, then strip.
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Failure } from '../failure.js';
import { tail, type Ran } from '../exec.js';
import type { InputNamer } from '../settings.js';
import { runTool } from './command.js';
import type { Toolchain } from './toolchain.js';

/**
 * GCC 14 made implicit int and implicit declarations errors: thttpd's configure probe
 * `main(){return(0);}` then "cannot create executables", and sigset() is undeclared
 * unless _GNU_SOURCE asks glibc for it.
 */
export const MODERN_COMPILER_FLAGS = ['-Wno-error=implicit-int', '-Wno-error=implicit-function-declaration'];

/**
 * Smaller images at no cost the smoke test sees (bench/REPORT.md, "Size flags"): -Os
 * instead of -O2, and each function and object in its own section so the linker drops
 * the parts of the static C library thttpd never calls. Together they take about 7 kB
 * off a glibc image and 2 kB off a musl one. A user's -O2 (cflags, last) still wins.
 */
export const SIZE_FLAGS = ['-Os', '-ffunction-sections', '-fdata-sections', '-Wl,--gc-sections'];

export interface CompileSpec {
  /** Appended to CCOPT after the defaults, so it can override them. */
  cflags: string;
  strip: boolean;
  /** Where the build folder and the finished binary go. */
  workDir: string;
  env: Record<string, string>;
  name: InputNamer;
}

export interface Compiled {
  path: string;
  warnings: string[];
}

export function ccopt(cflags: string): string {
  return [...SIZE_FLAGS, '-static', '-D_GNU_SOURCE', ...MODERN_COMPILER_FLAGS, cflags].filter(Boolean).join(' ');
}

function warningsIn(...runs: Ran[]): string[] {
  return [...new Set(runs.flatMap((r) => r.lines).filter((l) => /\bwarning:/i.test(l)).map((l) => l.trim()))];
}

export async function compile(tree: string, toolchain: Toolchain, spec: CompileSpec): Promise<Compiled> {
  const name = `${toolchain.platform.replace('/', '-')}-${toolchain.libc}`;
  const dir = join(spec.workDir, `build-${name}`);
  await rm(dir, { recursive: true, force: true });
  await cp(tree, dir, { recursive: true });

  const ldflags = toolchain.ldflags.join(' ');
  const env = { ...spec.env, CC: toolchain.cc, CFLAGS: MODERN_COMPILER_FLAGS.join(' '), LDFLAGS: ldflags };
  const configure = await runTool('sh', ['./configure', ...(toolchain.host ? [`--host=${toolchain.host}`] : [])], { cwd: dir, env });
  if (configure.code !== 0) {
    throw new Failure(
      `thttpd's configure failed for ${toolchain.platform} (exit ${configure.code}): expected it to find ${toolchain.cc} able to build programs, found it could not. Check that ${toolchain.cc} works on this machine; configure's last lines:\n${tail(configure.lines)}`,
    );
  }
  const make = await runTool('make', [`CC=${toolchain.cc}`, `CCOPT=${ccopt(spec.cflags)}`, `LDFLAGS=${ldflags}`, 'thttpd'], { cwd: dir, env });
  const built = join(dir, 'thttpd');
  if (make.code !== 0 || !(await stat(built).then((s) => s.isFile(), () => false))) {
    // Extra flags are the likeliest cause: name them, so the message points at the input.
    const check = spec.cflags
      ? `check ${spec.name('cflags')} "${spec.cflags}" first (they go last on ${toolchain.cc}'s command line)`
      : `check that the source is a thttpd release ${toolchain.cc} can build`;
    throw new Failure(
      `thttpd did not compile for ${toolchain.platform} with ${toolchain.cc} (make exit ${make.code}): expected a static thttpd, found errors; ${check}. The compiler's last lines:\n${tail(make.lines)}`,
    );
  }

  const outDir = join(spec.workDir, 'bin');
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, `thttpd-${name}`);
  await rm(path, { force: true });
  if (spec.strip) {
    const stripped = await runTool(toolchain.strip, ['-o', path, built], { env: spec.env });
    if (stripped.code !== 0) {
      throw new Failure(
        `${toolchain.strip} failed on the ${toolchain.platform} binary (exit ${stripped.code}): expected it to strip a ${toolchain.platform} executable. Check binutils, or set ${spec.name('strip')} false to keep the symbols; its output:\n${tail(stripped.lines)}`,
      );
    }
  } else {
    await cp(built, path);
  }
  return { path, warnings: warningsIn(configure, make) };
}
