import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Failure } from '../../src/failure.js';
import type { LayerEntry } from '../../src/image/layer.js';
import { defaultSite, printableName, projectRoot, readSiteFolder, renderDefaultPage } from '../../src/image/site.js';

const scratch = mkdtempSync(join(tmpdir(), 'image-site-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;
/** A fresh folder holding `files` (path -> content). */
function siteWith(files: Record<string, string> = {}): string {
  const dir = join(scratch, `site-${++count}`);
  mkdirSync(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const failsWith = (pattern: RegExp) => (err: unknown) => err instanceof Failure && pattern.test(err.message);
const byPath = (entries: LayerEntry[]) => Object.fromEntries(entries.map((e) => [e.path, e]));

describe('site folder', () => {
  it('keeps the tree, every file 0644 (thttpd refuses a world-executable one), folders 0755', async () => {
    const dir = siteWith({ 'index.html': 'hi', 'css/site.css': 'body{}', 'bin/tool.sh': '#!/bin/sh', 'private.txt': 'p', 'run.html': 'x' });
    chmodSync(join(dir, 'bin/tool.sh'), 0o750);
    chmodSync(join(dir, 'run.html'), 0o777);
    chmodSync(join(dir, 'private.txt'), 0o600);
    chmodSync(join(dir, 'css'), 0o700);
    const entries = byPath(await readSiteFolder(dir));
    assert.deepEqual(Object.keys(entries).sort(), ['bin', 'bin/tool.sh', 'css', 'css/site.css', 'index.html', 'private.txt', 'run.html']);
    assert.deepEqual(entries['index.html'], { type: 'file', path: 'index.html', mode: 0o644, data: Buffer.from('hi') });
    for (const path of ['bin/tool.sh', 'run.html', 'private.txt']) assert.equal((entries[path] as { mode: number }).mode, 0o644, path);
    assert.deepEqual(entries['css'], { type: 'directory', path: 'css', mode: 0o755 });
  });

  it('fails for a folder that does not exist, naming it', async () => {
    const missing = join(scratch, 'no-such-site');
    await assert.rejects(readSiteFolder(missing), failsWith(/expected a folder of files to serve, found nothing at .*no-such-site/));
  });

  it('fails for a file given as the site', async () => {
    const dir = siteWith({ 'index.html': 'x' });
    await assert.rejects(readSiteFolder(join(dir, 'index.html')), failsWith(/found a file/));
  });

  it('fails for a folder with no files, even with empty subfolders', async () => {
    await assert.rejects(readSiteFolder(siteWith()), failsWith(/at least one file to serve .* found none/));
    const dir = siteWith();
    mkdirSync(join(dir, 'empty/deeper'), { recursive: true });
    await assert.rejects(readSiteFolder(dir), failsWith(/found none/));
  });

  it('keeps a symlink whose target is inside the site, as a symlink', async () => {
    const dir = siteWith({ 'index.html': 'hi', 'docs/a.html': 'a' });
    symlinkSync('index.html', join(dir, 'home.html'));
    symlinkSync('../index.html', join(dir, 'docs/up.html'));
    symlinkSync('docs', join(dir, 'manual'));
    const entries = byPath(await readSiteFolder(dir));
    assert.deepEqual(entries['home.html'], { type: 'symlink', path: 'home.html', target: 'index.html' });
    assert.deepEqual(entries['docs/up.html'], { type: 'symlink', path: 'docs/up.html', target: '../index.html' });
    // A linked folder is not walked twice.
    assert.deepEqual(entries['manual'], { type: 'symlink', path: 'manual', target: 'docs' });
    assert.equal(entries['manual/a.html'], undefined);
  });

  it('rewrites an absolute symlink into the site as a relative one, so it works under /www', async () => {
    const dir = siteWith({ 'docs/a.html': 'a' });
    symlinkSync(join(dir, 'docs/a.html'), join(dir, 'a.html'));
    symlinkSync(join(dir, 'docs'), join(dir, 'docs/self'));
    const entries = byPath(await readSiteFolder(dir));
    assert.deepEqual(entries['a.html'], { type: 'symlink', path: 'a.html', target: 'docs/a.html' });
    assert.deepEqual(entries['docs/self'], { type: 'symlink', path: 'docs/self', target: '.' });
  });

  it('fails for a symlink that leaves the site, naming the link and its target', async () => {
    const outside = siteWith({ 'secret.txt': 's' });
    const dir = siteWith({ 'index.html': 'hi' });
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'leak.txt'));
    await assert.rejects(readSiteFolder(dir), failsWith(/leak\.txt" -> ".*secret\.txt", which resolves outside the site/));

    const relative = siteWith({ 'index.html': 'hi' });
    symlinkSync('../../etc/passwd', join(relative, 'passwd'));
    await assert.rejects(readSiteFolder(relative), failsWith(/passwd" -> "\.\.\/\.\.\/etc\/passwd"/));
  });

  it('writes a link that leaves the site and comes back straight to its target: /www is not the host folder', async () => {
    const dir = siteWith({ 'index.html': 'hi' });
    const name = dir.split('/').pop() ?? '';
    symlinkSync(`../${name}/index.html`, join(dir, 'loop.html'));
    assert.deepEqual(byPath(await readSiteFolder(dir))['loop.html'], { type: 'symlink', path: 'loop.html', target: 'index.html' });
  });

  it('follows a linked folder inside the site: a target that climbs through it is written straight to the file', async () => {
    // Read as text, sub/up/../NAME/index.html stays in the site; at /www, sub/up/.. is /.
    const dir = siteWith({ 'index.html': 'hi', 'docs/a.html': 'a' });
    const name = dir.split('/').pop() ?? '';
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub/up'));
    symlinkSync(`sub/up/../${name}/index.html`, join(dir, 'x.html'));
    symlinkSync('../sub/up/docs/a.html', join(dir, 'docs/b.html'));
    symlinkSync('x.html', join(dir, 'y.html'));
    const entries = byPath(await readSiteFolder(dir));
    assert.deepEqual(entries['sub/up'], { type: 'symlink', path: 'sub/up', target: '..' });
    assert.deepEqual(entries['x.html'], { type: 'symlink', path: 'x.html', target: 'index.html' });
    assert.deepEqual(entries['docs/b.html'], { type: 'symlink', path: 'docs/b.html', target: 'a.html' });
    assert.deepEqual(entries['y.html'], { type: 'symlink', path: 'y.html', target: 'index.html' }, 'a link to a link points at the file');
  });

  it('fails for a link through a linked folder that ends outside the site', async () => {
    const outside = siteWith({ 'secret.txt': 's' });
    const dir = siteWith({ 'index.html': 'hi' });
    mkdirSync(join(dir, 'sub'));
    symlinkSync('..', join(dir, 'sub/up'));
    symlinkSync(`sub/up/../${outside.split('/').pop() ?? ''}/secret.txt`, join(dir, 'leak.txt'));
    await assert.rejects(readSiteFolder(dir), failsWith(/leak\.txt" -> ".*secret\.txt", which resolves outside the site/));
  });

  it('fails for links in a loop', async () => {
    const dir = siteWith({ 'index.html': 'hi' });
    symlinkSync('b.html', join(dir, 'a.html'));
    symlinkSync('a.html', join(dir, 'b.html'));
    await assert.rejects(readSiteFolder(dir), failsWith(/a\.html" -> "b\.html", which goes round in a loop of links/));
  });

  it('fails for a dangling symlink', async () => {
    const dir = siteWith({ 'index.html': 'hi' });
    symlinkSync('missing.html', join(dir, 'gone.html'));
    await assert.rejects(readSiteFolder(dir), failsWith(/gone\.html" -> "missing\.html", which does not resolve/));
  });

  it('keeps a healthz of its own that is a file or a link to one', async () => {
    const own = siteWith({ 'index.html': 'hi', healthz: 'fine\n' });
    assert.deepEqual(byPath(await readSiteFolder(own))['healthz'], { type: 'file', path: 'healthz', mode: 0o644, data: Buffer.from('fine\n') });
    const linked = siteWith({ 'index.html': 'hi', 'status.txt': 'up' });
    symlinkSync('status.txt', join(linked, 'healthz'));
    assert.deepEqual(byPath(await readSiteFolder(linked))['healthz'], { type: 'symlink', path: 'healthz', target: 'status.txt' });
  });

  it('fails for a healthz that is a folder, or a link to one: /healthz would stop answering 200', async () => {
    const folder = siteWith({ 'index.html': 'hi', 'healthz/index.html': 'ok' });
    await assert.rejects(
      readSiteFolder(folder),
      failsWith(/^site: expected ".*\/healthz" to be a file \(it replaces the image's \/healthz, .*\), found a folder: rename it, or remove it/),
    );
    const linked = siteWith({ 'index.html': 'hi', 'status/index.html': 'ok' });
    symlinkSync('status', join(linked, 'healthz'));
    await assert.rejects(readSiteFolder(linked), failsWith(/healthz" to be a file .*found a symlink to a folder/));
  });

  it('fails for a fifo, naming it', async () => {
    const dir = siteWith({ 'index.html': 'hi' });
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    await assert.rejects(readSiteFolder(dir), failsWith(/found a fifo at ".*\/pipe": remove it/));
  });

  it('fails for a socket', async () => {
    const dir = siteWith({ 'index.html': 'hi' });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'sock'), resolve));
    try {
      await assert.rejects(readSiteFolder(dir), failsWith(/found a socket at ".*\/sock"/));
    } finally {
      server.close();
    }
  });

  it('fails for a device file', async (t) => {
    const dir = siteWith({ 'index.html': 'hi' });
    try {
      execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      t.skip('mknod needs root');
      return;
    }
    await assert.rejects(readSiteFolder(dir), failsWith(/found a character device at ".*\/null"/));
  });

  it('fails for a file the build cannot read, naming it', () => {
    const dir = siteWith({ 'index.html': 'hi', 'locked.html': 'x' });
    for (const folder of [dirname(dir), dir]) chmodSync(folder, 0o755);
    chmodSync(join(dir, 'locked.html'), 0o000);
    // Root reads everything, so the read runs as nobody, as an unprivileged build would.
    const script = `import { readSiteFolder } from ${JSON.stringify(new URL('../../src/image/site.ts', import.meta.url).href)};
      readSiteFolder(${JSON.stringify(dir)}).then(() => console.log('read'), (e) => console.log(e.name + ': ' + e.message));`;
    const asRoot = process.getuid?.() === 0;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: new URL('../..', import.meta.url).pathname,
      ...(asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/nonexistent', TSX_TSCONFIG_PATH: undefined } } : {}),
    });
    assert.match(out, /^Failure: site: expected to read ".*locked\.html", could not \(EACCES\)/);
  });

  it('fails for a name that is not UTF-8, showing its bytes', async () => {
    const dir = siteWith({ 'index.html': 'hi' });
    mkdirSync(join(dir, 'sub'));
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/sub/caf`), Buffer.from([0xe9]), Buffer.from('.html')]), 'latin-1 name');
    await assert.rejects(readSiteFolder(dir), failsWith(/"[^"]*\/sub\/caf\\xe9\.html" whose name is not valid UTF-8.*: rename it/));
  });
});

describe('printableName', () => {
  it('shows UTF-8 as text and other bytes as \\xNN', () => {
    assert.equal(printableName(Buffer.from('café.html')), 'café.html');
    assert.equal(printableName(Buffer.from([0x61, 0xff, 0x62, 0xc3])), 'a\\xffb\\xc3');
  });
});

describe('default page', () => {
  const facts = { thttpdVersion: '2.29', imageVersion: '2.29.1', epoch: 1_700_000_000 };

  it('fills the placeholders from the facts, the date from the epoch', () => {
    const page = renderDefaultPage('<p>{{thttpdVersion}} {{ imageVersion }} {{buildDate}}</p>', facts);
    assert.equal(page, '<p>2.29 2.29.1 2023-11-14T22:13:20Z</p>');
  });

  it('escapes what it writes into the HTML', () => {
    assert.equal(renderDefaultPage('{{imageVersion}}', { ...facts, imageVersion: '<b>&"' }), '&lt;b&gt;&amp;&quot;');
  });

  it('refuses a placeholder it does not know', () => {
    assert.throws(() => renderDefaultPage('{{nope}}', facts), /unknown placeholder \{\{nope\}\}/);
  });

  it('is the repository page, self-contained, naming the versions, the date and /healthz', async () => {
    const [entry] = await defaultSite(facts);
    assert.ok(entry && entry.type === 'file');
    assert.equal(entry.path, 'index.html');
    assert.equal(entry.mode, 0o644);
    const html = entry.data.toString('utf8');
    for (const text of ['thttpd 2.29', '2.29.1', '2023-11-14T22:13:20Z', '/healthz']) assert.ok(html.includes(text), text);
    assert.doesNotMatch(html, /\{\{/);
    assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//i, 'no external assets');
    assert.deepEqual((await defaultSite(facts))[0], entry, 'the same facts give the same page');
  });
});

describe('projectRoot', () => {
  const repo = projectRoot();
  it('finds the checkout from src/ and from where ncc puts the bundles', () => {
    assert.ok(readFileSync(join(repo, 'site', 'index.html'), 'utf8').includes('{{thttpdVersion}}'));
    assert.equal(projectRoot(new URL('dist/index.js', `file://${repo}/`).href), repo);
    assert.equal(projectRoot(new URL('dist/cli/index.js', `file://${repo}/`).href), repo);
  });

  it('says so when there is no checkout above', () => {
    assert.throws(() => projectRoot(join(scratch, 'x.js')), /no static-thttpd checkout/);
  });
});
