// How the built server ends: SIGUSR1 (the image's StopSignal, what `kubectl delete` and
// `podman stop` send) stops accepting, lets the requests in flight finish, then exits 0;
// SIGTERM and SIGINT end it at once with status 1. In flight means a 32 MiB response the
// client is reading slowly, and a request whose headers are still arriving.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import { freePort, waitForHttp } from '../helpers/net.js';
import { buildFixture, writeTable, type BuiltFixture, type Cell } from '../helpers/reliability.js';

const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const BIG = 32 << 20;

let built: BuiltFixture;
let www: string;
let bigHash: string;
const rows: Cell[][] = [];

interface Server {
  port: number;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

async function start(): Promise<Server> {
  const port = await freePort();
  const child = spawn(built.binary, ['-D', '-h', '127.0.0.1', '-p', String(port), '-d', www, '-l', '-'], { ...AS_NOBODY, stdio: ['ignore', 'ignore', 'ignore'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  await waitForHttp(`http://127.0.0.1:${port}/`);
  return { port, child, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A connection that sends `request` and reads the answer only when told to. */
function slowReader(port: number, request: string): { socket: Socket; received: () => number; done: Promise<{ bytes: number; hash: string; declared: number; at: number }>; resume: () => void } {
  const socket = connect({ host: '127.0.0.1', port });
  let bytes = 0;
  let head = Buffer.alloc(0);
  let declared = -1;
  const hash = createHash('sha256');
  socket.on('error', () => undefined);
  socket.on('connect', () => socket.write(request));
  socket.on('data', (chunk: Buffer) => {
    if (declared < 0) {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      declared = Number(/content-length: (\d+)/i.exec(head.subarray(0, end).toString('latin1'))?.[1] ?? NaN);
      chunk = head.subarray(end + 4);
    }
    bytes += chunk.length;
    hash.update(chunk);
    // Take a little, then stop reading: the server is left with most of the file to send.
    if (bytes > 256 << 10) socket.pause();
  });
  const done = new Promise<{ bytes: number; hash: string; declared: number; at: number }>((resolve) =>
    socket.on('close', () => resolve({ bytes, hash: hash.digest('hex'), declared, at: Date.now() })),
  );
  return {
    socket,
    received: () => bytes,
    done,
    resume: () => {
      socket.removeAllListeners('data');
      socket.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        hash.update(chunk);
      });
      socket.resume();
    },
  };
}

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.on('connect', () => {
      s.destroy();
      resolve('accepted');
    });
    s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

before(async () => {
  built = await buildFixture('signals');
  await chmod(built.dir, 0o755);
  await chmod(join(built.dir, 'bin'), 0o755);
  www = join(built.dir, 'www');
  await mkdir(www);
  await chmod(www, 0o755);
  await writeFile(join(www, 'index.html'), 'signals\n');
  const big = Buffer.alloc(BIG);
  for (let i = 0; i < BIG; i += 4096) big.writeUInt32BE(i, i);
  await writeFile(join(www, 'big.bin'), big);
  bigHash = createHash('sha256').update(big).digest('hex');
});

after(async () => {
  await rm(built?.dir ?? '/nonexistent', { recursive: true, force: true });
  writeTable({
    id: '80-signals',
    title: 'Signals',
    intro: 'The server the bundled CLI built, run as uid 65534 on 127.0.0.1. **thttpd cannot be downloaded here: the server is the thttpd-like fixture, built by the product as it builds a release, so these rows pin the fixture\'s fidelity to thttpd\'s documented signal handling (SIGUSR1 graceful, exit 0; SIGTERM/SIGINT at once, exit 1), not thttpd itself**; the image\'s StopSignal row is the product\'s. "In flight" is a 32 MiB download the client has stopped reading (most of it still to send when the signal comes), or a request whose headers are still arriving.',
    columns: ['signal', 'while', 'exit status', 'the request in flight', 'new connections after the signal'],
    rows,
    notes: [
      `SIGUSR1: ${rows.filter((r) => r[0] === 'SIGUSR1' && r[2] === 0).length} of ${rows.filter((r) => r[0] === 'SIGUSR1').length} cases exited 0, each after its request in flight was answered whole; SIGTERM and SIGINT: ${rows.filter((r) => r[0] !== 'SIGUSR1' && r[2] === 1).length} of ${rows.filter((r) => r[0] !== 'SIGUSR1').length} exited 1 at once.`,
    ],
  });
});

test('the image says StopSignal SIGUSR1, so runtimes send the graceful one', async () => {
  const tar = await readFile(built.archive);
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    const ex = extract();
    ex.on('entry', (h, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c) => chunks.push(c as Buffer));
      stream.on('end', () => (files.set(h.name, Buffer.concat(chunks)), next()));
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
    ex.end(tar);
  });
  const blob = (digest: string) => JSON.parse((files.get(`blobs/${digest.replace(':', '/')}`) as Buffer).toString()) as Record<string, unknown>;
  const index = JSON.parse((files.get('index.json') as Buffer).toString()) as { manifests: { digest: string }[] };
  const imageIndex = blob(index.manifests[0]?.digest ?? '') as { manifests: { digest: string }[] };
  const manifest = blob(imageIndex.manifests[0]?.digest ?? '') as { config: { digest: string }; layers: { digest: string }[] };
  const config = blob(manifest.config.digest) as { config: { StopSignal?: string; Entrypoint?: string[] } };
  assert.equal(config.config.StopSignal, 'SIGUSR1');
  assert.ok(config.config.Entrypoint?.includes('-D'), 'the server stays in the foreground, so the signal reaches it');
  assert.ok(gunzipSync(files.get(`blobs/${manifest.layers[0]?.digest.replace(':', '/')}`) as Buffer).length > 0);
});

test('SIGUSR1 during a 32 MiB download: no new connections, the download completes whole, then exit 0', async () => {
  const server = await start();
  const reader = slowReader(server.port, 'GET /big.bin HTTP/1.0\r\n\r\n');
  await sleep(500);
  assert.ok(reader.received() < BIG / 2, `most of the file is still to send (${reader.received()} bytes read)`);
  server.child.kill('SIGUSR1');
  await sleep(700);
  assert.equal(server.child.exitCode, null, 'still running: a response is in flight');
  const late = await refused(server.port);
  assert.equal(late, 'ECONNREFUSED', 'it stopped listening');
  reader.resume();
  const got = await reader.done;
  const exit = await server.exited;
  assert.equal(got.declared, BIG);
  assert.equal(got.bytes, BIG, 'every byte arrived');
  assert.equal(got.hash, bigHash, 'the right bytes');
  assert.deepEqual({ code: exit.code, signal: exit.signal }, { code: 0, signal: null });
  assert.ok(exit.at >= got.at - 50, 'it exited after the download finished, not before');
  rows.push(['SIGUSR1', '32 MiB download in flight', exit.code ?? 'signal', `completed: ${got.bytes} of ${got.declared} bytes, sha256 right`, late]);
});

test('SIGUSR1 while a request is still arriving: it is answered, then exit 0', async () => {
  const server = await start();
  const socket = connect({ host: '127.0.0.1', port: server.port });
  let answer = '';
  socket.on('data', (c: Buffer) => (answer += c.toString()));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
  socket.write('GET /index.html HTTP/1.0\r\nUser-Agent: signals');
  await sleep(300);
  server.child.kill('SIGUSR1');
  await sleep(500);
  assert.equal(server.child.exitCode, null, 'waits for the half-sent request');
  const late = await refused(server.port);
  assert.equal(late, 'ECONNREFUSED', 'it stopped listening');
  socket.write('\r\n\r\n');
  await closed;
  const exit = await server.exited;
  assert.match(answer, /^HTTP\/1\.0 200 OK\r\n/);
  assert.match(answer, /\r\n\r\nsignals\n$/);
  assert.equal(exit.code, 0);
  rows.push(['SIGUSR1', 'request headers half sent', exit.code ?? 'signal', 'answered 200 once complete', late]);
});

test('SIGUSR1 when idle: exit 0 within a second', async () => {
  const server = await start();
  const sent = Date.now();
  server.child.kill('SIGUSR1');
  const exit = await server.exited;
  assert.equal(exit.code, 0);
  assert.ok(exit.at - sent < 1500, `${exit.at - sent} ms`);
  rows.push(['SIGUSR1', 'idle', exit.code ?? 'signal', `none (exited in ${exit.at - sent} ms)`, '—']);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} during a 32 MiB download: exit 1 at once, the download is cut short`, async () => {
    const server = await start();
    const reader = slowReader(server.port, 'GET /big.bin HTTP/1.0\r\n\r\n');
    await sleep(500);
    const sent = Date.now();
    server.child.kill(signal);
    const exit = await server.exited;
    reader.resume();
    const got = await reader.done;
    assert.deepEqual({ code: exit.code, signal: exit.signal }, { code: 1, signal: null });
    assert.ok(exit.at - sent < 1000, `exited in ${exit.at - sent} ms`);
    assert.ok(got.bytes < BIG, `cut short: ${got.bytes} of ${BIG}`);
    rows.push([signal, '32 MiB download in flight', exit.code ?? 'signal', `cut: ${got.bytes} of ${got.declared} bytes (exited in ${exit.at - sent} ms)`, 'ECONNREFUSED (exited)']);
  });
}
