import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Failure } from '../../src/failure.js';
import { JsonFileBlobLocations } from '../../src/registry/blob-locations.js';
import { checkImage, checkTags, publish } from '../../src/registry/publish.js';
import { makeTestImage } from '../helpers/registry.js';

test('the JSON blob-location store remembers repositories per registry and digest, across instances', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'thttpd-locations-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'nested', 'locations.json');
  const a = new JsonFileBlobLocations(file);
  assert.deepEqual(await a.repositoriesWith('ghcr.io', 'sha256:1'), []);
  await a.record('ghcr.io', 'sha256:1', 'me/web');
  await a.record('ghcr.io', 'sha256:1', 'me/other');
  await a.record('ghcr.io', 'sha256:1', 'me/web');
  await a.record('127.0.0.1:5000', 'sha256:1', 'web');
  const b = new JsonFileBlobLocations(file);
  assert.deepEqual(await b.repositoriesWith('ghcr.io', 'sha256:1'), ['me/web', 'me/other'], 'most recent first, no duplicates');
  assert.deepEqual(await b.repositoriesWith('127.0.0.1:5000', 'sha256:1'), ['web']);
  assert.deepEqual(await b.repositoriesWith('quay.io', 'sha256:1'), []);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).version, 1);
});

test('a damaged blob-location file is ignored, not fatal', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'thttpd-locations-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'l.json'), '{ broken');
  const store = new JsonFileBlobLocations(join(dir, 'l.json'));
  assert.deepEqual(await store.repositoriesWith('ghcr.io', 'sha256:1'), []);
  await store.record('ghcr.io', 'sha256:1', 'me/web');
  assert.deepEqual(await new JsonFileBlobLocations(join(dir, 'l.json')).repositoriesWith('ghcr.io', 'sha256:1'), ['me/web']);
});

test('tags are checked against the registry grammar and deduplicated', () => {
  assert.deepEqual(checkTags(['2.29', '2', 'latest', '2']), ['2.29', '2', 'latest']);
  assert.throws(() => checkTags(['ok', '-bad', 'x'.repeat(129), 'has space']), (e: Error) => e instanceof Failure && /`-bad`/.test(e.message) && /`has space`/.test(e.message) && /nothing was pushed/.test(e.message));
});

test('a well-formed image passes; a blob whose bytes do not match its digest is caught before pushing', () => {
  checkImage(makeTestImage());
  const image = makeTestImage();
  image.platforms[1].layer.data = Buffer.from('tampered');
  assert.throws(() => checkImage(image), /linux\/arm64 layer.*nothing was pushed/);
  const dangling = makeTestImage();
  dangling.platforms.pop();
  assert.throws(() => checkImage(dangling), /index to reference only the platform manifests/);
});

test('publish fails on a bad name, tag or image before opening any connection', async () => {
  const unreachable = { image: '127.0.0.1:9/web', tags: ['latest'] };
  await assert.rejects(publish(makeTestImage(), { ...unreachable, image: 'ghcr.io/me/web:latest' }), /carries the tag/);
  await assert.rejects(publish(makeTestImage(), { ...unreachable, tags: ['no/slash'] }), /`no\/slash`/);
  const broken = makeTestImage();
  broken.index.size += 1;
  await assert.rejects(publish(broken, unreachable), /image index/);
});
