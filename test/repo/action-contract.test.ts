// action.yml is the action's contract, held against what the code does, not against a
// table beside it: parseSettings runs on inputs behind a Proxy that records every input it
// reads; every declared input must be read and change the Settings, every input read must
// be declared, action.yml's defaults must give the Settings the code's own defaults give,
// and every output the code sets must be declared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { INPUT_NAMES, parseSettings, type Inputs, type RunContext, type Settings } from '../../src/settings.js';
import { REPO } from '../helpers/entries.js';

interface ActionYml {
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
}

type Parse = (inputs: Inputs, context: RunContext) => Settings;

const readAction = async () => parse(await readFile(join(REPO, 'action.yml'), 'utf8')) as ActionYml;
const declaredInputs = async () => Object.keys((await readAction()).inputs);

const CONTEXT: RunContext = { cwd: '/work/repo', now: new Date(Date.UTC(2026, 11, 3)), sha: 'abcdef0123456789', ref: 'refs/tags/v1.4.0', commitEpoch: 1700000000 };
const realParse: Parse = (inputs, context) => parseSettings(inputs, context, (name) => `input "${name}"`);

const DIGEST_A = `sha256:${'a'.repeat(64)}`;
const DIGEST_B = `sha256:${'b'.repeat(64)}`;
const IMAGE = { image: 'registry.test/team/web' };

/**
 * For each input, a change that must change the Settings (from `base` plus IMAGE). Together
 * the bases take parseSettings down each of its paths (all, platform, index; input and
 * git-tag versions), so the recorded reads are every read the code can make.
 */
const CHANGES: Record<string, { base?: Inputs; change: Inputs }> = {
  version: { change: { version: '2.28' } },
  source: { change: { source: 'https://example.test/thttpd-2.29.tar.gz' } },
  sha256: { change: { sha256: 'c'.repeat(64) } },
  'source-max-bytes': { change: { 'source-max-bytes': '2048' } },
  'uid-drop': { change: { 'uid-drop': 'false' } },
  patches: { change: { patches: 'fix.patch' } },
  platforms: { change: { platforms: 'linux/arm64' } },
  libc: { change: { libc: 'musl' } },
  strip: { change: { strip: 'false' } },
  cflags: { change: { cflags: '-O1' } },
  site: { change: { site: 'public' } },
  port: { change: { port: '80' } },
  labels: { change: { labels: 'team=web' } },
  image: { change: { image: 'registry.test/team/other' } },
  push: { change: { push: 'false' } },
  tags: { change: { tags: 'edge' } },
  'tag-suffix': { change: { 'tag-suffix': '-musl' } },
  latest: { change: { latest: 'false' } },
  'version-from': { change: { 'version-from': 'git-tag' } },
  username: { base: { password: 'p' }, change: { username: 'u' } },
  password: { change: { password: 'p' } },
  'github-token': { change: { 'github-token': 'ghs_x' } },
  'insecure-registries': { change: { 'insecure-registries': 'registry.test:5000' } },
  output: { change: { output: 'image.tar' } },
  mode: { change: { mode: 'platform' } },
  manifests: { base: { mode: 'index', manifests: DIGEST_A }, change: { manifests: DIGEST_B } },
};

/** The inputs `parse` reads over every base and change above. */
function inputsRead(parse: Parse): string[] {
  const read = new Set<string>();
  for (const { base, change } of Object.values(CHANGES)) {
    for (const inputs of [{ ...IMAGE, ...base }, { ...IMAGE, ...base, ...change }]) {
      const recorded = new Proxy(inputs, {
        get(target, name, receiver) {
          if (typeof name === 'string') read.add(name);
          return Reflect.get(target, name, receiver) as unknown;
        },
      });
      parse(recorded, CONTEXT);
    }
  }
  return [...read].sort();
}

/** Inputs whose change leaves the Settings as they were. */
function inputsWithoutEffect(parse: Parse, names: string[]): string[] {
  return names.filter((name) => {
    const { base, change } = CHANGES[name] ?? { change: {} };
    return JSON.stringify(parse({ ...IMAGE, ...base }, CONTEXT)) === JSON.stringify(parse({ ...IMAGE, ...base, ...change }, CONTEXT));
  });
}

export function contractProblems(declared: string[], read: string[]): string[] {
  return [
    ...read.filter((name) => !declared.includes(name)).map((name) => `input "${name}" is read by the code but not declared in action.yml`),
    ...declared.filter((name) => !read.includes(name)).map((name) => `input "${name}" is declared in action.yml but the code never reads it`),
  ];
}

/** parseSettings as it would be with one input no longer read (e.g. `strip: true` in place of `r.boolean('strip')`). */
const withoutReading = (hidden: string): Parse => (inputs, context) =>
  realParse(new Proxy(inputs, { get: (target, name, receiver) => (name === hidden ? undefined : (Reflect.get(target, name, receiver) as unknown)) }), context);

/** Defaults the runner computes, which the code cannot know: the job's own token. */
const RUNNER_DEFAULTS: Record<string, string> = { 'github-token': '${{ github.token }}' };

test('action.yml runs dist/index.js on node24', async () => {
  assert.deepEqual((await readAction()).runs, { using: 'node24', main: 'dist/index.js' });
});

test('every input has a case that changes the Settings', async () => {
  const names = [...new Set([...(await declaredInputs()), ...INPUT_NAMES])];
  assert.deepEqual(names.filter((name) => !(name in CHANGES)), [], 'add the input to CHANGES in this test');
});

test('action.yml declares exactly the inputs parseSettings reads, and each one changes the Settings', async () => {
  const read = inputsRead(realParse);
  assert.deepEqual(contractProblems(await declaredInputs(), read), []);
  assert.deepEqual(inputsWithoutEffect(realParse, read), [], 'inputs the code reads but ignores');
  assert.deepEqual(read, [...INPUT_NAMES].sort(), 'main.ts passes every input in INPUT_DEFAULTS, and only those');
});

test('the contract check fails when a read or a declaration is removed', async () => {
  const declared = await declaredInputs();
  assert.deepEqual(contractProblems(declared, inputsRead(withoutReading('strip'))), ['input "strip" is declared in action.yml but the code never reads it']);
  assert.deepEqual(inputsWithoutEffect(withoutReading('strip'), ['strip']), ['strip']);
  assert.deepEqual(contractProblems(declared.filter((name) => name !== 'port'), inputsRead(realParse)), ['input "port" is read by the code but not declared in action.yml']);
});

test("action.yml's defaults give the Settings the code's own defaults give", async () => {
  const defaults = (await readAction()).inputs;
  const given = Object.fromEntries(Object.entries(defaults).filter(([name]) => !(name in RUNNER_DEFAULTS)).map(([name, spec]) => [name, spec.default ?? '']));
  for (const [name, value] of Object.entries(RUNNER_DEFAULTS)) assert.equal(defaults[name]?.default, value, name);
  assert.deepEqual(realParse({ ...given, ...IMAGE }, CONTEXT), realParse(IMAGE, CONTEXT));
  assert.notDeepEqual(realParse({ ...given, port: '80', ...IMAGE }, CONTEXT), realParse(IMAGE, CONTEXT), 'a default that differs is seen');
});

test('every input and output has a description', async () => {
  const action = await readAction();
  for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) assert.ok(spec.description?.trim(), `${name} has no description`);
});

test('action.yml declares exactly the outputs the code sets', async () => {
  const main = await readFile(join(REPO, 'src/main.ts'), 'utf8');
  const set = [...main.matchAll(/core\.setOutput\('([^']+)'/g)].map((m) => m[1] as string).sort();
  assert.ok(set.length > 0);
  assert.deepEqual(Object.keys((await readAction()).outputs).sort(), set);
});

test('the code reads inputs only through the settings table', async () => {
  const sources = await readdir(join(REPO, 'src'), { recursive: true });
  for (const file of sources.map(String).filter((f) => f.endsWith('.ts'))) {
    const text = await readFile(join(REPO, 'src', file), 'utf8');
    assert.doesNotMatch(text, /getInput\(\s*['"`]/, `${file} reads an input by name outside the settings table`);
  }
});
