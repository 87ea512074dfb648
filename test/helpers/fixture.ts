// Makes thttpd-like release tarballs from the fixture in test/fixtures/thttpd-like/.
// The fixture is a small web server written for these tests, laid out like a
// thttpd release (configure, Makefile.in, config.h, version.h, thttpd.c,
// libhttpd.c, cgi-src/, extras/), so that the product can be tested without
// downloading thttpd itself.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The fixture's source tree. */
export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/thttpd-like/', import.meta.url));

export interface FixtureRelease {
  readonly version: string;
  /** As thttpd writes it in version.h: "23May2018", "29dec2003". */
  readonly date: string;
}

/** The real thttpd releases (version and version.h date) the product knows. */
export const FIXTURE_RELEASES: readonly FixtureRelease[] = [
  { version: '2.25b', date: '29dec2003' },
  { version: '2.26', date: '14aug2014' },
  { version: '2.27', date: '19Oct2015' },
  { version: '2.28', date: '04Feb2018' },
  { version: '2.29', date: '23May2018' },
];

export interface FixtureTarballOptions {
  /** Folder to write thttpd-<version>.tar.gz into (created if missing). */
  dir: string;
  /** Default 2.29. */
  version?: string;
  /** Default: the date of that release in FIXTURE_RELEASES, else 23May2018. */
  date?: string;
  /** Changes the copied tree (the folder thttpd-<version>/) before it is packed. */
  mutate?: (tree: string) => Promise<void> | void;
}

export interface FixtureTarball {
  path: string;
  /** Lower-case hex SHA-256 of the tarball. */
  sha256: string;
  bytes: number;
  version: string;
}

// Files a build in the fixture folder itself could leave behind: never packed.
const GENERATED = new Set(['Makefile', 'config.log', 'conftest', 'conftest.c', 'thttpd', 'phf', 'htpasswd']);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Seconds since the epoch of a version.h date such as 23May2018, for the entries' mtime. */
function releaseTime(date: string): number {
  const m = /^(\d{2})([A-Za-z]{3})(\d{4})$/.exec(date);
  const month = m ? MONTHS.indexOf((m[2] ?? '').toLowerCase()) : -1;
  if (!m || month < 0) return Date.UTC(2018, 4, 23) / 1000;
  return Date.UTC(Number(m[3]), month, Number(m[1])) / 1000;
}

function runTar(args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`tar ${args.join(' ')} exited with ${code}: ${err.trim()}`));
    });
  });
}

/**
 * Packs the fixture as <dir>/thttpd-<version>.tar.gz, entries under thttpd-<version>/,
 * with version.h saying "thttpd/<version> <date>". The same inputs give the same bytes.
 */
export async function makeFixtureTarball(options: FixtureTarballOptions): Promise<FixtureTarball> {
  const version = options.version ?? '2.29';
  const date = options.date ?? FIXTURE_RELEASES.find((r) => r.version === version)?.date ?? '23May2018';
  if (!/^[A-Za-z0-9._+-]+$/.test(version)) throw new Error(`bad fixture version: ${JSON.stringify(version)}`);
  if (!/^[A-Za-z0-9]+$/.test(date)) throw new Error(`bad fixture date: ${JSON.stringify(date)}`);

  const name = `thttpd-${version}`;
  const work = await mkdtemp(join(tmpdir(), 'thttpd-fixture-'));
  try {
    const tree = join(work, name);
    await cp(FIXTURE_DIR, tree, {
      recursive: true,
      filter: (src) => {
        const base = basename(src);
        return !GENERATED.has(base) && !base.endsWith('.o');
      },
    });
    const versionH = join(tree, 'version.h');
    const text = await readFile(versionH, 'utf8');
    const rewritten = text.replace(/^#define SERVER_SOFTWARE "[^"\n]*"$/m, `#define SERVER_SOFTWARE "thttpd/${version} ${date}"`);
    if (rewritten === text && !text.includes(`"thttpd/${version} ${date}"`)) {
      throw new Error('fixture version.h has no SERVER_SOFTWARE line');
    }
    await writeFile(versionH, rewritten);
    await chmod(join(tree, 'configure'), 0o755);
    if (options.mutate) await options.mutate(tree);

    const tar = await runTar([
      '-C', work,
      '--sort=name', `--mtime=@${releaseTime(date)}`,
      '--owner=0', '--group=0', '--numeric-owner',
      '-cf', '-', name,
    ]);
    const gz = gzipSync(tar, { level: 9 });
    await mkdir(options.dir, { recursive: true });
    const path = join(options.dir, `${name}.tar.gz`);
    await writeFile(path, gz);
    return { path, sha256: createHash('sha256').update(gz).digest('hex'), bytes: gz.length, version };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
