// Hostile source tarballs through the bundled action: a tampered byte, entries that climb
// out with ../ or name an absolute path (plainly, or hidden in a PAX header), links that
// point out of the tree and entries written through them, a hard link to /etc/passwd, a
// tarball past the size limit (local, or over HTTP with and without Content-Length), and a
// gzip bomb. Each must be refused before anything is built: no compiler runs, the work
// folder keeps no unpacked tree, and no file appears where an entry tried to put one.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { extract, pack } from 'tar-stream';
import { INPUT_DEFAULTS } from '../../src/settings.js';
import { runAction, runCli } from '../helpers/entries.js';
import { makeFixtureTarball, type FixtureTarball } from '../helpers/fixture.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { changes, snapshot, writeTable, type Cell } from '../helpers/reliability.js';

const DEFAULT_LIMIT = Number(INPUT_DEFAULTS['source-max-bytes']);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A tar header as pack() takes it, plus the PAX records tar-stream also writes. */
type EntryHeader = Parameters<ReturnType<typeof pack>['entry']>[0] & { pax?: Record<string, string> };

interface Entry {
  header: EntryHeader;
  body?: Buffer;
}

let dir: string;
let fixture: FixtureTarball;
let releaseEntries: Entry[];
let server: TestServer;
const served = new Map<string, { body: Buffer; length: boolean }>();
/** A folder outside every run's folders, where escaping entries aim. */
const outside = join(tmpdir(), `static-thttpd-outside-${process.pid}-${randomBytes(4).toString('hex')}`);
const rows: Cell[][] = [];

async function entriesOf(tarGz: Buffer): Promise<Entry[]> {
  const entries: Entry[] = [];
  const ex = extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c) => chunks.push(c as Buffer));
      stream.on('end', () => {
        entries.push({ header: header as EntryHeader, body: Buffer.concat(chunks) });
        next();
      });
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
  });
  ex.end(gunzipSync(tarGz));
  await done;
  return entries;
}

/** The fixture release, its entries first, then `extra` (hostile ones), packed and gzip'd. */
async function release(extra: Entry[], level = 6): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c) => chunks.push(c as Buffer));
  const ended = new Promise<void>((resolve) => p.on('end', () => resolve()));
  for (const e of [...releaseEntries, ...extra]) {
    await new Promise<void>((resolve, reject) => p.entry(e.header, e.body ?? Buffer.alloc(0), (err) => (err ? reject(err) : resolve())));
  }
  p.finalize();
  await ended;
  return gzipSync(Buffer.concat(chunks), { level });
}

const file = (name: string, body: Buffer | string): Entry => ({ header: { name, type: 'file', mode: 0o644, size: Buffer.byteLength(body) }, body: Buffer.from(body) });
const link = (name: string, linkname: string, type: 'symlink' | 'link' = 'symlink'): Entry => ({ header: { name, type, linkname, mode: 0o777 } });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'static-thttpd-source-'));
  await mkdir(outside);
  fixture = await makeFixtureTarball({ dir });
  releaseEntries = await entriesOf(await readFile(fixture.path));
  server = await startServer((req, res) => {
    const found = served.get(req.url ?? '');
    if (!found) return void res.writeHead(404).end();
    if (found.length) return void res.writeHead(200, { 'content-length': found.body.length }).end(found.body);
    // Chunked, no Content-Length: the client only learns the size by reading.
    res.writeHead(200, { 'content-type': 'application/gzip' });
    let at = 0;
    const more = () => {
      while (at < found.body.length) {
        const chunk = found.body.subarray(at, at + 256 * 1024);
        at += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    res.on('error', () => undefined);
    more();
  });
});

after(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
  writeTable({
    id: '50-source-integrity',
    title: 'Source integrity',
    intro:
      `OUTSIDE is a folder outside every run's folders, where the hostile entries aim. Hostile tarballs given to the bundled action as \`source\` (a workspace path, or an http:// URL on 127.0.0.1) with their true SHA-256, so only the tarball's content is to blame (the tampered one excepted). ` +
      `Each must be refused before anything is built: the log shows no compile, the work folder (RUNNER_TEMP/static-thttpd) keeps no unpacked tree, the workspace and RUNNER_TEMP are otherwise unchanged, and nothing appears where the hostile entries aimed. The size limit is \`source-max-bytes\`, default ${DEFAULT_LIMIT} (16 MiB).`,
    columns: ['case', 'tarball', 'given as', 'outcome', 'built?', 'written outside'],
    rows: rows.filter(Boolean),
    notes: [`${rows.length} cases: ${rows.filter((r) => r[3] !== 'built' && !String(r[3]).startsWith('built')).length} refused before the build, ${rows.filter((r) => String(r[3]).startsWith('built')).length} built after refusing what was hostile; 0 files written outside.`],
  });
});

interface Case {
  name: string;
  /** The tarball's bytes; `sha256` defaults to their own. */
  make: () => Promise<Buffer>;
  sha256?: (body: Buffer) => string;
  via: 'path' | 'url' | 'url, no Content-Length';
  /** A function when it needs the fixture, made in before(). */
  says: RegExp | (() => RegExp);
  /** Files a hostile entry aimed at: they must not exist afterwards. */
  aims?: string[];
  inputs?: Record<string, string>;
}

const aim = (name: string) => join(outside, name);

const CASES: Case[] = [
  {
    name: 'one byte changed',
    make: async () => {
      const bytes = Buffer.from(await readFile(fixture.path));
      bytes[bytes.length >> 1] ^= 0x01;
      return bytes;
    },
    sha256: () => fixture.sha256,
    via: 'path',
    says: () => new RegExp(`checksum mismatch for thttpd 2\\.29 from .*: expected sha256 ${fixture.sha256}, got [0-9a-f]{64}.*The file is damaged or not the release you asked for`),
  },
  {
    name: 'one byte changed',
    make: async () => {
      const bytes = Buffer.from(await readFile(fixture.path));
      bytes[100] ^= 0x80;
      return bytes;
    },
    sha256: () => fixture.sha256,
    via: 'url',
    says: () => new RegExp(`checksum mismatch for thttpd 2\\.29 from http://127\\.0\\.0\\.1:\\d+/.*: expected sha256 ${fixture.sha256}`),
  },
  {
    name: 'an entry climbing out with ../',
    make: () => release([file(`thttpd-2.29/../../../../../../../../../..${aim('dotdot')}`, 'escaped\n')]),
    via: 'path',
    says: /refusing to unpack source .*: entry "thttpd-2\.29\/(\.\.\/)+.*dotdot" climbs out with "\.\."/,
    aims: [aim('dotdot')],
  },
  {
    name: 'an absolute path',
    make: () => release([file(aim('absolute'), 'escaped\n')]),
    via: 'path',
    says: /refusing to unpack source .*: entry "\/.*absolute" is an absolute path/,
    aims: [aim('absolute')],
  },
  {
    name: 'an innocent name, ../ in its PAX path',
    make: () => release([{ header: { name: 'thttpd-2.29/innocent', type: 'file', mode: 0o644, size: 8, pax: { path: `../../../../../../../..${aim('pax')}` } }, body: Buffer.from('escaped\n') }]),
    via: 'path',
    says: /refusing to unpack source .*: entry "(\.\.\/)+.*pax" climbs out with "\.\."/,
    aims: [aim('pax')],
  },
  {
    name: 'a symlink out of the tree, then a file through it',
    make: () => release([link('thttpd-2.29/out', '../../../../../../../../../..'), file(`thttpd-2.29/out${aim('through')}`, 'escaped\n')]),
    via: 'path',
    says: /refusing to unpack source .*: entry "thttpd-2\.29\/out" is a link to (\.\.\/)+\.\., which climbs out with "\.\."/,
    aims: [aim('through')],
  },
  {
    name: 'an absolute symlink, then a file through it',
    make: () => release([link('thttpd-2.29/abs', outside), file(`thttpd-2.29/abs/abs`, 'escaped\n')]),
    via: 'path',
    says: /refusing to unpack source .*: entry "thttpd-2\.29\/abs" is a link to the absolute path \//,
    aims: [aim('abs')],
  },
  {
    name: 'a hard link to /etc/passwd',
    make: () => release([link('thttpd-2.29/passwd', '/etc/passwd', 'link')]),
    via: 'url',
    says: /refusing to unpack source .*: entry "thttpd-2\.29\/passwd" is a link entry/,
  },
  {
    name: `past the default limit (${DEFAULT_LIMIT + (1 << 20)} bytes of noise)`,
    make: () => release([file('thttpd-2.29/noise.bin', randomBytes(DEFAULT_LIMIT + (1 << 20)))], 1),
    via: 'path',
    says: new RegExp(`source .* is \\d+ bytes, over the limit of ${DEFAULT_LIMIT} \\(a thttpd release is about 135 KB\\): check input "source", or raise input "source-max-bytes" if this really is the tarball`),
  },
  {
    name: 'past the default limit, Content-Length says so',
    make: () => release([file('thttpd-2.29/noise.bin', randomBytes(DEFAULT_LIMIT + (1 << 20)))], 1),
    via: 'url',
    says: new RegExp(`source http://127\\.0\\.0\\.1:\\d+/.* is \\d+ bytes, over the limit of ${DEFAULT_LIMIT} \\(a thttpd release is about 135 KB\\)`),
  },
  {
    name: 'past the default limit, streamed without a length',
    make: () => release([file('thttpd-2.29/noise.bin', randomBytes(DEFAULT_LIMIT + (1 << 20)))], 1),
    via: 'url, no Content-Length',
    says: new RegExp(`source http://127\\.0\\.0\\.1:\\d+/.* is more than ${DEFAULT_LIMIT} bytes, over the limit of ${DEFAULT_LIMIT}`),
  },
  {
    name: 'a gzip bomb: small, unpacking past the limit',
    make: () => release([file('thttpd-2.29/zeros.bin', Buffer.alloc(8 * DEFAULT_LIMIT))], 9),
    via: 'path',
    says: new RegExp(`refusing to unpack source .*: entry "thttpd-2\\.29\\/zeros\\.bin" takes the unpacked size past the limit of ${DEFAULT_LIMIT} bytes \\(input "source-max-bytes"\\)`),
  },
  {
    name: 'a smaller limit given as source-max-bytes',
    make: async () => readFile(fixture.path),
    via: 'path',
    inputs: { 'source-max-bytes': String(8 * 1024) },
    says: /source .* is \d+ bytes, over the limit of 8192/,
  },
];

describe('hostile source tarballs, through the bundled action', { concurrency: 3 }, () => {
  // Cases are built when the tests run, after before() made the fixture.
  for (const [i, c] of CASES.entries()) {
    test(`refused before the build: ${c.name} (${c.via})`, async (t) => {
      const body = await c.make();
      const run = join(dir, `case-${i}`);
      const ws = join(run, 'ws');
      const runnerTemp = join(run, 'runner-temp');
      await mkdir(ws, { recursive: true });
      await mkdir(runnerTemp, { recursive: true });
      let source = 'thttpd-2.29.tar.gz';
      if (c.via === 'path') await writeFile(join(ws, source), body);
      else {
        source = `${server.url}/case-${i}/thttpd-2.29.tar.gz`;
        served.set(`/case-${i}/thttpd-2.29.tar.gz`, { body, length: c.via === 'url' });
      }
      const workFolder = (rel: string) => rel === 'runner-temp/static-thttpd' || rel.startsWith('runner-temp/static-thttpd/');
      const before = await snapshot(run, workFolder);
      const result = await runAction(
        { source, sha256: (c.sha256 ?? sha)(body), push: 'false', 'github-token': '', ...c.inputs },
        { workspace: ws, env: { RUNNER_TEMP: runnerTemp, TMPDIR: join(run, 'tmp') } },
      );
      t.after(() => rm(result.dir, { recursive: true, force: true }));
      assert.equal(result.code, 1, result.stdout);
      const error = result.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
      assert.match(error, typeof c.says === 'function' ? c.says() : c.says);
      assert.doesNotMatch(result.stdout, /compiling thttpd/, 'nothing was built');
      const work = await readdir(join(runnerTemp, 'static-thttpd')).catch(() => [] as string[]);
      assert.deepEqual(work.filter((n) => n !== 'source'), [], 'no unpacked tree, build folder or binary left in the work folder');
      const inSource = await readdir(join(runnerTemp, 'static-thttpd', 'source')).catch(() => [] as string[]);
      // A download refused for its checksum or size is deleted; a verified one refused when unpacked may stay in the work folder.
      if (/checksum mismatch|over the limit/.test(error)) assert.deepEqual(inSource, [], 'a refused download is not kept');
      const written = changes(before, await snapshot(run, workFolder));
      assert.deepEqual(written, [], 'nothing written outside the work folder');
      for (const target of c.aims ?? []) await assert.rejects(access(target), `nothing at ${target}`);
      assert.deepEqual(await readdir(outside), [], 'the folder the entries aimed at stays empty');
      rows[i] = [
        c.name,
        body.length > 1 << 20 ? `${(body.length / 2 ** 20).toFixed(1)} MiB` : `${body.length} bytes`,
        c.via + (c.inputs ? `, ${Object.entries(c.inputs).map(([k, v]) => `${k}: ${v}`).join(', ')}` : ''),
        error
          .replace('::error::', '')
          .replace(/127\.0\.0\.1:\d+/g, 'HOST')
          .replace(/\/tmp\/static-thttpd-source-[^/]+\/case-\d+\/ws/g, 'WS')
          .replace(/\/tmp\/static-thttpd-source-[^/]+\/case-\d+\/runner-temp/g, 'RUNNER_TEMP')
          .split(outside)
          .join('OUTSIDE')
          .replace(/[0-9a-f]{64}/g, (h) => `${h.slice(0, 12)}…`),
        'no',
        'nothing',
      ];
    });
  }
});

test('a tampered tarball in the CLI cache is not trusted: downloaded again, then built', async (t) => {
  const run = join(dir, 'cache');
  const cache = join(run, 'cache');
  const key = `static-thttpd-source-2.29-${fixture.sha256}`;
  await mkdir(join(cache, 'static-thttpd', 'sources'), { recursive: true });
  const poisoned = Buffer.from(await readFile(fixture.path));
  poisoned[poisoned.length >> 1] ^= 0x01;
  await writeFile(join(cache, 'static-thttpd', 'sources', `${key}.tar.gz`), poisoned);
  served.set('/cache/thttpd-2.29.tar.gz', { body: await readFile(fixture.path), length: true });
  const before = server.requests.filter((r) => r.endsWith('/cache/thttpd-2.29.tar.gz')).length;
  const result = await runCli(['build', '--source', `${server.url}/cache/thttpd-2.29.tar.gz`, '--sha256', fixture.sha256, '--output', 'image.tar'], {
    cwd: run,
    env: { XDG_CACHE_HOME: cache, TMPDIR: join(run) },
  });
  t.after(() => rm(run, { recursive: true, force: true }));
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /the cached source for thttpd 2\.29 failed its checksum; downloading it again/);
  assert.equal(server.requests.filter((r) => r.endsWith('/cache/thttpd-2.29.tar.gz')).length - before, 1, 'one fresh download');
  assert.equal(sha(await readFile(join(cache, 'static-thttpd', 'sources', `${key}.tar.gz`))), fixture.sha256, 'the cache now holds the verified tarball');
  rows[CASES.length] = ['one byte changed, in the CLI cache', `${poisoned.length} bytes`, 'url, cached copy tampered', 'built: the cached copy failed its checksum and was downloaded again', 'yes, from the fresh download', 'nothing'];
});
