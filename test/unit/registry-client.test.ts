import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { permissionHint, RegistryClient, sha256Digest } from '../../src/registry/client.js';
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
