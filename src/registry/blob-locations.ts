// Which repositories of a registry hold a blob, as far as we pushed or saw it. A registry
// can link a blob from one repository into another without the bytes travelling again
// (a cross-repository mount), but only if we name where it already is: it keeps no index
// we may query. A JSON file is enough to carry that memory between runs (or caches).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Failure } from '../failure.js';

export interface BlobLocations {
  /** Repositories of `registry` known to hold `digest`. */
  repositoriesWith(registry: string, digest: string): Promise<string[]>;
  /** Notes that `repository` on `registry` now holds `digest`. */
  record(registry: string, digest: string, repository: string): Promise<void>;
}

interface StoredLocations {
  version: 1;
  /** registry → digest → repositories */
  registries: Record<string, Record<string, string[]>>;
}

/** Kept small: a long-lived cache should not grow without bound. */
const MAX_REPOSITORIES_PER_BLOB = 8;

export class JsonFileBlobLocations implements BlobLocations {
  private data: StoredLocations | undefined;

  constructor(readonly file: string) {}

  private async load(): Promise<StoredLocations> {
    if (this.data) return this.data;
    let text: string | undefined;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    this.data = { version: 1, registries: {} };
    if (text !== undefined) {
      try {
        const parsed = JSON.parse(text) as Partial<StoredLocations>;
        if (parsed.version === 1 && parsed.registries && typeof parsed.registries === 'object') this.data = parsed as StoredLocations;
      } catch {
        // A damaged cache costs only uploads: start afresh rather than fail the push.
      }
    }
    return this.data;
  }

  async repositoriesWith(registry: string, digest: string): Promise<string[]> {
    const data = await this.load();
    const repos = data.registries[registry]?.[digest];
    return Array.isArray(repos) ? repos.filter((r) => typeof r === 'string') : [];
  }

  async record(registry: string, digest: string, repository: string): Promise<void> {
    const data = await this.load();
    const byDigest = (data.registries[registry] ??= {});
    const repos = (byDigest[digest] ??= []);
    if (repos[0] === repository) return;
    // Most recent first: the likeliest to still exist next time.
    byDigest[digest] = [repository, ...repos.filter((r) => r !== repository)].slice(0, MAX_REPOSITORIES_PER_BLOB);
    await this.save(data);
  }

  private async save(data: StoredLocations): Promise<void> {
    try {
      await mkdir(dirname(this.file), { recursive: true });
      // Write then rename, so a crash leaves the old file rather than half a new one. The
      // temporary name is unique per write: two stores (or two saves) in one process on one
      // file must not write one temporary file and rename it from under each other.
      const temporary = `${this.file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`);
        await rename(temporary, this.file);
      } finally {
        await rm(temporary, { force: true });
      }
    } catch (error) {
      throw new Failure(`Expected to write the blob-location cache ${this.file}, found: ${(error as Error).message}. Point it at a writable path or leave it out.`);
    }
  }
}

/** Remembers within one run only: the default when no file is given. */
export class MemoryBlobLocations implements BlobLocations {
  private readonly map = new Map<string, string[]>();

  async repositoriesWith(registry: string, digest: string): Promise<string[]> {
    return this.map.get(`${registry} ${digest}`) ?? [];
  }

  async record(registry: string, digest: string, repository: string): Promise<void> {
    const key = `${registry} ${digest}`;
    this.map.set(key, [repository, ...(this.map.get(key) ?? []).filter((r) => r !== repository)]);
  }
}
