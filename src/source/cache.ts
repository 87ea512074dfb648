// Where verified tarballs are kept between runs. The action uses GitHub's cache, the CLI
// a folder; a cached file is trusted only after its checksum is verified again.
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../types.js';

export interface SourceCache {
  /** Puts the cached file for key at path; false when there is none. */
  restore(key: string, path: string): Promise<boolean>;
  save(key: string, path: string): Promise<void>;
}

export function cacheKey(version: string, sha256: string): string {
  return `static-thttpd-source-${version}-${sha256}`;
}

/** A cache that is down costs a download, never the build: its errors become warnings. */
export function forgivingCache(cache: SourceCache, log: Logger): SourceCache {
  return {
    async restore(key, path) {
      try {
        return await cache.restore(key, path);
      } catch (error) {
        log.warning(`source cache unavailable, downloading instead: ${(error as Error).message}`);
        return false;
      }
    },
    async save(key, path) {
      try {
        await cache.save(key, path);
      } catch (error) {
        log.warning(`could not save the source to the cache (the build goes on): ${(error as Error).message}`);
      }
    },
  };
}

/** A cache in a folder, for the CLI. */
export function folderCache(dir: string): SourceCache {
  return {
    async restore(key, path) {
      try {
        await copyFile(join(dir, `${key}.tar.gz`), path);
        return true;
      } catch {
        return false;
      }
    },
    async save(key, path) {
      await mkdir(dir, { recursive: true });
      const partial = join(dir, `.${key}.${process.pid}`);
      await copyFile(path, partial);
      await rename(partial, join(dir, `${key}.tar.gz`));
    },
  };
}
