// Folders the user names for results (the image archive, the CLI's binaries): where they
// stand, and making them one level at a time, because Node 20's recursive mkdir never
// returns for a path it cannot create under /proc. Callers phrase the failures, since
// each names its own input.
import { mkdir, mkdtemp, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type PathKind = 'missing' | 'file' | 'folder' | 'special file';

export const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** What stands at `path`; an error other than "not there" is thrown as it came. */
export async function pathKind(path: string): Promise<PathKind> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'special file';
  } catch (error) {
    // ENOTDIR: a file stands where a parent folder should; a walk up names it.
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw error;
  }
}

export type FolderWalk = { existing: string; missing: string[] } | { blocked: string; kind: Exclude<PathKind, 'missing' | 'folder'> };

/** From `dir` up to the nearest folder that exists: the folders to create (outermost first), or what is in the way. */
export async function walkToFolder(dir: string): Promise<FolderWalk> {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    const kind = await pathKind(at);
    if (kind === 'folder') return { existing: at, missing };
    if (kind !== 'missing') return { blocked: at, kind };
    missing.unshift(at);
  }
}

/** Creates each folder (outermost first) with a plain mkdir; returns those it made. On failure removes them and throws. */
export async function makeFolders(missing: string[]): Promise<string[]> {
  const created: string[] = [];
  for (const folder of missing) {
    try {
      await mkdir(folder);
      created.push(folder);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') continue;
      await removeFolders(created);
      throw error;
    }
  }
  return created;
}

/** Removes folders a run made, innermost first; one that is no longer empty stays. */
export async function removeFolders(created: string[]): Promise<void> {
  for (const folder of [...created].reverse()) await rmdir(folder).catch(() => undefined);
}

/**
 * Whether something can be created in `dir`, found by creating and removing an empty folder:
 * the one test that answers for root, ACLs, read-only mounts and /proc alike. Undefined
 * when it can, else the error code.
 */
export async function cannotCreateIn(dir: string): Promise<string | undefined> {
  try {
    await rmdir(await mkdtemp(join(dir, '.static-thttpd-probe-')));
    return undefined;
  } catch (error) {
    return errorCode(error);
  }
}
