// action.yml is the action's contract: every input the code reads is declared there with
// the code's default, every declared input is read, and every output the code sets is
// declared. The examples and the reusable workflow pass only inputs that exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, INPUT_NAMES } from '../../src/settings.js';
import { REPO } from '../helpers/entries.js';

interface ActionYml {
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
}

const readYaml = async <T>(path: string) => parse(await readFile(join(REPO, path), 'utf8')) as T;

/** Defaults the runner computes, which the code cannot know: the job's own token. */
const RUNNER_DEFAULTS: Record<string, string> = { 'github-token': '${{ github.token }}' };

export function contractProblems(declared: Record<string, string | undefined>, read: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(read)) {
    if (!(name in declared)) problems.push(`input "${name}" is read by the code but not declared in action.yml`);
    else if ((declared[name] ?? '') !== (RUNNER_DEFAULTS[name] ?? read[name])) problems.push(`input "${name}": action.yml's default "${declared[name]}" differs from the code's "${read[name]}"`);
  }
  for (const name of Object.keys(declared)) if (!(name in read)) problems.push(`input "${name}" is declared in action.yml but the code never reads it`);
  return problems;
}

async function outputsSetByCode(): Promise<string[]> {
  const main = await readFile(join(REPO, 'src/main.ts'), 'utf8');
  return [...main.matchAll(/core\.setOutput\('([^']+)'/g)].map((m) => m[1] as string).sort();
}

async function declaredInputs(): Promise<Record<string, string | undefined>> {
  const action = await readYaml<ActionYml>('action.yml');
  return Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default]));
}

test('action.yml runs dist/index.js on node24', async () => {
  const action = await readYaml<ActionYml>('action.yml');
  assert.deepEqual(action.runs, { using: 'node24', main: 'dist/index.js' });
});

test('action.yml declares exactly the inputs the code reads, with the same defaults', async () => {
  const read = Object.fromEntries(INPUT_NAMES.map((name) => [name, INPUT_DEFAULTS[name]]));
  assert.deepEqual(contractProblems(await declaredInputs(), read), []);
});

test('the contract check fails when an input is removed from either side', async () => {
  const declared = await declaredInputs();
  const read: Record<string, string> = Object.fromEntries(INPUT_NAMES.map((name) => [name, INPUT_DEFAULTS[name]]));
  const declaredWithoutPort = Object.fromEntries(Object.entries(declared).filter(([name]) => name !== 'port'));
  assert.deepEqual(contractProblems(declaredWithoutPort, read), ['input "port" is read by the code but not declared in action.yml']);
  const readWithoutLibc = Object.fromEntries(Object.entries(read).filter(([name]) => name !== 'libc'));
  assert.deepEqual(contractProblems(declared, readWithoutLibc), ['input "libc" is declared in action.yml but the code never reads it']);
  assert.deepEqual(contractProblems(declared, { ...read, port: '80' }), ['input "port": action.yml\'s default "8080" differs from the code\'s "80"']);
});

test('every input and output has a description', async () => {
  const action = await readYaml<ActionYml>('action.yml');
  for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) assert.ok(spec.description?.trim(), `${name} has no description`);
});

test('action.yml declares exactly the outputs the code sets', async () => {
  const action = await readYaml<ActionYml>('action.yml');
  assert.deepEqual(Object.keys(action.outputs).sort(), await outputsSetByCode());
});

test('the code reads inputs only through the settings table', async () => {
  const sources = await readdir(join(REPO, 'src'), { recursive: true });
  for (const file of sources.map(String).filter((f) => f.endsWith('.ts'))) {
    const text = await readFile(join(REPO, 'src', file), 'utf8');
    assert.doesNotMatch(text, /getInput\(\s*['"`]/, `${file} reads an input by name outside the settings table`);
  }
});

interface Workflow {
  on?: { workflow_call?: { inputs?: Record<string, unknown>; secrets?: Record<string, unknown> } };
  jobs: Record<string, { uses?: string; with?: Record<string, unknown>; secrets?: Record<string, unknown> | 'inherit'; steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
}

test('examples and workflows pass only inputs the action and the reusable workflow declare', async () => {
  const actionInputs = Object.keys(await declaredInputs());
  const reusable = await readYaml<Workflow>('.github/workflows/thttpd-image.yml');
  const reusableInputs = Object.keys(reusable.on?.workflow_call?.inputs ?? {});
  const reusableSecrets = Object.keys(reusable.on?.workflow_call?.secrets ?? {});
  const files = [
    ...(await readdir(join(REPO, 'examples'))).map((n) => `examples/${n}`),
    ...(await readdir(join(REPO, '.github/workflows'))).map((n) => `.github/workflows/${n}`),
  ].filter((f) => f.endsWith('.yml'));
  let checked = 0;
  for (const file of files) {
    const workflow = await readYaml<Workflow>(file);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      if (job.uses?.includes('/.github/workflows/thttpd-image.yml@')) {
        checked++;
        for (const key of Object.keys(job.with ?? {})) assert.ok(reusableInputs.includes(key), `${file} job ${id}: the reusable workflow has no input "${key}"`);
        if (job.secrets !== 'inherit') for (const key of Object.keys(job.secrets ?? {})) assert.ok(reusableSecrets.includes(key), `${file} job ${id}: no secret "${key}"`);
        assert.ok(job.with?.image, `${file} job ${id}: image is required`);
      }
      for (const step of job.steps ?? []) {
        if (step.uses === './' || step.uses?.startsWith('static-thttpd/static-thttpd@')) {
          checked++;
          for (const key of Object.keys(step.with ?? {})) assert.ok(actionInputs.includes(key), `${file} job ${id}: the action has no input "${key}"`);
        }
      }
    }
  }
  assert.ok(checked >= 7, `expected the five examples, ci.yml and the reusable workflow to call the action, saw ${checked} calls`);
});

test('the reusable workflow passes each of its inputs on to the action', async () => {
  const reusable = await readYaml<Workflow>('.github/workflows/thttpd-image.yml');
  const step = reusable.jobs.image?.steps?.find((s) => s.uses?.startsWith('static-thttpd/static-thttpd@'));
  const passed = Object.keys(step?.with ?? {});
  const ownInputs = ['runs-on', 'native-runners'];
  for (const input of Object.keys(reusable.on?.workflow_call?.inputs ?? {}).filter((i) => !ownInputs.includes(i))) assert.ok(passed.includes(input), `input ${input} is not passed to the action`);
});

test('third-party actions are pinned by full commit SHA with a version comment', async () => {
  const files = [...(await readdir(join(REPO, 'examples'))).map((n) => `examples/${n}`), ...(await readdir(join(REPO, '.github/workflows'))).map((n) => `.github/workflows/${n}`)];
  for (const file of files) {
    for (const line of (await readFile(join(REPO, file), 'utf8')).split('\n')) {
      const uses = /^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/.exec(line);
      if (!uses?.[1] || uses[1] === './' || uses[1].startsWith('static-thttpd/static-thttpd')) continue;
      assert.match(uses[1], /@[0-9a-f]{40}$/, `${file}: ${uses[1]} is not pinned by SHA`);
      assert.match(uses[2] ?? '', /# v\d+\.\d+\.\d+/, `${file}: ${uses[1]} has no version comment`);
    }
  }
});
