// Faults between us and a real registry: it is down, it fails or throttles part-way, a
// proxy rewrites the digest or denies a push. Each ends in one clear message (or a
// recovery), with retries counted, and never a tag pointing at an incomplete image.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Failure } from '../../src/failure.js';
import { publish, PublishFailure } from '../../src/registry/publish.js';
import { freePort } from '../helpers/net.js';
import { makeTestImage, skopeoRaw, startFaultProxy, startRegistry, type TestRegistry } from '../helpers/registry.js';

const fast = { attempts: 3, baseDelayMs: 5, maxDelayMs: 10, timeoutMs: 5000, maxRetryAfterMs: 20 };
const isTagPut = (r: { method: string; uri: string }) => r.method === 'PUT' && /\/manifests\/(?!sha256:)/.test(r.uri);

async function tagIsAbsent(registry: TestRegistry, repository: string, tag: string): Promise<void> {
  await assert.rejects(skopeoRaw(`${registry.host}/${repository}:${tag}`, { tls: false }), /manifest unknown|not found/i);
}

test('registry down: a clear error after the retries, and nothing else attempted', async () => {
  const host = `127.0.0.1:${await freePort()}`;
  const warnings: string[] = [];
  await assert.rejects(
    publish(makeTestImage('down'), { image: `${host}/web`, tags: ['latest'] }, { retry: fast, logger: { info: () => undefined, warning: (m) => warnings.push(m) } }),
    (error: Error) => {
      assert.ok(error instanceof Failure);
      assert.match(error.message, new RegExp(`^Expected ${host.replace(/\./g, '\\.')} to answer GET /v2/, found no answer: connect ECONNREFUSED .* \\(3 attempts\\)\\. Check that the registry address is right`));
      assert.match(error.message, /no tag was changed/);
      assert.ok(error instanceof PublishFailure);
      assert.deepEqual({ requests: error.stats.requests, retries: error.stats.retries }, { requests: 3, retries: 2 });
      return true;
    },
  );
  assert.equal(warnings.length, 2, 'one warning per retry');
  assert.match(warnings[0] ?? '', /retrying in \d+ ms \(attempt 2 of 3\)/);
});

test('a registry failing with 503 after the blobs: retried, then a clear error, and no tag written', async (t) => {
  const registry = await startRegistry({ auth: 'none' });
  t.after(registry.stop);
  const proxy = await startFaultProxy(registry.host, {
    intercept: (req) => (req.method === 'PUT' && req.url.includes('/manifests/') ? { status: 503, body: JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'storage on fire' }] }) } : undefined),
  });
  t.after(proxy.stop);
  const image = makeTestImage('503');
  await assert.rejects(publish(image, { image: `${proxy.host}/web`, tags: ['latest', '1'] }, { retry: fast }), (error: Error) => {
    assert.match(error.message, new RegExp(`to accept PUT /v2/web/manifests/${image.platforms[0]?.manifest.digest}, found 503 Service Unavailable after 3 attempts \\(UNAVAILABLE: storage on fire\\)`));
    assert.match(error.message, /no tag was changed/);
    assert.ok(error instanceof PublishFailure);
    assert.deepEqual({ uploaded: error.stats.blobsUploaded, manifests: error.stats.manifestsPushed, tags: error.stats.tagsPushed, retries: error.stats.retries }, { uploaded: 4, manifests: 0, tags: 0, retries: 2 });
    return true;
  });
  assert.equal(proxy.seen.filter((r) => r.method === 'PUT' && r.url.includes('/manifests/')).length, 3, 'the first manifest, three times, then stop');
  assert.equal(registry.blobUploads(), 4, 'the blobs did arrive');
  assert.ok(!registry.requests().some(isTagPut));
  await tagIsAbsent(registry, 'web', 'latest');
});

test('429 with Retry-After is honoured (capped) and the push recovers; the retries are reported', async (t) => {
  const registry = await startRegistry({ auth: 'none' });
  t.after(registry.stop);
  let throttled = 0;
  const proxy = await startFaultProxy(registry.host, {
    intercept: (req) => (req.method === 'HEAD' && throttled++ < 2 ? { status: 429, headers: { 'retry-after': '30' }, body: JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] }) } : undefined),
  });
  t.after(proxy.stop);
  const image = makeTestImage('429');
  const started = Date.now();
  const result = await publish(image, { image: `${proxy.host}/web`, tags: ['latest'] }, { retry: fast });
  assert.ok(Date.now() - started < 5000, 'Retry-After: 30 capped by maxRetryAfterMs');
  assert.equal(result.stats.retries, 2);
  assert.equal(result.stats.blobsUploaded, 4);
  assert.ok((await skopeoRaw(`${registry.host}/web:latest`, { tls: false })).equals(image.index.data));
});

test('a rewritten Docker-Content-Digest is detected at the first manifest, and no tag is written', async (t) => {
  const registry = await startRegistry({ auth: 'none' });
  t.after(registry.stop);
  const forged = `sha256:${'f'.repeat(64)}`;
  const proxy = await startFaultProxy(registry.host, {
    rewriteHeaders: (req, headers) => {
      if (req.method === 'PUT' && req.url.includes('/manifests/')) headers['docker-content-digest'] = forged;
    },
  });
  t.after(proxy.stop);
  const image = makeTestImage('mismatch');
  await assert.rejects(publish(image, { image: `${proxy.host}/web`, tags: ['latest'] }, { retry: fast }), (error: Error) => {
    assert.ok(error instanceof Failure);
    assert.match(error.message, new RegExp(`store PUT /v2/web/manifests/${image.platforms[0]?.manifest.digest} as ${image.platforms[0]?.manifest.digest}, found it answered Docker-Content-Digest ${forged}`));
    assert.match(error.message, /nothing further is tagged/);
    return true;
  });
  assert.ok(!registry.requests().some(isTagPut));
  await tagIsAbsent(registry, 'web', 'latest');
});

test('403 DENIED on a tag: not retried, the registry\'s words and the permission hint in the message', async (t) => {
  const registry = await startRegistry({ auth: 'none' });
  t.after(registry.stop);
  const proxy = await startFaultProxy(registry.host, {
    intercept: (req) => (req.method === 'PUT' && req.url.endsWith('/manifests/latest') ? { status: 403, body: JSON.stringify({ errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] }) } : undefined),
  });
  t.after(proxy.stop);
  await assert.rejects(publish(makeTestImage('denied'), { image: `${proxy.host}/web`, tags: ['1', 'latest'] }, { retry: fast }), (error: Error) => {
    assert.match(error.message, /to accept PUT \/v2\/web\/manifests\/latest, found 403 Forbidden \(DENIED: requested access to the resource is denied\)\. Check the credentials and that they may push to/);
    assert.match(error.message, /1 of 2 tags were moved/, 'says exactly how far it got');
    return true;
  });
  assert.equal(proxy.seen.filter((r) => r.url.endsWith('/manifests/latest')).length, 1);
});

test('a blob PUT whose answer is lost: the retry finds the upload closed, and a HEAD shows the blob landed', async (t) => {
  const registry = await startRegistry({ auth: 'none' });
  t.after(registry.stop);
  let dropped = 0;
  const proxy = await startFaultProxy(registry.host, {
    dropResponse: (req) => req.method === 'PUT' && req.url.includes('/blobs/uploads/') && dropped++ === 0,
  });
  t.after(proxy.stop);
  const image = makeTestImage('lost');
  const result = await publish(image, { image: `${proxy.host}/web`, tags: ['latest'] }, { retry: fast });
  assert.equal(result.stats.retries, 1);
  assert.equal(result.stats.blobsUploaded, 4);
  const puts = registry.requests().filter((r) => r.method === 'PUT' && r.uri.includes('/blobs/uploads/'));
  assert.deepEqual(puts.map((r) => r.status), [201, 404, 201, 201, 201], 'the lost 201, the retry refused, then the rest');
  assert.ok((await skopeoRaw(`${registry.host}/web:latest`, { tls: false })).equals(image.index.data));
});

test('a proxy dropping Docker-Content-Digest from manifest PUTs: each manifest and tag is read back and confirmed', async (t) => {
  const registry = await startRegistry({ auth: 'none' });
  t.after(registry.stop);
  const proxy = await startFaultProxy(registry.host, {
    rewriteHeaders: (req, headers) => {
      if (req.method === 'PUT' && req.url.includes('/manifests/')) delete headers['docker-content-digest'];
    },
  });
  t.after(proxy.stop);
  const image = makeTestImage('no-digest-header');
  const result = await publish(image, { image: `${proxy.host}/web`, tags: ['latest', '1'] }, { retry: fast });
  assert.equal(result.digest, image.index.digest);
  const references = [...image.platforms.map((p) => p.manifest.digest), image.index.digest, 'latest', '1'];
  assert.deepEqual(
    registry.requests().filter((r) => r.uri.includes('/manifests/')).map((r) => `${r.method} ${r.uri.split('/manifests/')[1]}`),
    references.flatMap((ref) => [`PUT ${ref}`, `GET ${ref}`]),
    'every PUT followed by a GET of what it named',
  );
});

test('a proxy dropping Docker-Content-Digest and serving other bytes back: caught at the first manifest, no tag written', async (t) => {
  const registry = await startRegistry({ auth: 'none' });
  t.after(registry.stop);
  const image = makeTestImage('no-digest-forged');
  const manifest = image.platforms[0]?.manifest;
  assert.ok(manifest);
  const forged = Buffer.from(manifest.data.toString().replace('"schemaVersion":2', '"schemaVersion": 2'));
  const proxy = await startFaultProxy(registry.host, {
    rewriteHeaders: (req, headers) => {
      if (req.method === 'PUT' && req.url.includes('/manifests/')) delete headers['docker-content-digest'];
    },
    intercept: (req) => (req.method === 'GET' && req.url.includes('/manifests/') ? { status: 200, headers: { 'content-type': manifest.mediaType }, body: forged.toString() } : undefined),
  });
  t.after(proxy.stop);
  await assert.rejects(publish(image, { image: `${proxy.host}/web`, tags: ['latest'] }, { retry: fast }), (error: Error) => {
    assert.ok(error instanceof Failure);
    assert.match(error.message, new RegExp(`Expected the manifest ${manifest.digest} from .*, found bytes with digest sha256:[0-9a-f]{64}\\. Something rewrote them on the way`));
    assert.match(error.message, /no tag was changed/);
    return true;
  });
  assert.ok(!registry.requests().some(isTagPut));
  await tagIsAbsent(registry, 'web', 'latest');
});
