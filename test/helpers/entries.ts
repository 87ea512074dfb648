// Runs the bundled entries as their users do: the CLI as a command, the action as the
// runner does (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

export function runNode(runtime: NodeRuntime, args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): Promise<Finished> {
  const [command, prefix] = runtime === 'node' ? [process.execPath, []] : ['npx', ['-y', 'node@24']];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): Promise<Finished> {
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
