import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { Authenticator, OAUTH_CLIENT_ID, parseWwwAuthenticate, registryErrorText, repositoryScope } from '../../src/registry/auth.js';
import { Transport } from '../../src/registry/transport.js';

const challenges: [string, { scheme: string; params: Record<string, string> }[]][] = [
  ['Basic realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
  [
    'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:me/web:pull"',
    [{ scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:me/web:pull' } }],
  ],
  [
    // distribution's own form: the scope holds a comma inside quotes, and an error param.
    'Bearer realm="http://127.0.0.1:1234/token",service="test",scope="repository:web:pull,push",error="insufficient_scope"',
    [{ scheme: 'bearer', params: { realm: 'http://127.0.0.1:1234/token', service: 'test', scope: 'repository:web:pull,push', error: 'insufficient_scope' } }],
  ],
  [
    'Bearer realm="https://auth.docker.io/token", service="registry.docker.io", scope="repository:library/nginx:pull repository:me/web:pull,push"',
    [{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/nginx:pull repository:me/web:pull,push' } }],
  ],
  ['BEARER Realm=https://x/token,Service=x', [{ scheme: 'bearer', params: { realm: 'https://x/token', service: 'x' } }]],
  ['Basic realm="a \\"quoted\\" realm"', [{ scheme: 'basic', params: { realm: 'a "quoted" realm' } }]],
  [
    'Basic realm="basic", Bearer realm="https://t/token",service="s"',
    [
      { scheme: 'basic', params: { realm: 'basic' } },
      { scheme: 'bearer', params: { realm: 'https://t/token', service: 's' } },
    ],
  ],
  ['Negotiate', [{ scheme: 'negotiate', params: {} }]],
  ['', []],
];
for (const [header, expected] of challenges) {
  test(`WWW-Authenticate: ${header || '(empty)'}`, () => assert.deepEqual(parseWwwAuthenticate(header), expected));
}

test('scopes name the repository and the actions', () => {
  assert.equal(repositoryScope('me/web', ['pull', 'push']), 'repository:me/web:pull,push');
});

test('the registry error JSON becomes CODE: message', () => {
  const body = Buffer.from(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: [{ Type: 'repository' }] }] }));
  assert.equal(registryErrorText(body), 'UNAUTHORIZED: authentication required');
  assert.equal(registryErrorText(Buffer.from(JSON.stringify({ errors: [{ code: 'DENIED', message: 'x' }, { code: 'NAME_UNKNOWN', message: 'y' }] }))), 'DENIED: x; NAME_UNKNOWN: y');
  assert.equal(registryErrorText(Buffer.from('<html>Bad Gateway</html>')), undefined);
  assert.equal(registryErrorText(Buffer.alloc(0)), undefined);
});

// A token service on loopback: which answers the client reads, and how long it keeps them.
async function tokenService(answer: (hit: number) => Record<string, unknown>) {
  let hits = 0;
  const seen: string[] = [];
  const server = createServer((req, res) => {
    hits++;
    seen.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer(hits)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const realm = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  return { realm, hits: () => hits, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function bearerAuthenticator(realm: string, now: () => number, masked: string[]) {
  // A fake registry that only hands out the challenge on GET /v2/.
  const registry = createServer((_req, res) => res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="svc"` }).end());
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(registry.address() as AddressInfo).port}`;
  const transport = new Transport({ retry: { attempts: 1 } });
  const auth = new Authenticator({ transport, registry: host, credentials: { username: 'u', password: 'p4ss', source: 'test' }, mask: (s) => masked.push(s), permissionHint: '', now });
  await auth.start(`http://${host}`);
  return { auth, close: () => new Promise<void>((resolve) => registry.close(() => resolve())) };
}

test('bearer tokens: access_token accepted, cached per scope for expires_in (60 s by default), and masked', async (t) => {
  const svc = await tokenService((hit) => (hit === 1 ? { access_token: `tok-${hit}` } : { token: `tok-${hit}`, expires_in: 300 }));
  t.after(svc.close);
  let clock = 1_000_000;
  const masked: string[] = [];
  const { auth, close } = await bearerAuthenticator(svc.realm, () => clock, masked);
  t.after(close);
  const push = [repositoryScope('web', ['pull', 'push'])];
  assert.equal(await auth.header(push), 'Bearer tok-1');
  assert.equal(await auth.header(push), 'Bearer tok-1', 'cached');
  assert.equal(svc.hits(), 1);
  clock += 49_000;
  assert.equal(await auth.header(push), 'Bearer tok-1', 'still fresh before 60 s less a margin');
  clock += 10_000;
  assert.equal(await auth.header(push), 'Bearer tok-2', 'renewed near the 60 s default');
  assert.equal(await auth.header([...push, repositoryScope('other', ['pull'])]), 'Bearer tok-3', 'another scope set, another token');
  assert.equal(svc.hits(), 3);
  const query = new URL(svc.seen[2], 'http://x').searchParams;
  assert.deepEqual(query.getAll('scope'), ['repository:other:pull', 'repository:web:pull,push']);
  assert.equal(query.get('service'), 'svc');
  assert.equal(query.get('account'), 'u');
  for (const secret of ['p4ss', 'tok-1', 'tok-2', 'tok-3']) assert.ok(masked.includes(secret), `${secret} masked`);
  assert.ok(masked.includes(`Basic ${Buffer.from('u:p4ss').toString('base64')}`), 'the Basic header value is masked too');
});

test('an identity token is traded with an OAuth2 refresh_token grant, as docker does; a rotated one is used next', async (t) => {
  const grants: { method: string; type: string | undefined; form: Record<string, string> }[] = [];
  const svc = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      grants.push({ method: req.method ?? '', type: req.headers['content-type'], form });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ access_token: `access-${grants.length}`, refresh_token: `rotated-${grants.length}`, expires_in: 300 }));
    });
  });
  await new Promise<void>((resolve) => svc.listen(0, '127.0.0.1', resolve));
  t.after(() => svc.close());
  const realm = `http://127.0.0.1:${(svc.address() as AddressInfo).port}/oauth2/token`;
  const registry = createServer((_req, res) => res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="svc"` }).end());
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  t.after(() => registry.close());
  const host = `127.0.0.1:${(registry.address() as AddressInfo).port}`;
  const masked: string[] = [];
  const auth = new Authenticator({
    transport: new Transport({ retry: { attempts: 1 } }),
    registry: host,
    credentials: { username: '', password: '', identityToken: 'idt-secret', source: 'test' },
    mask: (s) => masked.push(s),
    permissionHint: '',
  });
  await auth.start(`http://${host}`);
  assert.equal(await auth.header([repositoryScope('web', ['pull', 'push'])]), 'Bearer access-1');
  assert.equal(await auth.header([repositoryScope('other', ['pull'])]), 'Bearer access-2');
  assert.deepEqual(grants, [
    { method: 'POST', type: 'application/x-www-form-urlencoded', form: { grant_type: 'refresh_token', refresh_token: 'idt-secret', client_id: OAUTH_CLIENT_ID, scope: 'repository:web:pull,push', service: 'svc' } },
    { method: 'POST', type: 'application/x-www-form-urlencoded', form: { grant_type: 'refresh_token', refresh_token: 'rotated-1', client_id: OAUTH_CLIENT_ID, scope: 'repository:other:pull', service: 'svc' } },
  ]);
  for (const secret of ['idt-secret', 'access-1', 'rotated-1']) assert.ok(masked.includes(secret), `${secret} masked`);
});

test('an identity token for a registry asking for Basic: a Failure saying what to pass instead', async (t) => {
  const registry = createServer((_req, res) => res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end());
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  t.after(() => registry.close());
  const host = `127.0.0.1:${(registry.address() as AddressInfo).port}`;
  const auth = new Authenticator({
    transport: new Transport({ retry: { attempts: 1 } }),
    registry: host,
    credentials: { username: 'u', password: '', identityToken: 'idt', source: 'config.json (auths["x"])' },
    mask: () => undefined,
    permissionHint: '',
  });
  await assert.rejects(auth.start(`http://${host}`), /asks for HTTP Basic, found only an identity token \(from config\.json \(auths\["x"\]\)\), which only a token service takes\. Pass username and password/);
});
