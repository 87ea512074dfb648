// A tiny statically linked program standing in for thttpd in image tests: it prints who
// and where it runs, its arguments and /www/healthz, so a container run shows the
// config took effect, without depending on the real server build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Binary, Platform } from '../../src/types.js';

const PROGRAM = String.raw`
#include <stdio.h>
#include <unistd.h>
int main(int argc, char **argv) {
  char cwd[256], body[64] = "";
  FILE *f = fopen("/www/healthz", "r");
  if (f) { size_t n = fread(body, 1, sizeof body - 1, f); body[n] = 0; fclose(f); }
  printf("uid=%d gid=%d\n", (int)getuid(), (int)getgid());
  printf("cwd=%s\n", getcwd(cwd, sizeof cwd) ? cwd : "?");
  for (int i = 0; i < argc; i++) printf("argv[%d]=%s\n", i, argv[i]);
  printf("healthz=%s", body);
  return 0;
}
`;

const COMPILERS: Record<Platform, string> = { 'linux/amd64': 'gcc', 'linux/arm64': 'aarch64-linux-gnu-gcc' };

let workDir: string | undefined;
const built = new Map<Platform, Binary>();

/** The program compiled with `-static` for a platform, once per test process. */
export function staticBinary(platform: Platform): Binary {
  const cached = built.get(platform);
  if (cached) return cached;
  workDir ??= mkdtempSync(join(tmpdir(), 'static-binary-'));
  const source = join(workDir, 'probe.c');
  writeFileSync(source, PROGRAM);
  const path = join(workDir, `probe-${platform.replace('/', '-')}`);
  execFileSync(COMPILERS[platform], ['-static', '-O2', '-s', '-o', path, source], { stdio: 'pipe' });
  const binary: Binary = {
    platform,
    libc: 'glibc',
    path,
    bytes: statSync(path).size,
    fileLine: execFileSync('file', ['-b', path], { encoding: 'utf8' }).trim(),
    serverSoftware: '',
    warnings: [],
  };
  built.set(platform, binary);
  return binary;
}

/** A stand-in Binary over any bytes, for unit tests that never run it. */
export function fakeBinary(platform: Platform, dir: string, content: string): Binary {
  const path = join(dir, `fake-${platform.replace('/', '-')}`);
  writeFileSync(path, content, { mode: 0o755 });
  return { platform, libc: 'glibc', path, bytes: Buffer.byteLength(content), fileLine: '', serverSoftware: '', warnings: [] };
}
