// The build stage: one verified static binary per platform, in the work folder. planBuild
// is its cheap half, run before the source is fetched: it refuses what cannot be built
// here (musl for another architecture, missing tools that cannot be installed).
import { stat } from 'node:fs/promises';
import type { InputNamer } from '../settings.js';
import type { Binary, Libc, Logger, Platform } from '../types.js';
import { findCommand } from './command.js';
import { compile } from './compile.js';
import { checkRequirements, ensureRequirements, type HostSystem } from './install.js';
import { planToolchain, type Toolchain } from './toolchain.js';
import { reportedVersion, serveOnce, verifyStatic } from './verify.js';

export interface BuildSpec {
  version: string;
  cflags: string;
  strip: boolean;
  /** Without uid-drop, a root smoke test would make thttpd switch to nobody: run it as nobody instead. */
  uidDrop: boolean;
  workDir: string;
  scratchDir: string;
  name: InputNamer;
}

export async function planBuild(platforms: Platform[], libc: Libc, system: HostSystem, name: InputNamer): Promise<Toolchain[]> {
  const toolchains = platforms.map((p) => planToolchain(p, libc, system.arch, name));
  await checkRequirements(toolchains.flatMap((t) => t.requirements), system);
  return toolchains;
}

export async function buildBinaries(tree: string, toolchains: Toolchain[], spec: BuildSpec, system: HostSystem, log: Logger): Promise<Binary[]> {
  await ensureRequirements(toolchains.flatMap((t) => t.requirements), system, log);
  const env = system.env;
  const binaries: Binary[] = [];
  for (const toolchain of toolchains) {
    log.info(`compiling thttpd ${spec.version} for ${toolchain.platform} (${toolchain.libc}, ${toolchain.cc})`);
    const compiled = await compile(tree, toolchain, { cflags: spec.cflags, strip: spec.strip, workDir: spec.workDir, env, name: spec.name });
    for (const warning of compiled.warnings) log.info(`  ${warning}`);
    const fileLine = await verifyStatic(compiled.path, toolchain.platform, env, spec.name);

    let serverSoftware = '';
    const emulator = toolchain.emulator ? await findCommand(toolchain.emulator, env) : undefined;
    if (toolchain.emulator && !emulator) {
      log.warning(`${toolchain.emulator} is not installed: the ${toolchain.platform} binary is verified static but was not run (install qemu-user-static to smoke-test it)`);
    } else {
      const runAs = system.isRoot && !spec.uidDrop ? { uid: 65534, gid: 65534 } : undefined;
      const smoke = { version: spec.version, emulator, scratchDir: spec.scratchDir, env, runAs, name: spec.name };
      serverSoftware = await reportedVersion(compiled.path, smoke);
      await serveOnce(compiled.path, smoke);
      log.info(`  ${toolchain.platform}: ${serverSoftware} serves a page`);
    }
    const bytes = (await stat(compiled.path)).size;
    binaries.push({ platform: toolchain.platform, libc: toolchain.libc, path: compiled.path, bytes, fileLine, serverSoftware, warnings: compiled.warnings });
  }
  return binaries;
}
