// Downloads with retries (ky: backoff with jitter on network errors, time-outs and the
// answers in RETRIED_STATUSES) and a size bound, so a wrong URL cannot fill the disk.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ky, { HTTPError, TimeoutError } from 'ky';
import { Failure } from '../failure.js';
import type { InputNamer } from '../settings.js';
import type { Logger } from '../types.js';

export interface DownloadOptions {
  maxBytes: number;
  log: Logger;
  name: InputNamer;
  retries?: number;
  timeoutMs?: number;
}

function sizeLimit(url: string, options: DownloadOptions): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > options.maxBytes) done(tooBig(url, options, `more than ${options.maxBytes}`));
      else done(null, chunk);
    },
  });
}

function tooBig(url: string, { maxBytes, name }: DownloadOptions, found: string): Failure {
  return new Failure(
    `source ${url} is ${found} bytes, over the limit of ${maxBytes} (a thttpd release is about 135 KB): check ${name('source')}, or raise ${name('source-max-bytes')} if this really is the tarball`,
  );
}

/** Answers worth asking again (ky's own list, spelled out so the failure message can tell); any other is final. */
const RETRIED_STATUSES = [408, 413, 429, 500, 502, 503, 504];

function isFinalAnswer(error: unknown): boolean {
  return error instanceof HTTPError && !RETRIED_STATUSES.includes(error.response.status);
}

/** What the retries amounted to, as it happened. */
function retryNote(retried: number, error: unknown): string {
  if (retried) return ` (after ${retried} ${retried === 1 ? 'retry' : 'retries'})`;
  if (isFinalAnswer(error)) return ' (not retried: the server\'s answer is final)';
  return '';
}

function describe(error: unknown): string {
  if (error instanceof HTTPError) return `HTTP ${error.response.status} ${error.response.statusText}`.trim();
  if (error instanceof TimeoutError) return 'timed out';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

export async function download(url: string, dest: string, options: DownloadOptions): Promise<void> {
  const retries = options.retries ?? 3;
  let retried = 0;
  try {
    const response = await ky.get(url, {
      timeout: options.timeoutMs ?? 60_000,
      retry: { limit: retries, statusCodes: RETRIED_STATUSES, jitter: true, backoffLimit: 8_000, retryOnTimeout: true },
      hooks: {
        beforeRetry: [
          ({ error, retryCount }) => {
            retried = retryCount;
            options.log.warning(`download of ${url} failed (${describe(error)}), retry ${retryCount} of ${retries}`);
          },
        ],
      },
    });
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      throw tooBig(url, options, String(declared));
    }
    if (!response.body) throw new Failure(`source ${url} answered ${response.status} with no body, expected the tarball's bytes: check ${options.name('source')}`);
    await pipeline(Readable.fromWeb(response.body as never), sizeLimit(url, options), createWriteStream(dest));
  } catch (error) {
    await rm(dest, { force: true });
    if (error instanceof Failure) throw error;
    throw new Failure(
      `could not download the thttpd source from ${url}: ${describe(error)}${retryNote(retried, error)}. Check the URL and the network, or pass a local tarball with ${options.name('source')}`,
    );
  }
}
