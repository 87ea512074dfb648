import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Failure } from '../../src/failure.js';
import { checkOutputPath, makeParentFolders } from '../../src/image/output-path.js';

const scratch = mkdtempSync(join(tmpdir(), 'image-output-path-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const failsWith = (pattern: RegExp) => (err: unknown) => err instanceof Failure && pattern.test(err.message);
let count = 0;
const fresh = () => {
  const dir = join(scratch, `case-${++count}`);
  mkdirSync(dir);
  return dir;
};

describe('checkOutputPath accepts', () => {
  it('a new .tar or folder, in folders still to be created, and writes nothing', async () => {
    const dir = fresh();
    await checkOutputPath(join(dir, 'image.tar'));
    await checkOutputPath(join(dir, 'a', 'b', 'image.tar'));
    await checkOutputPath(join(dir, 'a', 'layout'));
    assert.deepEqual(readdirSync(dir), [], 'not even the probe is left');
  });

  it('an existing .tar, an empty folder, or an image layout to replace', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'old.tar'), 'old');
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'layout'));
    writeFileSync(join(dir, 'layout', 'oci-layout'), '{}');
    for (const name of ['old.tar', 'empty', 'layout']) await checkOutputPath(join(dir, name));
  });
});

describe('checkOutputPath refuses, naming the path', () => {
  it('a folder that is not an image layout', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    await assert.rejects(checkOutputPath(dir), failsWith(/^output: expected ".*case-\d+" to be a new folder or an OCI image layout to replace, found a folder holding other files/));
  });

  it('a folder where the .tar goes, and a file where the layout folder goes', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'image.tar'));
    writeFileSync(join(dir, 'layout'), 'a file');
    await assert.rejects(checkOutputPath(join(dir, 'image.tar')), failsWith(/image\.tar" to be a new or existing file for the image archive, found a folder/));
    await assert.rejects(checkOutputPath(join(dir, 'layout')), failsWith(/layout" to be a new folder or an OCI image layout to replace, found a file: .*end it in \.tar/));
  });

  it('a file where a parent folder is needed', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'plain'), 'x');
    await assert.rejects(
      checkOutputPath(join(dir, 'plain', 'deeper', 'image.tar')),
      failsWith(/^output: expected ".*\/plain" to be a folder to hold ".*\/plain\/deeper\/image\.tar", found a file/),
    );
  });

  // Node 20's recursive mkdir never returns here; the check must answer, and fast.
  it('a parent under /proc, at once', { timeout: 10_000 }, async () => {
    await assert.rejects(checkOutputPath('/proc/static-thttpd-nope/image.tar'), failsWith(/nothing can be created in "\/proc" \(ENOENT\)/));
    await assert.rejects(makeParentFolders('/proc/static-thttpd-nope/deeper/image.tar'), (err: NodeJS.ErrnoException) => err.code === 'ENOENT');
  });

  it('a parent the build cannot write', () => {
    const dir = fresh();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(dir, 0o755);
    chmodSync(locked, 0o555);
    // Root writes anywhere, so the check runs as nobody, as an unprivileged build would.
    const script = `import { checkOutputPath } from ${JSON.stringify(new URL('../../src/image/output-path.ts', import.meta.url).href)};
      checkOutputPath(${JSON.stringify(join(locked, 'sub', 'image.tar'))}).then(() => console.log('accepted'), (e) => console.log(e.name + ': ' + e.message));`;
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(scratch, 0o755);
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: new URL('../..', import.meta.url).pathname,
      ...(asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/nonexistent', TSX_TSCONFIG_PATH: undefined } } : {}),
    });
    assert.match(out, /^Failure: output: expected to write ".*\/locked\/sub\/image\.tar", but nothing can be created in ".*\/locked" \(EACCES\): choose a path in a folder this job can write/);
  });
});

describe('makeParentFolders', () => {
  it('creates the missing folders above the target, and nothing else', async () => {
    const dir = fresh();
    await makeParentFolders(join(dir, 'a', 'b', 'image.tar'));
    assert.deepEqual(readdirSync(join(dir, 'a')), ['b']);
    assert.deepEqual(readdirSync(join(dir, 'a', 'b')), []);
    await makeParentFolders(join(dir, 'a', 'b', 'image.tar'));
  });
});
