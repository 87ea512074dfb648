import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, type TestContext } from 'node:test';
import { nextPage, permissionHint, RegistryClient, sha256Digest } from '../../src/registry/client.js';
import { parseImageName } from '../../src/registry/reference.js';

test('401/403 hints say what each registry needs', () => {
  assert.match(permissionHint(parseImageName('ghcr.io/me/web')), /packages: write/);
  assert.match(permissionHint(parseImageName('me/web')), /Docker Hub.*Read & Write/);
  assert.equal(permissionHint(parseImageName('quay.io/me/web')), 'Check the credentials and that they may push to quay.io/me/web.');
});

/** A fake registry: anonymous, answering uploads with the Location style under test. */
async function fakeRegistry(location: (port: number) => string) {
  const seen: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    if (req.url === '/v2/') return res.writeHead(200).end('{}');
    if (req.method === 'POST') return res.writeHead(202, { location: location((server.address() as AddressInfo).port) }).end();
    if (req.method === 'PUT') return res.writeHead(201, { 'docker-content-digest': new URL(req.url ?? '', 'http://x').searchParams.get('digest') ?? '' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { host, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const data = Buffer.from('layer bytes');
const blob = { mediaType: 'application/octet-stream', digest: sha256Digest(data), size: data.length, data };
const encodedDigest = encodeURIComponent(blob.digest);

const locations: [string, (port: number) => string, string][] = [
  ['relative, with the registry state in the query', () => '/v2/web/blobs/uploads/u1?_state=ab%2Bc%3D%3D', `PUT /v2/web/blobs/uploads/u1?_state=ab%2Bc%3D%3D&digest=${encodedDigest}`],
  ['relative, no query', () => '/v2/web/blobs/uploads/u2', `PUT /v2/web/blobs/uploads/u2?digest=${encodedDigest}`],
  ['absolute', (port) => `http://127.0.0.1:${port}/upload/u3?x=1`, `PUT /upload/u3?x=1&digest=${encodedDigest}`],
];
for (const [what, location, expected] of locations) {
  test(`upload Location ${what}: the digest is appended, the query kept byte for byte`, async (t) => {
    const fake = await fakeRegistry(location);
    t.after(fake.close);
    const client = await RegistryClient.create(parseImageName(`${fake.host}/web`), { retry: { attempts: 1 } });
    await client.uploadBlob('web', blob);
    assert.equal(fake.seen.at(-1), expected);
    assert.equal(fake.seen.filter((r) => r.startsWith('POST')).length, 1);
  });
}

test('a registry that opens /v2/ to anyone but challenges a push: the challenge is learnt then, once', async (t) => {
  const seen: string[] = [];
  const expected = `Basic ${Buffer.from('u:p').toString('base64')}`;
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ? 'auth' : 'anon'}`);
    req.resume();
    if (req.url === '/v2/') return res.writeHead(200).end('{}');
    if (req.headers.authorization !== expected) return res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = await RegistryClient.create(parseImageName(`${host}/web`), { retry: { attempts: 1 }, credentials: { username: 'u', password: 'p' } });
  assert.equal(await client.hasBlob('web', blob.digest), false);
  assert.equal(await client.hasBlob('web', blob.digest), false);
  assert.deepEqual(seen.filter((r) => !r.startsWith('GET /v2/ ')), [
    `HEAD /v2/web/blobs/${blob.digest} anon`,
    `HEAD /v2/web/blobs/${blob.digest} auth`,
    `HEAD /v2/web/blobs/${blob.digest} auth`,
  ]);
});

const links: [string | null, string | undefined][] = [
  ['</v2/web/tags/list?n=2&last=b>; rel="next"', 'http://127.0.0.1:5000/v2/web/tags/list?n=2&last=b'],
  ['<https://other.example/v2/web/tags/list?last=b>; rel=next', 'https://other.example/v2/web/tags/list?last=b'],
  ['</a>; rel="prev", </b>; rel="next"', 'http://127.0.0.1:5000/b'],
  ['</a>; rel="previous"', undefined],
  [null, undefined],
];
for (const [header, expected] of links) {
  test(`Link ${header ?? '(absent)'} → next page ${expected ?? 'none'}`, () => {
    assert.equal(nextPage(header, 'http://127.0.0.1:5000/v2/web/tags/list?n=2'), expected);
  });
}

test('tags are listed across Link pages; a repository not there yet has none', async (t) => {
  const pages: Record<string, { tags: string[] | null; next?: string }> = {
    '/v2/web/tags/list': { tags: ['1.0.0', '1.1.0'], next: '/v2/web/tags/list?last=1.1.0' },
    '/v2/web/tags/list?last=1.1.0': { tags: ['1.2.0', 'latest'], next: '/v2/web/tags/list?last=latest' },
    '/v2/web/tags/list?last=latest': { tags: null },
  };
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === '/v2/') return res.writeHead(200).end('{}');
    const page = pages[req.url ?? ''];
    if (!page) return res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN' }] }));
    res.writeHead(200, { 'content-type': 'application/json', ...(page.next ? { link: `<${page.next}>; rel="next"` } : {}) }).end(JSON.stringify({ name: 'web', tags: page.tags }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = await RegistryClient.create(parseImageName(`${host}/web`), { retry: { attempts: 1 } });
  assert.deepEqual(await client.listTags('web'), ['1.0.0', '1.1.0', '1.2.0', 'latest']);
  assert.deepEqual(seen.slice(1), Object.keys(pages));
  assert.deepEqual(await client.listTags('new/repo'), []);
});

test('a tag list whose pages link back in a loop is a Failure, not a hang', async (t) => {
  const server = createServer((req, res) => {
    if (req.url === '/v2/') return res.writeHead(200).end('{}');
    res.writeHead(200, { link: '</v2/web/tags/list?last=a>; rel="next"' }).end(JSON.stringify({ tags: ['a'] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const client = await RegistryClient.create(parseImageName(`127.0.0.1:${(server.address() as AddressInfo).port}/web`), { retry: { attempts: 1 } });
  await assert.rejects(client.listTags('web'), /Expected the tag list of .*\/web to end, found a page linking back to an earlier one/);
});

/** A registry that takes manifest PUTs without saying Docker-Content-Digest, and serves `stored` back. */
async function silentRegistry(t: TestContext, stored: (reference: string, sent: Buffer) => Buffer | undefined) {
  const seen: string[] = [];
  const kept = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`);
      if (req.url === '/v2/') return res.writeHead(200).end('{}');
      const reference = (req.url ?? '').split('/manifests/')[1] ?? '';
      if (req.method === 'PUT') {
        const body = stored(reference, Buffer.concat(chunks));
        if (body) kept.set(reference, body);
        return res.writeHead(201).end();
      }
      const body = kept.get(reference);
      if (req.method === 'GET' && body) return res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' }).end(body);
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const client = await RegistryClient.create(parseImageName(`127.0.0.1:${(server.address() as AddressInfo).port}/web`), { retry: { attempts: 1 } });
  return { client, seen };
}

const index = (() => {
  const bytes = Buffer.from('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}');
  return { mediaType: 'application/vnd.oci.image.index.v1+json', digest: sha256Digest(bytes), size: bytes.length, data: bytes };
})();

test('a manifest PUT answered without Docker-Content-Digest is confirmed by reading it back', async (t) => {
  const { client, seen } = await silentRegistry(t, (_ref, sent) => sent);
  assert.equal(await client.putManifest('web', index.digest, index), index.digest);
  assert.equal(await client.putManifest('web', 'latest', index), index.digest);
  assert.deepEqual(seen.slice(1), [`PUT /v2/web/manifests/${index.digest}`, `GET /v2/web/manifests/${index.digest}`, 'PUT /v2/web/manifests/latest', 'GET /v2/web/manifests/latest']);
});

test('a manifest PUT answered without Docker-Content-Digest whose bytes did not land is a Failure', async (t) => {
  const { client } = await silentRegistry(t, (ref, sent) => (ref === 'latest' ? Buffer.from(sent.toString().replace('"manifests":[]', '"manifests":[ ]')) : undefined));
  await assert.rejects(client.putManifest('web', 'latest', index), (e: Error) => {
    assert.match(e.message, new RegExp(`to serve web:latest as ${index.digest} after accepting its PUT \\(the answer carried no Docker-Content-Digest\\), found sha256:[0-9a-f]{64}\\. .*nothing further is tagged`));
    return true;
  });
  await assert.rejects(client.putManifest('web', index.digest, index), /found no such manifest/);
});

test('a tag list that is not {"tags": [...]} is a Failure; "tags": null is no tags', async (t) => {
  const bodies: Record<string, string> = { '/v2/a/tags/list': '<html>proxy</html>', '/v2/b/tags/list': '["1.0"]', '/v2/c/tags/list': '{"tags":[1]}', '/v2/d/tags/list': '{"name":"d","tags":null}' };
  const server = createServer((req, res) => res.writeHead(200).end(req.url === '/v2/' ? '{}' : bodies[req.url ?? '']));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const client = await RegistryClient.create(parseImageName(`127.0.0.1:${(server.address() as AddressInfo).port}/a`), { retry: { attempts: 1 } });
  for (const repository of ['a', 'b', 'c']) await assert.rejects(client.listTags(repository), /as JSON \{"tags": \[\.\.\.\]\}, found something else/);
  assert.deepEqual(await client.listTags('d'), []);
});
