// Runs the bundled entries as their users do: the CLI as a command, the action as the
// runner does (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files). Each run
// gets its own empty HOME and XDG_CACHE_HOME, so no run sees another's source cache (or
// the user's) and nothing is written to the real home; a caller's env can still set them.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const ACTION = join(REPO, 'dist/index.js');
export const CLI = join(REPO, 'dist/cli/index.js');

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node` is this Node; `node24` runs the action on Node 24 as GitHub does, from the npm registry. */
export type NodeRuntime = 'node' | 'node24';

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  /** Kill the run (SIGKILL) after this long; the result's code is then null. */
  timeoutMs?: number;
}

export async function runNode(runtime: NodeRuntime, args: string[], options: RunOptions = {}): Promise<Finished> {
  const [command, prefix] = runtime === 'node' ? [process.execPath, []] : ['npx', ['-y', 'node@24']];
  const home = await mkdtemp(join(tmpdir(), 'static-thttpd-home-'));
  // npx keeps Node 24 in npm's cache and reads npm's settings from the real home: point it there, or every run downloads Node again.
  const npm = runtime === 'node24' ? { npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'), npm_config_userconfig: process.env.npm_config_userconfig ?? join(homedir(), '.npmrc') } : {};
  const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), ...npm, ...options.env };
  try {
    return await new Promise<Finished>((resolve, reject) => {
      const child = spawn(command, [...prefix, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
      child.stdin.end(options.input ?? '');
    });
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

export function runCli(args: string[], options: RunOptions = {}): Promise<Finished> {
  return runNode('node', [CLI, ...args], options);
}

export interface ActionRun extends Finished {
  outputs: Record<string, string>;
  summary: string;
  /** Everything the action wrote to its files. */
  files: { output: string; summary: string };
  /** The runner's folder (temp, outputs): the caller removes it. */
  dir: string;
}

/** Reads the `name<<DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!open?.[1] || !open[2]) continue;
    const end = lines.indexOf(open[2], i + 1);
    outputs[open[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

export async function runAction(
  inputs: Record<string, string>,
  options: { runtime?: NodeRuntime; env?: Record<string, string | undefined>; workspace?: string } = {},
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'static-thttpd-runner-'));
  const output = join(dir, 'github_output');
  const summary = join(dir, 'step_summary');
  await writeFile(output, '');
  await writeFile(summary, '');
  const env: Record<string, string | undefined> = {
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: join(dir, 'temp'),
    GITHUB_WORKSPACE: options.workspace ?? dir,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const finished = await runNode(options.runtime ?? 'node', [ACTION], { cwd: options.workspace ?? dir, env });
  const files = { output: await readFile(output, 'utf8'), summary: await readFile(summary, 'utf8') };
  return { ...finished, outputs: parseGithubOutput(files.output), summary: files.summary, files, dir };
}
