// Where the image is written (`output`): checked before the build, the slow part, and
// again just before writing. Folders are created one at a time: Node 20's recursive
// mkdir never returns for a path under /proc, where mkdir answers ENOENT for a parent
// that exists.
import { mkdir, mkdtemp, readdir, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Failure } from '../failure.js';

/** A path ending in `.tar` gets one archive file; any other an OCI image layout folder. */
export const isTarPath = (path: string): boolean => path.endsWith('.tar');

type Kind = 'missing' | 'file' | 'folder' | 'special file';

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

async function kindOf(path: string): Promise<Kind> {
  try {
    const st = await stat(path);
    return st.isFile() ? 'file' : st.isDirectory() ? 'folder' : 'special file';
  } catch (err) {
    const code = errorCode(err);
    // ENOTDIR: a file stands where a parent folder should; the walk up names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new Failure(`output: expected to look at ${JSON.stringify(path)}, could not (${code}): choose a path this job can read`);
  }
}

/** The folders to create for `dir`, outermost first, and the folder that exists above them. */
async function missingFolders(dir: string, target: string): Promise<{ existing: string; missing: string[] }> {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    const kind = await kindOf(at);
    if (kind === 'folder') return { existing: at, missing };
    if (kind !== 'missing') {
      throw new Failure(`output: expected ${JSON.stringify(at)} to be a folder to hold ${JSON.stringify(target)}, found a ${kind}: choose a path whose parents are folders`);
    }
    missing.unshift(at);
  }
}

/**
 * Refuses an output the write would fail on or should not touch: a .tar where a folder or
 * device is, a layout where a file is or over a folder holding other things (a mistyped
 * `.` or home folder is never wiped), a parent that is a file, or a folder nothing can be
 * created in (read-only, not ours, or virtual like /proc). The last is found by creating
 * and removing an empty folder there, the only test that answers for root, ACLs and
 * read-only mounts alike.
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
  const { existing } = await missingFolders(dirname(target), target);
  let probe: string;
  try {
    probe = await mkdtemp(join(existing, '.static-thttpd-probe-'));
  } catch (err) {
    throw new Failure(
      `output: expected to write ${JSON.stringify(target)}, but nothing can be created in ${JSON.stringify(existing)} (${errorCode(err)}): choose a path in a folder this job can write`,
    );
  }
  await rmdir(probe);
}

/** Creates the folders above `target` that are missing, one plain mkdir each. */
export async function makeParentFolders(target: string): Promise<void> {
  const { missing } = await missingFolders(dirname(target), target);
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (err) {
      if (errorCode(err) !== 'EEXIST') throw err;
    }
  }
}
