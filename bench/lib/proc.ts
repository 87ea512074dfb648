// Child processes for the bench: timed runs of tools and servers started on 127.0.0.1
// and stopped by the code that started them (by their own pid, never by name).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
  timeoutMs?: number;
}

export function runTimed(command: string, args: readonly string[], options: RunOptions = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(new Error(`${command} could not start: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms });
    });
    // A child that exits before reading its input must not take the bench down with EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input);
  });
}

/** Runs and requires exit status 0; the error carries the command's last words. */
export async function mustRun(command: string, args: readonly string[], options: RunOptions = {}): Promise<Ran> {
  const ran = await runTimed(command, args, options);
  if (ran.code !== 0) {
    const said = `${ran.stderr}\n${ran.stdout}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${command} ${args.join(' ')} exited ${ran.code ?? ran.signal}:\n${said}`);
  }
  return ran;
}

/** Several commands one after the other, timed as one: a tool chain a user would script. */
export async function runChain(steps: readonly (readonly [string, readonly string[]])[], options: RunOptions = {}): Promise<{ ms: number; outputs: Ran[] }> {
  const started = performance.now();
  const outputs: Ran[] = [];
  for (const [command, args] of steps) outputs.push(await mustRun(command, args, options));
  return { ms: performance.now() - started, outputs };
}

export interface Started {
  child: ChildProcess;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  output(): string;
  /** Sends `signal`, then SIGKILL after a grace period; resolves once it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startProcess(command: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string> } & Pick<SpawnOptions, 'uid' | 'gid'> = {}): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], uid: options.uid, gid: options.gid });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
  return {
    child,
    pid: child.pid ?? -1,
    exited,
    output: () => output,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (gone()) return;
      child.kill(signal);
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 3000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

export const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
