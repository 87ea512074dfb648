// Pins that the thttpd-like fixture (test/fixtures/thttpd-like/) reproduces the facts
// about real thttpd releases that the product relies on: how it configures and builds,
// how modern compilers break it, the four root-only blocks, and how the server runs.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { FIXTURE_DIR, FIXTURE_RELEASES, makeFixtureTarball } from '../helpers/fixture.js';
import { freePort } from '../helpers/net.js';

const STATIC_CCOPT = 'CCOPT=-O2 -static -D_GNU_SOURCE';
const NSS_WARNING = /Using '(\w+)' in statically linked applications/g;
const IS_ROOT = process.getuid?.() === 0;
// Tests run as root here: run the server as nobody's uid so none of the root-only blocks runs.
const AS_USER = IS_ROOT ? { uid: 65534, gid: 65534 } : {};

let root = '';
let tarball = '';
let staticTree = '';
let staticBin = '';
let patchedBin = '';

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

// No build settings from the caller's environment: each test sets its own.
const SCRUBBED = new Set(['CC', 'CFLAGS', 'CPPFLAGS', 'LDFLAGS', 'LIBS', 'MAKEFLAGS', 'MFLAGS', 'MAKELEVEL']);
const BASE_ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !SCRUBBED.has(k))),
  LC_ALL: 'C',
};

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...BASE_ENV, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) => resolve({ code: -1, stdout, stderr: stderr + String(e) }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function hasCommand(name: string): Promise<boolean> {
  return (await run('sh', ['-c', `command -v ${name}`])).code === 0;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Unpacks a fixture tarball into a fresh folder and returns the source tree. */
async function unpack(path: string, version = '2.29'): Promise<string> {
  const into = await mkdtemp(join(root, 'tree-'));
  await chmod(into, 0o755);
  const r = await run('tar', ['-xzf', path, '-C', into]);
  assert.equal(r.code, 0, r.stderr);
  return join(into, `thttpd-${version}`);
}

async function configure(tree: string, env: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<RunResult> {
  return run('./configure', args, { cwd: tree, env });
}

async function make(tree: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return run('make', args, { cwd: tree, env });
}

async function fileType(path: string): Promise<string> {
  const r = await run('file', ['-b', path]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.trim();
}

function nssWarnings(output: string): string[] {
  return [...new Set([...output.matchAll(NSS_WARNING)].map((m) => m[1] ?? ''))].sort();
}

/** A tarball of 2.29 with the tree changed by mutate, unpacked and configured. */
async function mutatedTree(name: string, mutate: (tree: string) => Promise<void>, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const out = join(root, name);
  const made = await makeFixtureTarball({ dir: out, mutate });
  const tree = await unpack(made.path);
  const c = await configure(tree, env);
  assert.equal(c.code, 0, c.stdout + c.stderr);
  return tree;
}

async function editFile(path: string, edit: (text: string) => string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const changed = edit(text);
  assert.notEqual(changed, text, `edit of ${path} changed nothing`);
  await writeFile(path, changed);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface Server {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a server on a free port of 127.0.0.1 and waits until it accepts connections. */
async function startServer(
  t: TestContext,
  command: string[],
  serverArgs: (port: number) => string[],
  opts: { asUser?: boolean } = {},
): Promise<Server> {
  const port = await freePort();
  const [cmd, ...pre] = command;
  assert.ok(cmd);
  const child = spawn(cmd, [...pre, ...serverArgs(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: BASE_ENV,
    ...(opts.asUser === false ? {} : AS_USER),
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let gone = false;
  void exited.then(() => (gone = true));
  for (let i = 0; i < 100; i++) {
    if (gone) throw new Error(`server exited early: ${err}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return { child, port, stdout: () => out, stderr: () => err, exited };
    await sleep(50);
  }
  throw new Error(`server did not listen on ${port}: ${err}`);
}

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

function parseResponse(raw: Buffer): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  assert.ok(end >= 0, `no header end in ${JSON.stringify(raw.toString('latin1').slice(0, 200))}`);
  const lines = raw.subarray(0, end).toString('latin1').split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3}) /.exec(lines[0] ?? '');
  assert.ok(m, `bad status line ${lines[0]}`);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return { status: Number(m[1]), headers, body: raw.subarray(end + 4) };
}

/** Sends bytes as they are (no path normalisation) and reads until the server closes. */
function rawRequest(port: number, request: string | Buffer, timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sock = net.connect({ host: '127.0.0.1', port }, () => sock.write(request));
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('no response in time'));
    }, timeoutMs);
    const finish = (e?: Error): void => {
      clearTimeout(timer);
      const raw = Buffer.concat(chunks);
      if (raw.includes('\r\n\r\n')) resolve(parseResponse(raw));
      else reject(e ?? new Error('connection closed without a response'));
    };
    sock.on('data', (c: Buffer) => chunks.push(c));
    sock.on('error', (e) => finish(e));
    sock.on('end', () => finish());
  });
}

function get(port: number, path: string, method = 'GET'): Promise<RawResponse> {
  return rawRequest(port, `${method} ${path} HTTP/1.0\r\nHost: localhost\r\nUser-Agent: fixture-test\r\n\r\n`);
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'fixture-test-'));
  await chmod(root, 0o755); // the server runs as another uid and must reach its binary
  tarball = (await makeFixtureTarball({ dir: join(root, 'dist') })).path;
});

after(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

test('the fixture is our own code', async () => {
  const name = ['Jef', 'Poskanzer'].join(' ');
  const entries = await readdir(FIXTURE_DIR, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  assert.ok(files.length >= 12, `fixture files: ${files.length}`);
  for (const f of files) assert.ok(!(await readFile(f, 'latin1')).includes(name), f);
  assert.match(await readFile(join(FIXTURE_DIR, 'README'), 'utf8'), /test fixture/);
});

test('tarballs carry each release version and date, packed reproducibly', async () => {
  for (const { version, date } of FIXTURE_RELEASES) {
    const dir = join(root, `rel-${version}`);
    const made = await makeFixtureTarball({ dir, version });
    assert.equal(made.path, join(dir, `thttpd-${version}.tar.gz`));
    assert.equal(made.version, version);
    const bytes = await readFile(made.path);
    assert.equal(made.bytes, bytes.length);
    assert.equal(made.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal((await makeFixtureTarball({ dir: join(dir, 'again'), version })).sha256, made.sha256);

    const list = await run('tar', ['-tvzf', made.path]);
    assert.equal(list.code, 0, list.stderr);
    const lines = list.stdout.trim().split('\n');
    for (const line of lines) assert.match(line, new RegExp(` thttpd-${version.replace('.', '\\.')}/`));
    assert.ok(lines.some((l) => /^-rwxr-xr-x .* thttpd-[^/]+\/configure$/.test(l)), 'configure is executable');
    for (const f of ['Makefile.in', 'config.h', 'thttpd.c', 'libhttpd.c', 'cgi-src/Makefile.in', 'extras/Makefile.in']) {
      assert.ok(lines.some((l) => l.endsWith(`thttpd-${version}/${f}`)), f);
    }
    const versionH = await run('tar', ['-xzOf', made.path, `thttpd-${version}/version.h`]);
    assert.match(versionH.stdout, new RegExp(`^#define SERVER_SOFTWARE "thttpd/${version.replace('.', '\\.')} ${date}"$`, 'm'));
  }
  const mutated = await makeFixtureTarball({
    dir: join(root, 'mutated'),
    date: '01Jan2020',
    mutate: (tree) => writeFile(join(tree, 'MUTATED'), 'yes\n'),
  });
  const list = await run('tar', ['-tzf', mutated.path]);
  assert.match(list.stdout, /^thttpd-2\.29\/MUTATED$/m);
  const versionH = await run('tar', ['-xzOf', mutated.path, 'thttpd-2.29/version.h']);
  assert.match(versionH.stdout, /"thttpd\/2\.29 01Jan2020"/);
});

test("configure && make CCOPT='-O2 -static -D_GNU_SOURCE' thttpd builds a static server", async () => {
  staticTree = await unpack(tarball);
  const c = await configure(staticTree);
  assert.equal(c.code, 0, c.stdout + c.stderr);
  assert.match(c.stdout, /^checking whether the C compiler \(gcc .*\) works\.\.\. yes$/m);
  assert.match(c.stdout, /^checking for crypt in -lcrypt\.\.\. yes$/m);
  const makefile = await readFile(join(staticTree, 'Makefile'), 'utf8');
  assert.match(makefile, /^CCOPT = -O2$/m);
  assert.match(makefile, /^CFLAGS = \$\(CCOPT\) \$\(DEFS\) \$\(INCLS\)$/m);
  assert.match(makefile, /^LIBS = -lcrypt$/m);

  const m = await make(staticTree, [STATIC_CCOPT, 'thttpd']);
  assert.equal(m.code, 0, m.stdout + m.stderr);
  assert.deepEqual(nssWarnings(m.stderr), ['getaddrinfo', 'getpwnam', 'initgroups']);
  assert.doesNotMatch(m.stderr.replace(/^.*statically linked applications.*$/gm, ''), /warning/i);
  staticBin = join(staticTree, 'thttpd');
  assert.match(await fileType(staticBin), /^ELF 64-bit LSB executable, .*, statically linked/);
  const v = await run(staticBin, ['-V']);
  assert.equal(v.code, 0);
  assert.equal(v.stdout, 'thttpd/2.29 23May2018\n');
});

test('make without a target also builds cgi-src and extras, dynamically, ignoring CCOPT', async () => {
  assert.ok(staticTree, 'needs the static build');
  const all = await make(staticTree, [STATIC_CCOPT]);
  assert.equal(all.code, 0, all.stdout + all.stderr);
  assert.match(await fileType(staticBin), /statically linked/);
  for (const prog of ['cgi-src/phf', 'extras/htpasswd']) {
    assert.match(await fileType(join(staticTree, prog)), /dynamically linked/, prog);
  }

  const plain = await unpack(tarball);
  assert.equal((await configure(plain)).code, 0);
  const m = await make(plain, []);
  assert.equal(m.code, 0, m.stdout + m.stderr);
  assert.match(m.stderr, /implicit declaration of function .sigset./); // the gcc 12 warning
  for (const prog of ['thttpd', 'cgi-src/phf', 'extras/htpasswd']) {
    assert.match(await fileType(join(plain, prog)), /dynamically linked/, prog);
  }
  const clean = await make(plain, ['clean']);
  assert.equal(clean.code, 0);
  assert.equal(await exists(join(plain, 'thttpd')), false);
});

test('with -Werror=implicit-int (GCC 14) configure cannot create executables', async () => {
  const tree = await unpack(tarball);
  const c = await configure(tree, { CFLAGS: '-Werror=implicit-int' });
  assert.equal(c.code, 1);
  assert.match(c.stderr, /configure: error: installation or configuration problem: C compiler cannot create executables\./);
  assert.equal(await exists(join(tree, 'Makefile')), false);
  const nixpkgs = await configure(tree, { CFLAGS: '-Werror=implicit-int -Wno-error=implicit-int' });
  assert.equal(nixpkgs.code, 0, nixpkgs.stderr);
});

test('sigset() is undeclared without -D_GNU_SOURCE', async () => {
  const tree = await unpack(tarball);
  assert.equal((await configure(tree)).code, 0);
  const broken = await make(tree, ['CCOPT=-O2 -static -Werror=implicit-function-declaration', 'thttpd']);
  assert.notEqual(broken.code, 0);
  assert.match(broken.stderr, /implicit declaration of function .sigset./);
  const fixed = await make(tree, ['CCOPT=-O2 -static -Werror=implicit-function-declaration -Werror=implicit-int -D_GNU_SOURCE', 'thttpd']);
  assert.equal(fixed.code, 0, fixed.stderr);
});

test('thttpd.c has exactly four getuid() == 0 tests; made false, the server still builds', async () => {
  const tree = await unpack(tarball);
  const count = (text: string): number => text.split('getuid() == 0').length - 1;
  assert.equal(count(await readFile(join(tree, 'thttpd.c'), 'utf8')), 4);
  assert.equal(count(await readFile(join(tree, 'libhttpd.c'), 'utf8')), 0);
  assert.equal((await readFile(join(tree, 'thttpd.c'), 'utf8')).split('if ( getuid() == 0 )').length - 1, 4);

  const patched = await mutatedTree('patched', (t) => editFile(join(t, 'thttpd.c'), (s) => s.replaceAll('getuid() == 0', '0')));
  const m = await make(patched, [STATIC_CCOPT, 'thttpd']);
  assert.equal(m.code, 0, m.stderr);
  assert.deepEqual(nssWarnings(m.stderr), ['getaddrinfo']);
  patchedBin = join(patched, 'thttpd');
  assert.match(await fileType(patchedBin), /statically linked/);
});

test('the server serves files, refuses escapes, logs, and obeys the signals', async (t) => {
  assert.ok(staticBin, 'needs the static build');
  const docroot = await mkdtemp(join(root, 'www-'));
  await chmod(docroot, 0o755);
  const index = Buffer.from('<!DOCTYPE html>\n<h1>fixture</h1>\n');
  await writeFile(join(docroot, 'index.html'), index, { mode: 0o644 });
  await writeFile(join(docroot, 'hello.txt'), 'hello\n', { mode: 0o644 });
  await writeFile(join(docroot, 'data.bin'), Buffer.alloc(300_000, 7), { mode: 0o644 });
  await writeFile(join(docroot, 'secret.txt'), 'secret\n', { mode: 0o600 });
  await chmod(join(docroot, 'secret.txt'), 0o600);
  await mkdir(join(docroot, 'sub'), { mode: 0o755 });
  await writeFile(join(docroot, 'sub', 'index.html'), 'sub\n', { mode: 0o644 });
  await mkdir(join(docroot, 'noindex'), { mode: 0o755 });
  await symlink('/etc/passwd', join(docroot, 'escape'));
  await symlink('hello.txt', join(docroot, 'inside'));

  const srv = await startServer(t, [staticBin], (port) => ['-D', '-h', '127.0.0.1', '-p', String(port), '-d', docroot, '-l', '-']);
  const p = srv.port;

  const root200 = await get(p, '/');
  assert.equal(root200.status, 200);
  assert.deepEqual(root200.body, index);
  assert.equal(root200.headers.get('content-type'), 'text/html; charset=UTF-8');
  assert.equal(root200.headers.get('content-length'), String(index.length));
  assert.equal(root200.headers.get('server'), 'thttpd/2.29 23May2018');
  assert.equal(root200.headers.get('connection'), 'close');
  assert.match(root200.headers.get('date') ?? '', /GMT$/);

  const big = await get(p, '/data.bin');
  assert.equal(big.status, 200);
  assert.equal(big.headers.get('content-type'), 'application/octet-stream');
  assert.equal(big.body.length, 300_000);

  const head = await get(p, '/hello.txt', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-type'), 'text/plain; charset=UTF-8');
  assert.equal(head.headers.get('content-length'), '6');
  assert.equal(head.body.length, 0);

  const missing = await get(p, '/missing');
  assert.equal(missing.status, 404);
  assert.match(missing.body.toString(), /404 Not Found/);

  for (const path of ['/../etc/passwd', '/%2e%2e/etc/passwd', '/%2E%2E%2Fetc%2Fpasswd', '/sub/../../etc/passwd', '/escape', '//etc/passwd']) {
    const r = await get(p, path);
    assert.ok([400, 403, 404].includes(r.status), `${path}: ${r.status}`);
    assert.ok(!r.body.toString().includes('root:'), path);
  }
  assert.equal((await get(p, '/inside')).status, 200);
  assert.equal((await get(p, '/secret.txt')).status, 403);
  assert.equal((await get(p, '/noindex/')).status, 403);
  const redirect = await get(p, '/sub');
  assert.equal(redirect.status, 302);
  assert.equal(redirect.headers.get('location'), '/sub/');
  assert.deepEqual((await get(p, '/sub/')).body, Buffer.from('sub\n'));
  assert.equal((await get(p, '/', 'POST')).status, 501);
  assert.equal((await rawRequest(p, 'nonsense\r\n\r\n')).status, 400);
  const long = await rawRequest(p, `GET /${'a'.repeat(9000)} HTTP/1.0\r\n\r\n`);
  assert.ok([400, 414].includes(long.status), String(long.status));
  const headers = await rawRequest(p, `GET / HTTP/1.0\r\n${'X-Filler: 0123456789\r\n'.repeat(500)}\r\n`);
  assert.equal(headers.status, 400);

  const logs = srv.stdout();
  const cern = /^127\.0\.0\.1 - - \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] "GET \/ HTTP\/1\.0" 200 (\d+) "-" "fixture-test"$/m;
  assert.equal(cern.exec(logs)?.[1], String(index.length), logs);
  assert.match(logs, /"GET \/missing HTTP\/1\.0" 404 \d+ "-" "fixture-test"$/m);
  assert.match(logs, /"HEAD \/hello\.txt HTTP\/1\.0" 200 0 /m);
  assert.match(logs, /"GET \/%2e%2e\/etc\/passwd HTTP\/1\.0" 40\d /m);

  srv.child.kill('SIGUSR1');
  assert.deepEqual(await withTimeout(srv.exited, 5000, 'exit on SIGUSR1'), { code: 0, signal: null });

  const srv2 = await startServer(t, [staticBin], (port) => ['-D', '-h', '127.0.0.1', '-p', String(port), '-d', docroot, '-l', '/dev/stderr']);
  assert.equal((await get(srv2.port, '/hello.txt')).status, 200);
  await sleep(100);
  assert.match(srv2.stderr(), /"GET \/hello\.txt HTTP\/1\.0" 200 6 /);
  srv2.child.kill('SIGTERM');
  assert.deepEqual(await withTimeout(srv2.exited, 5000, 'exit on SIGTERM'), { code: 1, signal: null });
});

test('SIGHUP reopens the log, SIGUSR2 logs statistics, .htpasswd protects a directory, -M -P -T', async (t) => {
  assert.ok(staticTree && staticBin, 'needs the static build');
  const htpasswd = join(staticTree, 'extras', 'htpasswd');
  assert.ok(await exists(htpasswd), 'needs the make-all build');
  const docroot = await mkdtemp(join(root, 'www-auth-'));
  await chmod(docroot, 0o755);
  await mkdir(join(docroot, 'prot'), { mode: 0o755 });
  await writeFile(join(docroot, 'prot', 'a.txt'), 'protected\n', { mode: 0o644 });
  await writeFile(join(docroot, 'open.txt'), 'open\n', { mode: 0o644 });
  const pwfile = join(docroot, 'prot', '.htpasswd');
  const made = await run('sh', ['-c', 'printf "s3cret\\n" | "$0" -c "$1" alice', htpasswd, pwfile]);
  assert.equal(made.code, 0, made.stderr);
  assert.match(await readFile(pwfile, 'utf8'), /^alice:\$6\$/);
  await chmod(pwfile, 0o644);
  const logdir = await mkdtemp(join(root, 'logs-'));
  await chmod(logdir, 0o777); // the server, as another uid, creates the log again after SIGHUP
  const log = join(logdir, 'access.log');

  const srv = await startServer(t, [staticBin], (port) => [
    '-D', '-h', '127.0.0.1', '-p', String(port), '-d', docroot, '-l', log, '-M', '60', '-P', 'CP="NOI"', '-T', 'iso-8859-1',
  ]);
  const p = srv.port;
  const withAuth = (cred: string): Promise<RawResponse> =>
    rawRequest(p, `GET /prot/a.txt HTTP/1.0\r\nAuthorization: Basic ${Buffer.from(cred).toString('base64')}\r\nUser-Agent: fixture-test\r\n\r\n`);
  const challenge = await get(p, '/prot/a.txt');
  assert.equal(challenge.status, 401);
  assert.match(challenge.headers.get('www-authenticate') ?? '', /^Basic realm="/);
  const ok = await withAuth('alice:s3cret');
  assert.equal(ok.status, 200);
  assert.equal(ok.body.toString(), 'protected\n');
  assert.equal(ok.headers.get('content-type'), 'text/plain; charset=iso-8859-1');
  assert.equal(ok.headers.get('cache-control'), 'max-age=60');
  assert.equal(ok.headers.get('p3p'), 'CP="NOI"');
  assert.equal((await withAuth('alice:wrong')).status, 401);
  assert.equal((await withAuth('bob:s3cret')).status, 401);
  assert.equal((await get(p, '/prot/.htpasswd')).status, 403);
  assert.equal((await get(p, '/open.txt')).status, 200);

  const first = await readFile(log, 'utf8');
  assert.match(first, /^127\.0\.0\.1 - alice \[[^\]]+\] "GET \/prot\/a\.txt HTTP\/1\.0" 200 10 "-" "fixture-test"$/m);
  assert.match(first, /"GET \/prot\/a\.txt HTTP\/1\.0" 401 /);

  await rm(log);
  srv.child.kill('SIGHUP');
  await sleep(200);
  assert.equal((await get(p, '/open.txt')).status, 200);
  srv.child.kill('SIGUSR2');
  await sleep(200);
  const second = await readFile(log, 'utf8');
  assert.match(second, /^127\.0\.0\.1 - - \[[^\]]+\] "GET \/open\.txt HTTP\/1\.0" 200 5 /m);
  assert.doesNotMatch(second, /prot/);
  assert.match(second, /^thttpd: up \d+ seconds, \d+ connections, 7 requests, \d+ bytes$/m);
  srv.child.kill('SIGUSR1');
  assert.equal((await withTimeout(srv.exited, 5000, 'exit on SIGUSR1')).code, 0);
});

test('flags: -V, and usage for a positional argument or an unknown flag', async () => {
  assert.ok(staticBin, 'needs the static build');
  for (const args of [['extra'], ['-X'], ['-p']]) {
    const r = await run(staticBin, args);
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.stderr, /^usage: +thttpd \[-C configfile\] \[-p port\]/, args.join(' '));
  }
});

test('slow clients: 500 idle connections under ulimit -n 1024 do not block others, and time out', async (t) => {
  const tree = await mutatedTree('idle', (t2) =>
    editFile(join(t2, 'config.h'), (s) => s.replace(/^#define IDLE_READ_TIMELIMIT 60$/m, '#define IDLE_READ_TIMELIMIT 3')),
  );
  const m = await make(tree, [STATIC_CCOPT, 'thttpd']);
  assert.equal(m.code, 0, m.stderr);
  const docroot = await mkdtemp(join(root, 'www-idle-'));
  await chmod(docroot, 0o755);
  await writeFile(join(docroot, 'index.html'), 'ok\n', { mode: 0o644 });

  const srv = await startServer(t, ['sh', '-c', 'ulimit -n 1024 && exec "$0" "$@"', join(tree, 'thttpd')], (port) => [
    '-D', '-h', '127.0.0.1', '-p', String(port), '-d', docroot, '-l', '-',
  ]);
  const idle: net.Socket[] = [];
  const closed: Promise<string>[] = [];
  t.after(() => idle.forEach((s) => s.destroy()));
  await Promise.all(
    Array.from({ length: 500 }, (_, i) => {
      const s = net.connect({ host: '127.0.0.1', port: srv.port });
      idle.push(s);
      let got = '';
      s.on('data', (c: Buffer) => (got += c.toString()));
      closed.push(new Promise((resolve) => s.on('close', () => resolve(got))));
      s.on('error', () => undefined);
      return new Promise<void>((resolve, reject) => {
        s.once('connect', () => {
          if (i % 2) s.write('GET / HTTP/1.0\r\n');
          resolve();
        });
        s.once('error', reject);
      });
    }),
  );
  await sleep(200);
  const started = Date.now();
  const r = await get(srv.port, '/');
  assert.equal(r.status, 200);
  assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);

  const answers = await withTimeout(Promise.all(closed), 10_000, 'idle connections closed by the server');
  assert.ok(answers.some((a) => a.startsWith('HTTP/1.0 408 ')), 'idle clients get 408');
  assert.equal((await get(srv.port, '/')).status, 200);
  srv.child.kill('SIGUSR1');
  assert.equal((await withTimeout(srv.exited, 5000, 'exit on SIGUSR1')).code, 0);
});

test('as root in an empty root: unpatched exits with unknown user, patched serves', { skip: !IS_ROOT && 'needs root for chroot(8)' }, async (t) => {
  assert.ok(staticBin && patchedBin, 'needs the static and patched builds');
  if (!(await hasCommand('chroot'))) return t.skip('no chroot command');
  const empty = await mkdtemp(join(root, 'empty-'));
  await chmod(empty, 0o755);
  await copyFile(staticBin, join(empty, 'unpatched'));
  await copyFile(patchedBin, join(empty, 'patched'));
  await writeFile(join(empty, 'index.html'), 'scratch\n', { mode: 0o644 });
  const args = (port: number): string[] => ['-D', '-h', '127.0.0.1', '-p', String(port), '-d', '/', '-l', '-'];

  const r = await withTimeout(run('chroot', [empty, '/unpatched', ...args(await freePort())]), 10_000, 'unpatched in an empty root');
  assert.equal(r.code, 1);
  assert.equal(r.stderr, "unpatched: unknown user - 'nobody'\n");

  const srv = await startServer(t, ['chroot', empty, '/patched'], args, { asUser: false });
  const res = await get(srv.port, '/index.html');
  assert.equal(res.status, 200);
  assert.equal(res.body.toString(), 'scratch\n');
  const status = await readFile(`/proc/${srv.child.pid}/status`, 'utf8').catch(() => '');
  if (status) assert.match(status, /^Uid:\s+0\s/m); // patched: it never switched user
  srv.child.kill('SIGTERM');
  assert.equal((await withTimeout(srv.exited, 5000, 'exit')).code, 1);
});

test('musl: links only once the AUTH_FILE line is gone (no crypt in Debian musl)', async (t) => {
  if (!(await hasCommand('musl-gcc'))) return t.skip('no musl-gcc');
  const tree = await unpack(tarball);
  const c = await configure(tree, { CC: 'musl-gcc' });
  assert.equal(c.code, 0, c.stderr);
  assert.match(c.stdout, /^checking for crypt in -lcrypt\.\.\. no$/m);
  const withAuth = await make(tree, [STATIC_CCOPT, 'thttpd']);
  assert.notEqual(withAuth.code, 0);
  assert.match(withAuth.stderr, /undefined reference to `crypt'/);

  const noAuth = await mutatedTree(
    'musl',
    (t2) => editFile(join(t2, 'config.h'), (s) => s.replace(/^#define AUTH_FILE ".htpasswd"\n/m, '')),
    { CC: 'musl-gcc' },
  );
  const m = await make(noAuth, [STATIC_CCOPT, 'thttpd']);
  assert.equal(m.code, 0, m.stderr);
  assert.doesNotMatch(m.stderr, /warning/i);
  const bin = join(noAuth, 'thttpd');
  assert.match(await fileType(bin), /^ELF 64-bit LSB executable, .*, statically linked/);
  assert.equal((await run(bin, ['-V'])).stdout, 'thttpd/2.29 23May2018\n');
  assert.ok((await stat(bin)).size < (await stat(staticBin || bin)).size);
});

test('aarch64 cross build runs under qemu', async (t) => {
  const crypt = '/usr/lib/aarch64-linux-gnu/libcrypt.a';
  if (!(await hasCommand('aarch64-linux-gnu-gcc')) || !(await hasCommand('qemu-aarch64-static')) || !(await exists(crypt))) {
    return t.skip('needs aarch64-linux-gnu-gcc, qemu-aarch64-static and an arm64 libcrypt.a');
  }
  const tree = await unpack(tarball);
  const env = { CC: 'aarch64-linux-gnu-gcc', LDFLAGS: '-L/usr/lib/aarch64-linux-gnu' };
  const c = await configure(tree, env, ['--host=aarch64-linux-gnu', '--prefix=/usr']);
  assert.equal(c.code, 0, c.stderr);
  assert.match(c.stdout, /is a cross-compiler\.\.\. yes$/m);
  assert.match(c.stdout, /^checking for crypt in -lcrypt\.\.\. yes$/m);
  const m = await make(tree, [STATIC_CCOPT, 'thttpd']);
  assert.equal(m.code, 0, m.stderr);
  const bin = join(tree, 'thttpd');
  assert.match(await fileType(bin), /^ELF 64-bit LSB executable, ARM aarch64, .*statically linked/);
  const v = await run('qemu-aarch64-static', [bin, '-V']);
  assert.equal(v.stdout, 'thttpd/2.29 23May2018\n');
});
