// The examples and workflows name only what exists: inputs and outputs of the action
// (a step using it), of the reusable workflow (a job calling it) and of the jobs inside it.
// actionlint cannot see these: it does not read a remote action's or workflow's contract.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { readRepoFile, readWorkflow, REUSABLE, workflowFiles, type Job, type Step, type Workflow } from './workflow-files.js';

interface Contracts {
  actionInputs: string[];
  actionOutputs: string[];
  reusableInputs: string[];
  reusableSecrets: string[];
  reusableOutputs: string[];
}

async function contracts(): Promise<Contracts> {
  const action = parse(await readRepoFile('action.yml')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
  const call = (await readWorkflow(REUSABLE)).on?.workflow_call;
  return {
    actionInputs: Object.keys(action.inputs),
    actionOutputs: Object.keys(action.outputs),
    reusableInputs: Object.keys(call?.inputs ?? {}),
    reusableSecrets: Object.keys(call?.secrets ?? {}),
    reusableOutputs: Object.keys(call?.outputs ?? {}),
  };
}

const usesAction = (step: Step) => step.uses === './' || /^static-thttpd\/static-thttpd@/.test(step.uses ?? '');
const callsReusable = (job: Job) => /^(?:static-thttpd\/static-thttpd\/|\.\/)\.github\/workflows\/thttpd-image\.yml(?:@|$)/.test(job.uses ?? '');

const references = (value: unknown, context: 'steps' | 'needs' | 'jobs') =>
  [...JSON.stringify(value ?? null).matchAll(new RegExp(`\\b${context}\\.([\\w-]+)\\.outputs\\.([\\w-]+)`, 'g'))].map((m) => ({ id: m[1] as string, output: m[2] as string }));

/** Every input, secret and output reference in `workflow` that names nothing. */
export function referenceProblems(file: string, workflow: Workflow, c: Contracts): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    const where = `${file} job ${jobId}`;
    if (callsReusable(job)) {
      for (const key of Object.keys(job.with ?? {})) if (!c.reusableInputs.includes(key)) problems.push(`${where}: the reusable workflow has no input "${key}"`);
      if (job.secrets !== 'inherit') for (const key of Object.keys(job.secrets ?? {})) if (!c.reusableSecrets.includes(key)) problems.push(`${where}: the reusable workflow has no secret "${key}"`);
      if (!job.with?.image) problems.push(`${where}: the reusable workflow needs image`);
    }
    const steps = job.steps ?? [];
    for (const step of steps.filter(usesAction)) {
      for (const key of Object.keys(step.with ?? {})) if (!c.actionInputs.includes(key)) problems.push(`${where}: the action has no input "${key}"`);
    }
    for (const { id, output } of references(job, 'steps')) {
      const step = steps.find((s) => s.id === id);
      if (!step) problems.push(`${where}: steps.${id} names no step of this job`);
      else if (usesAction(step) && !c.actionOutputs.includes(output)) problems.push(`${where}: steps.${id}.outputs.${output}: the action has no output "${output}"`);
    }
    for (const { id, output } of references(job, 'needs')) {
      const needed = workflow.jobs[id];
      if (!needed || ![job.needs ?? []].flat().includes(id)) problems.push(`${where}: needs.${id} is not a job this one needs`);
      else if (callsReusable(needed) && !c.reusableOutputs.includes(output)) problems.push(`${where}: needs.${id}.outputs.${output}: the reusable workflow has no output "${output}"`);
      else if (!callsReusable(needed) && !needed.uses && !(output in (needed.outputs ?? {}))) problems.push(`${where}: needs.${id}.outputs.${output}: job ${id} has no output "${output}"`);
    }
  }
  for (const { id, output } of references(workflow.on?.workflow_call?.outputs, 'jobs')) {
    if (!(output in (workflow.jobs[id]?.outputs ?? {}))) problems.push(`${file}: on.workflow_call.outputs: job ${id} has no output "${output}"`);
  }
  return problems;
}

test('examples and workflows name only inputs, secrets and outputs that exist', async () => {
  const c = await contracts();
  const problems: string[] = [];
  let calls = 0;
  for (const file of await workflowFiles()) {
    const workflow = await readWorkflow(file);
    problems.push(...referenceProblems(file, workflow, c));
    calls += Object.values(workflow.jobs).filter((job) => callsReusable(job) || (job.steps ?? []).some(usesAction)).length;
  }
  assert.deepEqual(problems, []);
  assert.ok(calls >= 9, `expected the five examples, ci.yml and the reusable workflow's three jobs to call the action or the workflow, saw ${calls}`);
});

test('a misspelt input, output or job output is reported', async () => {
  const c = await contracts();
  const step = await readWorkflow('examples/uses-step.yml');
  const stepText = JSON.stringify(step).replace('steps.thttpd.outputs.digest', 'steps.thttpd.outputs.platform').replace('"platforms":"linux/amd64,linux/arm64"', '"platform":"linux/amd64"');
  assert.deepEqual(referenceProblems('uses-step.yml', JSON.parse(stepText) as Workflow, c), [
    'uses-step.yml job image: the action has no input "platform"',
    'uses-step.yml job image: steps.thttpd.outputs.platform: the action has no output "platform"',
  ]);

  const caller: Workflow = {
    jobs: {
      web: { uses: 'static-thttpd/static-thttpd/.github/workflows/thttpd-image.yml@v1', with: { image: 'ghcr.io/me/web', tag: 'x' }, secrets: { 'registry-token': 'x' } },
      deploy: { needs: 'web', steps: [{ run: 'echo ${{ needs.web.outputs.tagz }} ${{ needs.web.outputs.digest }}' }] },
    },
  };
  assert.deepEqual(referenceProblems('caller.yml', caller, c), [
    'caller.yml job web: the reusable workflow has no input "tag"',
    'caller.yml job web: the reusable workflow has no secret "registry-token"',
    'caller.yml job deploy: needs.web.outputs.tagz: the reusable workflow has no output "tagz"',
  ]);

  const reusable = await readWorkflow(REUSABLE);
  const broken = JSON.parse(JSON.stringify(reusable).replace('jobs.index.outputs.digest', 'jobs.index.outputs.digset').replace('needs.plan.outputs.epoch', 'needs.plan.outputs.epohc')) as Workflow;
  assert.deepEqual(referenceProblems('thttpd-image.yml', broken, c).sort(), [
    'thttpd-image.yml job image: needs.plan.outputs.epohc: job plan has no output "epohc"',
    'thttpd-image.yml: on.workflow_call.outputs: job index has no output "digset"',
  ]);
});

test('third-party actions are pinned by full commit SHA with a version comment', async () => {
  for (const file of await workflowFiles()) {
    for (const line of (await readRepoFile(file)).split('\n')) {
      const uses = /^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/.exec(line);
      if (!uses?.[1] || uses[1] === './' || uses[1].startsWith('static-thttpd/static-thttpd')) continue;
      assert.match(uses[1], /@[0-9a-f]{40}$/, `${file}: ${uses[1]} is not pinned by SHA`);
      assert.match(uses[2] ?? '', /# v\d+\.\d+\.\d+/, `${file}: ${uses[1]} has no version comment`);
    }
  }
});

test('container images the workflows and examples run are pinned by digest', async () => {
  let seen = 0;
  for (const file of await workflowFiles()) {
    const workflow = parse(await readRepoFile(file)) as { jobs: Record<string, { services?: Record<string, { image: string }>; container?: string | { image: string }; steps?: Step[] }> };
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const images = [
        ...Object.values(job.services ?? {}).map((s) => s.image),
        ...(job.container ? [typeof job.container === 'string' ? job.container : job.container.image] : []),
        ...(job.steps ?? []).flatMap((s) => [...(s.run ?? '').matchAll(/--image=(\S+)/g)].map((m) => m[1] as string)).filter((i) => !i.startsWith('"$')),
      ];
      for (const image of images) {
        seen++;
        assert.match(image, /@sha256:[0-9a-f]{64}$/, `${file} job ${id}: ${image} is not pinned by digest`);
      }
    }
  }
  assert.ok(seen >= 2, 'ci.yml\'s registry and the kind example\'s curl are checked');
});
