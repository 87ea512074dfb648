// podman with its own storage under a test folder (vfs: no mounts left behind) and runc,
// with the ulimits this machine needs, so tests never touch the machine's images.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export const RESTRICTED = ['--read-only', '--cap-drop=ALL', '--security-opt', 'no-new-privileges'];
const RUN_DEFAULTS = ['--runtime', 'runc', '--network=host', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024'];

export class Podman {
  private readonly base: string[];

  constructor(dir: string) {
    this.base = ['--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs', '--runtime', 'runc'];
  }

  /** Runs a podman command to completion; throws with its output when it fails. */
  call(...args: string[]): string {
    const result = spawnSync('podman', [...this.base, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`podman ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
    return result.stdout;
  }

  /** `podman run` in the foreground, its stdout and stderr kept apart. */
  run(runArgs: string[], image: string, command: string[] = []): ChildProcessWithoutNullStreams {
    return spawn('podman', [...this.base, 'run', ...RUN_DEFAULTS, ...runArgs, image, ...command]);
  }

  removeAll(): void {
    spawnSync('podman', [...this.base, 'rm', '-a', '-f'], { stdio: 'ignore' });
    spawnSync('podman', [...this.base, 'rmi', '-a', '-f'], { stdio: 'ignore' });
  }
}
