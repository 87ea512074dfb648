// package.json is the one place that says where the action lives (`repository`) and which
// release line is current (`version`'s major; 0.x is on its way to v1.0.0, the first
// release). Every `uses:` of the action or the reusable workflow in the workflows, the
// examples and the docs must name that repository at that line: `uses:` takes no
// expressions, so these references cannot follow package.json by themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import semver from 'semver';
import { readRepoFile, REUSABLE, workflowFiles } from './workflow-files.js';

interface Package {
  version: string;
  repository: string | { url: string };
}

export function repositoryOf(pkg: Package): string {
  const text = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository.url;
  const match = /^(?:github:|https:\/\/github\.com\/|git\+https:\/\/github\.com\/)?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(text);
  if (!match?.[1]) throw new Error(`package.json repository "${text}" does not name a GitHub repository`);
  return match[1];
}

/** The tag users pin: v1 for 0.x (the first release is v1.0.0), vN for N.x. */
export function releaseLine(version: string): string {
  const major = semver.major(version);
  return `v${major === 0 ? 1 : major}`;
}

/** References to the action or the reusable workflow that name another repository or line. */
export function referenceProblems(file: string, text: string, repository: string, line: string): string[] {
  const [, name] = repository.split('/');
  const problems: string[] = [];
  for (const match of text.matchAll(new RegExp(`([\\w.-]+/${name})(/\\.github/workflows/[\\w.-]+\\.yml)?@([\\w.-]+)`, 'g'))) {
    const [reference, repo, , ref] = match;
    if (repo !== repository) problems.push(`${file}: ${reference} names ${repo}, package.json says ${repository}`);
    else if (ref !== line) problems.push(`${file}: ${reference} pins ${ref}, the release line is ${line}`);
  }
  return problems;
}

const pkg = async () => JSON.parse(await readRepoFile('package.json')) as Package;

test('the release line follows package.json: v1 until v1.0.0 ships, then the major', () => {
  assert.equal(releaseLine('0.1.0'), 'v1');
  assert.equal(releaseLine('1.0.0'), 'v1');
  assert.equal(releaseLine('1.7.2'), 'v1');
  assert.equal(releaseLine('2.0.0'), 'v2');
  assert.equal(repositoryOf({ version: '1.0.0', repository: 'github:me/static-thttpd' }), 'me/static-thttpd');
  assert.equal(repositoryOf({ version: '1.0.0', repository: { url: 'git+https://github.com/me/static-thttpd.git' } }), 'me/static-thttpd');
});

test('every use of the action and the reusable workflow names package.json\'s repository and release line', async () => {
  const { version, repository } = await pkg();
  const repo = repositoryOf({ version, repository });
  const line = releaseLine(version);
  const files = [...(await workflowFiles()), 'README.md', 'CONTRIBUTING.md'];
  const problems: string[] = [];
  let seen = 0;
  for (const file of files) {
    const text = await readRepoFile(file);
    problems.push(...referenceProblems(file, text, repo, line));
    seen += [...text.matchAll(new RegExp(`${repo}(?:/\\.github/workflows/[\\w.-]+\\.yml)?@`, 'g'))].length;
  }
  assert.deepEqual(problems, []);
  const inReusable = [...(await readRepoFile(REUSABLE)).matchAll(new RegExp(`uses: ${repo}@${line}$`, 'gm'))].length;
  assert.equal(inReusable, 3, 'the reusable workflow runs the action in its image, platform and index jobs');
  assert.ok(seen >= 10, `found only ${seen} references`);
});

test('a reference to another line or another repository is reported', () => {
  const text = 'uses: static-thttpd/static-thttpd@v2\nuses: someone/static-thttpd/.github/workflows/thttpd-image.yml@v1\nuses: static-thttpd/static-thttpd@v1\n';
  assert.deepEqual(referenceProblems('x.yml', text, 'static-thttpd/static-thttpd', 'v1'), [
    'x.yml: static-thttpd/static-thttpd@v2 pins v2, the release line is v1',
    'x.yml: someone/static-thttpd/.github/workflows/thttpd-image.yml@v1 names someone/static-thttpd, package.json says static-thttpd/static-thttpd',
  ]);
  assert.deepEqual(referenceProblems('x.yml', text.split('\n')[2] ?? '', 'static-thttpd/static-thttpd', releaseLine('2.0.0')), ['x.yml: static-thttpd/static-thttpd@v1 pins v1, the release line is v2']);
});
