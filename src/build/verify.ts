// Proof that a binary is what the image needs: `file` says static for the right
// architecture (flags are not trusted: musl-gcc -static-pie gives a dynamic binary),
// and the binary really serves a page and reports the expected version.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Failure } from '../failure.js';
import { freePort } from '../net.js';
import type { InputNamer } from '../settings.js';
import type { Platform } from '../types.js';
import { runTool } from './command.js';
import { ARCHES, archOf } from './toolchain.js';

/** What is wrong with a `file -b` line for a static binary of this platform; empty when nothing. */
export function fileLineProblems(line: string, platform: Platform): string[] {
  const problems: string[] = [];
  if (!line.startsWith('ELF ')) problems.push('it is not an ELF executable');
  if (!/\b(statically linked|static-pie linked)\b/.test(line)) problems.push('it is not statically linked');
  if (/\binterpreter\b/.test(line)) problems.push('it names a dynamic loader (interpreter)');
  const arch = ARCHES[archOf(platform)].fileName;
  if (!line.includes(`, ${arch},`)) problems.push(`it is not built for ${arch} (${platform})`);
  return problems;
}

export async function verifyStatic(path: string, platform: Platform, env: Record<string, string>, name: InputNamer): Promise<string> {
  const ran = await runTool('file', ['-b', path], { env });
  const line = ran.stdout.trim();
  const problems = ran.code === 0 ? fileLineProblems(line, platform) : [`file exited ${ran.code}`];
  if (problems.length) {
    throw new Failure(
      `the ${platform} binary failed verification: ${problems.join('; ')}. file says: "${line}". A scratch image needs a static binary for ${platform}: check ${name('cflags')} for -static-pie/-shared or a compiler wrapper that drops -static`,
    );
  }
  return line;
}

export interface SmokeSpec {
  /** The version the binary must report, e.g. `2.29`. */
  version: string;
  /** The command that runs target binaries here (qemu-aarch64-static's path), if any. */
  emulator?: string;
  /** A folder every user can traverse (the system temp folder), for the site and a copy of the binary. */
  scratchDir: string;
  /** Run as this uid/gid instead of ourselves (root without uid-drop: thttpd would switch to nobody). */
  runAs?: { uid: number; gid: number };
  env: Record<string, string>;
  name: InputNamer;
  timeoutMs?: number;
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function command(binary: string, args: string[], emulator?: string): [string, string[]] {
  return emulator ? [emulator, [binary, ...args]] : [binary, args];
}

export async function reportedVersion(binary: string, spec: SmokeSpec): Promise<string> {
  const [cmd, args] = command(binary, ['-V'], spec.emulator);
  const ran = await runTool(cmd, args, { env: spec.env });
  const said = `${ran.stdout}${ran.stderr}`.trim();
  const expected = `thttpd/${spec.version}`;
  if (said !== expected && !said.startsWith(`${expected} `)) {
    throw new Failure(
      `the binary reports "${said || `nothing (exit ${ran.code})`}" for -V, expected ${expected}: the source built into another version than ${spec.name('version')} names (a patch may have changed version.h); check ${spec.name('version')}, ${spec.name('source')} and ${spec.name('patches')}`,
    );
  }
  return said;
}

/** Starts the server on 127.0.0.1, requires GET / to return the page's bytes, then stops it with SIGUSR1. */
export async function serveOnce(binary: string, spec: SmokeSpec): Promise<void> {
  await mkdir(spec.scratchDir, { recursive: true });
  const dir = await mkdtemp(join(spec.scratchDir, 'static-thttpd-smoke-'));
  try {
    const site = join(dir, 'www');
    const copy = join(dir, 'thttpd');
    const page = `static-thttpd smoke test ${randomBytes(8).toString('hex')}\n`;
    await mkdir(site);
    await writeFile(join(site, 'index.html'), page);
    await copyFile(binary, copy);
    await Promise.all([chmod(dir, 0o755), chmod(site, 0o755), chmod(copy, 0o755), chmod(join(site, 'index.html'), 0o644)]);

    const port = await freePort();
    const [cmd, args] = command(copy, ['-D', '-h', '127.0.0.1', '-p', String(port), '-d', site, '-l', '-'], spec.emulator);
    const child = spawn(cmd, args, { env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], ...spec.runAs });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
    let exitCode: number | null | undefined;
    void exited.then((c) => (exitCode = c));
    const fail = (what: string) =>
      new Failure(
        `smoke test of the built thttpd failed: expected it to serve GET / on 127.0.0.1 and stop on SIGUSR1, but ${what}. ` +
          `Check ${spec.name('cflags')} and ${spec.name('patches')}, which change what is built${output.trim() ? `; it said:\n${output.trim().slice(-2000)}` : ''}`,
      );

    try {
      const deadline = Date.now() + (spec.timeoutMs ?? 20_000);
      let body: string | undefined;
      let status = 0;
      while (body === undefined) {
        if (exitCode !== undefined) throw fail(`it exited with status ${exitCode} before serving`);
        if (Date.now() > deadline) throw fail(`nothing answered on 127.0.0.1:${port} within ${(spec.timeoutMs ?? 20_000) / 1000} s`);
        try {
          const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(3000) });
          status = response.status;
          body = await response.text();
        } catch {
          await delay(100);
        }
      }
      if (status !== 200 || body !== page) throw fail(`GET / answered ${status} with ${body.length} bytes instead of 200 with the ${page.length}-byte index.html`);
    } finally {
      if (exitCode === undefined) child.kill('SIGUSR1');
    }
    const stopped = await Promise.race([exited, delay(5000).then(() => 'timeout' as const)]);
    if (stopped === 'timeout') {
      child.kill('SIGKILL');
      throw fail('it did not exit within 5 s of SIGUSR1 (its graceful stop) and was killed');
    }
    if (stopped !== 0) throw fail(`it exited with status ${stopped} on SIGUSR1 instead of 0 (a graceful stop)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
