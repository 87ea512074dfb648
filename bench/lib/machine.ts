// What the numbers were measured on: the machine, the tools' versions and the commit.
import { readFile } from 'node:fs/promises';
import { cpus, release, totalmem } from 'node:os';
import { runTimed } from './proc.js';

export interface Machine {
  date: string;
  commit: string;
  /** Files that differ from the commit when the bench ran (the bench measures the working tree), untracked ones marked so. */
  dirty: string[];
  cores: number;
  cpu: string;
  kernel: string;
  os: string;
  memoryGb: number;
  node: string;
  tools: Record<string, string>;
}

async function firstLine(command: string, args: string[]): Promise<string> {
  try {
    const ran = await runTimed(command, args, { timeoutMs: 10_000 });
    return `${ran.stdout}${ran.stderr}`.trim().split('\n')[0]?.trim() || 'unknown';
  } catch {
    return 'not installed';
  }
}

/** `git status --porcelain` lines -> paths, untracked ones marked "(untracked)". */
export function dirtyFiles(porcelain: string): string[] {
  return porcelain
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `${line.slice(3).trim()}${line.startsWith('??') ? ' (untracked)' : ''}`);
}

export async function describeMachine(repo: string): Promise<Machine> {
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease)?.[1] ?? 'unknown';
  const commit = (await runTimed('git', ['-C', repo, 'rev-parse', 'HEAD'])).stdout.trim() || 'unknown';
  const status = await runTimed('git', ['-C', repo, 'status', '--porcelain', '--untracked-files=all']);
  const tools: Record<string, string> = {
    gcc: await firstLine('gcc', ['--version']),
    musl: await firstLine('sh', ['-c', "dpkg-query -W -f 'musl-tools ${Version}' musl-tools 2>/dev/null || echo unknown"]),
    wrk: await firstLine('wrk', ['-v']),
    nginx: await firstLine('nginx', ['-v']),
    busybox: await firstLine('busybox', []),
    buildah: await firstLine('buildah', ['--version']),
    umoci: await firstLine('umoci', ['--version']),
    skopeo: await firstLine('skopeo', ['--version']),
    'docker-registry': await firstLine('docker-registry', ['--version']),
  };
  return {
    date: new Date().toISOString(),
    commit,
    dirty: dirtyFiles(status.stdout),
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    kernel: release(),
    os: pretty,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    tools,
  };
}
