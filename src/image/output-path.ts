// Where the image is written (`output`): checked before the build, the slow part, and
// again just before writing.
import { readdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Failure } from '../failure.js';
import { cannotCreateIn, errorCode, makeFolders, pathKind, walkToFolder, type PathKind } from '../folders.js';

/** A path ending in `.tar` gets one archive file; any other an OCI image layout folder. */
export const isTarPath = (path: string): boolean => path.endsWith('.tar');

async function kindOf(path: string): Promise<PathKind> {
  try {
    return await pathKind(path);
  } catch (error) {
    throw new Failure(`output: expected to look at ${JSON.stringify(path)}, could not (${errorCode(error)}): choose a path this job can read`);
  }
}

/** The folders to create above `target`, outermost first, and the folder that exists above them. */
async function parentFolders(target: string): Promise<{ existing: string; missing: string[] }> {
  let walk;
  try {
    walk = await walkToFolder(dirname(target));
  } catch (error) {
    throw new Failure(`output: expected to look at the folders above ${JSON.stringify(target)}, could not (${errorCode(error)}): choose a path this job can read`);
  }
  if ('blocked' in walk) {
    throw new Failure(`output: expected ${JSON.stringify(walk.blocked)} to be a folder to hold ${JSON.stringify(target)}, found a ${walk.kind}: choose a path whose parents are folders`);
  }
  return walk;
}

/**
 * Refuses an output the write would fail on or should not touch: a .tar where a folder or
 * device is, a layout where a file is or over a folder holding other things (a mistyped
 * `.` or home folder is never wiped), a parent that is a file, or a folder nothing can be
 * created in (read-only, not ours, or virtual like /proc).
 */
export async function checkOutputPath(path: string): Promise<void> {
  const target = resolve(path);
  const kind = await kindOf(target);
  if (isTarPath(target)) {
    if (kind !== 'missing' && kind !== 'file') {
      throw new Failure(`output: expected ${JSON.stringify(target)} to be a new or existing file for the image archive, found a ${kind}: choose another path`);
    }
  } else if (kind === 'file' || kind === 'special file') {
    throw new Failure(`output: expected ${JSON.stringify(target)} to be a new folder or an OCI image layout to replace, found a ${kind}: choose another path, or end it in .tar for an archive`);
  } else if (kind === 'folder') {
    let names: string[];
    try {
      names = await readdir(target);
    } catch (err) {
      throw new Failure(`output: expected to list the folder ${JSON.stringify(target)} before replacing it, could not (${errorCode(err)}): choose another path`);
    }
    if (names.length && !names.includes('oci-layout')) {
      throw new Failure(`output: expected ${JSON.stringify(target)} to be a new folder or an OCI image layout to replace, found a folder holding other files: choose another path`);
    }
  }
  const { existing } = await parentFolders(target);
  const code = await cannotCreateIn(existing);
  if (code) {
    throw new Failure(
      `output: expected to write ${JSON.stringify(target)}, but nothing can be created in ${JSON.stringify(existing)} (${code}): choose a path in a folder this job can write`,
    );
  }
}

/** Creates the folders above `target` that are missing, one plain mkdir each. */
export async function makeParentFolders(target: string): Promise<void> {
  await makeFolders((await parentFolders(target)).missing);
}
