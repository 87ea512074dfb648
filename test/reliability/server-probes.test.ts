// Attack probes against the server the product built (the bundled CLI's --binaries output),
// started with the image's own Entrypoint flags, as uid 65534 under ulimit -n 1024, as in a
// pod: path traversal in its spellings, over-long and malformed requests, slow clients, and
// hundreds of connections at once. It must answer as thttpd 2.29 answers, never serve a byte
// from outside its document root (a marker file beside it, /etc/passwd), and keep serving
// everyone else.
//
// thttpd's source cannot be downloaded here, so the server is our thttpd-like fixture, built
// by the product exactly as it builds a thttpd release. Rows marked "server code" therefore
// pin the fixture's fidelity to thttpd 2.29 (see test/fixtures/thttpd-like/README); rows
// marked "product" pin what the product adds: the static build, the uid-drop patch, the
// image config.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURE_DIR } from '../helpers/fixture.js';
import { freePort, waitForHttp } from '../helpers/net.js';
import { buildFixture, readImageConfig, writeTable, type BuiltFixture, type Cell } from '../helpers/reliability.js';

const MARKER = 'outside-the-site-7f3a9c';
const IS_ROOT = process.getuid?.() === 0;
const AS_NOBODY = IS_ROOT ? { uid: 65534, gid: 65534 } : {};
const IDLE_LIMIT_S = 3; // the short-idle build's IDLE_READ_TIMELIMIT
const IDLE_SWEEP_S = 5; // thttpd looks for idle connections every 5 s
const SERVER = 'server code (fixture for thttpd)';
const SERVER_AND_CONFIG = 'server code + image config (-nor keeps the symlink check)';

interface Server {
  port: number;
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
}

let built: BuiltFixture;
let shortIdle: BuiltFixture;
let www: string;
let entrypoint: string[];
let server: Server;
const rows: Cell[][] = [];

/**
 * The image's Entrypoint with the binary, port and site swapped for local ones, bound to
 * 127.0.0.1, plus any flags in `extra` (which win: thttpd takes the last of a flag).
 */
function serverArgs(port: number, extra: string[] = []): string[] {
  const args = entrypoint.slice(1);
  const swap = (flag: string, value: string) => {
    const i = args.indexOf(flag);
    assert.ok(i >= 0 && i + 1 < args.length, `the image's Entrypoint has ${flag}`);
    args[i + 1] = value;
  };
  swap('-p', String(port));
  swap('-d', www);
  return [...args, '-h', '127.0.0.1', ...extra];
}

async function startServer(binary: string, extra: string[] = []): Promise<Server> {
  const port = await freePort();
  const child = spawn('sh', ['-c', 'ulimit -n 1024 && exec "$0" "$@"', binary, ...serverArgs(port, extra)], { ...AS_NOBODY, stdio: ['ignore', 'pipe', 'pipe'] });
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
  /** undefined: no status line (an HTTP/0.9 answer, or nothing). */
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
      // thttpd names the protocol UNKNOWN when it answers before parsing a request line.
      const status = /^(?:HTTP\/\d\.\d|UNKNOWN) (\d{3}) /.exec(all.toString('latin1'))?.[1];
      const split = status ? all.indexOf('\r\n\r\n') : -1;
      const head = split >= 0 ? all.subarray(0, split).toString('latin1') : '';
      resolve({ status: status ? Number(status) : undefined, head, body: split >= 0 ? all.subarray(split + 4) : all, error });
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
  const changed = original.replace(/^#define IDLE_READ_TIMELIMIT 60$/m, `#define IDLE_READ_TIMELIMIT ${IDLE_LIMIT_S}`);
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
  entrypoint = (await readImageConfig(built.archive)).Entrypoint ?? [];
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
  await symlink(join(root, 'outside', 'secret.txt'), join(www, 'absolute-escape-link'));
  await symlink('/etc/passwd', join(www, 'passwd-link'));
  for (const d of [root, www, join(www, 'sub'), join(root, 'outside')]) await chmod(d, 0o755);
  server = await startServer(built.binary);
});

after(async () => {
  await stopServer(server);
  await rm(built?.dir ?? '/nonexistent', { recursive: true, force: true });
  await rm(shortIdle?.dir ?? '/nonexistent', { recursive: true, force: true });
  const probes = rows.filter((r) => !String(r[0]).startsWith('control'));
  writeTable({
    id: '70-server-probes',
    title: 'Server probes',
    intro:
      'Against the server the bundled CLI built, started with the flags of the image\'s own Entrypoint (`' + entrypoint.join(' ') + '`, with the port and site swapped and `-h 127.0.0.1` added), as uid 65534 under `ulimit -n 1024` on 127.0.0.1, serving a document root with a marker file beside it (`../outside/secret.txt`) and symlinks to it and to /etc/passwd. ' +
      '**thttpd itself cannot be downloaded here: the server is the thttpd-like fixture, built by the product as it builds a release.** Rows that depend on the server code therefore pin the fixture\'s fidelity to thttpd 2.29 (the "expected" column is what thttpd 2.29 answers, read from its behaviour), not thttpd itself; rows marked "product" pin what the product adds. ' +
      'Requests are raw bytes on a socket. "Leaked" means the answer held the marker or a line of /etc/passwd; "still serves" is a plain GET / answered 200 right after.',
    columns: ['probe', 'request', 'expected (thttpd 2.29)', 'got', 'leaked', 'still serves', 'depends on'],
    rows,
    notes: [
      `${probes.length} probes: ${probes.filter((r) => r[4] === 'no').length} leaked nothing, and the server served others after every one; ${probes.filter((r) => String(r[6]).startsWith('product')).length} depend on the product alone, ${probes.filter((r) => r[6] === SERVER_AND_CONFIG).length} on the server code and the image config, ${probes.filter((r) => r[6] === SERVER).length} on the server code alone (the fixture standing in for thttpd).`,
      'Controls are not probes: they show a check can fail (a file inside the site is served; with the symlink check turned off, a link to /etc/passwd is served).',
    ],
  });
});

// [request path, what thttpd 2.29 answers, what it depends on]. thttpd collapses ".." (a
// ".." with nothing left to cancel is dropped, so /../etc/passwd is etc/passwd inside the
// site: 404), refuses what is still absolute or is "..", and 403s links that end outside.
const TRAVERSALS: [string, number, string][] = [
  ['/../etc/passwd', 404, SERVER],
  ['/%2e%2e/etc/passwd', 404, SERVER],
  ['/%2e%2e%2fetc%2fpasswd', 404, SERVER],
  ['/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', 404, SERVER],
  ['//etc/passwd', 400, SERVER],
  ['/..%2f..%2f..%2fetc%2fpasswd', 404, SERVER],
  ['/./.././../etc/passwd', 404, SERVER],
  ['/sub/../../outside/secret.txt', 404, SERVER],
  ['/../outside/secret.txt', 404, SERVER],
  ['/%2e%2e/outside/secret.txt', 404, SERVER],
  ['/..%5c..%5cetc%5cpasswd', 404, SERVER],
  ['/%252e%252e/%252e%252e/etc/passwd', 404, SERVER],
  ['/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd', 404, SERVER],
  ['/etc/passwd%00.html', 404, SERVER],
  ['/..', 400, SERVER],
  ['/escape-link', 404, SERVER_AND_CONFIG],
  ['/absolute-escape-link', 403, SERVER_AND_CONFIG],
  ['/passwd-link', 403, SERVER_AND_CONFIG],
  ['http://127.0.0.1/../etc/passwd', 400, SERVER],
  ['../etc/passwd', 400, SERVER],
];

describe('path traversal', () => {
  for (const [path, expected, dependsOn] of TRAVERSALS) {
    test(`GET ${path}: ${expected}, nothing from outside the site`, async () => {
      const r = await raw(server.port, `GET ${path} HTTP/1.0\r\n\r\n`);
      assert.equal(r.status, expected, `${path}: ${r.head}`);
      assert.ok(!leaked(r), `${path} leaked: ${r.body.toString().slice(0, 200)}`);
      const serves = await stillServes(server.port);
      assert.ok(serves);
      rows.push(['path traversal', `GET ${path}`, String(expected), r.status ?? 'no answer', leaked(r) ? 'YES' : 'no', serves ? 'yes' : 'NO', dependsOn]);
    });
  }

  test('HTTP/1.1 absolute URL http://127.0.0.1/../etc/passwd: 404, inside the site', async () => {
    const r = await raw(server.port, 'GET http://127.0.0.1/../etc/passwd HTTP/1.1\r\n\r\n');
    assert.equal(r.status, 404);
    assert.ok(!leaked(r));
    rows.push(['path traversal', 'GET http://127.0.0.1/../etc/passwd HTTP/1.1', '404', r.status ?? 'no answer', 'no', (await stillServes(server.port)) ? 'yes' : 'NO', SERVER]);
  });

  test('HEAD /%2e%2e/%2e%2e/etc/passwd: 404 and no body', async () => {
    const head = await raw(server.port, 'HEAD /%2e%2e/%2e%2e/etc/passwd HTTP/1.0\r\n\r\n');
    assert.equal(head.status, 404);
    assert.ok(!leaked(head));
    rows.push(['path traversal', 'HEAD /%2e%2e/%2e%2e/etc/passwd', '404', head.status ?? 'no answer', 'no', (await stillServes(server.port)) ? 'yes' : 'NO', SERVER]);
  });

  test('controls: a file inside the site is served, also through ".." that stays inside or is dropped', async () => {
    for (const [path, body] of [
      ['/sub/page.html', 'sub page\n'],
      ['/sub/../sub/page.html', 'sub page\n'],
      ['/../index.html', '<h1>probe page</h1>\n'],
    ] as const) {
      const r = await raw(server.port, `GET ${path} HTTP/1.0\r\n\r\n`);
      assert.equal(r.status, 200, path);
      assert.equal(r.body.toString(), body, path);
      rows.push(['control', `GET ${path}`, '200, the file', `${r.status}, the file`, 'no', 'yes', SERVER]);
    }
  });

  test('control: with the symlink check off (-nos, not the image\'s flags) a link to /etc/passwd is served, so the 403 above comes from -nor', async (t) => {
    assert.ok(entrypoint.includes('-nor'), 'the image runs with -nor');
    const loose = await startServer(built.binary, ['-nos']);
    t.after(() => stopServer(loose));
    const r = await raw(loose.port, 'GET /passwd-link HTTP/1.0\r\n\r\n');
    assert.equal(r.status, 200);
    assert.ok(leaked(r), 'the check can fail: without it the link is followed');
    rows.push(['control (not the image\'s flags)', 'GET /passwd-link with -nos', '200, /etc/passwd', `${r.status}, /etc/passwd`, 'YES (control)', 'yes', 'image config']);
  });
});

describe('over-long and malformed requests', () => {
  // thttpd 2.29 reads a request into a buffer that stops at 8000 bytes, then answers 400.
  const cases: [string, string, number | 'HTTP/0.9 404 page'][] = [
    ['request line of 9,000 bytes', `GET /${'a'.repeat(9000)} HTTP/1.0\r\n\r\n`, 400],
    ['request line of 1 MB, no end', `GET /${'a'.repeat(1 << 20)}`, 400],
    ['one header of 9,000 bytes', `GET / HTTP/1.0\r\nX-Long: ${'b'.repeat(9000)}\r\n\r\n`, 400],
    ['500 headers (11 KB)', `GET / HTTP/1.0\r\n${'X-Filler: 0123456789\r\n'.repeat(500)}\r\n`, 400],
    ['headers never ending, 64 KB', `GET / HTTP/1.0\r\n${'X-A: b\r\n'.repeat(8000)}`, 400],
    ['a NUL byte in the request line', 'GET /index\0.html HTTP/1.0\r\n\r\n', 'HTTP/0.9 404 page'],
    ['not HTTP at all', 'nonsense\r\n\r\n', 400],
    ['HTTP/1.1 without a Host', 'GET / HTTP/1.1\r\n\r\n', 400],
    ['a method it does not serve', 'DELETE /index.html HTTP/1.0\r\n\r\n', 501],
  ];
  for (const [what, request, expected] of cases) {
    test(`${what}: ${expected}, and the server goes on`, async () => {
      const r = await raw(server.port, request);
      let got: string;
      if (expected === 'HTTP/0.9 404 page') {
        // A NUL ends the line for thttpd: "GET /index" is an HTTP/0.9 request, answered without a header.
        assert.equal(r.status, undefined, r.head);
        assert.match(r.body.toString(), /^<!DOCTYPE html>[\s\S]*404 Not Found/);
        got = 'HTTP/0.9 404 page (no header)';
      } else {
        assert.equal(r.status, expected, `${what}: ${r.status} (${r.error ?? ''}) ${r.head.slice(0, 100)}`);
        got = String(r.status);
      }
      assert.ok(!leaked(r));
      const serves = await stillServes(server.port);
      assert.ok(serves);
      rows.push(['over-long / malformed', what, String(expected), got, 'no', serves ? 'yes' : 'NO', SERVER]);
    });
  }
});

interface Answer {
  text: string;
  closedAfterMs: number;
}

/**
 * Opens `n` connections that each send `first`, then `drip` every `everyMs` (none if empty),
 * until the server closes them or stop() is called.
 */
function slowClients(port: number, n: number, first: string, drip: string, everyMs: number) {
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
        s.write(first);
        if (drip) timers.push(setInterval(() => s.writable && s.write(drip), everyMs));
      });
      return new Promise<Answer>((resolve) => s.on('close', () => resolve({ text, closedAfterMs: Date.now() - started })));
    }),
  );
  return {
    sockets,
    answers,
    open: () => sockets.filter((s) => !s.destroyed && !s.closed).length,
    stop: () => {
      timers.forEach(clearInterval);
      sockets.forEach((s) => s.destroy());
    },
  };
}

const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms))]);
const range = (xs: number[]) => `${(Math.min(...xs) / 1000).toFixed(1)}-${(Math.max(...xs) / 1000).toFixed(1)} s`;

describe('slow clients and many connections', () => {
  test(`built with a ${IDLE_LIMIT_S} s read limit (patches input): idle partial requests are cut with 408 at the limit; trickling clients are bounded by the 8000-byte buffer, not by time`, async (t) => {
    const short = await startServer(shortIdle.binary);
    t.after(() => stopServer(short));
    const started = Date.now();
    const header = `GET / HTTP/1.0\r\n${'X-Filler: 0123456789\r\n'.repeat(350)}X-Slow: `; // 7,724 bytes
    assert.ok(header.length < 8000 - 200, `${header.length} bytes leave room to trickle`);
    // Idle: the start of a request, then nothing.
    const idle = slowClients(short.port, 50, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n', '', 0);
    // Trickling: 10 bytes every 500 ms, so the buffer fills after about 14 s, well past limit + sweep.
    const trickle = slowClients(short.port, 20, header, 'z'.repeat(10), 500);
    t.after(idle.stop);
    t.after(trickle.stop);

    const idleAnswers = await within(idle.answers, (IDLE_LIMIT_S + IDLE_SWEEP_S + 4) * 1000, 'idle clients cut');
    const idleCut = idleAnswers.map((a) => a.closedAfterMs);
    assert.ok(idleAnswers.every((a) => a.text.startsWith('UNKNOWN 408 ')), `every idle client got 408: ${idleAnswers.find((a) => !a.text.startsWith('UNKNOWN 408 '))?.text.slice(0, 80)}`);
    assert.ok(Math.min(...idleCut) >= IDLE_LIMIT_S * 1000 - 100, `cut early: ${Math.min(...idleCut)} ms`);
    assert.ok(Math.max(...idleCut) <= (IDLE_LIMIT_S + IDLE_SWEEP_S + 1) * 1000, `cut late: ${Math.max(...idleCut)} ms`);
    rows.push(['slow client', `50 idle partial requests, read limit ${IDLE_LIMIT_S} s (swept every ${IDLE_SWEEP_S} s)`, `408 between ${IDLE_LIMIT_S} and ${IDLE_LIMIT_S + IDLE_SWEEP_S} s`, `all 408, cut after ${range(idleCut)}`, 'no', (await stillServes(short.port)) ? 'yes' : 'NO', SERVER]);

    // Past the limit and a sweep, every trickling client is still connected: time does not cut it.
    await new Promise((r) => setTimeout(r, Math.max(0, started + (IDLE_LIMIT_S + IDLE_SWEEP_S + 1) * 1000 - Date.now())));
    const stillOpen = trickle.open();
    assert.equal(stillOpen, 20, 'the trickling clients outlived the idle limit');
    const trickleAnswers = await within(trickle.answers, 30_000, 'trickling clients stopped by the buffer');
    const trickleCut = trickleAnswers.map((a) => a.closedAfterMs);
    assert.ok(trickleAnswers.every((a) => a.text.startsWith('UNKNOWN 400 ')), `every trickling client got 400: ${trickleAnswers.find((a) => !a.text.startsWith('UNKNOWN 400 '))?.text.slice(0, 80)}`);
    assert.ok(Math.min(...trickleCut) > (IDLE_LIMIT_S + IDLE_SWEEP_S) * 1000, `a trickling client was cut by time: ${Math.min(...trickleCut)} ms`);
    const serves = await stillServes(short.port);
    assert.ok(serves);
    rows.push(['slow client', `20 clients trickling 10 bytes / 500 ms after 7.7 KB, read limit ${IDLE_LIMIT_S} s`, 'not cut by time; 400 when the 8000-byte buffer fills', `${stillOpen}/20 connected after ${IDLE_LIMIT_S + IDLE_SWEEP_S + 1} s; all 400 after ${range(trickleCut)}`, 'no', serves ? 'yes' : 'NO', SERVER]);
  });

  test('200 slow-loris clients dripping a byte every 500 ms for 4 s: everyone else is served within a second', async () => {
    const loris = slowClients(server.port, 200, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 'z', 500);
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
      assert.equal(loris.open(), 200, 'the slow clients are all still connected');
      rows.push(['slow client', '200 connections, 1 byte / 500 ms, 4 s', 'others served', `${latencies.length} requests served meanwhile, worst ${worst} ms`, 'no', 'yes', SERVER]);
    } finally {
      loris.stop();
    }
  });

  test('500 connections at once, each a full request: all 200, and the server is fine after', async () => {
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => raw(server.port, `GET /${i % 2 ? 'index.html' : 'sub/page.html'} HTTP/1.0\r\n\r\n`, 20_000)));
    const statuses = new Map<string, number>();
    for (const r of results) statuses.set(String(r.status ?? r.error), (statuses.get(String(r.status ?? r.error)) ?? 0) + 1);
    assert.deepEqual([...statuses], [['200', 500]]);
    assert.ok(results.every((r, i) => r.body.toString() === (i % 2 ? '<h1>probe page</h1>\n' : 'sub page\n')));
    assert.ok(await stillServes(server.port));
    rows.push(['many connections', '500 at once, GET each', '500 × 200', [...statuses].map(([s, n]) => `${n} × ${s}`).join(', '), 'no', 'yes', SERVER]);
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
    rows.push(['many connections', '1,500 idle connections (limit 1,024 descriptors)', 'stays up', `up; served ${Date.now() - t0} ms after they closed`, 'no', 'yes', SERVER]);
  });

  test('the access log names the probes, and nothing outside the site was ever sent', () => {
    const log = server.log();
    assert.match(log, /"GET \/\.\.\/etc\/passwd HTTP\/1\.0" 404 /);
    assert.match(log, /"GET \/passwd-link HTTP\/1\.0" 403 /);
    assert.doesNotMatch(log, new RegExp(MARKER));
    assert.equal(server.child.exitCode, null, 'the server is still running');
  });
});

describe('what the product adds', () => {
  test('static build: `file` says statically linked, and it serves in a root holding nothing but itself and the site', { skip: !IS_ROOT && 'chroot needs root' }, async (t) => {
    const type = spawnSync('file', ['-b', built.binary], { encoding: 'utf8' }).stdout.trim();
    assert.match(type, /statically linked/);
    const jail = join(built.dir, 'jail');
    await mkdir(join(jail, 'www'), { recursive: true });
    await copyFile(built.binary, join(jail, 'thttpd'));
    await writeFile(join(jail, 'www', 'index.html'), '<h1>probe page</h1>\n');
    await chmod(join(jail, 'thttpd'), 0o755);
    for (const d of [jail, join(jail, 'www')]) await chmod(d, 0o755);
    for (const [user, label, dependsOn] of [
      [['--userspec=65534:65534'], 'as uid 65534', 'product: static build'],
      [[], 'as uid 0, no /etc/passwd', 'product: static build + uid-drop'],
    ] as const) {
      const port = await freePort();
      const child = spawn('chroot', [...user, jail, '/thttpd', '-D', '-h', '127.0.0.1', '-p', String(port), '-d', '/www', '-l', '-'], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('close', resolve));
      t.after(() => child.kill('SIGKILL'));
      await waitForHttp(`http://127.0.0.1:${port}/`);
      const serves = await stillServes(port);
      assert.ok(serves, label);
      child.kill('SIGTERM');
      await exited;
      rows.push(['product', `started in an empty root (no libc, no /etc) ${label}`, 'serves', serves ? 'serves' : 'does not serve', 'no', 'yes', dependsOn]);
    }
  });
});
