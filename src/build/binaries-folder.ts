// The CLI's --binaries folder. It is checked before anything slow, and filled only after
// every platform's binary passed verification, all or nothing, so a failed build leaves
// no binaries there. Folders are made one level at a time: Node 20's recursive mkdir
// spins forever on a path it cannot create under /proc.
import { copyFile, mkdir, mkdtemp, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Failure } from '../failure.js';
import type { Binary } from '../types.js';

const FLAG = '--binaries';

function refuse(found: string, todo: string): Failure {
  return new Failure(`${FLAG}: expected a folder to copy the binaries into, found ${found}: ${todo}`);
}

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Removes folders this run made, innermost first; one that is no longer empty stays. */
async function removeFolders(created: string[]): Promise<void> {
  for (const folder of [...created].reverse()) await rmdir(folder).catch(() => undefined);
}

/** Makes dir and whatever parents are missing, outermost first; returns the folders it made. */
async function makeFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) break;
      throw at === dir ? refuse(`a file at ${dir}`, 'name a folder (a missing one is created)') : refuse(`a file at ${at}, where ${dir} needs a folder`, 'name another folder');
    }
    // ENOTDIR: some parent is a file, which the walk up reaches and names.
    if (info.code !== 'ENOENT' && info.code !== 'ENOTDIR') throw refuse(`that ${at} cannot be looked at (${reason(info)})`, 'name a folder you can write to');
    missing.unshift(at);
    if (dirname(at) === at) break;
    at = dirname(at);
  }
  const created: string[] = [];
  for (const folder of missing) {
    try {
      await mkdir(folder);
      created.push(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      await removeFolders(created);
      throw refuse(`that ${folder} cannot be created (${reason(error)})`, 'name a folder on a disk you can write to');
    }
  }
  return created;
}

/** Proves the folder can be made and written to, and leaves things as they were. */
export async function checkBinariesFolder(path: string): Promise<void> {
  const dir = resolve(path);
  const created = await makeFolders(dir);
  try {
    const probe = await mkdtemp(join(dir, '.static-thttpd-probe-')).catch((error: unknown) => {
      throw refuse(`that ${dir} cannot be written to (${reason(error)})`, 'name a folder you can write to');
    });
    await rmdir(probe);
  } finally {
    await removeFolders(created);
  }
}

/** Copies every binary into the folder, or none: each goes to a hidden name first and is renamed once all are there. */
export async function copyBinaries(binaries: Binary[], path: string): Promise<Binary[]> {
  const dir = resolve(path);
  const created = await makeFolders(dir);
  const staged: string[] = [];
  try {
    for (const binary of binaries) {
      const partial = join(dir, `.${basename(binary.path)}.partial-${process.pid}`);
      staged.push(partial);
      await copyFile(binary.path, partial);
    }
  } catch (error) {
    await Promise.all(staged.map((file) => rm(file, { force: true })));
    await removeFolders(created);
    throw new Failure(`${FLAG}: expected to copy the binaries into ${dir}, but copying failed (${reason(error)}): free some space or name another folder; none were left there`);
  }
  const copies = binaries.map((binary) => ({ ...binary, path: join(dir, basename(binary.path)) }));
  for (const [i, copy] of copies.entries()) await rename(staged[i] as string, copy.path);
  return copies;
}
