// The one place that sends HTTP: picks the scheme, bounds every attempt with a time-out and
// retries what a retry can fix (network errors, 429, 5xx) with backoff, so a flaky runner
// network or a registry's rate limit does not fail a release, while a wrong password
// (any other 4xx) fails at once instead of hammering the registry.
import { isIP } from 'node:net';
import { Failure } from '../failure.js';
import type { Logger } from '../types.js';

/** Named in registry logs, so an operator can tell our requests apart. */
export const USER_AGENT = 'static-thttpd';

export interface RetryPolicy {
  /** Tries per request, the first included. */
  attempts: number;
  /** Backoff before the second try; doubles each time. */
  baseDelayMs: number;
  /** Cap of the backoff. */
  maxDelayMs: number;
  /** Cap of a server's Retry-After: a registry asking for an hour should fail, not stall the job. */
  maxRetryAfterMs: number;
  /** Time-out of one attempt, response body included. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  timeoutMs: 30_000,
};

export interface TransportOptions {
  /** Hosts (`host` or `host:port`) that may be spoken to over plain HTTP, besides loopback. */
  insecureRegistries?: string[];
  /** How the entry names that list (`input "insecure-registries"`, `--insecure-registry`), for messages. */
  insecureRegistriesName?: string;
  retry?: Partial<RetryPolicy>;
  logger?: Logger;
  /** Injected in unit tests; real timers otherwise. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Headers;
  body: Buffer;
  /** The URL that answered, after redirects: relative Locations resolve against it. */
  url: string;
  /** Attempts beyond the first this request needed, over all its redirects. */
  retries: number;
}

/** Redirects followed per request, as many as Go's HTTP client (and so docker) follows. */
export const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface TransportStats {
  /** HTTP exchanges sent, retries included. */
  requests: number;
  retries: number;
}

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY };
  for (const [key, value] of Object.entries(overrides) as [keyof RetryPolicy, number | undefined][]) {
    if (value !== undefined) policy[key] = value;
  }
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) {
    throw new Failure(`Expected at least 1 attempt per registry request, found ${policy.attempts}. Set attempts to 1 or more.`);
  }
  if (!(policy.timeoutMs > 0)) {
    throw new Failure(`Expected a positive registry time-out, found ${policy.timeoutMs} ms. Set a time-out above 0.`);
  }
  return policy;
}

/**
 * Backoff before retry number `retry` (1 = the first retry): exponential, capped, with
 * "equal jitter" (half fixed, half random) so parallel jobs spread out but never retry at once.
 */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After is either delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) return Number(text) * 1000;
  // Only the IMF-fixdate family: Date.parse alone would read "5 apples" as a date.
  if (!/[a-z]{3},? .*\d{2}:\d{2}:\d{2}/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** localhost, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  const name = stripPort(host).toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6) return name === '::1' || name === '0:0:0:0:0:0:0:1';
  return false;
}

function stripPort(host: string): string {
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'));
  const colon = host.lastIndexOf(':');
  return colon !== -1 && host.indexOf(':') === colon ? host.slice(0, colon) : host;
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

// Errors meaning "the peer does not speak TLS": for a host allowed plain HTTP, switch to it.
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'EPROTO', 'ERR_SSL_HTTP_REQUEST']);
// Transient network trouble, worth another try. DNS "not found" and TLS verification are not.
const TRANSIENT = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
  'ENETDOWN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
]);
const CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED',
]);

interface NetworkProblem {
  code: string;
  detail: string;
  kind: 'timeout' | 'not-tls' | 'transient' | 'certificate' | 'other';
}

function classify(error: unknown): NetworkProblem {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (err?.name === 'TimeoutError' || err?.cause?.name === 'TimeoutError') return { code: 'TIMEOUT', detail: 'timed out', kind: 'timeout' };
  const code = err?.cause?.code ?? (err as { code?: string })?.code ?? '';
  // OpenSSL messages carry an error number, file paths and line numbers: keep the reason.
  const first = (err?.cause?.message ?? err?.message ?? String(error)).split('\n')[0].replace(/:\.\.\/deps\/.*$/, '');
  const detail = /^[0-9A-F]+:error:[0-9A-F]+:/.test(first) ? (first.split(':').at(-1) ?? first) : first;
  if (NOT_TLS.has(code)) return { code, detail, kind: 'not-tls' };
  if (CERTIFICATE.has(code)) return { code, detail, kind: 'certificate' };
  if (TRANSIENT.has(code)) return { code, detail, kind: 'transient' };
  return { code, detail, kind: 'other' };
}

/** `PUT /v2/me/web/blobs/uploads/…` without the query: short, and upload state stays out of logs. */
export function describeRequest(method: string, url: string): string {
  const u = new URL(url);
  return `${method} ${u.pathname}`;
}

export class Transport {
  readonly policy: RetryPolicy;
  readonly stats: TransportStats = { requests: 0, retries: 0 };
  private readonly insecure: Set<string>;
  private readonly insecureName: string;
  /** Hosts allowed plain HTTP that turned out not to speak TLS. */
  private readonly plainHosts = new Set<string>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly logger: Logger | undefined;

  constructor(options: TransportOptions = {}) {
    this.policy = retryPolicy(options.retry);
    this.insecure = new Set((options.insecureRegistries ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean));
    this.insecureName = options.insecureRegistriesName ?? 'insecure-registries';
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.logger = options.logger;
  }

  /**
   * Backs off before another try that a caller above the transport decided on (an answer
   * that means "not yet" rather than "no"), counted and logged like the transport's own.
   */
  async waitToRetry(attempt: number, why: string): Promise<void> {
    const delay = backoffDelay(attempt, this.policy, this.random);
    this.logger?.warning(`${why}; retrying in ${formatMs(delay)} (attempt ${attempt + 1} of ${this.policy.attempts}).`);
    this.stats.retries++;
    await this.sleep(delay);
  }

  /** Plain HTTP is allowed for loopback and for hosts the user listed, never silently otherwise. */
  allowsPlainHttp(host: string): boolean {
    const h = host.toLowerCase();
    return isLoopbackHost(h) || this.insecure.has(h) || this.insecure.has(stripPort(h));
  }

  /**
   * `https://host`, or `http://host` for a host allowed plain HTTP whose HTTPS attempt showed
   * it speaks none (learnt by `send`). HTTPS is tried first even on loopback: a local test
   * registry may well serve TLS.
   */
  origin(host: string): string {
    return `${this.plainHosts.has(host.toLowerCase()) ? 'http' : 'https'}://${host}`;
  }

  /**
   * Sends a request, following redirects by hand (at most MAX_REDIRECTS): each hop must pass
   * the same HTTPS rule as the first URL, and Authorization never leaves the origin it was
   * meant for (a registry's blob storage gets a signed URL instead).
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    let hop = request;
    let retries = 0;
    for (let redirects = 0; ; redirects++) {
      const response = await this.exchange(hop, redirects > 0 ? request : undefined);
      retries += response.retries;
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return { ...response, retries };
      if (redirects === MAX_REDIRECTS) {
        throw new Failure(
          `Expected ${new URL(request.url).host} to answer ${describeRequest(request.method, request.url)} within ${MAX_REDIRECTS} redirects, found more (the last to ${describeRequest(hop.method, hop.url)}). ` +
            'A proxy or the registry is redirecting in a loop: check the registry address and what sits in front of it.',
        );
      }
      hop = redirectedRequest(hop, response, location);
    }
  }

  /** One URL, with its retries and the switch to plain HTTP for an allowed host that speaks no TLS. */
  private async exchange(request: HttpRequest, redirectedFrom?: HttpRequest): Promise<HttpResponse> {
    let url = new URL(request.url);
    const host = url.host.toLowerCase();
    const via = redirectedFrom ? `, where ${describeRequest(redirectedFrom.method, redirectedFrom.url)} to ${new URL(redirectedFrom.url).host} redirected` : '';
    if (url.protocol === 'http:' && !this.allowsPlainHttp(host)) {
      throw new Failure(
        `Expected HTTPS for ${host}, found a plain HTTP URL (${describeRequest(request.method, url.href)}${via}). ` +
          `Plain HTTP is used only for loopback hosts and those listed in ${this.insecureName}: add ${host} there if it really serves no TLS.`,
      );
    }
    const what = describeRequest(request.method, url.href);
    let retries = 0;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        this.stats.requests++;
        response = await fetch(url, {
          method: request.method,
          headers: { 'user-agent': USER_AGENT, ...request.headers },
          body: request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.policy.timeoutMs),
        });
        const body = Buffer.from(await response.arrayBuffer());
        if (isRetryableStatus(response.status) && attempt < this.policy.attempts) {
          const asked = parseRetryAfter(response.headers.get('retry-after'));
          const delay = asked !== undefined ? Math.min(asked, this.policy.maxRetryAfterMs) : backoffDelay(attempt, this.policy, this.random);
          this.logger?.warning(`${host} answered ${what} with ${response.status}; retrying in ${formatMs(delay)} (attempt ${attempt + 1} of ${this.policy.attempts}).`);
          retries++;
          this.stats.retries++;
          await this.sleep(delay);
          continue;
        }
        return { status: response.status, statusText: response.statusText, headers: response.headers, body, url: url.href, retries };
      } catch (error) {
        const problem = classify(error);
        if (problem.kind === 'not-tls' && url.protocol === 'https:') {
          if (!this.allowsPlainHttp(host)) {
            throw new Failure(
              `Expected ${host} to speak TLS on ${what}${via}, found it seems to speak plain HTTP (${problem.detail}). ` +
                `Plain HTTP is used only for loopback hosts and those listed in ${this.insecureName}: add ${host} there if this registry really serves no TLS, or check the port.`,
            );
          }
          // Not a retry: the same attempt, in the scheme the host speaks.
          this.plainHosts.add(host);
          url = new URL(url.href.replace(/^https:/, 'http:'));
          attempt--;
          continue;
        }
        if (problem.kind === 'certificate') {
          throw new Failure(
            `Expected a TLS certificate for ${host} that this machine trusts, found: ${problem.detail} (${problem.code}) on ${what}${via}. ` +
              'If the registry uses a private CA, start the process with NODE_EXTRA_CA_CERTS=/path/to/ca.pem.',
          );
        }
        const retryable = problem.kind === 'transient' || problem.kind === 'timeout';
        if (retryable && attempt < this.policy.attempts) {
          const delay = backoffDelay(attempt, this.policy, this.random);
          this.logger?.warning(`${what} to ${host} failed (${problem.detail}); retrying in ${formatMs(delay)} (attempt ${attempt + 1} of ${this.policy.attempts}).`);
          retries++;
          this.stats.retries++;
          await this.sleep(delay);
          continue;
        }
        const timeout = problem.kind === 'timeout' ? `timed out after ${formatMs(this.policy.timeoutMs)}` : problem.detail;
        throw new NetworkFailure(
          `Expected ${host} to answer ${what}${via}, found no answer: ${timeout}${attempt > 1 ? ` (${attempt} attempts)` : ''}. ` +
            'Check that the registry address is right, that it is up and reachable from this machine, then run again.',
          attempt - 1,
        );
      }
    }
  }
}

/**
 * The request a redirect asks for, by the fetch standard's rules: 303 (and 301/302 after a
 * POST) becomes a GET without body; 307/308 resend the same request. Authorization goes
 * only to the origin it was given for.
 */
export function redirectedRequest(from: HttpRequest, response: Pick<HttpResponse, 'status' | 'url'>, location: string): HttpRequest {
  let next: URL;
  try {
    next = new URL(location, response.url);
  } catch {
    next = new URL('invalid:');
  }
  if (next.protocol !== 'https:' && next.protocol !== 'http:') {
    throw new Failure(
      `Expected ${new URL(from.url).host} to redirect ${describeRequest(from.method, from.url)} to an http(s) URL, found a ${next.protocol === 'invalid:' ? 'malformed' : next.protocol} Location. ` +
        'The registry (or a proxy) is misconfigured: check what sits in front of it.',
    );
  }
  const sameOrigin = next.origin === new URL(from.url).origin;
  const toGet = (response.status === 303 && from.method !== 'HEAD') || ((response.status === 301 || response.status === 302) && from.method === 'POST');
  const dropped = new Set([...(sameOrigin ? [] : ['authorization', 'cookie']), ...(toGet ? ['content-type', 'content-length'] : [])]);
  const headers = Object.fromEntries(Object.entries(from.headers ?? {}).filter(([name]) => !dropped.has(name.toLowerCase())));
  return toGet ? { method: 'GET', url: next.href, headers } : { method: from.method, url: next.href, headers, body: from.body };
}

/** A request that got no HTTP answer at all, after its retries. */
export class NetworkFailure extends Failure {
  constructor(
    message: string,
    readonly retries: number,
  ) {
    super(message);
  }
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;
}
