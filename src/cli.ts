#!/usr/bin/env node
// The command-line entry: argv into Settings, progress on stderr, the report on stdout,
// and on failure one line saying why, with a non-zero status.
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Failure } from './failure.js';
import { commitEpoch, headSha } from './git.js';
import { plainEnv, readHostSystem } from './host.js';
import { JsonFileBlobLocations } from './registry/blob-locations.js';
import { textReport } from './report.js';
import { run } from './run.js';
import { INPUT_DEFAULTS, parseSettings, type InputName, type Inputs } from './settings.js';
import { folderCache } from './source/cache.js';

interface Flag {
  flag: string;
  input?: InputName;
  multiple?: boolean;
  boolean?: boolean;
  value?: string;
  help: string;
}

const FLAGS: Flag[] = [
  { flag: 'version', input: 'version', value: 'V', help: `thttpd release to build (default ${INPUT_DEFAULTS.version})` },
  { flag: 'source', input: 'source', value: 'URL|PATH', help: 'where the release tarball comes from (default: acme.com for the version)' },
  { flag: 'sha256', input: 'sha256', value: 'HEX', help: "the tarball's SHA-256 (needed for versions without a known checksum)" },
  { flag: 'source-max-bytes', input: 'source-max-bytes', value: 'N', help: `largest tarball, and unpacked size, accepted (default ${INPUT_DEFAULTS['source-max-bytes']})` },
  { flag: 'platform', input: 'platforms', multiple: true, value: 'P', help: 'linux/amd64 or linux/arm64; repeat for both (default linux/amd64)' },
  { flag: 'libc', input: 'libc', value: 'glibc|musl', help: 'C library to link statically (default glibc; musl has no .htpasswd support)' },
  { flag: 'uid-drop', input: 'uid-drop', value: 'true|false', help: 'disable the root-only user switch in thttpd.c (default true)' },
  { flag: 'patch', input: 'patches', multiple: true, value: 'FILE', help: 'extra unified diff applied with patch -p1; repeatable, in order' },
  { flag: 'cflags', input: 'cflags', value: 'FLAGS', help: 'extra compiler flags, after the defaults (-Os, section GC, -static), so they win' },
  { flag: 'strip', input: 'strip', value: 'true|false', help: 'strip the binary (default true)' },
  { flag: 'site', input: 'site', value: 'DIR', help: 'folder to serve instead of the default page' },
  { flag: 'port', input: 'port', value: 'N', help: `port the server listens on in the image (default ${INPUT_DEFAULTS.port})` },
  { flag: 'label', input: 'labels', multiple: true, value: 'KEY=VALUE', help: 'image label to add or override; repeatable' },
  { flag: 'output', input: 'output', value: 'PATH', help: 'image archive: PATH.tar for docker/podman/kind load, else an OCI layout folder (default ./static-thttpd.tar, none with --push)' },
  { flag: 'binaries', value: 'DIR', help: 'also copy the verified binaries into DIR' },
  { flag: 'image', input: 'image', value: 'NAME', help: 'repository name the archive tags carry (default static-thttpd)' },
  { flag: 'push', value: 'NAME', help: 'push to this repository, e.g. ghcr.io/me/web (credentials from ~/.docker/config.json, or --username and --password-stdin)' },
  { flag: 'tag', input: 'tags', multiple: true, value: 'TEMPLATE', help: "tag template, repeatable: {{raw}} {{version}} {{major}} {{minor}} {{patch}} {{sha}} {{date 'YYYYMMDD'}} (default {{raw}}, {{major}}.{{minor}}, {{major}})" },
  { flag: 'tags', input: 'tags', value: 'LIST', help: 'tag templates, comma or newline separated; adds to any --tag' },
  { flag: 'tag-suffix', input: 'tag-suffix', value: 'S', help: 'appended to every tag, e.g. -musl' },
  { flag: 'latest', input: 'latest', value: 'auto|true|false', help: 'add the latest tag (default auto: only when no higher stable version is known)' },
  { flag: 'username', input: 'username', value: 'USER', help: 'registry user name' },
  { flag: 'password-stdin', input: 'password', boolean: true, help: 'read the registry password or token from standard input' },
  { flag: 'insecure-registry', input: 'insecure-registries', multiple: true, value: 'HOST', help: 'allow plain HTTP to this registry (loopback always may)' },
  { flag: 'mode', input: 'mode', value: 'all|platform|index', help: 'all (default); platform: push this build by digest, untagged; index: tag one index over --manifest digests' },
  { flag: 'manifest', input: 'manifests', multiple: true, value: 'DIGEST', help: 'with --mode index: a platform manifest digest already pushed; repeat per platform' },
  { flag: 'help', boolean: true, help: 'show this help' },
];

const USAGE = `usage: static-thttpd build [options]

Builds thttpd statically, verifies it, and makes a scratch container image archive
(and pushes it with --push). Progress goes to stderr, the report to stdout.

options:
${FLAGS.map((f) => `  --${f.flag}${f.value ? ` ${f.value}` : ''}\n      ${f.help}`).join('\n')}

environment: SOURCE_DATE_EPOCH (timestamps in the image; default the commit time of the git
checkout in the current folder, else 0), GITHUB_SHA (the commit for {{sha}} and the revision
label; default HEAD of that checkout), GITHUB_TOKEN (ghcr.io), DOCKER_CONFIG (where config.json
with registry credentials lives).
`;

/** How messages name an input: as the flag the user typed (`--push NAME` names the image). */
function namer(pushed: boolean) {
  return (input: InputName): string => {
    if (input === 'github-token') return 'GITHUB_TOKEN';
    if (input === 'image' && pushed) return '--push';
    const flag = FLAGS.find((f) => f.input === input);
    return flag ? `--${flag.flag}` : input;
  };
}

class UsageError extends Failure {}

const VALUE_FLAGS = new Set(FLAGS.filter((f) => !f.boolean).map((f) => `--${f.flag}`));

/** `--cflags -Os` and `--port -1` mean a value, which parseArgs would take for a flag: glue them as `--flag=value`. */
function joinDashValues(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (VALUE_FLAGS.has(arg) && next !== undefined && next.startsWith('-') && !VALUE_FLAGS.has(next) && next !== '--help') {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === undefined) {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'build') throw new UsageError(`unknown command "${command}": the command is "build" (see static-thttpd --help)`);

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinDashValues(rest),
      strict: true,
      allowPositionals: false,
      options: Object.fromEntries(FLAGS.map((f) => [f.flag, { type: f.boolean ? 'boolean' : 'string', multiple: f.multiple ?? false }])),
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see static-thttpd build --help)`);
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }

  const env = plainEnv(process.env);
  const pushed = typeof values.push === 'string';
  // Without a registry the archive is the result; with --push it is written only when asked for.
  const inputs: Inputs = { output: pushed ? '' : './static-thttpd.tar', push: 'false', 'github-token': env.GITHUB_TOKEN };
  // --tag and --tags both feed the tags input: what each gave adds up.
  const given = new Map<InputName, string[]>();
  for (const f of FLAGS) {
    const value = values[f.flag];
    if (!f.input || value === undefined || f.boolean) continue;
    given.set(f.input, [...(given.get(f.input) ?? []), ...(Array.isArray(value) ? value : [String(value)])]);
  }
  for (const [input, list] of given) inputs[input] = list.join('\n');
  if (pushed) {
    if (values.image !== undefined) throw new UsageError('give the repository with either --push NAME or --image NAME, not both');
    inputs.image = String(values.push);
    inputs.push = 'true';
  }
  if (values['password-stdin']) inputs.password = await readStdin();

  const cwd = process.cwd();
  const settings = parseSettings(
    inputs,
    { cwd, sourceDateEpoch: env.SOURCE_DATE_EPOCH, commitEpoch: await commitEpoch(cwd), sha: env.GITHUB_SHA || (await headSha(cwd)), now: new Date() },
    namer(pushed),
  );
  const log = {
    info: (m: string) => process.stderr.write(`static-thttpd: ${m}\n`),
    warning: (m: string) => process.stderr.write(`static-thttpd: warning: ${m}\n`),
  };
  const cacheDir = join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'static-thttpd');
  const workDir = await mkdtemp(join(tmpdir(), 'static-thttpd-'));
  try {
    const binariesDir = typeof values.binaries === 'string' ? resolve(cwd, values.binaries) : undefined;
    const report = await run(settings, {
      log,
      cache: folderCache(join(cacheDir, 'sources')),
      system: await readHostSystem(env),
      workDir,
      scratchDir: tmpdir(),
      binariesDir,
      mask: () => undefined,
      blobLocations: new JsonFileBlobLocations(join(cacheDir, 'blob-locations.json')),
    });
    process.stdout.write(textReport(settings, report));
    return 0;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof Failure) process.stderr.write(`static-thttpd: error: ${error.message}\n`);
    else process.stderr.write(`static-thttpd: internal error (please report it): ${(error as Error).stack ?? String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

