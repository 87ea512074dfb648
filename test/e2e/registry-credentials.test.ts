// Credentials found the way `docker login` leaves them, against a real htpasswd registry,
// with nothing passed in; and a wrong password failing once, clearly, with nothing tagged.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { Failure } from '../../src/failure.js';
import { publish } from '../../src/registry/publish.js';
import { makeTestImage, skopeoRaw, startRegistry } from '../helpers/registry.js';

const fast = { attempts: 3, baseDelayMs: 10, maxDelayMs: 20, timeoutMs: 10_000 };

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'thttpd-e2e-creds-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('credentials from the Docker config auths, with no inputs', async (t) => {
  const registry = await startRegistry({ auth: 'htpasswd' });
  t.after(registry.stop);
  const dir = tempDir(t);
  const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64');
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [`http://${registry.host}/v2/`]: { auth } } }));
  const logs: string[] = [];
  const masked: string[] = [];
  const image = makeTestImage('auths');
  const result = await publish(image, { image: `${registry.host}/web`, tags: ['latest'] }, {
    env: { DOCKER_CONFIG: dir },
    logger: { info: (m) => logs.push(m), warning: (m) => logs.push(m) },
    mask: (s) => void masked.push(s),
    retry: fast,
  });
  assert.equal(result.stats.blobsUploaded, 4);
  assert.match(logs.join('\n'), /from .*config\.json \(auths\["http:\/\/127\.0\.0\.1:\d+\/v2\/"\]\) \(user pusher\)/);
  assert.ok(masked.includes(auth) && masked.includes(registry.password));
  assert.ok(!logs.join('\n').includes(registry.password) && !logs.join('\n').includes(auth));
  assert.ok((await skopeoRaw(`${registry.host}/web:latest`, { tls: false, username: registry.username, password: registry.password })).equals(image.index.data));
});

test('credentials from a credential helper on PATH (credHelpers), with no inputs', async (t) => {
  const registry = await startRegistry({ auth: 'token' });
  t.after(registry.stop);
  const dir = tempDir(t);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const helper = join(bin, 'docker-credential-e2e');
  writeFileSync(
    helper,
    `#!/bin/sh\nread -r url\necho "$1 $url" >> ${join(dir, 'asked')}\n` +
      `[ "$url" = "${registry.host}" ] && echo '{"ServerURL":"${registry.host}","Username":"${registry.username}","Secret":"${registry.password}"}' && exit 0\n` +
      'echo "credentials not found in native keychain"; exit 1\n',
  );
  chmodSync(helper, 0o755);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ credHelpers: { [registry.host]: 'e2e' } }));
  const image = makeTestImage('helper');
  const result = await publish(image, { image: `${registry.host}/web`, tags: ['latest'] }, {
    env: { DOCKER_CONFIG: dir, PATH: `${bin}:${process.env.PATH ?? ''}` },
    retry: fast,
  });
  assert.equal(result.digest, image.index.digest);
  assert.deepEqual(readFileSync(join(dir, 'asked'), 'utf8').trim().split('\n'), [`get ${registry.host}`]);
  assert.deepEqual(registry.tokenIssuer?.requests.map((r) => r.account), [registry.username]);
});

test('a wrong password: one clear error naming the registry and the status, no retries, no tag', async (t) => {
  const registry = await startRegistry({ auth: 'htpasswd' });
  t.after(registry.stop);
  const image = makeTestImage('wrong');
  const wrong = 'not-the-password';
  await assert.rejects(
    publish(image, { image: `${registry.host}/web`, tags: ['latest'] }, { credentials: { username: registry.username, password: wrong }, retry: fast, env: {} }),
    (error: Error) => {
      assert.ok(error instanceof Failure);
      assert.match(error.message, new RegExp(`^Expected ${registry.host.replace(/\./g, '\\.')} to accept GET /v2/, found 401 Unauthorized \\(UNAUTHORIZED: authentication required\\)`));
      assert.match(error.message, /as pusher \(credentials from the username and password inputs\)/);
      assert.match(error.message, /Check the credentials/);
      assert.match(error.message, /no tag was changed/);
      assert.ok(!error.message.includes(wrong), 'no secret in the message');
      return true;
    },
  );
  const seen = registry.requests();
  assert.deepEqual(seen.map((r) => `${r.method} ${r.uri} ${r.status}`), ['GET /v2/ 401', 'GET /v2/ 401'], 'the challenge, then one try with the credentials');
});

test('a wrong password at a token service: one token request, a clear error, nothing pushed', async (t) => {
  const registry = await startRegistry({ auth: 'token' });
  t.after(registry.stop);
  await assert.rejects(
    publish(makeTestImage('wrong-token'), { image: `${registry.host}/web`, tags: ['latest'] }, { credentials: { username: registry.username, password: 'nope' }, retry: fast, env: {} }),
    (error: Error) => {
      assert.match(error.message, new RegExp(`^Expected the token service of ${registry.host.replace(/\./g, '\\.')} \\(127\\.0\\.0\\.1:\\d+\\) to accept GET /token, found 401 Unauthorized \\(UNAUTHORIZED: invalid username or password\\)`));
      assert.ok(!error.message.includes('nope'));
      return true;
    },
  );
  assert.equal(registry.tokenIssuer?.requests.length, 1);
  assert.ok(!registry.requests().some((r) => r.method !== 'GET'), 'only the /v2/ probe reached the registry');
});

test('no credentials at all for a registry that wants them: a Failure saying where to put them', async (t) => {
  const registry = await startRegistry({ auth: 'htpasswd' });
  t.after(registry.stop);
  await assert.rejects(
    publish(makeTestImage('anon'), { image: `${registry.host}/web`, tags: ['latest'] }, { retry: fast, env: { DOCKER_CONFIG: '/nonexistent' } }),
    /Expected credentials for 127\.0\.0\.1:\d+, which asks for a username and password \(HTTP Basic\), found none\. Pass username and password, or run `docker login`/,
  );
});

test('anonymous at a token service gets a pull-only token: HEAD works, the upload is refused once, with the permission hint', async (t) => {
  const registry = await startRegistry({ auth: 'token' });
  t.after(registry.stop);
  await assert.rejects(
    publish(makeTestImage('anon-token'), { image: `${registry.host}/web`, tags: ['latest'] }, { retry: fast, env: {} }),
    (error: Error) => {
      assert.match(error.message, /to accept POST \/v2\/web\/blobs\/uploads\/, found 401 Unauthorized \(UNAUTHORIZED: authentication required\)/);
      assert.match(error.message, /Check the credentials and that they may push to 127\.0\.0\.1:\d+\/web/);
      return true;
    },
  );
  assert.equal(registry.tokenIssuer?.requests.length, 2, 'a token, then one more after the 401: no storm');
});

test('an identity token in the Docker config: traded at the token service (refresh_token grant) and pushed with', async (t) => {
  const registry = await startRegistry({ auth: 'token', token: { identityTokens: { 'idt-for-pusher': 'pusher' } } });
  t.after(registry.stop);
  const dir = tempDir(t);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [registry.host]: { auth: Buffer.from('pusher:').toString('base64'), identitytoken: 'idt-for-pusher' } } }));
  const logs: string[] = [];
  const masked: string[] = [];
  const image = makeTestImage('identity-token');
  const result = await publish(image, { image: `${registry.host}/web`, tags: ['latest'] }, {
    env: { DOCKER_CONFIG: dir },
    logger: { info: (m) => logs.push(m), warning: (m) => logs.push(m) },
    mask: (s) => void masked.push(s),
    retry: fast,
  });
  assert.equal(result.stats.blobsUploaded, 4);
  assert.deepEqual(
    registry.tokenIssuer?.requests.map((r) => [r.method, r.grant, r.clientId, r.account, r.status]),
    [['POST', 'refresh_token', 'static-thttpd', 'pusher', 200]],
    'one grant, no Basic GET',
  );
  assert.match(logs.join('\n'), /Using credentials for 127\.0\.0\.1:\d+ from .*config\.json \(auths\["127\.0\.0\.1:\d+"\]\) \(an identity token of pusher\)/);
  assert.ok(masked.includes('idt-for-pusher'));
  assert.ok(!logs.join('\n').includes('idt-for-pusher'));
  assert.ok((await skopeoRaw(`${registry.host}/web:latest`, { tls: false, username: registry.username, password: registry.password })).equals(image.index.data));
});

test('an identity token the token service no longer takes: one clear error, nothing pushed', async (t) => {
  const registry = await startRegistry({ auth: 'token', token: { identityTokens: {} } });
  t.after(registry.stop);
  const dir = tempDir(t);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [registry.host]: { identitytoken: 'expired-idt' } } }));
  await assert.rejects(publish(makeTestImage('stale-idt'), { image: `${registry.host}/web`, tags: ['latest'] }, { env: { DOCKER_CONFIG: dir }, retry: fast }), (error: Error) => {
    assert.match(error.message, /to accept POST \/token, found 401 Unauthorized.*with an identity token \(from .*config\.json.*\)\. The identity token may have expired: run `docker login` again/);
    assert.ok(!error.message.includes('expired-idt'));
    return true;
  });
  assert.ok(!registry.requests().some((r) => r.method !== 'GET'), 'only the /v2/ probe reached the registry');
});
