// What the reliability tests share: the tables they print (rows as JSON under
// test-results/reliability/, which scripts/reliability-report.ts turns into
// docs/reliability.md), a snapshot of a folder tree to prove nothing was written where it
// should not be, a one-off build of the fixture through the bundled CLI, and the image
// config of the archive it wrote.
import { mkdirSync, writeFileSync } from 'node:fs';
import { lstat, mkdtemp, readFile, readdir, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { extract } from 'tar-stream';
import { REPO, runCli, type Finished } from './entries.js';
import { makeFixtureTarball, type FixtureTarball } from './fixture.js';
import { skopeoRaw, type TestRegistry } from './registry.js';

export const TABLES_DIR = join(REPO, 'test-results', 'reliability');

export type Cell = string | number | boolean;

export interface Table {
  /** File name (without .json) and sort key in the report, e.g. `10-faults`. */
  id: string;
  title: string;
  /** One paragraph: what was done to what. */
  intro: string;
  columns: string[];
  rows: Cell[][];
  /** Lines under the table: totals, what a column means. */
  notes?: string[];
}

/** Writes the table's rows for the report; called once per table, after its tests. */
export function writeTable(table: Table): void {
  for (const row of table.rows) {
    if (row.length !== table.columns.length) throw new Error(`table ${table.id}: a row has ${row.length} cells for ${table.columns.length} columns: ${JSON.stringify(row)}`);
  }
  mkdirSync(TABLES_DIR, { recursive: true });
  writeFileSync(join(TABLES_DIR, `${table.id}.json`), `${JSON.stringify(table, null, 2)}\n`);
}

export interface Snapshot {
  root: string;
  /** relative path → `type size mtime` (or the link target): a change to any byte's file shows. */
  entries: Map<string, string>;
}

/** Every file, folder and link under root, except those `skip` names (relative paths). */
export async function snapshot(root: string, skip: (rel: string) => boolean = () => false): Promise<Snapshot> {
  const entries = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, name);
      const rel = relative(root, path);
      if (skip(rel)) continue;
      const st = await lstat(path);
      if (st.isDirectory()) {
        entries.set(rel, 'dir');
        await walk(path);
      } else if (st.isSymbolicLink()) {
        entries.set(rel, `link ${await readlink(path)}`);
      } else {
        entries.set(rel, `file ${st.size} ${st.mtimeMs}`);
      }
    }
  };
  await walk(root);
  return { root, entries };
}

/** What changed between two snapshots of one root: `+ added`, `- removed`, `~ changed`. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [rel, what] of after.entries) {
    const was = before.entries.get(rel);
    if (was === undefined) out.push(`+ ${rel}`);
    else if (was !== what) out.push(`~ ${rel}`);
  }
  for (const rel of before.entries.keys()) if (!after.entries.has(rel)) out.push(`- ${rel}`);
  return out.sort();
}

export interface BuiltFixture {
  dir: string;
  tarball: FixtureTarball;
  /** The verified amd64 server, as the product built it. */
  binary: string;
  archive: string;
  result: Finished;
}

/**
 * The fixture built once through the bundled CLI, as a user would: `--binaries` keeps the
 * server, `--output` writes the image archive. Extra CLI arguments go last.
 */
export async function buildFixture(name: string, args: string[] = [], env: Record<string, string> = {}): Promise<BuiltFixture> {
  const dir = await mkdtemp(join(tmpdir(), `static-thttpd-${name}-`));
  const tarball = await makeFixtureTarball({ dir });
  const result = await runCli(['build', '--source', tarball.path, '--sha256', tarball.sha256, '--binaries', 'bin', '--output', 'image.tar', ...args], {
    cwd: dir,
    env: { SOURCE_DATE_EPOCH: '1700000000', ...env },
  });
  if (result.code !== 0) throw new Error(`building the fixture failed (${result.code}):\n${result.stderr}`);
  return { dir, tarball, binary: join(dir, 'bin', 'thttpd-linux-amd64-glibc'), archive: join(dir, 'image.tar'), result };
}

export interface ImageConfig {
  Entrypoint?: string[];
  StopSignal?: string;
  User?: string;
}

/** The `config` of the first platform's image in an OCI-layout archive the CLI wrote. */
export async function readImageConfig(archive: string): Promise<ImageConfig> {
  const files = new Map<string, Buffer>();
  const tar = await readFile(archive);
  await new Promise<void>((resolve, reject) => {
    const ex = extract();
    ex.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c) => chunks.push(c as Buffer));
      stream.on('end', () => {
        files.set(header.name, Buffer.concat(chunks));
        next();
      });
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
    ex.end(tar);
  });
  const json = (name: string): Record<string, unknown> => {
    const file = files.get(name);
    assert.ok(file, `${archive} holds ${name}`);
    return JSON.parse(file.toString()) as Record<string, unknown>;
  };
  const blob = (digest: unknown) => json(`blobs/${String(digest).replace(':', '/')}`);
  const first = (doc: Record<string, unknown>) => (doc['manifests'] as { digest: string }[] | undefined)?.[0]?.digest;
  const manifest = blob(first(blob(first(json('index.json')))));
  const config = blob((manifest['config'] as { digest: string }).digest);
  return config['config'] as ImageConfig;
}

export const sha256 = (data: Buffer) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/**
 * What a tag names in a plain-HTTP, no-auth test registry, as skopeo reads it, checked
 * whole: each platform manifest by digest (its bytes hash to it) and each blob it names
 * (HEAD answers 200). Undefined when the tag does not exist.
 */
export async function readWholeTag(registry: TestRegistry, repository: string, tag: string): Promise<Buffer | undefined> {
  let raw: Buffer;
  try {
    raw = await skopeoRaw(`${registry.host}/${repository}:${tag}`, { tls: false });
  } catch (error) {
    assert.match((error as Error).message, /manifest unknown|not found/i, `skopeo on ${repository}:${tag}`);
    return undefined;
  }
  const index = JSON.parse(raw.toString()) as { manifests?: { digest: string }[] };
  assert.ok(Array.isArray(index.manifests) && index.manifests.length > 0, `${repository}:${tag} is an index with manifests`);
  for (const { digest } of index.manifests) {
    const manifest = await skopeoRaw(`${registry.host}/${repository}@${digest}`, { tls: false });
    assert.equal(sha256(manifest), digest, `${repository}@${digest} is whole`);
    const parsed = JSON.parse(manifest.toString()) as { config: { digest: string }; layers: { digest: string }[] };
    for (const blob of [parsed.config.digest, ...parsed.layers.map((l) => l.digest)]) {
      const head = await fetch(`${registry.url}/v2/${repository}/blobs/${blob}`, { method: 'HEAD' });
      assert.equal(head.status, 200, `blob ${blob} of ${repository}:${tag}`);
    }
  }
  return raw;
}
