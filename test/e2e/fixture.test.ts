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
  // Before the request line is parsed thttpd names the protocol UNKNOWN.
  const m = /^(?:HTTP\/1\.[01]|UNKNOWN) (\d{3}) /.exec(lines[0] ?? '');
  assert.ok(m, `bad status line ${lines[0]}`);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  return { status: Number(m[1]), headers, body: raw.subarray(end + 4) };
}

/** Sends bytes as they are and returns every byte the server sent until it closed. */
function rawBytes(port: number, request: string | Buffer, timeoutMs = 5000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sock = net.connect({ host: '127.0.0.1', port }, () => sock.write(request));
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('no close in time'));
    }, timeoutMs);
    sock.on('data', (c: Buffer) => chunks.push(c));
    sock.on('error', () => undefined);
    sock.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
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
  await writeFile(join(docroot, 'noindex', 'a&b.txt'), 'listed\n', { mode: 0o644 });
  await mkdir(join(docroot, 'closed'), { mode: 0o711 });
  await chmod(join(docroot, 'closed'), 0o711);
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
  assert.equal(root200.headers.get('accept-ranges'), 'bytes');
  assert.match(root200.headers.get('date') ?? '', /GMT$/);
  assert.match(root200.headers.get('last-modified') ?? '', /GMT$/);

  const big = await get(p, '/data.bin');
  assert.equal(big.status, 200);
  assert.equal(big.headers.get('content-type'), 'application/octet-stream');
  assert.equal(big.body.length, 300_000);

  const head = await get(p, '/hello.txt', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-type'), 'text/plain; charset=UTF-8');
  assert.equal(head.headers.get('content-length'), '6');
  assert.equal(head.body.length, 0);

  // thttpd's error pages: no Content-Length (the body ends at close), never cached.
  const missing = await get(p, '/missing');
  assert.equal(missing.status, 404);
  assert.match(missing.body.toString(), /404 Not Found/);
  assert.equal(missing.headers.get('content-length'), undefined);
  assert.equal(missing.headers.get('cache-control'), 'no-cache,no-store');

  assert.equal((await get(p, '/inside')).status, 200);
  assert.equal((await get(p, '/secret.txt')).status, 403);
  const redirect = await get(p, '/sub');
  assert.equal(redirect.status, 302);
  assert.equal(redirect.headers.get('location'), '/sub/');
  assert.equal((await get(p, '/sub?x=1')).headers.get('location'), '/sub/?x=1');
  assert.deepEqual((await get(p, '/sub/')).body, Buffer.from('sub\n'));
  // A directory without an index file is listed when world-readable, else refused.
  const listing = await get(p, '/noindex/');
  assert.equal(listing.status, 200);
  assert.match(listing.body.toString(), /<a href="a%26b\.txt">a&amp;b\.txt<\/a>/);
  assert.equal((await get(p, '/closed/')).status, 403);
  assert.equal((await get(p, '/', 'POST')).status, 501);
  assert.equal((await get(p, '/missing', 'DELETE')).status, 404, 'a known method other than GET/HEAD is refused only once the file is found');
  assert.equal((await get(p, '/', 'BREW')).status, 501);
  assert.equal((await get(p, '/hello.txt', 'get')).status, 200, 'methods are case-insensitive');

  const logs = srv.stdout();
  const cern = /^127\.0\.0\.1 - - \[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\] "GET \/ HTTP\/1\.0" 200 (\d+) "-" "fixture-test"$/m;
  assert.equal(cern.exec(logs)?.[1], String(index.length), logs);
  assert.match(logs, /"GET \/missing HTTP\/1\.0" 404 \d+ "-" "fixture-test"$/m);
  assert.match(logs, /"HEAD \/hello\.txt HTTP\/1\.0" 200 0 /m);

  srv.child.kill('SIGUSR1');
  assert.deepEqual(await withTimeout(srv.exited, 5000, 'exit on SIGUSR1'), { code: 0, signal: null });

  const srv2 = await startServer(t, [staticBin], (port) => ['-D', '-h', '127.0.0.1', '-p', String(port), '-d', docroot, '-l', '/dev/stderr']);
  assert.equal((await get(srv2.port, '/hello.txt')).status, 200);
  await sleep(100);
  assert.match(srv2.stderr(), /"GET \/hello\.txt HTTP\/1\.0" 200 6 /);
  srv2.child.kill('SIGTERM');
  assert.deepEqual(await withTimeout(srv2.exited, 5000, 'exit on SIGTERM'), { code: 1, signal: null });
});

test("'..' is collapsed as thttpd's de_dotdot does: served when it stays inside, clamped or refused when it would leave", async (t) => {
  assert.ok(staticBin, 'needs the static build');
  const base = await mkdtemp(join(root, 'dots-'));
  const docroot = join(base, 'www');
  await mkdir(join(docroot, 'sub'), { recursive: true });
  await mkdir(join(base, 'outside'));
  await writeFile(join(docroot, 'index.html'), 'root\n');
  await writeFile(join(docroot, 'sub', 'page.html'), 'page\n');
  await writeFile(join(base, 'outside', 'secret.txt'), 'outside-marker\n');
  await symlink('../outside/secret.txt', join(docroot, 'relative-out'));
  await symlink(join(base, 'outside', 'secret.txt'), join(docroot, 'absolute-out'));
  await symlink('sub/page.html', join(docroot, 'relative-in'));
  await symlink(join(docroot, 'sub', 'page.html'), join(docroot, 'absolute-in'));
  for (const d of [base, docroot, join(docroot, 'sub'), join(base, 'outside')]) await chmod(d, 0o755);
  const srv = await startServer(t, [staticBin], (port) => ['-D', '-h', '127.0.0.1', '-p', String(port), '-d', docroot, '-l', '-']);

  // [request path, status, body (for 200)]
  const cases: [string, number, string?][] = [
    ['/sub/../sub/page.html', 200, 'page\n'],
    ['/sub/./page.html', 200, 'page\n'],
    ['//sub//page.html', 400], // still absolute after the leading slash is taken off
    ['/sub//page.html', 200, 'page\n'],
    ['/sub/%2e%2e/sub/page.html', 200, 'page\n'],
    ['/x/y/../../sub/page.html', 200, 'page\n'],
    ['/../sub/page.html', 200, 'page\n'], // a '..' with nothing to cancel is dropped
    ['/../../index.html', 200, 'root\n'],
    ['/sub/../../sub/page.html', 200, 'page\n'],
    ['/../outside/secret.txt', 404], // looked for inside the folder
    ['/%2e%2e%2foutside%2fsecret.txt', 404],
    ['/..', 400],
    ['//etc/passwd', 400],
    ['/relative-out', 404], // the link's '..' cannot climb above the folder either
    ['/absolute-out', 403], // resolves outside the folder
    ['/relative-in', 200, 'page\n'],
    ['/absolute-in', 200, 'page\n'],
  ];
  for (const [path, status, body] of cases) {
    const r = await get(srv.port, path);
    assert.equal(r.status, status, path);
    if (body !== undefined) assert.equal(r.body.toString(), body, path);
    assert.ok(!r.body.includes('outside-marker'), `${path} leaked the marker`);
  }
  srv.child.kill('SIGTERM');
});

test('a world-executable file that is not CGI is refused with 403; HTTP/0.9 gets no header; HTTP/1.1 needs a Host; the request buffer is 8000 bytes', async (t) => {
  assert.ok(staticBin, 'needs the static build');
  const docroot = await mkdtemp(join(root, 'www-exec-'));
  await chmod(docroot, 0o755);
  await writeFile(join(docroot, 'index.html'), 'ok\n', { mode: 0o644 });
  await writeFile(join(docroot, 'tool.sh'), '#!/bin/sh\necho program-bytes\n', { mode: 0o755 });
  await chmod(join(docroot, 'tool.sh'), 0o755);
  await writeFile(join(docroot, 'run.cgi'), '#!/bin/sh\necho program-bytes\n', { mode: 0o755 });
  await chmod(join(docroot, 'run.cgi'), 0o755);
  await writeFile(join(docroot, 'exec-only.txt'), 'x-only\n', { mode: 0o711 });
  await chmod(join(docroot, 'exec-only.txt'), 0o711);
  const srv = await startServer(t, [staticBin], (port) => ['-D', '-h', '127.0.0.1', '-p', String(port), '-d', docroot, '-l', '-', '-c', '**.cgi']);
  const p = srv.port;

  for (const path of ['/tool.sh', '/exec-only.txt']) {
    const r = await get(p, path);
    assert.equal(r.status, 403, path);
    assert.ok(!r.body.includes('program-bytes') && !r.body.includes('x-only'), path);
  }
  // Matching the CGI pattern it would run; the fixture runs no CGI and says so, still sending no bytes of it.
  const cgi = await get(p, '/run.cgi');
  assert.equal(cgi.status, 501);
  assert.ok(!cgi.body.includes('program-bytes'));
  assert.equal((await get(p, '/tool.sh/extra')).status, 403, 'pathinfo on a file that is not CGI');
  assert.equal((await get(p, '/index.html/extra')).status, 403);
  assert.equal((await get(p, '/nodir/extra')).status, 404);

  const simple = await rawBytes(p, 'GET /index.html\r\n');
  assert.equal(simple.toString(), 'ok\n', 'HTTP/0.9: the body alone');
  const nul = await rawBytes(p, 'GET /index\0.html HTTP/1.0\r\n\r\n');
  assert.match(nul.toString(), /^<!DOCTYPE html>[\s\S]*404 Not Found/, 'a NUL ends the line there: an HTTP/0.9 request for /index');

  assert.equal((await rawRequest(p, 'GET / HTTP/1.1\r\n\r\n')).status, 400);
  const host = await rawBytes(p, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.match(host.toString(), /^HTTP\/1\.1 200 OK\r\n/);
  assert.equal((await rawRequest(p, 'GET http://x/index.html HTTP/1.0\r\n\r\n')).status, 400);
  assert.equal((await rawRequest(p, 'GET http://x/index.html HTTP/1.1\r\n\r\n')).status, 200);
  assert.equal((await rawRequest(p, 'GET / HTTP/1.0\r\nHost: ../x\r\n\r\n')).status, 400);

  const bad = await rawBytes(p, 'nonsense\r\n\r\n');
  assert.match(bad.toString(), /^UNKNOWN 400 Bad Request\r\n/, 'no request line parsed: protocol UNKNOWN');
  assert.equal((await rawRequest(p, 'GET / HTTP/1.0 extra\r\n\r\n')).status, 400);
  // Line ends: LF, CR and CRLF all end a line.
  for (const ending of ['\n\n', '\r\r', '\r\n\n', '\r\n\r\n']) {
    assert.equal((await rawRequest(p, `GET / HTTP/1.0${ending}`)).status, 200, JSON.stringify(ending));
  }
  const filler = (n: number): string => `X-Filler: ${'f'.repeat(n - 12)}\r\n`;
  const fits = `GET / HTTP/1.0\r\n${filler(7000)}\r\n`;
  assert.ok(fits.length < 8000);
  assert.equal((await rawRequest(p, fits)).status, 200, 'a 7 KB request fits');
  assert.equal((await rawRequest(p, `GET / HTTP/1.0\r\n${filler(8100)}\r\n`)).status, 400, 'past 8000 bytes: 400');
  assert.equal((await rawRequest(p, `GET / HTTP/1.0\r\n${'X-A: b\r\n'.repeat(1100)}\r\n`)).status, 400, '1,100 short headers are past the buffer');
  assert.equal((await rawRequest(p, `GET / HTTP/1.0\r\n${'X-A: b\r\n'.repeat(300)}\r\n`)).status, 200, 'no count limit on header lines');
  const long = await rawRequest(p, `GET /${'a'.repeat(9000)} HTTP/1.0\r\n\r\n`);
  assert.equal(long.status, 400);

  const logs = srv.stdout();
  assert.match(logs, /"GET \/tool\.sh HTTP\/1\.0" 403 /);
  assert.match(logs, /"GET \/index\.html HTTP\/0\.9" 200 /);
  assert.match(logs, /"UNKNOWN {2}UNKNOWN" 400 /);
  srv.child.kill('SIGTERM');
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
  // As in thttpd the folder's password is asked first; even with it, the password file is never served.
  assert.equal((await get(p, '/prot/.htpasswd')).status, 401);
  const pwfileGet = await rawRequest(p, `GET /prot/.htpasswd HTTP/1.0\r\nAuthorization: Basic ${Buffer.from('alice:s3cret').toString('base64')}\r\n\r\n`);
  assert.equal(pwfileGet.status, 403);
  assert.ok(!pwfileGet.body.includes('alice:'));
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
  assert.match(second, /^thttpd: up \d+ seconds, \d+ connections, 8 requests, \d+ bytes$/m);
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

/** Connects and sends `first`; resolves with what came back and when the server closed. */
function openClient(port: number, first: string): { socket: net.Socket; connected: Promise<void>; closed: Promise<{ text: string; at: number }> } {
  const socket = net.connect({ host: '127.0.0.1', port });
  let text = '';
  socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
  socket.on('error', () => undefined);
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => {
      if (first) socket.write(first);
      resolve();
    });
    socket.once('error', reject);
  });
  const closed = new Promise<{ text: string; at: number }>((resolve) => socket.on('close', () => resolve({ text, at: Date.now() })));
  return { socket, connected, closed };
}

test('idle time counts from the last byte read: idle clients get 408 at the limit, a trickling client is not cut, 500 of them block no one', async (t) => {
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
  const clients: ReturnType<typeof openClient>[] = [];
  t.after(() => clients.forEach((c) => c.socket.destroy()));
  const started = Date.now();
  for (let i = 0; i < 500; i++) clients.push(openClient(srv.port, i % 2 ? 'GET / HTTP/1.0\r\n' : ''));
  await Promise.all(clients.map((c) => c.connected));

  // One client trickles a header a byte every 500 ms for 9 s, past the 3 s limit and the 5 s sweep.
  const trickler = openClient(srv.port, 'GET / HTTP/1.0\r\nX-Slow: ');
  await trickler.connected;
  t.after(() => trickler.socket.destroy());
  let trickleClosedEarly = false;
  void trickler.closed.then(() => (trickleClosedEarly = true));
  const trickling = setInterval(() => trickler.socket.write('z'), 500);
  t.after(() => clearInterval(trickling));

  await sleep(200);
  const t0 = Date.now();
  const r = await get(srv.port, '/');
  assert.equal(r.status, 200);
  assert.ok(Date.now() - t0 < 1500, `took ${Date.now() - t0} ms`);

  const answers = await withTimeout(Promise.all(clients.map((c) => c.closed)), 15_000, 'idle connections closed by the server');
  const times = answers.map((a) => a.at - started);
  assert.ok(answers.every((a) => a.text.startsWith('UNKNOWN 408 Request Timeout\r\n')), 'idle clients get 408, protocol UNKNOWN');
  // At the limit (3 s), found by a sweep every 5 s: never before 3 s, never after 3 + 5 s (and some slack).
  assert.ok(Math.min(...times) >= 2900, `cut after ${Math.min(...times)} ms`);
  assert.ok(Math.max(...times) <= 9500, `cut after ${Math.max(...times)} ms`);

  await sleep(Math.max(0, 9000 - (Date.now() - started)));
  clearInterval(trickling);
  assert.equal(trickleClosedEarly, false, 'the trickling client is still connected after 9 s');
  trickler.socket.write('\r\n\r\n');
  const done = await withTimeout(trickler.closed, 5000, 'the trickler is answered');
  assert.match(done.text, /^HTTP\/1\.0 200 OK\r\n/);
  assert.match(srv.stdout(), /"UNKNOWN {2}UNKNOWN" 408 /);
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
