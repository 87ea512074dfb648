// How a request proves who we are. Registries say how in `WWW-Authenticate`: Basic (send
// the credentials each time) or Bearer (trade them at a token service for a token scoped
// to the repositories a request touches). We learn the scheme once from `GET /v2/`, and a
// later 401 can only mean a token needs a wider scope or has expired: never a loop.
import { Failure } from '../failure.js';
import type { Logger } from '../types.js';
import type { Credentials } from './credentials.js';
import { describeRequest, type HttpResponse, type Transport } from './transport.js';

export interface Challenge {
  /** Lowercased: `basic`, `bearer`. */
  scheme: string;
  /** Parameter names lowercased, values unquoted. */
  params: Record<string, string>;
}

/**
 * RFC 7235 challenges. Values may be quoted and contain commas (a Bearer scope like
 * `repository:a:pull,push`), and one header may hold several challenges.
 */
export function parseWwwAuthenticate(header: string | null | undefined): Challenge[] {
  const challenges: Challenge[] = [];
  if (!header) return challenges;
  let i = 0;
  const n = header.length;
  const skip = (chars: RegExp) => {
    while (i < n && chars.test(header[i])) i++;
  };
  const token = () => {
    const start = i;
    while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i])) i++;
    return header.slice(start, i);
  };
  while (i < n) {
    skip(/[\s,]/);
    const scheme = token();
    if (!scheme) {
      i++;
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    for (;;) {
      skip(/[\s,]/);
      const mark = i;
      const name = token();
      skip(/\s/);
      if (!name || header[i] !== '=') {
        // Not `name=`: the next challenge's scheme (or a token68, which we do not need).
        i = mark;
        if (!name) i++;
        break;
      }
      i++;
      skip(/\s/);
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++;
      } else {
        const start = i;
        while (i < n && header[i] !== ',' && !/\s/.test(header[i])) i++;
        value = header.slice(start, i);
      }
      challenge.params[name.toLowerCase()] = value;
    }
  }
  return challenges;
}

/** `repository:me/web:pull,push`: what a push to one repository needs. */
export function repositoryScope(repository: string, actions: string[]): string {
  return `repository:${repository}:${actions.join(',')}`;
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

export interface AuthenticatorOptions {
  transport: Transport;
  /** Host of the registry, as in its URLs. */
  registry: string;
  credentials: Credentials | undefined;
  mask: (secret: string) => void;
  logger?: Logger;
  /** Extra words for 401/403 messages, e.g. what ghcr.io needs. */
  permissionHint: string;
  now?: () => number;
}

/** Seconds a token lives when the service does not say (the token spec's default). */
export const DEFAULT_TOKEN_LIFETIME_S = 60;

export class Authenticator {
  private scheme: 'anonymous' | 'basic' | 'bearer' | undefined;
  private bearer: Challenge | undefined;
  private readonly tokens = new Map<string, CachedToken>();
  private readonly now: () => number;
  /** Token-service round trips, for tests that count requests. */
  tokenRequests = 0;

  constructor(private readonly options: AuthenticatorOptions) {
    this.now = options.now ?? Date.now;
    if (options.credentials) {
      options.mask(options.credentials.password);
      options.mask(basicValue(options.credentials));
    }
  }

  get kind(): string | undefined {
    return this.scheme;
  }

  private who(): string {
    const c = this.options.credentials;
    return c ? `as ${c.username} (credentials from ${c.source})` : 'anonymously (no credentials found)';
  }

  /**
   * Learn how the registry wants us to authenticate from `GET /v2/`, and for Basic check the
   * credentials right away, so a wrong password fails before anything is pushed.
   */
  async start(origin: string): Promise<void> {
    if (this.scheme) return;
    const { transport, registry } = this.options;
    const url = `${origin}/v2/`;
    const first = await transport.send({ method: 'GET', url });
    if (first.status === 200) {
      this.scheme = 'anonymous';
      return;
    }
    if (first.status !== 401) throw registryError(registry, 'GET', url, first, 'Check that this host runs a registry speaking the OCI distribution API.');
    const challenges = parseWwwAuthenticate(first.headers.get('www-authenticate'));
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    if (bearer) {
      this.scheme = 'bearer';
      this.bearer = bearer;
      return;
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      this.scheme = 'basic';
      if (!this.options.credentials) {
        throw new Failure(
          `Expected credentials for ${registry}, which asks for a username and password (HTTP Basic), found none. ` +
            'Pass username and password, or run `docker login` so the Docker config has them.',
        );
      }
      const again = await transport.send({ method: 'GET', url, headers: { authorization: basicValue(this.options.credentials) } });
      if (again.status !== 200) throw registryError(registry, 'GET', url, again, `The registry refused to let us in ${this.who()}. ${this.options.permissionHint}`);
      return;
    }
    throw registryError(registry, 'GET', url, first, `It asked for no scheme this tool speaks (WWW-Authenticate: ${first.headers.get('www-authenticate') ?? 'absent'}).`);
  }

  /** The Authorization header for a request needing these scopes, if any. */
  async header(scopes: string[]): Promise<string | undefined> {
    if (this.scheme === 'basic') return this.options.credentials && basicValue(this.options.credentials);
    if (this.scheme === 'bearer') return `Bearer ${await this.token(scopes)}`;
    return undefined;
  }

  /**
   * A 401 on an authenticated request: for Bearer, the registry may name the scope it wants
   * (`error="insufficient_scope"`) or our token may have expired; fetch a fresh one once.
   * Returns the scopes to retry with, or undefined when a retry cannot help.
   */
  retryScopes(response: HttpResponse, scopes: string[]): string[] | undefined {
    const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate'));
    if (this.scheme === 'anonymous') {
      // Some registries open `/v2/` to anyone and challenge only where it matters.
      const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
      if (bearer) {
        this.scheme = 'bearer';
        this.bearer = bearer;
      } else if (challenges.some((c) => c.scheme === 'basic') && this.options.credentials) {
        this.scheme = 'basic';
        return scopes;
      } else {
        return undefined;
      }
    }
    if (this.scheme !== 'bearer') return undefined;
    const challenge = challenges.find((c) => c.scheme === 'bearer');
    this.tokens.delete(scopeKey(scopes));
    const wanted = challenge?.params.scope?.split(' ').filter(Boolean) ?? [];
    return [...new Set([...scopes, ...wanted])];
  }

  private async token(scopes: string[]): Promise<string> {
    const key = scopeKey(scopes);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.value;

    const { transport, registry, credentials } = this.options;
    const challenge = this.bearer;
    if (!challenge?.params.realm) throw new Error('token() called before a Bearer challenge was seen');
    let realm: URL;
    try {
      realm = new URL(challenge.params.realm);
    } catch {
      throw new Failure(`Expected ${registry} to name a token service URL in its Bearer challenge, found \`${challenge.params.realm}\`. Check the registry's auth setup.`);
    }
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
    for (const scope of [...scopes].sort()) realm.searchParams.append('scope', scope);
    if (credentials) realm.searchParams.set('account', credentials.username);
    const headers: Record<string, string> = {};
    if (credentials) headers.authorization = basicValue(credentials);
    this.tokenRequests++;
    const response = await transport.send({ method: 'GET', url: realm.href, headers });
    if (response.status !== 200) {
      throw registryError(
        `the token service of ${registry} (${realm.host})`,
        'GET',
        realm.href,
        response,
        `It refused a token for ${scopes.join(' ') || 'the registry'} ${this.who()}. ${this.options.permissionHint}`,
      );
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(response.body.toString('utf8')) as typeof body;
    } catch {
      throw new Failure(`Expected JSON with a token from the token service of ${registry} (${realm.host}), found ${response.headers.get('content-type') ?? 'no content type'}. Check the registry's auth setup.`);
    }
    // The token spec allows either name; Docker Hub sends both, some services only one.
    const value = typeof body.token === 'string' && body.token ? body.token : typeof body.access_token === 'string' ? body.access_token : '';
    if (!value) throw new Failure(`Expected a token or access_token from the token service of ${registry} (${realm.host}), found neither. Check the registry's auth setup.`);
    this.options.mask(value);
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_LIFETIME_S;
    // Renew a little early so a token does not expire between our check and the registry's.
    const margin = Math.min(10, lifetime / 4);
    this.tokens.set(key, { value, expiresAt: this.now() + (lifetime - margin) * 1000 });
    return value;
  }
}

function scopeKey(scopes: string[]): string {
  return [...scopes].sort().join(' ');
}

export function basicValue(credentials: Pick<Credentials, 'username' | 'password'>): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}

interface RegistryErrorBody {
  errors?: { code?: unknown; message?: unknown; detail?: unknown }[];
  details?: unknown;
}

/** `UNAUTHORIZED: authentication required`, from the distribution error JSON, when there is one. */
export function registryErrorText(body: Buffer): string | undefined {
  if (body.length === 0 || body.length > 64 * 1024) return undefined;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as RegistryErrorBody;
    const parts = (parsed.errors ?? [])
      .map((e) => [e.code, e.message].filter((x): x is string => typeof x === 'string' && x !== '').join(': '))
      .filter(Boolean);
    if (parts.length) return parts.join('; ');
    if (typeof parsed.details === 'string') return parsed.details;
  } catch {
    // Not JSON (a proxy's HTML page): the status says enough.
  }
  return undefined;
}

/** The `errors[].code` values of a registry's JSON error body, e.g. `MANIFEST_BLOB_UNKNOWN`. */
export function registryErrorCodes(body: Buffer): string[] {
  if (body.length === 0 || body.length > 64 * 1024) return [];
  try {
    const parsed = JSON.parse(body.toString('utf8')) as RegistryErrorBody;
    return (parsed.errors ?? []).map((e) => e.code).filter((c): c is string => typeof c === 'string');
  } catch {
    return [];
  }
}

/** A Failure naming the registry, the request and the status, with the registry's own words. */
export function registryError(registry: string, method: string, url: string, response: HttpResponse, todo: string): Failure {
  const said = registryErrorText(response.body);
  const retried = response.retries ? ` after ${response.retries + 1} attempts` : '';
  const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  return new RegistryFailure(
    `Expected ${registry} to accept ${describeRequest(method, url)}, found ${status}${retried}${said ? ` (${said})` : ''}. ${todo}`.trim(),
    response.status,
  );
}

export class RegistryFailure extends Failure {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
