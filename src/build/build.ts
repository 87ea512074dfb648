// The build stage: one verified static binary per platform.
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Binary, Libc, Logger, Platform } from '../types.js';
import { compile } from './compile.js';
import { ensureRequirements, findCommand, type HostSystem } from './install.js';
import { planToolchain } from './toolchain.js';
import { reportedVersion, serveOnce, verifyStatic } from './verify.js';

export interface BuildSpec {
  version: string;
  platforms: Platform[];
  libc: Libc;
  cflags: string;
  strip: boolean;
  /** Without uid-drop, a root smoke test would make thttpd switch to nobody: run it as nobody instead. */
  uidDrop: boolean;
  workDir: string;
  scratchDir: string;
  /** Also copy the binaries here (CLI --binaries). */
  binariesDir?: string;
}

export async function buildBinaries(tree: string, spec: BuildSpec, system: HostSystem, log: Logger): Promise<Binary[]> {
  const toolchains = spec.platforms.map((p) => planToolchain(p, spec.libc, system.arch));
  await ensureRequirements(toolchains.flatMap((t) => t.requirements), system, log);
  const env = system.env;
  const binaries: Binary[] = [];
  for (const toolchain of toolchains) {
    log.info(`compiling thttpd ${spec.version} for ${toolchain.platform} (${toolchain.libc}, ${toolchain.cc})`);
    const compiled = await compile(tree, toolchain, { cflags: spec.cflags, strip: spec.strip, workDir: spec.workDir, env });
    for (const warning of compiled.warnings) log.info(`  ${warning}`);
    const fileLine = await verifyStatic(compiled.path, toolchain.platform, env);

    let serverSoftware = '';
    if (toolchain.emulator && !(await findCommand(toolchain.emulator, env))) {
      log.warning(`${toolchain.emulator} is not installed: the ${toolchain.platform} binary is verified static but was not run (install qemu-user-static to smoke-test it)`);
    } else {
      const smoke = { version: spec.version, emulator: toolchain.emulator, scratchDir: spec.scratchDir, env, runAs: system.isRoot && !spec.uidDrop ? { uid: 65534, gid: 65534 } : undefined };
      serverSoftware = await reportedVersion(compiled.path, smoke);
      await serveOnce(compiled.path, smoke);
      log.info(`  ${toolchain.platform}: ${serverSoftware} serves a page`);
    }

    let path = compiled.path;
    if (spec.binariesDir) {
      await mkdir(spec.binariesDir, { recursive: true });
      path = join(spec.binariesDir, basename(compiled.path));
      await copyFile(compiled.path, path);
    }
    binaries.push({ platform: toolchain.platform, libc: toolchain.libc, path, bytes: (await stat(path)).size, fileLine, serverSoftware, warnings: compiled.warnings });
  }
  return binaries;
}
