// Attack probes against the server the product built (the bundled CLI's --binaries output,
// run as uid 65534 under ulimit -n 1024, as in a pod): path traversal in its spellings,
// over-long request lines and headers, slow-loris clients dripping bytes, and hundreds of
// connections at once. It must answer 4xx where it should, never serve a byte from outside
// its document root (a marker file beside it, /etc/passwd), and keep serving everyone else.
// Note: thttpd's source cannot be downloaded here, so this is our thttpd-like fixture server,
// built by the product exactly as it builds a thttpd release.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURE_DIR } from '../helpers/fixture.js';
import { freePort, waitForHttp } from '../helpers/net.js';
import { buildFixture, writeTable, type BuiltFixture, type Cell } from '../helpers/reliability.js';

const MARKER = 'outside-the-site-7f3a9c';
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

interface Server {
  port: number;
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
}

let built: BuiltFixture;
let shortIdle: BuiltFixture;
let www: string;
let server: Server;
const rows: Cell[][] = [];

async function startServer(binary: string): Promise<Server> {
  const port = await freePort();
  const child = spawn('sh', ['-c', 'ulimit -n 1024 && exec "$0" "$@"', binary, '-D', '-h', '127.0.0.1', '-p', String(port), '-d', www, '-l', '-'], { ...AS_NOBODY, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await waitForHttp(`http://127.0.0.1:${port}/`);
  return { port, child, log: () => log, exited };
}

async function stopServer(s: Server | undefined): Promise<void> {
  if (!s || s.child.exitCode !== null) return;
  s.child.kill('SIGTERM');
  await s.exited;
}

interface Raw {
  status: number | undefined;
  head: string;
  body: Buffer;
  error?: string;
}

/** Sends bytes exactly as given and reads until the server closes (or `ms` pass). */
function raw(port: number, request: string | Buffer, ms = 5000): Promise<Raw> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let error: string | undefined;
    const timer = setTimeout(() => socket.destroy(), ms);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = (split >= 0 ? all.subarray(0, split) : all).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(head)?.[1];
      resolve({ status: status ? Number(status) : undefined, head, body: split >= 0 ? all.subarray(split + 4) : Buffer.alloc(0), error });
    });
    socket.on('connect', () => socket.write(request));
  });
}

/** The server answers a plain request for the page, whatever was thrown at it before. */
async function stillServes(port: number): Promise<boolean> {
  const r = await raw(port, 'GET / HTTP/1.0\r\n\r\n');
  return r.status === 200 && r.body.toString().includes('probe page');
}

const leaked = (r: Raw) => r.body.includes(MARKER) || r.body.includes('root:x:0:0');

/** A patch for the product's `patches` input: the read time limit from 60 s to 3 s. */
async function shortIdlePatch(dir: string): Promise<string> {
  const original = await readFile(join(FIXTURE_DIR, 'config.h'), 'utf8');
  const changed = original.replace(/^#define IDLE_READ_TIMELIMIT 60$/m, '#define IDLE_READ_TIMELIMIT 3');
  assert.notEqual(changed, original, 'config.h has the 60 s read time limit');
  await writeFile(join(dir, 'a.h'), original);
  await writeFile(join(dir, 'b.h'), changed);
  const diff = spawnSync('diff', ['-u', '--label', 'a/config.h', '--label', 'b/config.h', 'a.h', 'b.h'], { cwd: dir, encoding: 'utf8' });
  assert.equal(diff.status, 1, diff.stderr);
  const path = join(dir, 'short-idle.diff');
  await writeFile(path, diff.stdout);
  return path;
}

before(async () => {
  built = await buildFixture('probes');
  const patchDir = join(built.dir, 'patch');
  await mkdir(patchDir);
  shortIdle = await buildFixture('probes-short-idle', ['--patch', await shortIdlePatch(patchDir)]);
  // The server runs as nobody: every folder on the way must be traversable.
  for (const d of [built.dir, join(built.dir, 'bin'), shortIdle.dir, join(shortIdle.dir, 'bin')]) await chmod(d, 0o755);
  const root = join(built.dir, 'probe-root');
  www = join(root, 'www');
  await mkdir(join(www, 'sub'), { recursive: true });
  await mkdir(join(root, 'outside'));
  await writeFile(join(www, 'index.html'), '<h1>probe page</h1>\n');
  await writeFile(join(www, 'sub', 'page.html'), 'sub page\n');
  await writeFile(join(root, 'outside', 'secret.txt'), `${MARKER}\n`);
  await symlink('../outside/secret.txt', join(www, 'escape-link'));
  await symlink('/etc/passwd', join(www, 'passwd-link'));
  for (const d of [root, www, join(www, 'sub'), join(root, 'outside')]) await chmod(d, 0o755);
  server = await startServer(built.binary);
});

after(async () => {
  await stopServer(server);
  await rm(built?.dir ?? '/nonexistent', { recursive: true, force: true });
  await rm(shortIdle?.dir ?? '/nonexistent', { recursive: true, force: true });
  writeTable({
    id: '70-server-probes',
    title: 'Server probes',
    intro:
      'Against the server the bundled CLI built (thttpd cannot be downloaded here, so it is the thttpd-like fixture, built by the product as it builds a release), running as uid 65534 under `ulimit -n 1024` on 127.0.0.1, serving a document root with a marker file beside it (`../outside/secret.txt`) and symlinks to it and to /etc/passwd. ' +
      'Requests are raw bytes on a socket. "Leaked" means the answer held the marker or a line of /etc/passwd; "still serves" is a plain GET / answered 200 right after.',
    columns: ['probe', 'request', 'expected', 'got', 'leaked', 'still serves'],
    rows,
    notes: [`${rows.length} probes: ${rows.filter((r) => r[4] === 'no').length} leaked nothing; the server served others after every one of them.`],
  });
});

const TRAVERSALS: string[] = [
  '/../etc/passwd',
  '/%2e%2e/etc/passwd',
  '/%2e%2e%2fetc%2fpasswd',
  '/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
  '//etc/passwd',
  '/..%2f..%2f..%2fetc%2fpasswd',
  '/./.././../etc/passwd',
  '/sub/../../outside/secret.txt',
  '/../outside/secret.txt',
  '/%2e%2e/outside/secret.txt',
  '/..%5c..%5cetc%5cpasswd',
  '/%252e%252e/%252e%252e/etc/passwd',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
  '/etc/passwd%00.html',
  '/..',
  '/escape-link',
  '/passwd-link',
  'http://127.0.0.1/../etc/passwd',
  '../etc/passwd',
];

describe('path traversal', () => {
  for (const path of TRAVERSALS) {
    test(`GET ${path}: 4xx, nothing from outside the site`, async () => {
      const r = await raw(server.port, `GET ${path} HTTP/1.0\r\n\r\n`);
      assert.ok(r.status !== undefined && r.status >= 400 && r.status < 500, `${path}: ${r.status} ${r.head}`);
      assert.ok(!leaked(r), `${path} leaked: ${r.body.toString().slice(0, 200)}`);
      const serves = await stillServes(server.port);
      assert.ok(serves);
      rows.push(['path traversal', `GET ${path}`, '4xx', r.status, leaked(r) ? 'YES' : 'no', serves ? 'yes' : 'NO']);
    });
  }
  test('HEAD /../etc/passwd: 4xx; control: a file inside the site, also through /sub/.., is served', async () => {
    const head = await raw(server.port, 'HEAD /../etc/passwd HTTP/1.0\r\n\r\n');
    assert.equal(head.status, 400);
    assert.ok(!leaked(head));
    rows.push(['path traversal', 'HEAD /../etc/passwd', '4xx', head.status ?? 'no answer', 'no', (await stillServes(server.port)) ? 'yes' : 'NO']);
    const inside = await raw(server.port, 'GET /sub/page.html HTTP/1.0\r\n\r\n');
    assert.equal(inside.status, 200);
    assert.equal(inside.body.toString(), 'sub page\n');
    // ".." is refused outright, even when it would stay inside the site.
    const dotted = await raw(server.port, 'GET /sub/../sub/page.html HTTP/1.0\r\n\r\n');
    assert.equal(dotted.status, 400);
    rows.push(['control', 'GET /sub/page.html (inside the site)', '200', inside.status ?? 'no answer', 'no', 'yes']);
    rows.push(['control', 'GET /sub/../sub/page.html (stays inside)', '400 (any ".." is refused)', dotted.status ?? 'no answer', 'no', 'yes']);
  });
});

describe('over-long and malformed requests', () => {
  const cases: [string, string, (status: number | undefined) => boolean, string][] = [
    ['request line of 9,000 bytes', `GET /${'a'.repeat(9000)} HTTP/1.0\r\n\r\n`, (s) => s === 414 || s === 400, '414 or 400'],
    ['request line of 1 MB, no end', `GET /${'a'.repeat(1 << 20)}`, (s) => s === 414 || s === 400, '414 or 400'],
    ['one header of 9,000 bytes', `GET / HTTP/1.0\r\nX-Long: ${'b'.repeat(9000)}\r\n\r\n`, (s) => s === 400 || s === 431, '400 or 431'],
    ['500 headers', `GET / HTTP/1.0\r\n${'X-Filler: 0123456789\r\n'.repeat(500)}\r\n`, (s) => s === 400 || s === 431, '400 or 431'],
    ['headers never ending, 64 KB', `GET / HTTP/1.0\r\n${'X-A: b\r\n'.repeat(8000)}`, (s) => s === 400 || s === 431, '400 or 431'],
    ['a NUL byte in the request line', 'GET /index\0.html HTTP/1.0\r\n\r\n', (s) => s === 400, '400'],
    ['not HTTP at all', 'nonsense\r\n\r\n', (s) => s === 400, '400'],
    ['a method it does not serve', 'DELETE /index.html HTTP/1.0\r\n\r\n', (s) => s === 501 || s === 405, '501 or 405'],
  ];
  for (const [what, request, ok, expected] of cases) {
    test(`${what}: ${expected}, and the server goes on`, async () => {
      const r = await raw(server.port, request);
      assert.ok(ok(r.status), `${what}: ${r.status} (${r.error ?? ''}) ${r.head.slice(0, 100)}`);
      assert.ok(!leaked(r));
      const serves = await stillServes(server.port);
      assert.ok(serves);
      rows.push(['over-long / malformed', what, expected, r.status ?? `no answer (${r.error ?? 'closed'})`, 'no', serves ? 'yes' : 'NO']);
    });
  }
});

/** Opens `n` connections that each send the start of a request and then one byte per `everyMs`. */
function slowLoris(port: number, n: number, everyMs: number): { sockets: Socket[]; answers: Promise<{ text: string; closedAfterMs: number }[]>; stop: () => void } {
  const sockets: Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  const started = Date.now();
  const answers = Promise.all(
    Array.from({ length: n }, () => {
      const s = connect({ host: '127.0.0.1', port });
      sockets.push(s);
      let text = '';
      s.on('data', (c: Buffer) => (text += c.toString('latin1')));
      s.on('error', () => undefined);
      s.on('connect', () => {
        s.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
        timers.push(setInterval(() => s.writable && s.write('z'), everyMs));
      });
      return new Promise<{ text: string; closedAfterMs: number }>((resolve) => s.on('close', () => resolve({ text, closedAfterMs: Date.now() - started })));
    }),
  );
  return {
    sockets,
    answers,
    stop: () => {
      timers.forEach(clearInterval);
      sockets.forEach((s) => s.destroy());
    },
  };
}

describe('slow clients and many connections', () => {
  test('200 slow-loris clients dripping a byte every 500 ms for 4 s: everyone else is served at once', async () => {
    const loris = slowLoris(server.port, 200, 500);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const latencies: number[] = [];
      const deadline = Date.now() + 4000;
      while (Date.now() < deadline) {
        const t0 = Date.now();
        assert.ok(await stillServes(server.port), 'served while the slow clients drip');
        latencies.push(Date.now() - t0);
        await new Promise((r) => setTimeout(r, 200));
      }
      const worst = Math.max(...latencies);
      assert.ok(worst < 1000, `worst ${worst} ms`);
      assert.ok(loris.sockets.every((s) => !s.destroyed), 'the slow clients are still connected (60 s limit)');
      rows.push(['slow-loris', '200 connections, 1 byte / 500 ms, 4 s', 'others served', `${latencies.length} requests served meanwhile, worst ${worst} ms`, 'no', 'yes']);
    } finally {
      loris.stop();
    }
  });

  test('built with a 3 s read limit (via the patches input): dripping bytes does not extend it, the slow clients get 408', async (t) => {
    const short = await startServer(shortIdle.binary);
    t.after(() => stopServer(short));
    const loris = slowLoris(short.port, 50, 300);
    t.after(loris.stop);
    const answers = await Promise.race([loris.answers, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('slow clients not cut within 8 s')), 8000))]);
    const cut = answers.map((a) => a.closedAfterMs);
    assert.ok(answers.every((a) => a.text.startsWith('HTTP/1.1 408 ') || a.text.startsWith('HTTP/1.0 408 ')), `every slow client got 408: ${answers.find((a) => !/ 408 /.test(a.text))?.text.slice(0, 80)}`);
    assert.ok(Math.max(...cut) < 6000, `cut by ${Math.max(...cut)} ms though still sending`);
    assert.ok(await stillServes(short.port));
    rows.push(['slow-loris', '50 connections, 1 byte / 300 ms, read limit 3 s', '408 at the limit', `all 408, cut after ${Math.min(...cut)}-${Math.max(...cut)} ms`, 'no', 'yes']);
  });

  test('500 connections at once, each a full request: all 200, and the server is fine after', async () => {
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => raw(server.port, `GET /${i % 2 ? 'index.html' : 'sub/page.html'} HTTP/1.0\r\n\r\n`, 20_000)));
    const statuses = new Map<string, number>();
    for (const r of results) statuses.set(String(r.status ?? r.error), (statuses.get(String(r.status ?? r.error)) ?? 0) + 1);
    assert.deepEqual([...statuses], [['200', 500]]);
    assert.ok(results.every((r, i) => r.body.toString() === (i % 2 ? '<h1>probe page</h1>\n' : 'sub page\n')));
    assert.ok(await stillServes(server.port));
    rows.push(['many connections', '500 at once, GET each', '500 × 200', [...statuses].map(([s, n]) => `${n} × ${s}`).join(', '), 'no', 'yes']);
  });

  test('1,500 idle connections, past the 1,024 descriptors: the server stays up and serves once they go', async () => {
    const sockets: Socket[] = [];
    try {
      await Promise.all(
        Array.from({ length: 1500 }, () =>
          new Promise<void>((resolve) => {
            const s = connect({ host: '127.0.0.1', port: server.port });
            sockets.push(s);
            s.on('error', () => resolve());
            s.on('connect', () => resolve());
          }),
        ),
      );
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(server.child.exitCode, null, 'still running with every descriptor taken');
    } finally {
      sockets.forEach((s) => s.destroy());
    }
    // Once they are gone it serves again straight away.
    await new Promise((r) => setTimeout(r, 1500));
    const t0 = Date.now();
    assert.ok(await stillServes(server.port));
    rows.push(['many connections', '1,500 idle connections (limit 1,024 descriptors)', 'stays up', `up; served ${Date.now() - t0} ms after they closed`, 'no', 'yes']);
  });

  test('the access log names the probes, and nothing outside the site was ever sent', () => {
    const log = server.log();
    assert.match(log, /"GET \/\.\.\/etc\/passwd HTTP\/1\.0" 400 /);
    assert.doesNotMatch(log, new RegExp(MARKER));
    assert.equal(server.child.exitCode, null, 'the server is still running');
  });
});
