// The README is part of the product: its tables are action.yml's, its first lines are the
// commands CI runs, and its Kubernetes example is a valid, locked-down Deployment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service } from 'kubernetes-models/v1/Service';
import { END, renderTables, replaceSection, START } from '../../scripts/action-docs.js';
import { strictSchemaProblems } from './kubernetes-schema.js';
import { INPUT_DEFAULTS } from '../../src/settings.js';
import { REPO } from '../helpers/entries.js';

const readme = () => readFile(join(REPO, 'README.md'), 'utf8');

test("the README's inputs and outputs tables are the ones generated from action.yml", async () => {
  const text = await readme();
  const generated = replaceSection(text, renderTables(await readFile(join(REPO, 'action.yml'), 'utf8')));
  assert.equal(text, generated, 'run npm run docs');
  const section = text.slice(text.indexOf(START), text.indexOf(END));
  for (const input of Object.keys(INPUT_DEFAULTS)) assert.match(section, new RegExp(`\\| \`${input}\` \\|`));
});

test('the README starts with the run command and the test command that .ci/run uses', async () => {
  const lines = (await readme()).split('\n');
  const commands = lines.slice(0, 6).filter((l) => /^(npm|node|bash) /.test(l));
  assert.match(commands[0] ?? '', /^npm ci && node dist\/cli\/index\.js build --source \S+\.tar\.gz --output \S+\.tar/);
  assert.match(commands[1] ?? '', /^bash scripts\/test\.sh\b/);
  assert.match(await readFile(join(REPO, '.ci/run'), 'utf8'), /exec bash scripts\/test\.sh/);
});

const kubernetesExample = async () => {
  const block = /<!-- kubernetes-example[^>]*-->\n```yaml\n([\s\S]*?)```/.exec(await readme())?.[1];
  assert.ok(block, 'the README has the kubernetes-example block');
  return block;
};

test('the Kubernetes example is a schema-valid Deployment and Service that a restricted namespace admits', async () => {
  const docs = parseAllDocuments(await kubernetesExample()).map((d) => d.toJS() as { kind: string });
  assert.deepEqual(docs.map((d) => d.kind), ['Deployment', 'Service']);
  assert.deepEqual(strictSchemaProblems(docs), [], 'every field is one the schema has');
  const deployment = new Deployment(docs[0] as never);
  const service = new Service(docs[1] as never);
  deployment.validate();
  service.validate();

  const pod = deployment.spec?.template.spec;
  const container = pod?.containers[0];
  assert.equal(pod?.securityContext?.runAsNonRoot, true);
  assert.equal(pod?.securityContext?.seccompProfile?.type, 'RuntimeDefault');
  assert.equal(container?.securityContext?.readOnlyRootFilesystem, true);
  assert.equal(container?.securityContext?.allowPrivilegeEscalation, false);
  assert.deepEqual(container?.securityContext?.capabilities?.drop, ['ALL']);
  assert.equal(container?.ports?.[0]?.containerPort, Number(INPUT_DEFAULTS.port));
  for (const probe of [container?.readinessProbe, container?.livenessProbe]) assert.equal(probe?.httpGet?.path, '/healthz');
  assert.deepEqual(service.spec?.selector, deployment.spec?.selector.matchLabels);
});

test('the schema check rejects a wrong type and, at any depth, a field the schema does not have', async () => {
  const broken = new Deployment({ metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'web', ports: [{ containerPort: 'http' as never }] }] } } } });
  assert.throws(() => broken.validate(), /containerPort must be integer/);

  const example = await kubernetesExample();
  // [the README's field, a typo in its place, the document the typo lands in, its kind]
  const typos: [string, string, number, string][] = [
    ['replicas: 2', 'replica: 2', 1, 'Deployment'],
    ['containerPort: 8080', 'containerPort: 8080\n              protocl: TCP', 1, 'Deployment'],
    ['runAsNonRoot: true', 'runAsNonRut: true', 1, 'Deployment'],
    ['targetPort: http', 'targetPort: http\n      nodeport: 30080', 2, 'Service'],
  ];
  // One type-check over every variant (two documents each): a problem names its document.
  const docs = typos.flatMap(([field, typo]) => {
    assert.ok(example.includes(field), field);
    return parseAllDocuments(example.replace(field, typo)).map((d) => d.toJS() as { kind: string });
  });
  const problems = strictSchemaProblems(docs);
  assert.equal(problems.length, typos.length, problems.join('\n'));
  typos.forEach(([, typo, doc, kind], i) => {
    const field = /(\w+): \S+$/.exec(typo)?.[1] ?? '';
    assert.match(problems[i] ?? '', new RegExp(`^document ${2 * i + doc} \\(${kind}\\): Object literal may only specify known properties, and '"${field}"' does not exist in type`));
  });
});
