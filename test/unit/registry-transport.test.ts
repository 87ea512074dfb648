import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { Failure } from '../../src/failure.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, isLoopbackHost, MAX_REDIRECTS, parseRetryAfter, retryPolicy, Transport } from '../../src/registry/transport.js';
import { freePort } from '../helpers/net.js';
import { makeTls } from '../helpers/tls.js';

const now = Date.parse('2026-01-01T00:00:00Z');

const retryAfter: [string | null, number | undefined][] = [
  ['0', 0],
  ['1', 1000],
  ['120', 120_000],
  [' 3 ', 3000],
  ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
  ['Thursday, 01-Jan-26 00:00:07 GMT', 7000],
  ['Wed, 31 Dec 2025 23:00:00 GMT', 0], // a date in the past: retry now
  ['-1', undefined],
  ['1.5', undefined],
  ['soon', undefined],
  ['5 apples', undefined],
  ['', undefined],
  [null, undefined],
];
for (const [value, expected] of retryAfter) {
  test(`Retry-After ${JSON.stringify(value)} → ${expected} ms`, () => {
    assert.equal(parseRetryAfter(value, now), expected);
  });
}

test('backoff doubles from the base, stays within [ceiling/2, ceiling] and is capped', () => {
  const policy = { baseDelayMs: 500, maxDelayMs: 8000 };
  const ceilings = [500, 1000, 2000, 4000, 8000, 8000, 8000];
  ceilings.forEach((ceiling, i) => {
    assert.equal(backoffDelay(i + 1, policy, () => 0), ceiling / 2, `retry ${i + 1}, lowest`);
    assert.equal(backoffDelay(i + 1, policy, () => 0.999999), ceiling, `retry ${i + 1}, highest`);
    for (let k = 0; k < 50; k++) {
      const d = backoffDelay(i + 1, policy);
      assert.ok(d >= ceiling / 2 && d <= ceiling, `${d} within bounds of retry ${i + 1}`);
    }
  });
});

test('the default policy is 4 attempts, 0.5 s base, 8 s cap, 30 s time-out; bad overrides fail', () => {
  assert.deepEqual(
    { attempts: DEFAULT_RETRY_POLICY.attempts, base: DEFAULT_RETRY_POLICY.baseDelayMs, cap: DEFAULT_RETRY_POLICY.maxDelayMs, timeout: DEFAULT_RETRY_POLICY.timeoutMs },
    { attempts: 4, base: 500, cap: 8000, timeout: 30_000 },
  );
  assert.equal(retryPolicy({ attempts: 2, timeoutMs: undefined }).timeoutMs, 30_000);
  assert.throws(() => retryPolicy({ attempts: 0 }), Failure);
  assert.throws(() => retryPolicy({ timeoutMs: 0 }), Failure);
});

const loopback: [string, boolean][] = [
  ['localhost', true], ['localhost:5000', true], ['LOCALHOST:5000', true], ['127.0.0.1', true], ['127.0.0.1:5000', true],
  ['127.255.0.9:1', true], ['[::1]:5000', true], ['::1', true], ['128.0.0.1', false], ['10.0.0.1:5000', false],
  ['ghcr.io', false], ['localhost.example.com', false], ['127.0.0.1.example.com', false], ['[::2]:5000', false],
];
for (const [host, expected] of loopback) {
  test(`${host} is ${expected ? '' : 'not '}loopback`, () => assert.equal(isLoopbackHost(host), expected));
}

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

async function serve(handler: Handler): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createHttpServer((req, res) => handler(req, res, ++hits));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const fast = { attempts: 4, baseDelayMs: 1, maxDelayMs: 4, timeoutMs: 2000, maxRetryAfterMs: 50 };

test('5xx is retried with backoff until it succeeds, and the retries are reported', async (t) => {
  const s = await serve((_req, res, hit) => {
    res.statusCode = hit < 3 ? 503 : 200;
    res.end(hit < 3 ? 'busy' : 'ok');
  });
  t.after(s.close);
  const slept: number[] = [];
  const transport = new Transport({ retry: fast, sleep: async (ms) => void slept.push(ms) });
  const response = await transport.send({ method: 'GET', url: `${s.url}/v2/` });
  assert.equal(response.status, 200);
  assert.equal(response.body.toString(), 'ok');
  assert.equal(response.retries, 2);
  assert.deepEqual(transport.stats, { requests: 3, retries: 2 });
  assert.equal(slept.length, 2);
  assert.ok(slept[0] <= 1 && slept[1] <= 2, `backoff ${slept.join(', ')}`);
});

test('429 honours Retry-After (capped by maxRetryAfterMs)', async (t) => {
  const s = await serve((_req, res, hit) => {
    if (hit === 1) res.writeHead(429, { 'retry-after': '2' }).end();
    else if (hit === 2) res.writeHead(429, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }).end();
    else res.writeHead(200).end();
  });
  t.after(s.close);
  const slept: number[] = [];
  const transport = new Transport({ retry: { ...fast, maxRetryAfterMs: 60_000 }, sleep: async (ms) => void slept.push(ms) });
  const response = await transport.send({ method: 'GET', url: `${s.url}/v2/` });
  assert.equal(response.status, 200);
  assert.equal(slept[0], 2000, 'Retry-After: 2 means two seconds');
  assert.equal(slept[1], 60_000, 'an hour is capped');
});

test('the last 5xx is returned once attempts run out', async (t) => {
  const s = await serve((_req, res) => res.writeHead(502).end());
  t.after(s.close);
  const transport = new Transport({ retry: fast });
  const response = await transport.send({ method: 'PUT', url: `${s.url}/v2/x/manifests/latest`, body: Buffer.from('{}') });
  assert.equal(response.status, 502);
  assert.equal(response.retries, 3);
  assert.equal(s.hits(), 4);
});

for (const status of [400, 401, 403, 404, 501]) {
  test(`${status} is not retried`, async (t) => {
    const s = await serve((_req, res) => res.writeHead(status).end());
    t.after(s.close);
    const transport = new Transport({ retry: fast });
    const response = await transport.send({ method: 'GET', url: `${s.url}/v2/` });
    assert.equal(response.status, status);
    assert.equal(s.hits(), 1);
    assert.equal(transport.stats.retries, 0);
  });
}

test('a refused connection is retried, then fails naming the host, the request and the attempts', async () => {
  const port = await freePort();
  const transport = new Transport({ retry: fast });
  await assert.rejects(transport.send({ method: 'HEAD', url: `http://127.0.0.1:${port}/v2/web/blobs/sha256:${'a'.repeat(64)}?x=secret` }), (error: Error) => {
    assert.ok(error instanceof Failure);
    assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
    assert.match(error.message, /HEAD \/v2\/web\/blobs\/sha256:a+/);
    assert.match(error.message, /ECONNREFUSED/);
    assert.match(error.message, /\(4 attempts\)/);
    assert.doesNotMatch(error.message, /secret/, 'the query stays out of messages');
    return true;
  });
  assert.deepEqual(transport.stats, { requests: 4, retries: 3 });
});

test('each attempt is bounded by the time-out, and a time-out is retried', async (t) => {
  const s = await serve((_req, res, hit) => {
    if (hit === 1) return; // never answers
    res.writeHead(200).end('late but fine');
  });
  t.after(s.close);
  const transport = new Transport({ retry: { ...fast, timeoutMs: 200 } });
  const started = Date.now();
  const response = await transport.send({ method: 'GET', url: `${s.url}/v2/` });
  assert.equal(response.status, 200);
  assert.equal(response.retries, 1);
  assert.ok(Date.now() - started < 2000);
});

test('a request that always times out says so', async (t) => {
  const s = await serve(() => undefined);
  t.after(s.close);
  const transport = new Transport({ retry: { ...fast, attempts: 2, timeoutMs: 100 } });
  await assert.rejects(transport.send({ method: 'GET', url: `${s.url}/v2/` }), /timed out after 100 ms \(2 attempts\)/);
});

test('loopback hosts are tried over HTTPS first and fall back to plain HTTP when they speak no TLS', async (t) => {
  const s = await serve((_req, res) => res.writeHead(200).end('plain'));
  t.after(s.close);
  const host = new URL(s.url).host;
  const transport = new Transport({ retry: fast });
  assert.equal(transport.origin(host), `https://${host}`);
  const response = await transport.send({ method: 'GET', url: `https://${host}/v2/` });
  assert.equal(response.body.toString(), 'plain');
  assert.equal(response.retries, 0, 'the switch is not a retry');
  assert.equal(transport.origin(host), `http://${host}`);
});

test('plain HTTP is refused for other hosts unless listed as insecure', async () => {
  const transport = new Transport({ retry: fast });
  await assert.rejects(transport.send({ method: 'GET', url: 'http://registry.example.com/v2/' }), /Expected HTTPS for registry\.example\.com.*insecure-registries/);
  const insecure = new Transport({ retry: fast, insecureRegistries: ['registry.example.com:5000', 'other.example'] });
  assert.ok(insecure.allowsPlainHttp('registry.example.com:5000'));
  assert.ok(insecure.allowsPlainHttp('other.example:8080'), 'a host without port allows any port');
  assert.ok(!insecure.allowsPlainHttp('registry.example.com:5001'));
  assert.ok(!insecure.allowsPlainHttp('ghcr.io'));
});

// Node's fetch (undici) reads NODE_EXTRA_CA_CERTS at process start, so only a child
// process can show it: the same request fails without it and succeeds with it.
test('a private CA is trusted through NODE_EXTRA_CA_CERTS, and its absence is a clear Failure', async (t) => {
  const tls = makeTls();
  t.after(tls.remove);
  const server = createHttpsServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, (_req, res) => res.end('trusted'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v2/`;
  const script = `
    const { Transport } = await import(${JSON.stringify(new URL('../../src/registry/transport.ts', import.meta.url).href)});
    try { const r = await new Transport({ retry: { attempts: 1 } }).send({ method: 'GET', url: ${JSON.stringify(url)} }); console.log('OK ' + r.body.toString()); }
    catch (e) { console.log('FAIL ' + e.message); }`;
  const run = async (extra: Record<string, string>) =>
    (await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, NODE_EXTRA_CA_CERTS: '', ...extra } })).stdout.trim();
  const without = await run({});
  assert.match(without, /^FAIL Expected a TLS certificate for 127\.0\.0\.1:\d+ that this machine trusts.*UNABLE_TO_VERIFY_LEAF_SIGNATURE.*NODE_EXTRA_CA_CERTS/);
  assert.equal(await run({ NODE_EXTRA_CA_CERTS: tls.caFile }), 'OK trusted');
});

// ---- redirects: followed by hand, each hop under the same HTTPS rule, Authorization kept to its origin ----

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** A loopback server recording what reached it (method, path, Authorization, body). */
async function recording(answer: (req: IncomingMessage, res: ServerResponse, hit: number) => void) {
  const seen: Seen[] = [];
  const s = await serve((req, res, hit) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: Buffer.concat(chunks).toString() });
      answer(req, res, hit);
    });
  });
  return { ...s, seen, host: new URL(s.url).host };
}

test('a redirect to plain HTTP on a host not allowed it is refused before any byte goes there', async (t) => {
  // 0.0.0.0 reaches 127.0.0.1 on Linux, yet is no loopback name to the transport: it stands
  // in for a remote host without leaving the machine.
  const target = await recording((_req, res) => res.writeHead(200).end('leaked'));
  t.after(target.close);
  const remote = `0.0.0.0:${new URL(target.url).port}`;
  const origin = await recording((_req, res) => res.writeHead(307, { location: `http://${remote}/storage/blob?sig=secret` }).end());
  t.after(origin.close);
  const transport = new Transport({ retry: fast, insecureRegistriesName: '--insecure-registry' });
  await assert.rejects(transport.send({ method: 'GET', url: `${origin.url}/v2/web/blobs/sha256:abc`, headers: { authorization: 'Bearer t0ken' } }), (error: Error) => {
    assert.ok(error instanceof Failure);
    assert.match(error.message, new RegExp(`^Expected HTTPS for ${remote.replace(/\./g, '\\.')}, found a plain HTTP URL \\(GET /storage/blob, where GET /v2/web/blobs/sha256:abc to ${origin.host.replace(/\./g, '\\.')} redirected\\)`));
    assert.match(error.message, /listed in --insecure-registry: add 0\.0\.0\.0:\d+ there/);
    assert.doesNotMatch(error.message, /secret/, 'the signed query stays out of the message');
    return true;
  });
  assert.equal(target.seen.length, 0, 'the plain-HTTP host was never contacted');

  const allowed = new Transport({ retry: fast, insecureRegistries: [remote] });
  const response = await allowed.send({ method: 'GET', url: `${origin.url}/v2/web/blobs/sha256:abc`, headers: { authorization: 'Bearer t0ken' } });
  assert.equal(response.body.toString(), 'leaked', 'listed in insecure-registries, the hop is followed');
  assert.equal(response.url, `http://${remote}/storage/blob?sig=secret`, 'the answer names the URL that gave it');
  assert.equal(target.seen[0]?.authorization, undefined, 'another origin gets no Authorization');
});

test('redirects: Authorization stays on its origin, 307 resends method and body, 303 turns into a GET', async (t) => {
  const storage = await recording((_req, res) => res.writeHead(201).end('stored'));
  t.after(storage.close);
  const registry = await recording((req, res) => {
    if (req.url === '/v2/same') return res.writeHead(307, { location: '/v2/moved' }).end();
    if (req.url === '/v2/other') return res.writeHead(307, { location: `${storage.url}/put-here` }).end();
    if (req.url === '/v2/see-other') return res.writeHead(303, { location: `${storage.url}/look-here` }).end();
    res.writeHead(201).end('moved ok');
  });
  t.after(registry.close);
  const transport = new Transport({ retry: fast });
  const put = (path: string) => transport.send({ method: 'PUT', url: `${registry.url}${path}`, headers: { authorization: 'Basic c2VjcmV0', 'content-type': 'application/octet-stream' }, body: Buffer.from('bytes') });

  assert.equal((await put('/v2/same')).body.toString(), 'moved ok');
  assert.deepEqual(registry.seen.at(-1), { method: 'PUT', url: '/v2/moved', authorization: 'Basic c2VjcmV0', body: 'bytes' }, 'same origin: all kept');

  assert.equal((await put('/v2/other')).body.toString(), 'stored');
  assert.deepEqual(storage.seen.at(-1), { method: 'PUT', url: '/put-here', authorization: undefined, body: 'bytes' }, 'another port is another origin');

  await put('/v2/see-other');
  assert.deepEqual(storage.seen.at(-1), { method: 'GET', url: '/look-here', authorization: undefined, body: '' });
});

test('a redirect loop ends after MAX_REDIRECTS hops with a Failure', async (t) => {
  const loop = await recording((_req, res) => res.writeHead(302, { location: '/v2/again' }).end());
  t.after(loop.close);
  await assert.rejects(new Transport({ retry: fast }).send({ method: 'GET', url: `${loop.url}/v2/` }), /within 10 redirects, found more .*redirecting in a loop/);
  assert.equal(loop.seen.length, MAX_REDIRECTS + 1);
});

test('a redirect to another scheme is refused', async (t) => {
  const s = await recording((_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
  t.after(s.close);
  await assert.rejects(new Transport({ retry: fast }).send({ method: 'GET', url: `${s.url}/v2/` }), /to an http\(s\) URL, found a file: Location/);
});

test('a plain-HTTP registry on a host not allowed plain HTTP: the error says so and names insecure-registries', async (t) => {
  const s = await recording((_req, res) => res.writeHead(200).end('{}'));
  t.after(s.close);
  const remote = `0.0.0.0:${new URL(s.url).port}`;
  const transport = new Transport({ retry: fast, insecureRegistriesName: 'input "insecure-registries"' });
  await assert.rejects(transport.send({ method: 'GET', url: `https://${remote}/v2/` }), (error: Error) => {
    assert.ok(error instanceof Failure);
    assert.equal(
      error.message,
      `Expected ${remote} to speak TLS on GET /v2/, found it seems to speak plain HTTP (wrong version number). ` +
        `Plain HTTP is used only for loopback hosts and those listed in input "insecure-registries": add ${remote} there if this registry really serves no TLS, or check the port.`,
    );
    return true;
  });
  assert.equal(transport.stats.retries, 0, 'not retried: another try cannot help');
  const listed = new Transport({ retry: fast, insecureRegistries: [remote] });
  assert.equal((await listed.send({ method: 'GET', url: `https://${remote}/v2/` })).body.toString(), '{}', 'once listed, plain HTTP is used');
});
