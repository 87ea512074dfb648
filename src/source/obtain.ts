// Gets the release tarball (cache, URL or local path) and proves it is the expected one
// before anything reads it.
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Failure } from '../failure.js';
import type { InputNamer } from '../settings.js';
import type { Logger, Source } from '../types.js';
import { cacheKey, type SourceCache } from './cache.js';
import { sha256File } from './checksum.js';
import { download } from './download.js';

export interface SourceSpec {
  version: string;
  /** An http(s) URL or an absolute path. */
  location: string;
  sha256: string;
  maxBytes: number;
  workDir: string;
  name: InputNamer;
}

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

async function verify(path: string, spec: SourceSpec): Promise<number> {
  const actual = await sha256File(path);
  if (actual.sha256 !== spec.sha256) {
    const what = isUrl(spec.location) ? 'The download is corrupt' : 'The file is damaged';
    throw new Failure(
      `checksum mismatch for thttpd ${spec.version} from ${spec.location}: expected sha256 ${spec.sha256}, got ${actual.sha256} (${actual.bytes} bytes). ` +
        `${what} or not the release you asked for; if you trust this tarball, pass its checksum with ${spec.name('sha256')}`,
    );
  }
  return actual.bytes;
}

async function localSize(path: string, spec: SourceSpec): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    const found = info ? (info.isDirectory() ? 'a folder' : 'something else') : 'nothing';
    throw new Failure(`source ${path} is not a file: pass an http(s) URL or the path of a thttpd-VERSION.tar.gz with ${spec.name('source')} (found ${found} at that path)`);
  }
  if (info.size > spec.maxBytes) {
    throw new Failure(
      `source ${path} is ${info.size} bytes, over the limit of ${spec.maxBytes} (a thttpd release is about 135 KB): check ${spec.name('source')}, or raise ${spec.name('source-max-bytes')} if this really is the tarball`,
    );
  }
  return info.size;
}

export async function obtainSource(spec: SourceSpec, cache: SourceCache, log: Logger): Promise<Source> {
  if (!isUrl(spec.location)) {
    await localSize(spec.location, spec);
    const bytes = await verify(spec.location, spec);
    return { version: spec.version, tarball: spec.location, sha256: spec.sha256, bytes, fromCache: false };
  }

  const dir = join(spec.workDir, 'source');
  await mkdir(dir, { recursive: true });
  const tarball = join(dir, `thttpd-${spec.version}.tar.gz`);
  await rm(tarball, { force: true });
  const key = cacheKey(spec.version, spec.sha256);

  if (await cache.restore(key, tarball)) {
    try {
      const bytes = await verify(tarball, spec);
      log.info(`thttpd ${spec.version}: source from the cache (${bytes} bytes, sha256 verified)`);
      return { version: spec.version, tarball, sha256: spec.sha256, bytes, fromCache: true };
    } catch {
      log.warning(`the cached source for thttpd ${spec.version} failed its checksum; downloading it again`);
      await rm(tarball, { force: true });
    }
  }

  log.info(`thttpd ${spec.version}: downloading ${spec.location}`);
  await download(spec.location, tarball, { maxBytes: spec.maxBytes, log, name: spec.name });
  try {
    const bytes = await verify(tarball, spec);
    await cache.save(key, tarball);
    return { version: spec.version, tarball, sha256: spec.sha256, bytes, fromCache: false };
  } catch (error) {
    await rm(tarball, { force: true });
    throw error;
  }
}
