// The web servers the bench compares, each started on 127.0.0.1 on a free port, serving
// the same folder, logging nowhere (thttpd to /dev/null, nginx with access_log off,
// busybox httpd logs nothing by default), and stopped by the code that started them.
import { mkdir, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../../test/helpers/net.js';
import { onCpu } from './cpus.js';
import { delay, startProcess, type Started } from './proc.js';

export interface ServerSpec {
  name: string;
  /** Writes what it needs under `dir` and returns the command line. */
  command(port: number, site: string, dir: string): Promise<[string, string[]]>;
}

export function thttpdServer(name: string, binary: string): ServerSpec {
  return {
    name,
    command: async (port, site) => [binary, ['-D', '-h', '127.0.0.1', '-p', String(port), '-d', site, '-nor', '-l', '/dev/null']],
  };
}

export const busyboxHttpd: ServerSpec = {
  name: 'busybox httpd',
  command: async (port, site) => ['busybox', ['httpd', '-f', '-p', `127.0.0.1:${port}`, '-h', site]],
};

export function nginxServer(workers: number): ServerSpec {
  return {
    name: `nginx (${workers} worker${workers > 1 ? 's' : ''})`,
    command: async (port, site, dir) => {
      await mkdir(join(dir, 'temp'), { recursive: true });
      const conf = join(dir, 'nginx.conf');
      // Stock settings but for what a bench needs: its own paths, no access log, and as
      // root the workers keep root's uid (the site sits in a folder only root can enter).
      await writeFile(
        conf,
        [
          process.getuid?.() === 0 ? 'user root;' : '',
          'daemon off;',
          `worker_processes ${workers};`,
          `pid ${join(dir, 'nginx.pid')};`,
          `error_log ${join(dir, 'error.log')} warn;`,
          'events { worker_connections 1024; }',
          'http {',
          '  access_log off;',
          '  sendfile on;',
          '  default_type text/html;',
          ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, 'temp', t)};`),
          `  server { listen 127.0.0.1:${port}; root ${site}; }`,
          '}',
          '',
        ].join('\n'),
      );
      return ['nginx', ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')]];
    },
  };
}

/** One GET; resolves with the status and body, rejects on a connection error. */
export function httpGet(url: string, timeoutMs = 2000): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

export interface RunningServer {
  spec: ServerSpec;
  port: number;
  url: string;
  process: Started;
  /** From spawn to the first 200 on the page. */
  startMs: number;
  stop(): Promise<void>;
}

/**
 * Polls GET `url` as fast as the loopback refuses until it answers 200: the ms since
 * `started`, or undefined once `gaveUp()` says so or the deadline passes. Start-up times
 * and their floor (bench/startup.ts) are both measured with this one loop.
 */
export async function msToFirst200(url: string, started: number, deadline: number, gaveUp: () => boolean = () => false): Promise<number | undefined> {
  while (!gaveUp() && performance.now() < deadline) {
    try {
      const { status } = await httpGet(url, 1000);
      if (status === 200) return performance.now() - started;
      await delay(1);
    } catch {
      await new Promise((r) => setImmediate(r));
    }
  }
  return undefined;
}

export interface StartOptions {
  /** Pin the server (and every process it forks) to this CPU. */
  cpu?: number;
  path?: string;
  timeoutMs?: number;
}

/** Starts the server and waits for GET `path` to answer 200, polling as fast as the loopback refuses. */
export async function startServer(spec: ServerSpec, site: string, dir: string, options: StartOptions = {}): Promise<RunningServer> {
  const { cpu, path = '/index.html', timeoutMs = 10_000 } = options;
  await mkdir(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const [command, args] = onCpu(cpu, ...(await spec.command(port, site, dir)));
    const url = `http://127.0.0.1:${port}${path}`;
    const started = performance.now();
    const proc = startProcess(command, args, { cwd: dir });
    let exited = false;
    void proc.exited.then(() => (exited = true));
    const startMs = await msToFirst200(url, started, started + timeoutMs, () => exited);
    if (startMs !== undefined) return { spec, port, url, process: proc, startMs, stop: () => proc.stop('SIGTERM') };
    await proc.stop('SIGKILL');
    // Another process may have taken the free port before the server bound it: try again.
    if (attempt < 2 && exited) continue;
    throw new Error(`${spec.name} did not answer 200 on ${url} within ${timeoutMs} ms; it said: ${proc.output().trim().slice(-500)}`);
  }
}
