// The action (and the CLI) with a password, a GitHub token and bearer tokens in play, then
// every byte they wrote searched for each secret: stdout, stderr, GITHUB_OUTPUT, the job
// summary, every file under the workspace, RUNNER_TEMP, HOME and TMPDIR, and inside the
// archives (each tar entry, each gzip'd layer unpacked). `::add-mask::SECRET` lines are
// commands the runner consumes and never shows: exactly those are left out, and must be there.
// Markers placed on purpose in a label and in a site file prove the search reaches inside.
// Each secret is one the run really sent (checked at the receiving end), so a leak could show:
// the GitHub token, which the action uses only for ghcr.io, is sent to a local stand-in for
// ghcr.io (ghcr-to-loopback.mjs routes ghcr.io:443 there, TLS for that name included).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import { runAction, runCli } from '../helpers/entries.js';
import { makeFixtureTarball, type FixtureTarball } from '../helpers/fixture.js';
import { startFaultProxy, startRegistry, type FaultProxy, type TestRegistry } from '../helpers/registry.js';
import { writeTable, type Cell } from '../helpers/reliability.js';
import { makeTls } from '../helpers/tls.js';

const GHCR_PRELOAD = new URL('./ghcr-to-loopback.mjs', import.meta.url).pathname;

interface Written {
  where: string;
  data: Buffer;
}

function untar(data: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    const entries: { name: string; data: Buffer }[] = [];
    const ex = extract();
    ex.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c) => chunks.push(c as Buffer));
      stream.on('end', () => {
        entries.push({ name: header.name, data: Buffer.concat(chunks) });
        next();
      });
      stream.resume();
    });
    ex.on('finish', () => resolve(entries));
    ex.on('error', reject);
    ex.end(data);
  });
}

const isGzip = (b: Buffer) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
const isTar = (b: Buffer) => b.length >= 512 && b.subarray(257, 262).toString('latin1') === 'ustar';

/** The bytes, and everything inside them: gzip unpacked, tar entries one by one, to any depth. */
async function expand(where: string, data: Buffer, out: Written[]): Promise<void> {
  out.push({ where, data });
  if (isGzip(data)) await expand(`${where} (gunzip)`, gunzipSync(data), out);
  else if (isTar(data)) for (const entry of await untar(data)) await expand(`${where}:${entry.name}`, entry.data, out);
}

async function filesUnder(root: string, out: Written[], label: string): Promise<number> {
  let count = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile()) {
        count++;
        await expand(`${label}/${relative(root, path)}`, await readFile(path), out);
      }
    }
  };
  await walk(root);
  return count;
}

/** A secret as it could appear: itself, URL-encoded, JSON-escaped, in base64. */
function spellings(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('base64')])];
}

/** Every place a secret (in any spelling) shows, the runner's own ::add-mask:: lines left out. */
function hits(written: Written[], secrets: string[]): string[] {
  const found: string[] = [];
  const masks = new Set(secrets.map((s) => `::add-mask::${s}`));
  for (const w of written) {
    const text = w.where === 'stdout' ? w.data.toString('latin1').split('\n').filter((l) => !masks.has(l)).join('\n') : w.data.toString('latin1');
    for (const secret of secrets) for (const spelled of spellings(secret)) if (text.includes(spelled)) found.push(`${w.where}: ${spelled.slice(0, 6)}…`);
  }
  return found;
}

const secret = (what: string) => `${what}-${randomBytes(9).toString('base64url')}+/=x`;
const MARK_LABEL = `label-marker-${randomBytes(6).toString('hex')}`;
const MARK_SITE = `site-marker-${randomBytes(6).toString('hex')}`;

let dir: string;
let tarball: FixtureTarball;
const rows: Cell[][] = [];
const ORDER = ['action, htpasswd, archive', 'action, token auth, OCI layout', 'action, ghcr.io with the GitHub token', 'action, wrong password (fails)', 'CLI, token auth, archive'];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'static-thttpd-secrets-'));
  tarball = await makeFixtureTarball({ dir });
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
  writeTable({
    id: '40-secrets',
    title: 'Secrets in what the action writes',
    intro:
      'Each run pushes to a real docker-registry on 127.0.0.1 through a pass-through proxy that records the Authorization headers sent, so the bearer tokens are known too, and every secret searched for was really sent (checked where it arrived). ' +
      'The GitHub token is used by the action only for ghcr.io: for that run a preloaded module routes ghcr.io:443 to a local TLS front (a certificate for ghcr.io from a throwaway CA) of a token-auth registry whose token service accepts exactly that token. ' +
      'Every byte the run wrote is searched for every secret, as itself, URL-encoded, JSON-escaped and in base64: stdout (less exactly the `::add-mask::SECRET` lines), stderr, GITHUB_OUTPUT, the step summary, ' +
      'every file under the workspace, RUNNER_TEMP, HOME and TMPDIR, each entry of the archives and each gzip layer unpacked. A label and a site file carry markers that the search must find, inside the archive.',
    columns: ['run', 'secrets searched for', 'bytes searched', 'files (and archive entries)', 'hits', '::add-mask:: lines present'],
    rows: rows.sort((a, b) => ORDER.indexOf(String(a[0])) - ORDER.indexOf(String(b[0]))),
    notes: [`${rows.length} runs, ${rows.reduce((n, r) => n + Number(r[1].toString().split(' ')[0]), 0)} secrets: 0 hits.`],
  });
});

interface GhcrStandIn {
  registry: TestRegistry;
  port: number;
  caFile: string;
  /** Authorization headers that arrived at "ghcr.io" (the TLS front), as sent. */
  authorizations: string[];
}

/**
 * A token-auth registry whose token service accepts `actor` with the GitHub token as password,
 * behind a TLS front on 127.0.0.1 with a certificate for ghcr.io. The front passes requests on
 * as if it were ghcr.io over HTTPS (X-Forwarded-Proto), so the registry's Locations name it.
 */
async function ghcrStandIn(actor: string, githubToken: string, t: { after: (fn: () => Promise<void> | void) => void }): Promise<GhcrStandIn> {
  const registry = await startRegistry({ auth: 'token', username: actor, password: githubToken });
  t.after(() => registry.stop());
  const tls = makeTls('ghcr.io stand-in CA');
  t.after(() => tls.remove());
  const ext = join(tls.dir, 'ghcr.ext');
  await writeFile(ext, 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:ghcr.io\n');
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: tls.dir, stdio: ['ignore', 'ignore', 'pipe'] });
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ghcr.key', '-out', 'ghcr.csr', '-subj', '/CN=ghcr.io');
  openssl('x509', '-req', '-in', 'ghcr.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'ghcr.crt', '-days', '2', '-extfile', ext);
  const authorizations: string[] = [];
  const [host, port] = registry.host.split(':');
  const front = createHttpsServer({ key: await readFile(join(tls.dir, 'ghcr.key')), cert: await readFile(join(tls.dir, 'ghcr.crt')) }, (req, res) => {
    if (req.headers.authorization) authorizations.push(req.headers.authorization);
    const headers: IncomingHttpHeaders = { ...req.headers, 'x-forwarded-proto': 'https' };
    const upstream = httpRequest({ host, port: Number(port), method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => front.close(() => resolve())));
  return { registry, port: (front.address() as AddressInfo).port, caFile: tls.caFile, authorizations };
}

interface Scenario {
  name: string;
  registry: TestRegistry;
  proxy: FaultProxy;
}

async function scenario(name: string, auth: 'htpasswd' | 'token', password: string, t: { after: (fn: () => Promise<void>) => void }): Promise<Scenario> {
  const registry = await startRegistry({ auth, password });
  t.after(() => registry.stop());
  const proxy = await startFaultProxy(registry.host, {});
  t.after(() => proxy.stop());
  return { name, registry, proxy };
}

/** What the client sent in Authorization headers: Basic values and bearer tokens, all secrets. */
function sentCredentials(proxy: FaultProxy): string[] {
  const values = proxy.seen.map((r) => r.headers.authorization).filter((v): v is string => typeof v === 'string');
  return [...new Set(values.map((v) => v.replace(/^(Basic|Bearer) /i, '')))];
}

async function runFolder(name: string): Promise<{ ws: string; home: string; temp: string; runnerTemp: string }> {
  const root = join(dir, name);
  const folders = { ws: join(root, 'ws'), home: join(root, 'home'), temp: join(root, 'tmp'), runnerTemp: join(root, 'runner-temp') };
  for (const d of Object.values(folders)) await mkdir(d, { recursive: true });
  await writeFile(join(folders.ws, 'thttpd-2.29.tar.gz'), await readFile(tarball.path));
  await mkdir(join(folders.ws, 'public'));
  await writeFile(join(folders.ws, 'public', 'index.html'), `<p>${MARK_SITE}</p>\n`);
  return folders;
}

async function judge(
  label: string,
  run: { stdout: string; stderr: string; files?: { output: string; summary: string } },
  folders: { ws: string; home: string; temp: string; runnerTemp: string },
  secrets: Record<string, string>,
  mustMask: string[],
  archive: string | undefined,
): Promise<void> {
  const written: Written[] = [
    { where: 'stdout', data: Buffer.from(run.stdout) },
    { where: 'stderr', data: Buffer.from(run.stderr) },
  ];
  if (run.files) written.push({ where: 'GITHUB_OUTPUT', data: Buffer.from(run.files.output) }, { where: 'summary', data: Buffer.from(run.files.summary) });
  let files = 0;
  for (const [key, path] of Object.entries(folders)) files += await filesUnder(path, written, key);
  const entries = written.length - 2 - (run.files ? 2 : 0) - files;

  if (archive) {
    const inArchive = written.filter((w) => w.where.startsWith(`ws/${archive}`));
    assert.ok(inArchive.some((w) => w.data.includes(MARK_LABEL)), `the label marker is found inside ${archive}: the search reaches the config`);
    assert.ok(inArchive.some((w) => w.where.includes('(gunzip)') && w.data.includes(MARK_SITE)), `the site marker is found inside a layer of ${archive}`);
  }
  const values = Object.values(secrets);
  assert.ok(values.every((s) => s.length >= 8), 'secrets long enough not to match by chance');
  assert.deepEqual(hits(written, values), [], `${label}: secrets in what it wrote`);
  const stdoutLines = new Set(run.stdout.split('\n'));
  const masked = mustMask.filter((s) => stdoutLines.has(`::add-mask::${s}`));
  assert.deepEqual(masked, mustMask, `${label}: each secret is registered with the runner by ::add-mask::`);
  const bytes = written.reduce((n, w) => n + w.data.length, 0);
  rows.push([label, `${values.length} (${Object.keys(secrets).join(', ')})`, bytes, `${files} (+${entries})`, 0, run.files ? `${masked.length} of ${mustMask.length}` : 'n/a (CLI)']);
}

test('the search itself: it finds a secret in any spelling, and leaves out exactly the ::add-mask:: line', () => {
  const s = 'Zx9-secret+/=';
  assert.deepEqual(hits([{ where: 'stdout', data: Buffer.from(`::add-mask::${s}\nok\n`) }], [s]), []);
  assert.equal(hits([{ where: 'stdout', data: Buffer.from(`::add-mask::${s}\nleaked ${s}\n`) }], [s]).length, 1);
  assert.equal(hits([{ where: 'stdout', data: Buffer.from(` ::add-mask::${s}\n`) }], [s]).length, 1, 'only the exact command line is left out');
  for (const spelled of [encodeURIComponent(s), Buffer.from(s).toString('base64')]) {
    assert.equal(hits([{ where: 'file', data: Buffer.from(`x${spelled}x`) }], [s]).length, 1, spelled);
  }
});

describe('secrets', { concurrency: true }, () => {
  test('action, htpasswd: the password and the Basic value appear nowhere; the archive is searched inside', async (t) => {
    const password = secret('pw');
    const s = await scenario('htpasswd', 'htpasswd', password, t);
    const folders = await runFolder('htpasswd');
    const run = await runAction(
      {
        source: 'thttpd-2.29.tar.gz', sha256: tarball.sha256, image: `${s.proxy.host}/team/web`, username: s.registry.username, password,
        'github-token': '', output: 'image.tar', site: 'public', labels: `test.marker=${MARK_LABEL}`,
      },
      { workspace: folders.ws, env: { RUNNER_TEMP: folders.runnerTemp, HOME: folders.home, TMPDIR: folders.temp, SOURCE_DATE_EPOCH: '1700000000' } },
    );
    t.after(() => rm(run.dir, { recursive: true, force: true }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const sent = sentCredentials(s.proxy);
    const basic = Buffer.from(`${s.registry.username}:${password}`).toString('base64');
    assert.deepEqual(sent, [basic], 'the push authenticated with Basic');
    const header = `Basic ${basic}`;
    await judge('action, htpasswd, archive', run, folders, { password, 'Basic value': basic, 'Authorization header': header }, [password, header], 'image.tar');
  });

  test('action, token auth: the password and every bearer token appear nowhere; an OCI layout is searched too', async (t) => {
    const password = secret('pw');
    const s = await scenario('token', 'token', password, t);
    const folders = await runFolder('token');
    const run = await runAction(
      {
        source: 'thttpd-2.29.tar.gz', sha256: tarball.sha256, image: `${s.proxy.host}/team/web`, username: s.registry.username, password,
        'github-token': '', output: 'layout', site: 'public', labels: `test.marker=${MARK_LABEL}`,
      },
      { workspace: folders.ws, env: { RUNNER_TEMP: folders.runnerTemp, HOME: folders.home, TMPDIR: folders.temp, SOURCE_DATE_EPOCH: '1700000000' } },
    );
    t.after(() => rm(run.dir, { recursive: true, force: true }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const tokens = sentCredentials(s.proxy);
    assert.ok(tokens.length >= 1 && tokens.every((v) => v.split('.').length === 3), `bearer tokens (JWTs) were sent: ${tokens.length}`);
    const basic = Buffer.from(`${s.registry.username}:${password}`).toString('base64');
    const secrets: Record<string, string> = { password, 'Basic value': basic, 'Authorization header': `Basic ${basic}` };
    tokens.forEach((token, i) => (secrets[`bearer token ${i + 1}`] = token));
    await judge('action, token auth, OCI layout', run, folders, secrets, [password, `Basic ${basic}`, ...tokens], 'layout');
  });

  test('action, ghcr.io with the GitHub token (routed to a local stand-in): the token, its Basic value and every bearer token appear nowhere', async (t) => {
    const actor = 'octo-tester';
    const githubToken = `ghp_${randomBytes(18).toString('hex')}`;
    const ghcr = await ghcrStandIn(actor, githubToken, t);
    const folders = await runFolder('ghcr');
    const run = await runAction(
      { source: 'thttpd-2.29.tar.gz', sha256: tarball.sha256, image: 'ghcr.io/team/web', 'github-token': githubToken, output: 'image.tar', site: 'public', labels: `test.marker=${MARK_LABEL}` },
      {
        workspace: folders.ws,
        env: {
          RUNNER_TEMP: folders.runnerTemp, HOME: folders.home, TMPDIR: folders.temp, SOURCE_DATE_EPOCH: '1700000000', GITHUB_ACTOR: actor,
          NODE_OPTIONS: `--import=${GHCR_PRELOAD}`, NODE_EXTRA_CA_CERTS: ghcr.caFile, GHCR_LOOPBACK_PORT: String(ghcr.port),
        },
      },
    );
    t.after(() => rm(run.dir, { recursive: true, force: true }));
    assert.equal(run.code, 0, run.stdout + run.stderr);
    // The token really went out, and the registry's token service accepted it: it was the credential of the push.
    const basic = Buffer.from(`${actor}:${githubToken}`).toString('base64');
    const issued = ghcr.registry.tokenIssuer?.requests ?? [];
    assert.ok(issued.some((r) => r.account === actor && r.status === 200 && r.scopes.some((s) => s.includes('push'))), `the token service granted a push to ${actor}: ${JSON.stringify(issued)}`);
    assert.ok(issued.every((r) => r.status === 200), 'no token request failed');
    const bearers = [...new Set(ghcr.authorizations.filter((a) => a.startsWith('Bearer ')).map((a) => a.slice(7)))];
    assert.ok(bearers.length >= 1, 'the push to "ghcr.io" carried bearer tokens');
    assert.ok(ghcr.registry.requests().some((r) => r.method === 'PUT' && r.uri.startsWith('/v2/team/web/manifests/') && r.status === 201), 'the registry behind "ghcr.io" took the manifests');
    const secrets: Record<string, string> = { 'github-token': githubToken, 'Basic value': basic, 'Authorization header': `Basic ${basic}` };
    bearers.forEach((token, i) => (secrets[`bearer token ${i + 1}`] = token));
    await judge('action, ghcr.io with the GitHub token', run, folders, secrets, [githubToken], 'image.tar');
  });

  test('action with a wrong password: the failure message and logs hold neither it nor its Basic value', async (t) => {
    const s = await scenario('wrong', 'htpasswd', secret('right'), t);
    const wrong = secret('wrong');
    const folders = await runFolder('wrong');
    const run = await runAction(
      { source: 'thttpd-2.29.tar.gz', sha256: tarball.sha256, image: `${s.proxy.host}/team/web`, username: s.registry.username, password: wrong, 'github-token': '' },
      { workspace: folders.ws, env: { RUNNER_TEMP: folders.runnerTemp, HOME: folders.home, TMPDIR: folders.temp } },
    );
    t.after(() => rm(run.dir, { recursive: true, force: true }));
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::.*401 Unauthorized/);
    const basic = Buffer.from(`${s.registry.username}:${wrong}`).toString('base64');
    assert.deepEqual(sentCredentials(s.proxy), [basic], 'the wrong password was really sent');
    await judge('action, wrong password (fails)', run, folders, { password: wrong, 'Basic value': basic, 'Authorization header': `Basic ${basic}` }, [wrong, `Basic ${basic}`], undefined);
  });

  test('CLI, --password-stdin, token auth: nothing it wrote (archive, cache, logs) holds the password or a token', async (t) => {
    const password = secret('pw');
    const s = await scenario('cli', 'token', password, t);
    const folders = await runFolder('cli');
    const run = await runCli(
      ['build', '--source', 'thttpd-2.29.tar.gz', '--sha256', tarball.sha256, '--push', `${s.proxy.host}/team/web`, '--username', s.registry.username, '--password-stdin', '--output', 'cli.tar', '--site', 'public', '--label', `test.marker=${MARK_LABEL}`],
      { cwd: folders.ws, input: `${password}\n`, env: { HOME: folders.home, TMPDIR: folders.temp, XDG_CACHE_HOME: join(folders.home, '.cache'), SOURCE_DATE_EPOCH: '1700000000' } },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.ok((await stat(join(folders.home, '.cache', 'static-thttpd', 'blob-locations.json'))).isFile(), 'the CLI kept its cache, which is searched too');
    const tokens = sentCredentials(s.proxy);
    assert.ok(tokens.length >= 1);
    const secrets: Record<string, string> = { password, 'Basic value': Buffer.from(`${s.registry.username}:${password}`).toString('base64') };
    tokens.forEach((token, i) => (secrets[`bearer token ${i + 1}`] = token));
    await judge('CLI, token auth, archive', run, folders, secrets, [], 'cli.tar');
  });
});
