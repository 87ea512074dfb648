// What the build needs to know about the machine it runs on, read once by an entry.
import { readFile } from 'node:fs/promises';
import type { HostSystem } from './build/install.js';
import { hostArch } from './build/toolchain.js';

export async function readHostSystem(env: Record<string, string>): Promise<HostSystem> {
  return {
    env,
    isRoot: process.getuid?.() === 0,
    arch: hostArch(process.arch),
    osRelease: await readFile('/etc/os-release', 'utf8').catch(() => ''),
  };
}

/** process.env without its undefined holes, as child processes take it. */
export function plainEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
