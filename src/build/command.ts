// Finds and runs the build's tools on the PATH the stage was handed (a HostSystem's env),
// not this process's: @actions/exec resolves a bare name on process.env.PATH, so a tool
// found present by one lookup could otherwise be run from somewhere else, or not at all.
import { access, constants, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { Failure } from '../failure.js';
import { run, type Ran, type RunOptions } from '../exec.js';

/** sbin folders are searched too: a non-root PATH often lacks them, and dpkg's tools live there. */
export function searchPath(env: Record<string, string>): string[] {
  return [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/sbin'];
}

async function isExecutableFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() === true && (await access(path, constants.X_OK).then(() => true, () => false));
}

/** The absolute path of a command (a bare name searched on env.PATH, or a path), if it is there. */
export async function findCommand(name: string, env: Record<string, string>): Promise<string | undefined> {
  if (name.includes('/')) return (await isExecutableFile(name)) ? name : undefined;
  for (const dir of searchPath(env)) {
    const path = join(dir, name);
    if (await isExecutableFile(path)) return path;
  }
  return undefined;
}

export async function runTool(name: string, args: string[], options: RunOptions): Promise<Ran> {
  const path = await findCommand(name, options.env);
  if (!path) {
    throw new Failure(`expected the command ${name} on PATH (${searchPath(options.env).join(delimiter)}), found none: install it, or put its folder on PATH`);
  }
  return run(path, args, options);
}
