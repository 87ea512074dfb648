// What a git checkout says about itself: the commit time (the reproducible epoch when
// SOURCE_DATE_EPOCH is unset) and HEAD's SHA (for `{{sha}}` and the revision label).
// No checkout, no git, or a repository git refuses to read: nothing is known, never a failure.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

async function git(dir: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('git', ['-C', dir, ...args], { encoding: 'utf8', timeout: 10_000 });
    return stdout.trim();
  } catch {
    return undefined;
  }
}

/** Seconds since 1970 of HEAD's commit in `dir`'s checkout. */
export async function commitEpoch(dir: string): Promise<number | undefined> {
  const out = await git(dir, ['log', '-1', '--format=%ct']);
  return out && /^\d+$/.test(out) ? Number(out) : undefined;
}

/** The full SHA of HEAD in `dir`'s checkout. */
export async function headSha(dir: string): Promise<string | undefined> {
  const out = await git(dir, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  return out && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(out) ? out : undefined;
}
