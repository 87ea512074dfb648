// Downloads with retries (ky: backoff with jitter on network errors, 5xx, 408/429 and
// time-outs) and a size bound, so a wrong URL cannot fill the disk.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ky, { HTTPError, TimeoutError } from 'ky';
import { Failure } from '../failure.js';
import type { Logger } from '../types.js';

export interface DownloadOptions {
  maxBytes: number;
  log: Logger;
  retries?: number;
  timeoutMs?: number;
}

function sizeLimit(url: string, maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(tooBig(url, maxBytes, `more than ${maxBytes}`));
      else done(null, chunk);
    },
  });
}

function tooBig(url: string, maxBytes: number, found: string): Failure {
  return new Failure(
    `source ${url} is ${found} bytes, over the limit of ${maxBytes} (a thttpd release is about 135 KB): check the URL, or raise source-max-bytes if this really is the tarball`,
  );
}

function describe(error: unknown): string {
  if (error instanceof HTTPError) return `HTTP ${error.response.status} ${error.response.statusText}`.trim();
  if (error instanceof TimeoutError) return 'timed out';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

export async function download(url: string, dest: string, options: DownloadOptions): Promise<void> {
  const retries = options.retries ?? 3;
  try {
    const response = await ky.get(url, {
      timeout: options.timeoutMs ?? 60_000,
      retry: { limit: retries, jitter: true, backoffLimit: 8_000, retryOnTimeout: true },
      hooks: {
        beforeRetry: [({ error, retryCount }) => options.log.warning(`download of ${url} failed (${describe(error)}), retry ${retryCount} of ${retries}`)],
      },
    });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      throw tooBig(url, options.maxBytes, String(declared));
    }
    if (!response.body) throw new Failure(`source ${url} answered ${response.status} with no body: check the URL`);
    await pipeline(Readable.fromWeb(response.body as never), sizeLimit(url, options.maxBytes), createWriteStream(dest));
  } catch (error) {
    await rm(dest, { force: true });
    if (error instanceof Failure) throw error;
    throw new Failure(
      `could not download the thttpd source from ${url}: ${describe(error)}${retries ? ` (after ${retries} retries)` : ''}. Check the URL and the network, or pass a local tarball with source`,
    );
  }
}
