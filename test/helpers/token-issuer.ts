// A token service for distribution's `auth: token` mode, on 127.0.0.1. It checks Basic
// credentials (GET, the token spec) or an identity token (POST, OAuth2's refresh_token grant,
// as docker sends it) and signs an RS256 JWT granting the requested scopes. Distribution 2.8 checks
// `iss`, `aud` (= service), `exp`/`nbf` (60 s leeway), the `access` claim, and that the
// signing key is trusted: we send the signing certificate in the `x5c` header, and the
// registry's `rootcertbundle` holds that same self-signed certificate, so the chain is one
// certificate long. (A `kid` would have to be a libtrust fingerprint, which is more work.)
import { execFileSync } from 'node:child_process';
import { createPrivateKey, randomUUID, sign, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TokenRequest {
  account: string | undefined;
  service: string | null;
  scopes: string[];
  status: number;
  /** `GET` with Basic (or anonymous), or `POST` with a form. */
  method: string;
  /** The form's grant_type and client_id, for a POST. */
  grant?: string;
  clientId?: string;
}

export interface TokenIssuerOptions {
  users?: Record<string, string>;
  /** Identity (refresh) tokens and the account each stands for. */
  identityTokens?: Record<string, string>;
  service?: string;
  issuer?: string;
  /** Which field carries the token: the spec allows `token`, `access_token` or both. */
  tokenField?: 'token' | 'access_token' | 'both';
  /** Omitted from the answer when undefined (the client must then assume 60 s). */
  expiresIn?: number;
  /** Lifetime written into the JWT itself. */
  lifetimeSeconds?: number;
}

export interface TokenIssuer {
  realm: string;
  service: string;
  issuer: string;
  /** The signing certificate: the registry's rootcertbundle. */
  rootCertFile: string;
  requests: TokenRequest[];
  stop(): Promise<void>;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

interface Access {
  type: string;
  name: string;
  actions: string[];
}

/** `repository:me/web:pull,push` → its parts (a name has no colon; the type may). */
export function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last === first) return undefined;
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions: scope.slice(last + 1).split(',').filter(Boolean) };
}

export async function startTokenIssuer(options: TokenIssuerOptions = {}): Promise<TokenIssuer> {
  const dir = mkdtempSync(join(tmpdir(), 'thttpd-token-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'signer.key', '-out', 'signer.crt', '-days', '2', '-subj', '/CN=test token signer'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const key = createPrivateKey(readFileSync(join(dir, 'signer.key')));
  const certDer = new X509Certificate(readFileSync(join(dir, 'signer.crt'))).raw.toString('base64');
  const users = options.users ?? {};
  const service = options.service ?? 'test-registry';
  const issuer = options.issuer ?? 'test-token-issuer';
  const requests: TokenRequest[] = [];

  const jwt = (account: string | undefined, access: Access[]) => {
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'RS256', x5c: [certDer] };
    const claims = {
      iss: issuer,
      sub: account ?? '',
      aud: service,
      exp: now + (options.lifetimeSeconds ?? 300),
      nbf: now - 1,
      iat: now,
      jti: randomUUID(),
      access,
    };
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    // RS256 = RSASSA-PKCS1-v1_5 with SHA-256, node:crypto's default for an RSA key.
    return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), key))}`;
  };

  /** Authenticated users get what they ask for; anonymous ones only pull. */
  const grant = (account: string | undefined, scopes: string[]) =>
    jwt(
      account,
      scopes
        .map(parseScope)
        .filter((a): a is Access => a !== undefined)
        .map((a) => (account ? a : { ...a, actions: a.actions.filter((x) => x === 'pull') }))
        .filter((a) => a.actions.length > 0),
    );
  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  /** OAuth2's refresh_token grant: the form docker posts for an identity token. */
  const refreshGrant = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
      const account = options.identityTokens?.[form.get('refresh_token') ?? ''];
      const fields = { service: form.get('service'), scopes, method: 'POST', grant: form.get('grant_type') ?? undefined, clientId: form.get('client_id') ?? undefined };
      if (fields.grant !== 'refresh_token' || !fields.clientId || fields.service !== service) {
        requests.push({ ...fields, account: undefined, status: 400 });
        return reply(res, 400, { error: 'invalid_request' });
      }
      if (!account) {
        requests.push({ ...fields, account: undefined, status: 401 });
        return reply(res, 401, { error: 'invalid_grant' });
      }
      requests.push({ ...fields, account, status: 200 });
      reply(res, 200, { access_token: grant(account, scopes), scope: scopes.join(' '), ...(options.expiresIn !== undefined ? { expires_in: options.expiresIn } : {}) });
    });
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/token') return reply(res, 404, { errors: [{ code: 'NOT_FOUND', message: 'no such path' }] });
    if (req.method === 'POST') return refreshGrant(req, res);
    const scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' ')).filter(Boolean);
    const record = (status: number, account?: string) => requests.push({ account, service: url.searchParams.get('service'), scopes, status, method: 'GET' });
    let account: string | undefined;
    const authorization = req.headers.authorization;
    if (authorization) {
      const [scheme, value] = authorization.split(' ');
      const decoded = scheme?.toLowerCase() === 'basic' && value ? Buffer.from(value, 'base64').toString('utf8') : '';
      const colon = decoded.indexOf(':');
      const user = decoded.slice(0, colon);
      if (colon <= 0 || users[user] === undefined || users[user] !== decoded.slice(colon + 1)) {
        record(401);
        res.setHeader('www-authenticate', 'Basic realm="test token issuer"');
        return reply(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'invalid username or password' }] });
      }
      account = user;
    }
    const token = grant(account, scopes);
    record(200, account);
    const field = options.tokenField ?? 'token';
    reply(res, 200, {
      ...(field !== 'access_token' ? { token } : {}),
      ...(field !== 'token' ? { access_token: token } : {}),
      ...(options.expiresIn !== undefined ? { expires_in: options.expiresIn } : {}),
      issued_at: new Date().toISOString(),
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    rootCertFile: join(dir, 'signer.crt'),
    requests,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
