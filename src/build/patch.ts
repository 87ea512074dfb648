// Source edits before compiling. The uid-drop edit makes every root-only user switch in
// thttpd.c dead code: a static glibc binary cannot look users up (no NSS), and in a
// container the runtime already chose the user, so `getpwnam("nobody")` only fails.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Failure } from '../failure.js';
import { tail } from '../exec.js';
import type { InputNamer } from '../settings.js';
import { runTool } from './command.js';

const ROOT_TEST = /getuid\s*\(\s*\)\s*==\s*0/g;
const AUTH_FILE_DEFINE = /^[ \t]*#[ \t]*define[ \t]+AUTH_FILE\b.*$/m;

/** Turns each `getuid() == 0` into a constant false, which removes the same code the 2015 patch deleted. */
export function dropRootOnlyCode(text: string, file: string, name: InputNamer): { text: string; count: number } {
  const count = text.match(ROOT_TEST)?.length ?? 0;
  if (count === 0) {
    throw new Failure(
      `${file} has no "getuid() == 0" test to disable: expected the root-only user switches every thttpd release has, found none. ` +
        `If one of your patches already removes them, set ${name('uid-drop')} false; otherwise check that ${name('source')} is a thttpd release`,
    );
  }
  return { text: text.replace(ROOT_TEST, '0 /* static-thttpd: uid-drop */'), count };
}

/** musl on Debian/Ubuntu has no crypt(); without AUTH_FILE thttpd never calls it (no .htpasswd support). */
export function dropAuthFile(text: string, file: string): string {
  if (!AUTH_FILE_DEFINE.test(text)) return text;
  return text.replace(AUTH_FILE_DEFINE, `/* AUTH_FILE removed by static-thttpd: musl has no crypt() (${file}) */`);
}

export interface PatchSpec {
  uidDrop: boolean;
  /** Unified diffs, applied in order with `patch -p1` before the uid-drop edit. */
  patches: string[];
  dropAuth: boolean;
  env: Record<string, string>;
  name: InputNamer;
}

export interface Patched {
  rootTestsDisabled: number;
  patchesApplied: string[];
}

/**
 * The file names a diff's `---`/`+++` lines give that are absolute or climb with `..`: with
 * -p1 GNU patch turns the first into paths inside the tree and ignores the second, so
 * either way the diff was made wrong, and it is better refused than half applied.
 */
export function unsafeDiffPaths(diff: string): string[] {
  const names = [...diff.matchAll(/^(?:---|\+\+\+) ([^\t\n]+)/gm)].map((m) => (m[1] ?? '').trim());
  return [...new Set(names.filter((n) => n !== '/dev/null' && (n.startsWith('/') || n.split('/').includes('..'))))];
}

/** Refuses, before anything slow, patch files that are missing, unreadable, or aim outside the source. */
export async function checkPatches(patches: string[], name: InputNamer): Promise<void> {
  for (const patch of patches) {
    const info = await stat(patch).catch((error: NodeJS.ErrnoException) => error);
    let found: string | undefined;
    let text = '';
    if (info instanceof Error) found = info.code === 'ENOENT' ? 'nothing' : `what cannot be looked at (${info.code ?? info.message})`;
    else if (!info.isFile()) found = info.isDirectory() ? 'a folder' : 'something that is not a file';
    else text = await readFile(patch, 'utf8').catch((error: NodeJS.ErrnoException) => ((found = `a file that cannot be read (${error.code ?? error.message})`), ''));
    if (found) throw new Failure(`${name('patches')}: expected a readable unified diff file, found ${found} at ${JSON.stringify(patch)}: check the path`);
    const unsafe = unsafeDiffPaths(text);
    if (unsafe.length) {
      throw new Failure(
        `${name('patches')}: expected a diff of files inside the release's top folder (a/thttpd.c, b/thttpd.c), found ${unsafe.map((u) => JSON.stringify(u)).join(', ')} in ${JSON.stringify(patch)}: ` +
          'make the diff from the unpacked release with relative paths (diff -ru a b, or git diff)',
      );
    }
  }
}

export async function patchSource(dir: string, spec: PatchSpec): Promise<Patched> {
  for (const patch of spec.patches) {
    const ran = await runTool('patch', ['-p1', '--forward', '--batch', '--no-backup-if-mismatch', '-i', patch], { cwd: dir, env: spec.env });
    if (ran.code !== 0) {
      throw new Failure(
        `${spec.name('patches')}: expected unified diffs that apply with patch -p1 in the release's top folder; patch ${patch} does not apply to thttpd's source (patch -p1 exit ${ran.code}): ` +
          `update it for this release or remove it. patch said:\n${tail(ran.lines)}`,
      );
    }
  }
  let rootTestsDisabled = 0;
  if (spec.uidDrop) {
    const file = join(dir, 'thttpd.c');
    const edited = dropRootOnlyCode(await readFile(file, 'utf8'), 'thttpd.c', spec.name);
    await writeFile(file, edited.text);
    rootTestsDisabled = edited.count;
  }
  if (spec.dropAuth) {
    const file = join(dir, 'config.h');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) await writeFile(file, dropAuthFile(text, 'config.h'));
  }
  return { rootTestsDisabled, patchesApplied: spec.patches };
}
