// The workflows and examples as data, and a way to run one `run:` step with real bash the
// way the runner does: its `env:` expressions filled in from given contexts.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO } from '../helpers/entries.js';

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

export interface Job {
  uses?: string;
  needs?: string | string[];
  if?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown> | 'inherit';
  outputs?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  steps?: Step[];
}

export interface Workflow {
  on?: {
    workflow_call?: {
      inputs?: Record<string, { type: string; default?: unknown; required?: boolean }>;
      secrets?: Record<string, unknown>;
      outputs?: Record<string, { value: string }>;
    };
  };
  jobs: Record<string, Job>;
}

export const REUSABLE = '.github/workflows/thttpd-image.yml';

export const readRepoFile = (path: string) => readFile(join(REPO, path), 'utf8');
export const readWorkflow = async (path: string) => parse(await readRepoFile(path)) as Workflow;

/** Every workflow of the project and every example, as repository paths. */
export async function workflowFiles(): Promise<string[]> {
  const list = async (dir: string) => (await readdir(join(REPO, dir))).filter((n) => n.endsWith('.yml')).map((n) => `${dir}/${n}`);
  return [...(await list('.github/workflows')), ...(await list('examples'))];
}

export function findStep(workflow: Workflow, job: string, id: string): Step {
  const step = workflow.jobs[job]?.steps?.find((s) => s.id === id || s.name === id);
  if (!step) throw new Error(`no step ${id} in job ${job}`);
  return step;
}

type Context = Record<string, unknown>;

function lookup(context: Context, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Context | undefined)?.[key], context);
}

/** Fills `${{ a.b }}` and `${{ toJSON(a) }}` as the runner renders them into strings. */
export function render(text: string, context: Context): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
    const json = /^toJSON\((.+)\)$/.exec(expression);
    const value = lookup(context, json?.[1] ?? expression);
    if (value === undefined) throw new Error(`the test gave no value for ${expression}`);
    return json ? JSON.stringify(value, null, 2) : String(value);
  });
}

export interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** Runs a `run:` step as `bash --noprofile --norc -eo pipefail` in `cwd`, as GitHub's runner does. */
export async function runStep(step: Step, context: Context, cwd?: string): Promise<StepRun> {
  if (!step.run) throw new Error('not a run step');
  const dir = await mkdtemp(join(tmpdir(), 'static-thttpd-step-'));
  try {
    const script = join(dir, 'step.sh');
    const output = join(dir, 'output');
    await writeFile(script, step.run);
    await writeFile(output, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, render(String(v), context)]));
    const finished = await new Promise<Omit<StepRun, 'outputs'>>((resolve, reject) => {
      const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: cwd ?? dir, env: { PATH: process.env.PATH, ...env, GITHUB_OUTPUT: output }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    const outputs = Object.fromEntries((await readFile(output, 'utf8')).split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    return { ...finished, outputs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
