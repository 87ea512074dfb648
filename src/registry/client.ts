// The distribution API calls the publish stage needs, for one registry, each checked
// against what the spec says a registry answers, so a misbehaving registry or proxy is
// caught at the request that went wrong and named in the error.
import { createHash } from 'node:crypto';
import { Failure } from '../failure.js';
import type { Blob, Logger } from '../types.js';
import { Authenticator, registryError, registryErrorCodes, repositoryScope } from './auth.js';
import { resolveCredentials, type CredentialInputs, type Env } from './credentials.js';
import { DIGEST, TAG, type ImageName } from './reference.js';
import { NetworkFailure, Transport, type HttpRequest, type HttpResponse, type RetryPolicy } from './transport.js';

export interface RegistryClientOptions {
  credentials?: CredentialInputs;
  /** Hosts allowed plain HTTP besides loopback. */
  insecureRegistries?: string[];
  /** How the entry names that list, for messages (default `insecure-registries`). */
  insecureRegistriesName?: string;
  retry?: Partial<RetryPolicy>;
  mask?: (secret: string) => void;
  logger?: Logger;
  /** DOCKER_CONFIG, HOME and PATH (for credential helpers); nothing is read from process.env. */
  env?: Env;
}

export type MountResult = { mounted: true } | { mounted: false; /** The upload the registry opened instead, absolute. */ location: string | undefined };

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** What a 401/403 should make the user check, per registry. */
export function permissionHint(name: ImageName): string {
  const base = `Check the credentials and that they may push to ${name.name}`;
  if (name.domain === 'ghcr.io') return `${base}: for ghcr.io the token needs \`packages: write\` (in a workflow, \`permissions: packages: write\`), and a personal token the write:packages scope.`;
  if (name.domain === 'docker.io') return `${base}: for Docker Hub use an access token with Read & Write permission.`;
  return `${base}.`;
}

export function sha256Digest(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** Bounds a tag listing: a registry (or proxy) linking pages forever must not hang a run. */
const MAX_TAG_PAGES = 1000;

function tagsOfPage(registry: string, repository: string, body: Buffer): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  const tags = isObject ? (parsed as { tags?: unknown }).tags : 'not an object';
  // distribution answers `"tags": null` for a repository whose tags were all deleted.
  if (tags === null || tags === undefined) return [];
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
    throw new Failure(`Expected the tag list of ${registry}/${repository} as JSON {"tags": [...]}, found something else. Check the registry (or the proxy in front of it).`);
  }
  return tags as string[];
}

/** The `rel="next"` target of a Link header, resolved against the page that carried it. */
export function nextPage(link: string | null, base: string): string | undefined {
  for (const part of (link ?? '').split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match?.[1] !== undefined && /;\s*rel="?next"?(?:\s*[;,]|\s*$)/i.test(match[2] ?? '')) return new URL(match[1], base).href;
  }
  return undefined;
}

export class RegistryClient {
  readonly transport: Transport;
  readonly auth: Authenticator;
  private started = false;

  private constructor(
    readonly name: ImageName,
    transport: Transport,
    auth: Authenticator,
  ) {
    this.transport = transport;
    this.auth = auth;
  }

  /** Resolves credentials (inputs, Docker config, GitHub token) and builds a client. */
  static async create(name: ImageName, options: RegistryClientOptions = {}): Promise<RegistryClient> {
    const mask = options.mask ?? (() => undefined);
    const credentials = await resolveCredentials(name, options.credentials ?? {}, { env: options.env ?? {}, mask });
    const transport = new Transport({ insecureRegistries: options.insecureRegistries, insecureRegistriesName: options.insecureRegistriesName, retry: options.retry, logger: options.logger });
    const auth = new Authenticator({ transport, registry: name.registry, credentials, mask, logger: options.logger, permissionHint: permissionHint(name) });
    if (credentials) {
      const who = credentials.identityToken ? `an identity token${credentials.username ? ` of ${credentials.username}` : ''}` : `user ${credentials.username}`;
      options.logger?.info(`Using credentials for ${name.domain} from ${credentials.source} (${who}).`);
    }
    return new RegistryClient(name, transport, auth);
  }

  get registry(): string {
    return this.name.registry;
  }

  private url(path: string): string {
    return `${this.transport.origin(this.registry)}${path}`;
  }

  /**
   * The first call probes `GET /v2/`: it learns the auth scheme and, for loopback or
   * insecure hosts, whether the registry speaks TLS, so URLs are built only after it.
   */
  private async ready(): Promise<void> {
    if (this.started) return;
    await this.auth.start(this.transport.origin(this.registry));
    this.started = true;
  }

  /** Every API call goes through here: auth header, one re-authentication on 401. */
  private async call(request: HttpRequest, scopes: string[]): Promise<HttpResponse> {
    const send = async (withScopes: string[]) => {
      const authorization = await this.auth.header(withScopes);
      return this.transport.send({ ...request, headers: { ...request.headers, ...(authorization ? { authorization } : {}) } });
    };
    const response = await send(scopes);
    if (response.status !== 401) return response;
    const retryScopes = this.auth.retryScopes(response, scopes);
    return retryScopes ? send(retryScopes) : response;
  }

  private fail(method: string, url: string, response: HttpResponse, todo?: string): Failure {
    const denied = response.status === 401 || response.status === 403;
    const hint = denied
      ? permissionHint(this.name)
      : response.status === 429
        ? 'The registry is limiting the rate of requests: wait a while, then run again.'
        : 'See the registry\'s message; run again once it is fixed.';
    return registryError(this.registry, method, url, response, todo ?? hint);
  }

  private static checkDigest(digest: string): void {
    if (!DIGEST.test(digest)) throw new Failure(`Expected a sha256 digest (sha256:<64 hex>), found \`${digest}\`. This is a bug in the image stage.`);
  }

  async hasBlob(repository: string, digest: string): Promise<boolean> {
    RegistryClient.checkDigest(digest);
    await this.ready();
    const url = this.url(`/v2/${repository}/blobs/${digest}`);
    const response = await this.call({ method: 'HEAD', url }, [repositoryScope(repository, ['pull', 'push'])]);
    if (response.status === 200) return true;
    if (response.status === 404) return false;
    throw this.fail('HEAD', url, response);
  }

  /**
   * Asks the registry to link a blob it holds in `fromRepository` into `repository`: no
   * bytes sent. 202 means it declined (no such blob there, or no pull right on it) and
   * opened an ordinary upload instead, which `uploadBlob` can use.
   */
  async mountBlob(repository: string, digest: string, fromRepository: string): Promise<MountResult> {
    RegistryClient.checkDigest(digest);
    await this.ready();
    const query = new URLSearchParams({ mount: digest, from: fromRepository });
    const url = this.url(`/v2/${repository}/blobs/uploads/?${query}`);
    const scopes = [repositoryScope(repository, ['pull', 'push']), repositoryScope(fromRepository, ['pull'])];
    const response = await this.call({ method: 'POST', url, headers: { 'content-length': '0' } }, scopes);
    if (response.status === 201) return { mounted: true };
    const location = response.headers.get('location');
    if (response.status === 202) return { mounted: false, location: location ? new URL(location, response.url).href : undefined };
    throw this.fail('POST', url, response);
  }

  /** A monolithic upload: open a session (or use the one a declined mount opened), PUT the bytes. */
  async uploadBlob(repository: string, blob: Blob, openedLocation?: string): Promise<void> {
    RegistryClient.checkDigest(blob.digest);
    await this.ready();
    const scopes = [repositoryScope(repository, ['pull', 'push'])];
    let location: string;
    if (openedLocation) {
      location = openedLocation;
    } else {
      const start = this.url(`/v2/${repository}/blobs/uploads/`);
      const opened = await this.call({ method: 'POST', url: start, headers: { 'content-length': '0' } }, scopes);
      if (opened.status !== 202) throw this.fail('POST', start, opened);
      const header = opened.headers.get('location');
      if (!header) throw new Failure(`Expected ${this.registry} to answer POST /v2/${repository}/blobs/uploads/ with a Location header, found none. The registry (or a proxy) is not following the distribution spec.`);
      // Relative Locations resolve against the URL that answered (a redirect may have moved it).
      location = new URL(header, opened.url).href;
    }
    // Appending keeps the registry's own query (its upload state) byte for byte.
    const put = `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(blob.digest)}`;
    let response: HttpResponse;
    try {
      response = await this.call(
        { method: 'PUT', url: put, headers: { 'content-type': 'application/octet-stream', 'content-length': String(blob.data.length) }, body: blob.data },
        scopes,
      );
    } catch (error) {
      if (error instanceof NetworkFailure && error.retries > 0 && (await this.landedAnyway(repository, blob.digest))) return;
      throw error;
    }
    if (response.status !== 201 && response.status !== 204) {
      // A retried PUT whose first try completed but lost its answer finds the session closed
      // (404 BLOB_UPLOAD_UNKNOWN): the blob is there all the same.
      if (response.retries > 0 && (await this.landedAnyway(repository, blob.digest))) return;
      throw this.fail('PUT', put, response);
    }
    this.checkAnsweredDigest('PUT', put, response, blob.digest);
  }

  private async landedAnyway(repository: string, digest: string): Promise<boolean> {
    try {
      return await this.hasBlob(repository, digest);
    } catch {
      return false;
    }
  }

  /**
   * PUTs a manifest or index under a digest or a tag, with its own media type. The
   * Docker-Content-Digest the registry answers must be the digest of the bytes we sent:
   * otherwise something between us rewrote them, and the tags would point elsewhere.
   */
  async putManifest(repository: string, reference: string, blob: Blob): Promise<string> {
    if (!DIGEST.test(reference) && !TAG.test(reference)) {
      throw new Failure(`Expected a tag ([A-Za-z0-9_][A-Za-z0-9._-]{0,127}) or a sha256 digest, found \`${reference}\`. Fix the tag.`);
    }
    if (DIGEST.test(reference) && reference !== blob.digest) {
      throw new Failure(`Expected to push the manifest ${blob.digest} under its own digest, found ${reference}. This is a bug.`);
    }
    await this.ready();
    const url = this.url(`/v2/${repository}/manifests/${reference}`);
    for (let attempt = 1; ; attempt++) {
      const response = await this.call(
        { method: 'PUT', url, headers: { 'content-type': blob.mediaType, 'content-length': String(blob.data.length) }, body: blob.data },
        [repositoryScope(repository, ['pull', 'push'])],
      );
      if (response.status === 201 || response.status === 200 || response.status === 204) {
        if (response.headers.has('docker-content-digest')) this.checkAnsweredDigest('PUT', url, response, blob.digest);
        else await this.confirmManifest(repository, reference, blob);
        return blob.digest;
      }
      // Everything a manifest names was pushed before it, so "blob unknown" means "not yet":
      // distribution's filesystem storage rewrites a repository's links in place, and while
      // another push of the same image relinks them it refuses manifests that name them.
      if (response.status === 400 && attempt < this.transport.policy.attempts && registryErrorCodes(response.body).includes('MANIFEST_BLOB_UNKNOWN')) {
        await this.transport.waitToRetry(attempt, `${this.registry} answered PUT /v2/${repository}/manifests/${reference} with 400 MANIFEST_BLOB_UNKNOWN for blobs just pushed`);
        continue;
      }
      throw this.fail('PUT', url, response);
    }
  }

  /**
   * A registry that answers a manifest PUT without Docker-Content-Digest has not said what it
   * stored: read the reference back and hash the bytes, so a tag is never taken on trust.
   */
  private async confirmManifest(repository: string, reference: string, blob: Blob): Promise<void> {
    const stored = await this.getManifest(repository, reference, [blob.mediaType]);
    if (stored?.digest === blob.digest) return;
    throw new Failure(
      `Expected ${this.registry} to serve ${repository}:${reference} as ${blob.digest} after accepting its PUT (the answer carried no Docker-Content-Digest), ` +
        `found ${stored ? stored.digest : 'no such manifest'}. The bytes were changed on the way or the registry did not store them: nothing further is tagged. ` +
        'Check what sits between this machine and the registry.',
    );
  }

  private checkAnsweredDigest(method: string, url: string, response: HttpResponse, expected: string): void {
    const answered = response.headers.get('docker-content-digest');
    if (answered && answered !== expected) {
      throw new Failure(
        `Expected ${this.registry} to store ${method} ${new URL(url).pathname} as ${expected}, found it answered Docker-Content-Digest ${answered}. ` +
          'The bytes were changed on the way (a proxy?) or the registry rewrote them: nothing further is tagged. Check what sits between this machine and the registry.',
      );
    }
  }

  /**
   * Before anything is built: the registry answers, and takes our credentials (Basic is
   * checked by the first probe; a token service must hand out a push token for the repository).
   */
  async checkPush(repository: string): Promise<void> {
    await this.ready();
    await this.auth.header([repositoryScope(repository, ['pull', 'push'])]);
  }

  /**
   * Every tag of a repository, following the `Link: <…>; rel="next"` pages; none for a
   * repository that does not exist yet. `actions` are the token scope's: a publisher asks for
   * pull,push so the token it already holds for the push serves.
   */
  async listTags(repository: string, actions: string[] = ['pull']): Promise<string[]> {
    await this.ready();
    const scopes = [repositoryScope(repository, actions)];
    const first = this.url(`/v2/${repository}/tags/list`);
    const tags: string[] = [];
    const seen = new Set<string>();
    for (let url: string | undefined = first; url; ) {
      if (seen.has(url) || seen.size >= MAX_TAG_PAGES) {
        throw new Failure(`Expected the tag list of ${this.registry}/${repository} to end, found ${seen.has(url) ? 'a page linking back to an earlier one' : `more than ${MAX_TAG_PAGES} pages`}. Check the registry (or the proxy in front of it).`);
      }
      seen.add(url);
      const response = await this.call({ method: 'GET', url, headers: { accept: 'application/json' } }, scopes);
      if (response.status === 404 && url === first) return [];
      if (response.status !== 200) throw this.fail('GET', url, response);
      tags.push(...tagsOfPage(this.registry, repository, response.body));
      url = nextPage(response.headers.get('link'), response.url);
    }
    return tags;
  }

  /** A blob's bytes (e.g. a config), checked against its digest; undefined when the repository has none. */
  async getBlob(repository: string, digest: string): Promise<Buffer | undefined> {
    RegistryClient.checkDigest(digest);
    await this.ready();
    const url = this.url(`/v2/${repository}/blobs/${digest}`);
    const response = await this.call({ method: 'GET', url }, [repositoryScope(repository, ['pull'])]);
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw this.fail('GET', url, response);
    if (sha256Digest(response.body) !== digest) {
      throw new Failure(`Expected the blob ${digest} from ${this.registry}/${repository}, found bytes with digest ${sha256Digest(response.body)}. Something rewrote them on the way.`);
    }
    return response.body;
  }

  /** Fetches a manifest or index, verifying a digest reference against the bytes. */
  async getManifest(repository: string, reference: string, accept: string[] = MANIFEST_TYPES): Promise<Blob | undefined> {
    await this.ready();
    const url = this.url(`/v2/${repository}/manifests/${reference}`);
    const response = await this.call({ method: 'GET', url, headers: { accept: accept.join(', ') } }, [repositoryScope(repository, ['pull'])]);
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw this.fail('GET', url, response);
    const digest = sha256Digest(response.body);
    if (DIGEST.test(reference) && digest !== reference) {
      throw new Failure(`Expected the manifest ${reference} from ${this.registry}/${repository}, found bytes with digest ${digest}. Something rewrote them on the way.`);
    }
    return { mediaType: (response.headers.get('content-type') ?? '').split(';')[0].trim(), digest, size: response.body.length, data: response.body };
  }
}
