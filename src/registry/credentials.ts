// Who we are to a registry. The order is the one people expect from `docker login`:
// what the workflow passes explicitly wins, then whatever `docker login` (or a credential
// helper) left in the Docker config, then, for ghcr.io only, the job's GitHub token.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Failure } from '../failure.js';
import { isDockerHub, type ImageName } from './reference.js';

export interface Credentials {
  username: string;
  /** Empty with an identity token. */
  password: string;
  /**
   * An OAuth2 refresh token (`identitytoken` in the Docker config, or a helper's `<token>`
   * user, as Azure and Docker Desktop leave them): traded at the token service for access
   * tokens with a POST, as docker does, never sent to the registry itself.
   */
  identityToken?: string;
  /** Where they came from, for logs: never the secret itself. */
  source: string;
}

/** What the caller (action inputs, CLI flags) may pass. */
export interface CredentialInputs {
  username?: string;
  password?: string;
  /** The job's GITHUB_TOKEN: used for ghcr.io when nothing else is found. */
  githubToken?: string;
  /** Any non-empty name does for ghcr.io; the actor reads best in the registry's logs. */
  githubActor?: string;
}

export type Env = Record<string, string | undefined>;

export interface CredentialContext {
  /** Where DOCKER_CONFIG, HOME and PATH (for credential helpers) come from. */
  env: Env;
  /** Called with every secret before it could reach a log (the action wires core.setSecret). */
  mask: (secret: string) => void;
  /** How long a credential helper may take. */
  helperTimeoutMs?: number;
}

interface DockerAuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

interface DockerConfig {
  auths?: Record<string, DockerAuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** The key `docker login` uses for Docker Hub, a leftover of the v1 API. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';

export function dockerConfigPath(env: Env): string | undefined {
  if (env.DOCKER_CONFIG) return join(env.DOCKER_CONFIG, 'config.json');
  if (env.HOME) return join(env.HOME, '.docker', 'config.json');
  return undefined;
}

/** `https://ghcr.io/v2/` → `ghcr.io`, as the Docker CLI normalises config keys. */
export function configKeyHost(key: string): string {
  return key.replace(/^[a-z]+:\/\//i, '').split('/')[0].toLowerCase();
}

function hostsFor(name: ImageName): string[] {
  return isDockerHub(name) ? ['index.docker.io', 'docker.io', 'registry-1.docker.io'] : [name.domain.toLowerCase()];
}

/** The server URL a credential helper is asked about, as the Docker CLI asks it. */
export function helperServerUrl(name: ImageName): string {
  return isDockerHub(name) ? DOCKER_HUB_CONFIG_KEY : name.domain;
}

/** The `auths` entry for this registry: an exact key first, then any key naming the same host. */
export function findAuthEntry(auths: Record<string, DockerAuthEntry> | undefined, name: ImageName): [string, DockerAuthEntry] | undefined {
  if (!auths) return undefined;
  const exact = isDockerHub(name) ? [DOCKER_HUB_CONFIG_KEY] : [name.domain, `https://${name.domain}`];
  for (const key of exact) if (auths[key]) return [key, auths[key]];
  const hosts = hostsFor(name);
  return Object.entries(auths).find(([key]) => hosts.includes(configKeyHost(key)));
}

function findHelper(helpers: Record<string, string> | undefined, name: ImageName): string | undefined {
  if (!helpers) return undefined;
  const hosts = hostsFor(name);
  return Object.entries(helpers).find(([key]) => key === helperServerUrl(name) || hosts.includes(configKeyHost(key)))?.[1];
}

function decodeAuthEntry(key: string, entry: DockerAuthEntry, file: string, ctx: CredentialContext): Credentials | undefined {
  const source = `${file} (auths["${key}"])`;
  if (entry.identitytoken) {
    // docker lets the identity token win; `auth` then holds "username:" with no password.
    ctx.mask(entry.identitytoken);
    if (entry.auth) ctx.mask(entry.auth);
    const fromAuth = entry.auth ? Buffer.from(entry.auth, 'base64').toString('utf8').split(':')[0] : undefined;
    return { username: entry.username || fromAuth || '', password: '', identityToken: entry.identitytoken, source };
  }
  if (entry.auth) {
    ctx.mask(entry.auth);
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw new Failure(
        `Expected auths["${key}"].auth in ${file} to be base64 of "username:password", found something else. Run \`docker login\` again or fix the entry.`,
      );
    }
    const password = decoded.slice(colon + 1);
    ctx.mask(password);
    return { username: decoded.slice(0, colon), password, source };
  }
  if (entry.username && entry.password) {
    ctx.mask(entry.password);
    return { username: entry.username, password: entry.password, source };
  }
  // An empty entry is what `docker login` writes when a credsStore holds the secret.
  return undefined;
}

/** ` at line L, column C` when V8 names the offset of a JSON error ("at position N"), else nothing. */
function syntaxErrorPlace(text: string, message: string): string {
  const offset = /\bat position (\d+)\b/.exec(message)?.[1];
  if (offset === undefined) return '';
  const before = text.slice(0, Number(offset));
  return ` at line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}`;
}

export async function readDockerConfig(file: string): Promise<DockerConfig | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Failure(`Expected to read the Docker config ${file}, found: ${(error as Error).message}. Fix its permissions or point DOCKER_CONFIG elsewhere.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Only where: V8's message can quote the text around the error, which may be a credential.
    const at = syntaxErrorPlace(text, (error as Error).message);
    throw new Failure(`Expected the Docker config ${file} to be JSON, found a syntax error${at}. Fix the file (or run \`docker login\` again), or point DOCKER_CONFIG elsewhere.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Failure(`Expected the Docker config ${file} to hold a JSON object, found ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`}. Fix the file, or point DOCKER_CONFIG elsewhere.`);
  }
  return parsed as DockerConfig;
}

/** Runs `docker-credential-NAME get`: server URL on stdin, `{"Username","Secret"}` on stdout. */
export async function runCredentialHelper(helper: string, serverUrl: string, ctx: CredentialContext): Promise<Credentials | undefined> {
  const program = `docker-credential-${helper}`;
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    // With env given, spawn looks the program up on env.PATH: the pipeline's PATH, not ours.
    const child = spawn(program, ['get'], { env: ctx.env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    // Our own timer: spawn's `timeout` option keeps the process alive when the spawn fails.
    const timer = setTimeout(() => child.kill('SIGKILL'), ctx.helperTimeoutMs ?? 30_000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : null), stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(serverUrl);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      throw new Failure(
        `Expected the credential helper ${program} (named in the Docker config for ${serverUrl}) on PATH, found none. ` +
          `Install it, remove it from credsStore/credHelpers, or pass a username and password.`,
      );
    }
    throw new Failure(`Expected to run ${program} for ${serverUrl}, found: ${error.message}. Check the helper.`);
  });
  const out = result.stdout.trim();
  if (result.code !== 0) {
    // The helpers' protocol: this exact message means "no entry", not a failure.
    if (/credentials not found/i.test(out) || /credentials not found/i.test(result.stderr)) return undefined;
    const said = (result.stderr.trim() || out).split('\n')[0]?.slice(0, 200) ?? '';
    throw new Failure(`Expected ${program} get to succeed for ${serverUrl}, found exit status ${result.code}${said ? `: ${said}` : ''}. Check the helper (try \`echo ${serverUrl} | ${program} get\`).`);
  }
  let parsed: { Username?: unknown; Secret?: unknown };
  try {
    parsed = JSON.parse(out) as typeof parsed;
  } catch {
    throw new Failure(`Expected ${program} get to print JSON {"Username","Secret"} for ${serverUrl}, found something else. Check the helper.`);
  }
  if (typeof parsed.Secret !== 'string' || parsed.Secret === '' || typeof parsed.Username !== 'string') {
    throw new Failure(`Expected ${program} get to print a Username and a Secret for ${serverUrl}, found ${parsed.Secret ? 'no Username' : 'no Secret'}. Run \`docker login ${serverUrl}\` again.`);
  }
  ctx.mask(parsed.Secret);
  // The helpers' protocol for an identity token (an OAuth2 refresh token), as docker reads it.
  if (parsed.Username === '<token>') return { username: '', password: '', identityToken: parsed.Secret, source: `credential helper ${program}` };
  return { username: parsed.Username, password: parsed.Secret, source: `credential helper ${program}` };
}

export async function resolveCredentials(name: ImageName, inputs: CredentialInputs, ctx: CredentialContext): Promise<Credentials | undefined> {
  const username = inputs.username?.trim() ?? '';
  const password = inputs.password ?? '';
  if (password) ctx.mask(password);
  if (inputs.githubToken) ctx.mask(inputs.githubToken);
  if (username && password) return { username, password, source: 'the username and password inputs' };
  if (username || password) {
    throw new Failure(
      `Expected both a username and a password for ${name.domain}, found only ${username ? 'a username' : 'a password'}. ` +
        'Pass both, or neither to use the Docker config (or, for ghcr.io, the GitHub token).',
    );
  }

  const file = dockerConfigPath(ctx.env);
  const config = file ? await readDockerConfig(file) : undefined;
  if (file && config) {
    const helper = findHelper(config.credHelpers, name);
    if (helper) {
      const found = await runCredentialHelper(helper, helperServerUrl(name), ctx);
      if (found) return found;
    }
    const entry = findAuthEntry(config.auths, name);
    const fromFile = entry && decodeAuthEntry(entry[0], entry[1], file, ctx);
    if (fromFile) return fromFile;
    if (!helper && config.credsStore) {
      const found = await runCredentialHelper(config.credsStore, helperServerUrl(name), ctx);
      if (found) return found;
    }
  }

  if (name.domain === 'ghcr.io' && inputs.githubToken) {
    return { username: inputs.githubActor?.trim() || 'github-actions', password: inputs.githubToken, source: 'the GitHub token' };
  }
  return undefined;
}
