import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { Failure } from '../../src/failure.js';
import { configKeyHost, dockerConfigPath, resolveCredentials, type Env } from '../../src/registry/credentials.js';
import { parseImageName } from '../../src/registry/reference.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

function sandbox(t: TestContext) {
  const dir = mkdtempSync(join(tmpdir(), 'thttpd-creds-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const config = join(dir, 'docker');
  mkdirSync(config);
  const masked: string[] = [];
  const env: Env = { DOCKER_CONFIG: config, PATH: `${bin}:/usr/bin:/bin` };
  return {
    dir,
    env,
    masked,
    mask: (s: string) => void masked.push(s),
    writeConfig: (value: unknown) => writeFileSync(join(config, 'config.json'), typeof value === 'string' ? value : JSON.stringify(value)),
    /** A credential helper: logs the server URL it was asked about, answers from a table. */
    helper: (name: string, table: Record<string, { Username: string; Secret: string }>) => {
      const script = join(bin, `docker-credential-${name}`);
      const cases = Object.entries(table)
        .map(([url, creds]) => `  ${JSON.stringify(url)}) echo '${JSON.stringify({ ServerURL: url, ...creds })}' ;;`)
        .join('\n');
      writeFileSync(
        script,
        `#!/bin/sh\n[ "$1" = get ] || exit 2\nread -r url\necho "$url" >> ${JSON.stringify(join(dir, `${name}.asked`))}\ncase "$url" in\n${cases}\n  *) echo "credentials not found in native keychain"; exit 1 ;;\nesac\n`,
      );
      chmodSync(script, 0o755);
      return () => readFileSync(join(dir, `${name}.asked`), 'utf8').trim().split('\n');
    },
  };
}

test('DOCKER_CONFIG wins over HOME; neither means no file', () => {
  assert.equal(dockerConfigPath({ DOCKER_CONFIG: '/cfg', HOME: '/home/u' }), '/cfg/config.json');
  assert.equal(dockerConfigPath({ HOME: '/home/u' }), '/home/u/.docker/config.json');
  assert.equal(dockerConfigPath({}), undefined);
});

const keys: [string, string][] = [
  ['ghcr.io', 'ghcr.io'], ['https://ghcr.io', 'ghcr.io'], ['https://ghcr.io/v2/', 'ghcr.io'], ['ghcr.io/v2/', 'ghcr.io'],
  ['http://127.0.0.1:5000', '127.0.0.1:5000'], ['https://index.docker.io/v1/', 'index.docker.io'], ['GHCR.IO', 'ghcr.io'],
];
for (const [key, host] of keys) test(`config key ${key} names ${host}`, () => assert.equal(configKeyHost(key), host));

test('explicit username and password win over the Docker config, and are masked', async (t) => {
  const s = sandbox(t);
  s.writeConfig({ auths: { 'ghcr.io': { auth: b64('file:filepass') } } });
  const creds = await resolveCredentials(parseImageName('ghcr.io/me/web'), { username: 'me', password: 'input-pass', githubToken: 'ghs_x' }, s);
  assert.deepEqual(creds, { username: 'me', password: 'input-pass', source: 'the username and password inputs' });
  assert.ok(s.masked.includes('input-pass') && s.masked.includes('ghs_x'));
});

test('half of a username/password pair is a Failure', async (t) => {
  const s = sandbox(t);
  await assert.rejects(resolveCredentials(parseImageName('ghcr.io/me/web'), { username: 'me' }, s), (e: Error) => e instanceof Failure && /found only a username/.test(e.message));
  await assert.rejects(resolveCredentials(parseImageName('ghcr.io/me/web'), { password: 'pw' }, s), (e: Error) => /found only a password/.test(e.message) && !e.message.includes('pw'));
});

const authKeys: [string, string, string][] = [
  ['ghcr.io/me/web', 'ghcr.io', 'exact host'],
  ['ghcr.io/me/web', 'https://ghcr.io', 'https://host'],
  ['ghcr.io/me/web', 'ghcr.io/v2/', 'host/v2/'],
  ['ghcr.io/me/web', 'https://ghcr.io/v2/', 'https://host/v2/'],
  ['127.0.0.1:5000/web', 'http://127.0.0.1:5000', 'http://host:port'],
  ['me/web', 'https://index.docker.io/v1/', "Docker Hub's v1 key"],
  ['docker.io/me/web', 'docker.io', 'Docker Hub as docker.io'],
  ['nginx', 'index.docker.io', 'Docker Hub as index.docker.io'],
];
for (const [image, key, what] of authKeys) {
  test(`auths: ${what} (${key}) serves ${image}`, async (t) => {
    const s = sandbox(t);
    s.writeConfig({ auths: { 'other.example': { auth: b64('no:no') }, [key]: { auth: b64('user:pa:ss') } } });
    const creds = await resolveCredentials(parseImageName(image), {}, s);
    assert.equal(creds?.username, 'user');
    assert.equal(creds?.password, 'pa:ss', 'only the first colon separates');
    assert.match(creds?.source ?? '', /config\.json \(auths\[/);
    assert.ok(s.masked.includes('pa:ss') && s.masked.includes(b64('user:pa:ss')));
  });
}

test('auths with username and password fields; other registries get nothing', async (t) => {
  const s = sandbox(t);
  s.writeConfig({ auths: { 'registry.example.com': { username: 'bob', password: 'hunter2' } } });
  assert.deepEqual(await resolveCredentials(parseImageName('registry.example.com/a/b'), {}, s), {
    username: 'bob', password: 'hunter2', source: `${join(s.env.DOCKER_CONFIG ?? '', 'config.json')} (auths["registry.example.com"])`,
  });
  assert.equal(await resolveCredentials(parseImageName('quay.io/a/b'), {}, s), undefined);
});

test('HOME/.docker/config.json is read when DOCKER_CONFIG is unset', async (t) => {
  const s = sandbox(t);
  mkdirSync(join(s.dir, 'home', '.docker'), { recursive: true });
  writeFileSync(join(s.dir, 'home', '.docker', 'config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth: b64('h:home') } } }));
  const creds = await resolveCredentials(parseImageName('ghcr.io/me/web'), {}, { ...s, env: { HOME: join(s.dir, 'home') } });
  assert.equal(creds?.password, 'home');
});

test('credHelpers[host] runs docker-credential-NAME get with the server URL on stdin', async (t) => {
  const s = sandbox(t);
  const asked = s.helper('pass', { 'ghcr.io': { Username: 'helper-user', Secret: 'helper-secret' } });
  s.writeConfig({ auths: { 'ghcr.io': { auth: b64('file:loses') } }, credHelpers: { 'ghcr.io': 'pass' } });
  const creds = await resolveCredentials(parseImageName('ghcr.io/me/web'), {}, s);
  assert.deepEqual(creds, { username: 'helper-user', password: 'helper-secret', source: 'credential helper docker-credential-pass' });
  assert.deepEqual(asked(), ['ghcr.io']);
  assert.ok(s.masked.includes('helper-secret'));
});

test('credsStore serves hosts without an auths secret; Docker Hub is asked as https://index.docker.io/v1/', async (t) => {
  const s = sandbox(t);
  const asked = s.helper('store', { 'https://index.docker.io/v1/': { Username: 'hubber', Secret: 'dckr_pat_x' } });
  // `docker login` with a credsStore leaves an empty auths entry behind.
  s.writeConfig({ auths: { 'https://index.docker.io/v1/': {} }, credsStore: 'store' });
  const creds = await resolveCredentials(parseImageName('me/web'), {}, s);
  assert.equal(creds?.password, 'dckr_pat_x');
  assert.deepEqual(asked(), ['https://index.docker.io/v1/']);
});

test('a helper saying "credentials not found" falls through to anonymous (or the GitHub token on ghcr.io)', async (t) => {
  const s = sandbox(t);
  s.helper('store', {});
  s.writeConfig({ credsStore: 'store' });
  assert.equal(await resolveCredentials(parseImageName('quay.io/a/b'), {}, s), undefined);
  const gh = await resolveCredentials(parseImageName('ghcr.io/me/web'), { githubToken: 'ghs_token', githubActor: 'octocat' }, s);
  assert.deepEqual(gh, { username: 'octocat', password: 'ghs_token', source: 'the GitHub token' });
});

test('the GitHub token is for ghcr.io only, with any non-empty username', async (t) => {
  const s = sandbox(t);
  assert.equal((await resolveCredentials(parseImageName('ghcr.io/me/web'), { githubToken: 'ghs_t' }, s))?.username, 'github-actions');
  assert.equal(await resolveCredentials(parseImageName('docker.io/me/web'), { githubToken: 'ghs_t' }, s), undefined);
});

test('a helper named in the config but missing from PATH is a clear Failure', async (t) => {
  const s = sandbox(t);
  s.writeConfig({ credHelpers: { 'ghcr.io': 'nonexistent' } });
  await assert.rejects(resolveCredentials(parseImageName('ghcr.io/me/web'), {}, s), (e: Error) => {
    assert.ok(e instanceof Failure);
    assert.match(e.message, /docker-credential-nonexistent.*on PATH, found none.*Install it/);
    return true;
  });
});

test('a helper that fails otherwise, or prints no secret, is a Failure that prints no secret', async (t) => {
  const s = sandbox(t);
  writeFileSync(join(s.dir, 'bin', 'docker-credential-broken'), '#!/bin/sh\necho "keychain locked" >&2\nexit 3\n');
  chmodSync(join(s.dir, 'bin', 'docker-credential-broken'), 0o755);
  s.writeConfig({ credHelpers: { 'ghcr.io': 'broken' } });
  await assert.rejects(resolveCredentials(parseImageName('ghcr.io/me/web'), {}, s), /exit status 3: keychain locked/);
  s.helper('half', { 'ghcr.io': { Username: 'u', Secret: '' } });
  s.writeConfig({ credHelpers: { 'ghcr.io': 'half' } });
  await assert.rejects(resolveCredentials(parseImageName('ghcr.io/me/web'), {}, s), /found no Secret/);
});

/** Every run of four characters of the file: none may appear in a message about it. */
function windowsOf(text: string): string[] {
  return Array.from({ length: Math.max(0, text.length - 3) }, (_, i) => text.slice(i, i + 4));
}

const secret = b64('user:SUPERSECRET');
/** `line L, column C` of the first character of `marker` in `text`, counted by hand. */
function where(text: string, marker: string): string {
  const before = text.slice(0, text.indexOf(marker));
  return `line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}
const unquoted = `{\n  "auths": {\n    "ghcr.io": {\n      "auth": ${secret}\n    }\n  }\n}\n`;
const trailing = `{"auths": {"ghcr.io": {"auth": "${secret}"},}}`;
const cut = `{"auths": {"ghcr.io": {"auth": "${secret}`;
const control = `{"auths": {"ghcr.io": {"auth": "${b64('user:SUPER')}\tSECRET"}}}`;
const brokenConfigs: [string, string, string | undefined][] = [
  // V8 names no position here and quotes the text around the token instead: part of the credential.
  ['an unquoted auth value', unquoted, undefined],
  ['a trailing comma', trailing, where(trailing, '}}')],
  ['a cut-off file', cut, `line 1, column ${cut.length + 1}`],
  ['a control character in a string', control, where(control, '\t')],
];
for (const [what, text, position] of brokenConfigs) {
  test(`a Docker config with ${what}: the error gives the path${position ? ' and position' : ''}, no byte of the file`, async (t) => {
    const s = sandbox(t);
    s.writeConfig(text);
    await assert.rejects(resolveCredentials(parseImageName('ghcr.io/me/web'), {}, s), (e: Error) => {
      assert.ok(e instanceof Failure);
      assert.equal(
        e.message,
        `Expected the Docker config ${join(s.env.DOCKER_CONFIG ?? '', 'config.json')} to be JSON, found a syntax error${position ? ` at ${position}` : ''}. Fix the file (or run \`docker login\` again), or point DOCKER_CONFIG elsewhere.`,
      );
      const leaked = windowsOf(text.replace(/\s+/g, ' ')).filter((w) => e.message.includes(w));
      assert.deepEqual(leaked, [], 'no four characters of the file');
      return true;
    });
  });
}

test('a Docker config that is JSON but no object is a Failure naming the file', async (t) => {
  const s = sandbox(t);
  s.writeConfig('["ghcr.io"]');
  await assert.rejects(resolveCredentials(parseImageName('ghcr.io/me/web'), {}, s), /config\.json to hold a JSON object, found an array/);
});

test('an identity token in auths is used as one, whatever auth says: docker gives it precedence', async (t) => {
  const s = sandbox(t);
  // What `docker login` leaves for a registry whose token service issued an identity token.
  s.writeConfig({ auths: { 'registry.example.com': { auth: b64('00000000-0000-0000-0000-000000000000:'), identitytoken: 'refresh-me' } } });
  const creds = await resolveCredentials(parseImageName('registry.example.com/a/b'), {}, s);
  assert.deepEqual(creds, {
    username: '00000000-0000-0000-0000-000000000000',
    password: '',
    identityToken: 'refresh-me',
    source: `${join(s.env.DOCKER_CONFIG ?? '', 'config.json')} (auths["registry.example.com"])`,
  });
  assert.ok(s.masked.includes('refresh-me'));
  s.writeConfig({ auths: { 'registry.example.com': { identitytoken: 'only-this' } } });
  assert.deepEqual(await resolveCredentials(parseImageName('registry.example.com/a/b'), {}, s), { ...creds, username: '', identityToken: 'only-this' });
});

test('a credential helper answering the user <token> hands over an identity token', async (t) => {
  const s = sandbox(t);
  s.helper('azure', { 'example.azurecr.io': { Username: '<token>', Secret: 'refresh-from-helper' } });
  s.writeConfig({ credHelpers: { 'example.azurecr.io': 'azure' } });
  const creds = await resolveCredentials(parseImageName('example.azurecr.io/web'), {}, s);
  assert.deepEqual(creds, { username: '', password: '', identityToken: 'refresh-from-helper', source: 'credential helper docker-credential-azure' });
  assert.ok(s.masked.includes('refresh-from-helper'));
});

test('an unreadable auth entry is a Failure naming the key', async (t) => {
  const s = sandbox(t);
  s.writeConfig({ auths: { 'ghcr.io': { auth: b64('nocolon') } } });
  await assert.rejects(resolveCredentials(parseImageName('ghcr.io/me/web'), {}, s), /base64 of "username:password"/);
});
