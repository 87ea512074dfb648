// A real registry (Debian's docker-registry, distribution 2.8) for one test: own config on
// 127.0.0.1 and a free port, storage in a temp dir, optional TLS (a throwaway CA), htpasswd
// or token auth. Its access log (one combined-format line per request, on stdout) is how
// tests count what reached it. Plus a small hand-made OCI image to push, and skopeo as judge.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, get as httpGet, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { get as httpsGet } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { PublishOptions, PublishResult, PublishTarget } from '../../src/registry/publish.js';
import type { Blob, Image, Platform, PlatformImage } from '../../src/types.js';
import { freePort } from './net.js';
import { makeTls, type TestTls } from './tls.js';
import { startTokenIssuer, type TokenIssuer, type TokenIssuerOptions } from './token-issuer.js';

export interface StartRegistryOptions {
  auth?: 'none' | 'htpasswd' | 'token';
  tls?: boolean;
  username?: string;
  password?: string;
  token?: TokenIssuerOptions;
}

export interface RegistryRequest {
  method: string;
  /** Path and query, as the registry logged it. */
  uri: string;
  status: number;
}

export interface TestRegistry {
  /** `127.0.0.1:PORT`: what goes in an image name. */
  host: string;
  /** `http(s)://127.0.0.1:PORT` */
  url: string;
  username: string;
  password: string;
  /** The CA to trust, when tls. */
  caFile: string | undefined;
  /** A skopeo --cert-dir holding that CA, when tls. */
  certDir: string | undefined;
  logFile: string;
  dir: string;
  tokenIssuer: TokenIssuer | undefined;
  /** Every request in the access log since the registry answered its first probe. */
  requests(): RegistryRequest[];
  /** Completed blob uploads (PUT …/blobs/uploads/… answered 201). */
  blobUploads(): number;
  stop(): Promise<void>;
}


function yaml(lines: (string | false | undefined)[]): string {
  return `${lines.filter((l): l is string => typeof l === 'string').join('\n')}\n`;
}

/** Resolves on any HTTP answer to GET /v2/ (200 or 401): the registry is serving. */
function probe(url: string, ca: Buffer | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => resolve(ok);
    const request = url.startsWith('https:') ? httpsGet(`${url}/v2/`, { ca, timeout: 1000 }) : httpGet(`${url}/v2/`, { timeout: 1000 });
    request.on('response', (res) => {
      res.resume();
      done(res.statusCode === 200 || res.statusCode === 401);
    });
    request.on('error', () => done(false));
    request.on('timeout', () => {
      request.destroy();
      done(false);
    });
  });
}

export function parseAccessLog(text: string): RegistryRequest[] {
  const requests: RegistryRequest[] = [];
  for (const match of text.matchAll(/^\S+ - \S+ \[[^\]]+\] "([A-Z]+) (\S+) HTTP\/[0-9.]+" ([0-9]{3}) /gm)) {
    requests.push({ method: match[1], uri: match[2], status: Number(match[3]) });
  }
  return requests;
}

export async function startRegistry(options: StartRegistryOptions = {}): Promise<TestRegistry> {
  const auth = options.auth ?? 'none';
  const dir = mkdtempSync(join(tmpdir(), 'thttpd-registry-'));
  const username = options.username ?? 'pusher';
  const password = options.password ?? 'correct horse battery staple';
  const tls: TestTls | undefined = options.tls ? makeTls() : undefined;
  const tokenIssuer = auth === 'token' ? await startTokenIssuer({ users: { [username]: password }, ...options.token }) : undefined;
  if (auth === 'htpasswd') execFileSync('htpasswd', ['-Bbc', join(dir, 'htpasswd'), username, password], { stdio: 'ignore' });
  const logFile = join(dir, 'registry.log');
  let child: ChildProcess | undefined;
  let host = '';
  const scheme = tls ? 'https' : 'http';

  // A port found free can be taken before the registry binds it: try a few.
  for (let attempt = 0; attempt < 3 && !child; attempt++) {
    const port = await freePort();
    host = `127.0.0.1:${port}`;
    const config = join(dir, 'config.yml');
    writeFileSync(
      config,
      yaml([
        'version: 0.1',
        'log:',
        '  level: info',
        '  accesslog:',
        '    disabled: false',
        'storage:',
        '  filesystem:',
        `    rootdirectory: ${join(dir, 'data')}`,
        '  delete:',
        '    enabled: true',
        '  maintenance:',
        '    uploadpurging:',
        '      enabled: false',
        'http:',
        `  addr: ${host}`,
        // A fixed secret, or the registry warns and signs upload state with a random one.
        '  secret: static-thttpd-test-secret',
        tls && '  tls:',
        tls && `    certificate: ${tls.certFile}`,
        tls && `    key: ${tls.keyFile}`,
        auth === 'htpasswd' && 'auth:',
        auth === 'htpasswd' && '  htpasswd:',
        auth === 'htpasswd' && '    realm: test-registry',
        auth === 'htpasswd' && `    path: ${join(dir, 'htpasswd')}`,
        tokenIssuer && 'auth:',
        tokenIssuer && '  token:',
        tokenIssuer && `    realm: ${tokenIssuer.realm}`,
        tokenIssuer && `    service: ${tokenIssuer.service}`,
        tokenIssuer && `    issuer: ${tokenIssuer.issuer}`,
        tokenIssuer && `    rootcertbundle: ${tokenIssuer.rootCertFile}`,
      ]),
    );
    const out = openSync(logFile, 'a');
    const started = spawn('docker-registry', ['serve', config], { stdio: ['ignore', out, out], env: { ...process.env, OTEL_TRACES_EXPORTER: 'none' } });
    closeSync(out);
    let exited = false;
    started.on('exit', () => (exited = true));
    const ca = tls ? readFileSync(tls.caFile) : undefined;
    const deadline = Date.now() + 15_000;
    while (!exited && Date.now() < deadline && !(await probe(`${scheme}://${host}`, ca))) await new Promise((r) => setTimeout(r, 100));
    if (!exited && Date.now() < deadline) child = started;
    else if (!exited) started.kill('SIGKILL');
  }
  if (!child) {
    const log = (() => {
      try {
        return readFileSync(logFile, 'utf8').slice(-2000);
      } catch {
        return '';
      }
    })();
    await tokenIssuer?.stop();
    tls?.remove();
    throw new Error(`docker-registry did not start: ${log}`);
  }
  const running = child;

  // The readiness probes are ours, not the test's: leave them out of the count.
  const probes = parseAccessLog(readFileSync(logFile, 'utf8')).length;
  const requests = () => parseAccessLog(readFileSync(logFile, 'utf8')).slice(probes);
  return {
    host,
    url: `${scheme}://${host}`,
    username,
    password,
    caFile: tls?.caFile,
    certDir: tls?.certDir,
    logFile,
    dir,
    tokenIssuer,
    requests,
    blobUploads: () => requests().filter((r) => r.method === 'PUT' && r.uri.includes('/blobs/uploads/') && r.status === 201).length,
    stop: async () => {
      if (running.exitCode === null && running.signalCode === null) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
      }
      await tokenIssuer?.stop();
      tls?.remove();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SkopeoAccess {
  tls: boolean;
  certDir?: string;
  username?: string;
  password?: string;
}

/** `skopeo inspect --raw`: the manifest bytes exactly as the registry serves them. */
export async function skopeoRaw(reference: string, access: SkopeoAccess): Promise<Buffer> {
  const args = ['inspect', '--raw', '--retry-times', '0'];
  if (!access.tls) args.push('--tls-verify=false');
  else if (access.certDir) args.push('--cert-dir', access.certDir);
  if (access.username) args.push('--creds', `${access.username}:${access.password ?? ''}`);
  else args.push('--no-creds');
  args.push(`docker://${reference}`);
  const { stdout } = await promisify(execFile)('skopeo', args, { encoding: 'buffer', maxBuffer: 16 << 20, env: { ...process.env, REGISTRY_AUTH_FILE: '/dev/null/none' } });
  return stdout;
}

// ---- a small image, built by hand so these tests do not depend on the image stage ----

function blobOf(mediaType: string, data: Buffer): Blob {
  return { mediaType, digest: `sha256:${createHash('sha256').update(data).digest('hex')}`, size: data.length, data };
}

/** One file in a ustar archive: enough for a registry (and a runtime) to accept the layer. */
function tarOf(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    const header = Buffer.alloc(512);
    header.write(name, 0, 100);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** Two platforms, each a layer and a config, their manifests and an index: valid OCI. */
export function makeTestImage(seed = 'static-thttpd test'): Image {
  const platforms: PlatformImage[] = (['linux/amd64', 'linux/arm64'] as Platform[]).map((platform) => {
    const architecture = platform.split('/')[1];
    const tar = tarOf({ 'index.html': `<h1>${seed} on ${platform}</h1>\n` });
    const diffId = `sha256:${createHash('sha256').update(tar).digest('hex')}`;
    const layer = blobOf('application/vnd.oci.image.layer.v1.tar+gzip', gzipSync(tar, { level: 9 }));
    const config = blobOf(
      'application/vnd.oci.image.config.v1+json',
      Buffer.from(JSON.stringify({ architecture, os: 'linux', config: { User: '65534:65534' }, rootfs: { type: 'layers', diff_ids: [diffId] } })),
    );
    const manifest = blobOf(
      'application/vnd.oci.image.manifest.v1+json',
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: { mediaType: config.mediaType, digest: config.digest, size: config.size },
          layers: [{ mediaType: layer.mediaType, digest: layer.digest, size: layer.size }],
        }),
      ),
    );
    return { platform, layer, diffId, uncompressedSize: tar.length, config, manifest, binaryBytes: 0 };
  });
  const index = blobOf(
    'application/vnd.oci.image.index.v1+json',
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: platforms.map((p) => ({
          mediaType: p.manifest.mediaType,
          digest: p.manifest.digest,
          size: p.manifest.size,
          platform: { architecture: p.platform.split('/')[1], os: 'linux' },
        })),
      }),
    ),
  );
  return { index, platforms, labels: {} };
}

/** The Image as JSON a child process can read back (Buffers as base64). */
export function imageToJson(image: Image): string {
  return JSON.stringify(image, (_key, value: unknown) =>
    value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer' && Array.isArray((value as { data?: unknown }).data)
      ? { base64: Buffer.from((value as { data: number[] }).data).toString('base64') }
      : value,
  );
}

export function imageFromJson(text: string): Image {
  return JSON.parse(text, (_key, value: unknown) =>
    value && typeof value === 'object' && typeof (value as { base64?: unknown }).base64 === 'string' ? Buffer.from((value as { base64: string }).base64, 'base64') : value,
  ) as Image;
}

// ---- a publish in a child process, for what only process start can set (NODE_EXTRA_CA_CERTS) ----

export interface ChildPublishOutcome {
  ok: boolean;
  result?: PublishResult;
  message?: string;
  logs: string[];
  masked: string[];
}

const publishModule = new URL('../../src/registry/publish.ts', import.meta.url).href;
const helperModule = new URL('./registry.ts', import.meta.url).href;

/** Runs publish() in `node --import tsx` with the given environment; options must be JSON. */
export async function publishInChild(image: Image, target: PublishTarget, options: Omit<PublishOptions, 'mask' | 'logger' | 'blobLocations'>, env: NodeJS.ProcessEnv): Promise<ChildPublishOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'thttpd-child-'));
  try {
    writeFileSync(join(dir, 'input.json'), JSON.stringify({ image: imageToJson(image), target, options }));
    writeFileSync(
      join(dir, 'publish.mts'),
      `import { readFileSync } from 'node:fs';
import { publish } from ${JSON.stringify(publishModule)};
import { imageFromJson } from ${JSON.stringify(helperModule)};
const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const logs = [], masked = [];
const logger = { info: (m) => logs.push(m), warning: (m) => logs.push('warning: ' + m) };
try {
  const result = await publish(imageFromJson(input.image), input.target, { ...input.options, logger, mask: (s) => masked.push(s) });
  process.stdout.write(JSON.stringify({ ok: true, result, logs, masked }));
} catch (error) {
  process.stdout.write(JSON.stringify({ ok: false, message: error.message, logs, masked }));
}
`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(dir, 'publish.mts'), join(dir, 'input.json')], {
      env,
      cwd: new URL('../..', import.meta.url).pathname,
      maxBuffer: 16 << 20,
    });
    return JSON.parse(stdout) as ChildPublishOutcome;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- a proxy in front of a plain-HTTP registry, to inject faults ----

export interface ProxyRequest {
  method: string;
  url: string;
  /** As the client sent them (Authorization included: tests look for secrets in what was sent). */
  headers: IncomingHttpHeaders;
}

export interface FaultProxy {
  host: string;
  /** Every request that reached the proxy. */
  seen: ProxyRequest[];
  stop(): Promise<void>;
}

export interface FaultRules {
  /** Answer instead of the registry: return a status (and headers) to fake, or undefined to pass. */
  intercept?: (req: ProxyRequest, hit: number) => { status: number; headers?: Record<string, string>; body?: string } | undefined;
  /** Forward to the registry, then cut the connection instead of answering: a lost response. */
  dropResponse?: (req: ProxyRequest, hit: number) => boolean;
  /** Rewrite the registry's response headers. */
  rewriteHeaders?: (req: ProxyRequest, headers: Record<string, string | string[] | undefined>) => void;
  /** Reset the connection (TCP RST) instead of forwarding: the registry never sees the request. */
  reset?: (req: ProxyRequest, hit: number) => boolean;
  /** Neither forward nor answer: hold the request until the client gives up or the proxy stops. */
  stall?: (req: ProxyRequest, hit: number) => boolean;
  /** Forward, then answer with the registry's status and headers but cut the body short of its Content-Length. */
  truncateBody?: (req: ProxyRequest, hit: number) => boolean;
  /** Like truncateBody, but hold the connection open after half the body: a stall in the middle of a response. */
  stallBody?: (req: ProxyRequest, hit: number) => boolean;
}

export async function startFaultProxy(target: string, rules: FaultRules): Promise<FaultProxy> {
  const seen: ProxyRequest[] = [];
  const held = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    const info = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    seen.push(info);
    if (rules.reset?.(info, seen.length)) {
      req.socket.resetAndDestroy();
      return;
    }
    if (rules.stall?.(info, seen.length)) {
      req.resume();
      return;
    }
    const fake = rules.intercept?.(info, seen.length);
    if (fake) {
      req.resume();
      res.writeHead(fake.status, { 'content-type': 'application/json', ...fake.headers }).end(fake.body ?? '');
      return;
    }
    // The Host header passes through: distribution builds Locations from it, so they name the proxy.
    const drop = rules.dropResponse?.(info, seen.length) ?? false;
    const cut = rules.truncateBody?.(info, seen.length) ? 'truncate' : rules.stallBody?.(info, seen.length) ? 'stall' : undefined;
    const upstream = httpRequest({ host: target.split(':')[0], port: Number(target.split(':')[1]), method: req.method, path: req.url, headers: req.headers }, (answer) => {
      if (drop) {
        answer.resume();
        answer.on('end', () => res.socket?.destroy());
        return;
      }
      if (cut) {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const headers = { ...answer.headers, 'content-length': String(body.length + 64) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers);
          // Half the body (at least a byte, so the headers surely leave), then the cut or the stall.
          const part = body.subarray(0, Math.floor(body.length / 2));
          res.write(part.length ? part : Buffer.from('{'), () => (cut === 'truncate' ? res.socket?.destroy() : held.add(res.socket as Socket)));
        });
        return;
      }
      const headers = { ...answer.headers };
      rules.rewriteHeaders?.(info, headers);
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    stop: async () => {
      held.forEach((socket) => socket.destroy());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
