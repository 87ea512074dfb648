import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { ungzip } from 'pako';
import { extract, type Header } from 'tar-stream';
import { buildLayer, gzipDeterministic, layerTar, sortEntries, type LayerEntry } from '../../src/image/layer.js';

async function readTar(tar: Buffer): Promise<{ header: Header; body: Buffer }[]> {
  const out: { header: Header; body: Buffer }[] = [];
  const reader = extract();
  reader.end(tar);
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    out.push({ header: entry.header, body: Buffer.concat(chunks) });
  }
  return out;
}

const sha = (data: Uint8Array) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

const ENTRIES: LayerEntry[] = [
  { type: 'file', path: 'www/index.html', mode: 0o644, data: Buffer.from('<p>hi</p>\n') },
  { type: 'directory', path: 'www', mode: 0o755 },
  { type: 'file', path: 'thttpd', mode: 0o755, data: Buffer.from('\x7fELF...') },
  { type: 'symlink', path: 'www/home.html', target: 'index.html' },
  { type: 'directory', path: 'www/sub', mode: 0o755 },
  { type: 'file', path: 'www/sub/a.txt', mode: 0o644, data: Buffer.from('a') },
  { type: 'file', path: 'www/sub-b.txt', mode: 0o644, data: Buffer.from('b') },
  { type: 'directory', path: 'etc', mode: 0o755 },
  { type: 'file', path: 'etc/passwd', mode: 0o644, data: Buffer.from('nobody:x:65534:65534::/:/x\n') },
];
const EPOCH = 1_700_000_000;

describe('layer', () => {
  it('gives the same bytes for the same entries, whatever order they come in', async () => {
    const a = await buildLayer(ENTRIES, EPOCH);
    const b = await buildLayer([...ENTRIES].reverse(), EPOCH);
    assert.deepEqual(a.gzip, b.gzip);
    assert.equal(a.digest, b.digest);
    assert.equal(a.diffId, b.diffId);
  });

  it('gives different bytes for a different epoch', async () => {
    const a = await buildLayer(ENTRIES, EPOCH);
    const b = await buildLayer(ENTRIES, EPOCH + 1);
    assert.notEqual(a.digest, b.digest);
    assert.notEqual(a.diffId, b.diffId);
  });

  it('digests and sizes are those of the bytes: gzip for the digest, the tar for the diff_id', async () => {
    const layer = await buildLayer(ENTRIES, EPOCH);
    const tar = Buffer.from(ungzip(layer.gzip));
    assert.equal(layer.digest, sha(layer.gzip));
    assert.equal(layer.size, layer.gzip.length);
    assert.equal(layer.diffId, sha(tar));
    assert.equal(layer.uncompressedSize, tar.length);
    assert.deepEqual(tar, await layerTar(ENTRIES, EPOCH));
  });

  it('lists entries sorted by name, each directory before its contents', async () => {
    const names = (await readTar(await layerTar(ENTRIES, EPOCH))).map((e) => e.header.name);
    assert.deepEqual(names, [
      'etc/',
      'etc/passwd',
      'thttpd',
      'www/',
      'www/home.html',
      'www/index.html',
      'www/sub-b.txt',
      'www/sub/',
      'www/sub/a.txt',
    ]);
  });

  it('sorts by bytes, not by locale', () => {
    const sorted = sortEntries([
      { type: 'file', path: 'b', mode: 0o644, data: Buffer.alloc(0) },
      { type: 'file', path: 'B', mode: 0o644, data: Buffer.alloc(0) },
      { type: 'file', path: 'é', mode: 0o644, data: Buffer.alloc(0) },
      { type: 'file', path: 'a', mode: 0o644, data: Buffer.alloc(0) },
    ]);
    assert.deepEqual(sorted.map((e) => e.path), ['B', 'a', 'b', 'é']);
  });

  it('owns everything by 0:0 with no user names, with the modes given and the epoch as mtime', async () => {
    for (const { header, body } of await readTar(await layerTar(ENTRIES, EPOCH))) {
      assert.equal(header.uid, 0, header.name);
      assert.equal(header.gid, 0, header.name);
      assert.equal(header.uname, '', header.name);
      assert.equal(header.gname, '', header.name);
      assert.equal(header.mtime.getTime(), EPOCH * 1000, header.name);
      const given = ENTRIES.find((e) => e.path === header.name.replace(/\/$/, ''));
      assert.ok(given, header.name);
      assert.equal(header.type, given.type);
      if (given.type === 'symlink') assert.equal(header.linkname, given.target);
      else assert.equal(header.mode, given.mode, header.name);
      if (given.type === 'file') assert.deepEqual(body, given.data);
    }
  });

  it('keeps names ustar cannot hold (long, or not ASCII) through a pax header', async () => {
    const long = `www/${'d'.repeat(120)}/${'f'.repeat(90)}.html`;
    const entries: LayerEntry[] = [
      { type: 'directory', path: 'www', mode: 0o755 },
      { type: 'directory', path: `www/${'d'.repeat(120)}`, mode: 0o755 },
      { type: 'file', path: long, mode: 0o644, data: Buffer.from('x') },
      { type: 'file', path: 'www/café.html', mode: 0o644, data: Buffer.from('y') },
    ];
    const names = (await readTar(await layerTar(entries, EPOCH))).map((e) => e.header.name);
    assert.deepEqual(names.sort(), [`www/`, `www/${'d'.repeat(120)}/`, long, 'www/café.html'].sort());
  });

  it('writes a gzip header with no name, mtime 0, level 9 and a fixed OS byte', () => {
    const out = gzipDeterministic(Buffer.from('hello'));
    // magic, deflate, flags (no FNAME/FCOMMENT/FEXTRA), mtime 0, XFL 2 (level 9), OS 3 (unix)
    assert.deepEqual([...out.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3]);
    assert.equal(Buffer.from(ungzip(out)).toString(), 'hello');
  });

  it('refuses entries that would make a malformed layer', async () => {
    const file = (path: string): LayerEntry => ({ type: 'file', path, mode: 0o644, data: Buffer.alloc(0) });
    await assert.rejects(layerTar([file('/abs')], EPOCH), /normalized relative path/);
    await assert.rejects(layerTar([file('a/../b')], EPOCH), /normalized relative path/);
    await assert.rejects(layerTar([file('x'), file('x')], EPOCH), /listed twice/);
    await assert.rejects(layerTar([file('www/x')], EPOCH), /no parent directory/);
    await assert.rejects(layerTar([file('x')], 1.5), /whole seconds/);
    await assert.rejects(layerTar([file('x')], -1), /whole seconds/);
  });
});
