// How a request proves who we are. Registries say how in `WWW-Authenticate`: Basic (send
// the credentials each time) or Bearer (trade them at a token service for a token scoped
// to the repositories a request touches). We learn the scheme once from `GET /v2/`, and a
// later 401 can only mean a token needs a wider scope or has expired: never a loop.
import { Failure } from '../failure.js';
import type { Logger } from '../types.js';
import type { Credentials } from './credentials.js';
import { describeRequest, type HttpRequest, type HttpResponse, type Transport } from './transport.js';

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

  /** The identity token to trade next: a token service may hand out a new one with each grant. */
  private refreshToken: string | undefined;

  constructor(private readonly options: AuthenticatorOptions) {
    this.now = options.now ?? Date.now;
    const credentials = options.credentials;
    if (credentials?.identityToken) {
      options.mask(credentials.identityToken);
      this.refreshToken = credentials.identityToken;
    } else if (credentials) {
      options.mask(credentials.password);
      options.mask(basicValue(credentials));
    }
  }

  /** Username and password, for Basic and for a token service's GET; none with an identity token. */
  private get password(): Credentials | undefined {
    return this.options.credentials?.identityToken ? undefined : this.options.credentials;
  }

  get kind(): string | undefined {
    return this.scheme;
  }

  private who(): string {
    const c = this.options.credentials;
    if (c?.identityToken) return `with an identity token${c.username ? ` of ${c.username}` : ''} (from ${c.source})`;
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
      if (this.options.credentials?.identityToken) {
        throw new Failure(
          `Expected a username and password for ${registry}, which asks for HTTP Basic, found only an identity token (from ${this.options.credentials.source}), ` +
            'which only a token service takes. Pass username and password, or run `docker login` with a password.',
        );
      }
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
    if (this.scheme === 'basic') return this.password && basicValue(this.password);
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
      } else if (challenges.some((c) => c.scheme === 'basic') && this.password) {
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

  /** The token spec's GET: scopes in the query, the username and password as Basic. */
  private tokenGet(realm: URL, service: string | undefined, scopes: string[]): HttpRequest {
    const url = new URL(realm);
    if (service) url.searchParams.set('service', service);
    for (const scope of [...scopes].sort()) url.searchParams.append('scope', scope);
    const credentials = this.password;
    if (credentials) url.searchParams.set('account', credentials.username);
    return { method: 'GET', url: url.href, headers: credentials ? { authorization: basicValue(credentials) } : {} };
  }

  /** OAuth2's refresh_token grant, docker's way of using an identity token: a form POST to the realm. */
  private refreshGrant(realm: URL, service: string | undefined, scopes: string[], refreshToken: string): HttpRequest {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: OAUTH_CLIENT_ID, scope: [...scopes].sort().join(' ') });
    if (service) form.set('service', service);
    return { method: 'POST', url: realm.href, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form.toString()) };
  }

  private async token(scopes: string[]): Promise<string> {
    const key = scopeKey(scopes);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.value;

    const { transport, registry } = this.options;
    const challenge = this.bearer;
    if (!challenge?.params.realm) throw new Error('token() called before a Bearer challenge was seen');
    let realm: URL;
    try {
      realm = new URL(challenge.params.realm);
    } catch {
      throw new Failure(`Expected ${registry} to name a token service URL in its Bearer challenge, found \`${challenge.params.realm}\`. Check the registry's auth setup.`);
    }
    const request = this.refreshToken ? this.refreshGrant(realm, challenge.params.service, scopes, this.refreshToken) : this.tokenGet(realm, challenge.params.service, scopes);
    this.tokenRequests++;
    const response = await transport.send(request);
    if (response.status !== 200) {
      throw registryError(
        `the token service of ${registry} (${realm.host})`,
        request.method,
        realm.href,
        response,
        `It refused a token for ${scopes.join(' ') || 'the registry'} ${this.who()}. ${this.refreshToken ? 'The identity token may have expired: run `docker login` again. ' : ''}${this.options.permissionHint}`,
      );
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown; refresh_token?: unknown };
    try {
      body = JSON.parse(response.body.toString('utf8')) as typeof body;
    } catch {
      throw new Failure(`Expected JSON with a token from the token service of ${registry} (${realm.host}), found ${response.headers.get('content-type') ?? 'no content type'}. Check the registry's auth setup.`);
    }
    // The token spec allows either name; Docker Hub sends both, some services only one.
    const value = typeof body.token === 'string' && body.token ? body.token : typeof body.access_token === 'string' ? body.access_token : '';
    if (!value) throw new Failure(`Expected a token or access_token from the token service of ${registry} (${realm.host}), found neither. Check the registry's auth setup.`);
    this.options.mask(value);
    if (this.refreshToken && typeof body.refresh_token === 'string' && body.refresh_token) {
      this.options.mask(body.refresh_token);
      this.refreshToken = body.refresh_token;
    }
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_LIFETIME_S;
    // Renew a little early so a token does not expire between our check and the registry's.
    const margin = Math.min(10, lifetime / 4);
    this.tokens.set(key, { value, expiresAt: this.now() + (lifetime - margin) * 1000 });
    return value;
  }
}

/** Sent to token services as client_id: the token spec asks for a name that shows in their audit logs. */
export const OAUTH_CLIENT_ID = 'static-thttpd';

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
