// Source edits before compiling. The uid-drop edit makes every root-only user switch in
// thttpd.c dead code: a static glibc binary cannot look users up (no NSS), and in a
// container the runtime already chose the user, so `getpwnam("nobody")` only fails.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Failure } from '../failure.js';
import { run, tail } from '../exec.js';

const ROOT_TEST = /getuid\s*\(\s*\)\s*==\s*0/g;
const AUTH_FILE_DEFINE = /^[ \t]*#[ \t]*define[ \t]+AUTH_FILE\b.*$/m;

/** Turns each `getuid() == 0` into a constant false, which removes the same code the 2015 patch deleted. */
export function dropRootOnlyCode(text: string, file: string): { text: string; count: number } {
  const count = text.match(ROOT_TEST)?.length ?? 0;
  if (count === 0) {
    throw new Failure(
      `${file} has no "getuid() == 0" test to disable: is this a thttpd release? If one of your patches already removes the user switch, set uid-drop: false`,
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
}

export interface Patched {
  rootTestsDisabled: number;
  patchesApplied: string[];
}

export async function patchSource(dir: string, spec: PatchSpec): Promise<Patched> {
  for (const patch of spec.patches) {
    const kind = await stat(patch).then((st) => (st.isFile() ? 'file' : 'a folder'), () => 'nothing');
    if (kind !== 'file') throw new Failure(`patches: expected a unified diff file, found ${kind} at ${JSON.stringify(patch)}: check the path`);
    const ran = await run('patch', ['-p1', '--forward', '--batch', '--no-backup-if-mismatch', '-i', patch], { cwd: dir, env: spec.env });
    if (ran.code !== 0) {
      throw new Failure(
        `patches: expected unified diffs that apply with patch -p1 in the release's top folder; patch ${patch} does not apply to thttpd's source (patch -p1 exit ${ran.code}):\n${tail(ran.lines)}`,
      );
    }
  }
  let rootTestsDisabled = 0;
  if (spec.uidDrop) {
    const file = join(dir, 'thttpd.c');
    const edited = dropRootOnlyCode(await readFile(file, 'utf8'), 'thttpd.c');
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
