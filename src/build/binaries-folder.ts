// The CLI's --binaries folder. It is checked before anything slow, and filled only after
// every platform's binary passed verification, all or nothing, so a failed build leaves
// no binaries there.
import { copyFile, rename, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Failure } from '../failure.js';
import { cannotCreateIn, errorCode, makeFolders, removeFolders, walkToFolder } from '../folders.js';
import type { Binary } from '../types.js';

const FLAG = '--binaries';

function refuse(found: string, todo: string): Failure {
  return new Failure(`${FLAG}: expected a folder to copy the binaries into, found ${found}: ${todo}`);
}

/** Makes dir and whatever parents are missing; returns the folders it made. */
async function makeBinariesFolder(dir: string): Promise<string[]> {
  let walk;
  try {
    walk = await walkToFolder(dir);
  } catch (error) {
    throw refuse(`that a folder on the way to ${dir} cannot be looked at (${errorCode(error)})`, 'name a folder you can write to');
  }
  if ('blocked' in walk) {
    throw walk.blocked === dir ? refuse(`a ${walk.kind} at ${dir}`, 'name a folder (a missing one is created)') : refuse(`a ${walk.kind} at ${walk.blocked}, where ${dir} needs a folder`, 'name another folder');
  }
  try {
    return await makeFolders(walk.missing);
  } catch (error) {
    // mkdir's error names the level that failed.
    const folder = (error as NodeJS.ErrnoException).path ?? dir;
    throw refuse(`that ${folder} cannot be created (${errorCode(error)})`, 'name a folder on a disk you can write to');
  }
}

/** Proves the folder can be made and written to, and leaves things as they were. */
export async function checkBinariesFolder(path: string): Promise<void> {
  const dir = resolve(path);
  const created = await makeBinariesFolder(dir);
  try {
    const code = await cannotCreateIn(dir);
    if (code) throw refuse(`that ${dir} cannot be written to (${code})`, 'name a folder you can write to');
  } finally {
    await removeFolders(created);
  }
}

/** Copies every binary into the folder, or none: each goes to a hidden name first and is renamed once all are there. */
export async function copyBinaries(binaries: Binary[], path: string): Promise<Binary[]> {
  const dir = resolve(path);
  const created = await makeBinariesFolder(dir);
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
    throw new Failure(`${FLAG}: expected to copy the binaries into ${dir}, but copying failed (${errorCode(error)}): free some space or name another folder; none were left there`);
  }
  const copies = binaries.map((binary) => ({ ...binary, path: join(dir, basename(binary.path)) }));
  for (const [i, copy] of copies.entries()) await rename(staged[i] as string, copy.path);
  return copies;
}
