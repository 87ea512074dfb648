// One table of bad values, every input, fed to the bundled action (as the runner does) and
// to the bundled CLI. Each must exit non-zero with one message that names the input and says
// what is allowed; nothing may reach the registry; nothing may be written outside the run's
// work folder (the workspace, HOME, TMPDIR and RUNNER_TEMP are compared before and after).
// The defaults every row starts from push to a real registry: a control row with no bad
// value shows that they do, so a bad value that slipped through would show as a push.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { INPUT_NAMES, type InputName } from '../../src/settings.js';
import { CLI, runAction, type Finished } from '../helpers/entries.js';
import { makeFixtureTarball, type FixtureTarball } from '../helpers/fixture.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { freePort } from '../helpers/net.js';
import { skopeoRaw, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { changes, snapshot, writeTable, type Cell } from '../helpers/reliability.js';

type Entry = 'action' | 'cli';

/** Inputs only the CLI has (no action input), with their flags. */
const CLI_ONLY = { binaries: '--binaries' } as const;
type RowInput = InputName | keyof typeof CLI_ONLY;

/** How the CLI spells each input (see static-thttpd build --help); undefined: no such flag. */
const CLI_FLAG: Partial<Record<InputName, string>> = {
  version: '--version', source: '--source', sha256: '--sha256', 'source-max-bytes': '--source-max-bytes', 'uid-drop': '--uid-drop',
  patches: '--patch', platforms: '--platform', libc: '--libc', strip: '--strip', cflags: '--cflags', site: '--site', port: '--port',
  labels: '--label', image: '--push', tags: '--tag', 'tag-suffix': '--tag-suffix', latest: '--latest', username: '--username',
  password: '--password-stdin', 'github-token': 'GITHUB_TOKEN', 'insecure-registries': '--insecure-registry', output: '--output',
  mode: '--mode', manifests: '--manifest',
};

/** Inputs the CLI has no flag for, and why a bad value cannot reach it there. */
const CLI_ABSENT: Partial<Record<InputName, string>> = {
  push: 'the CLI pushes when given --push NAME',
  'version-from': 'the CLI has no git ref to read a version from',
};

/** Inputs without a bad value to try, and why. */
const NO_BAD_VALUE: Partial<Record<InputName, string>> = {
  'github-token': 'any string is accepted and sent to ghcr.io only, which these tests cannot reach',
};

interface Row {
  /** The input the bad value is given to. */
  input: RowInput;
  /** The table's group, when it is not the input itself: "registry URL", "credentials". */
  group?: string;
  value: string;
  /** Other inputs this row changes so the bad value is reached (e.g. no sha256 for an unknown version). */
  with?: Record<string, string>;
  /** What the message must say: what was found and what is allowed. */
  says: RegExp;
  /**
   * How the message names the input, when not as the entry does (`input "port"`, `--port`):
   * each must match, e.g. the input's name and the value given.
   */
  names?: RegExp[];
  /** Files the row needs in the workspace. */
  setup?: (ws: string) => Promise<void>;
  /**
   * The product check this row waits for, being written elsewhere. Until it lands the row runs,
   * and shows what happens in the table, but does not fail the suite: delete the mark then.
   */
  pending?: string;
}

const hex = (n: number, c = 'a') => c.repeat(n);
const esc = (text: string) => text.replace(/[-.*+?^${}()|[\]\\/]/g, '\\$&');
/** A unified diff creating `target`, a path patch -p1 takes from the release's top folder. */
const creatingDiff = (target: string) => `--- a/${target}\n+++ b/${target}\n@@ -0,0 +1 @@\n+written by a patch\n`;
const OTHER_ARCH = process.arch === 'arm64' ? 'linux/amd64' : 'linux/arm64';

const BAD_PORT = /expected a TCP port \(1-65535\), got "/;
const BAD_SIZE = /expected a size in bytes \(1024-1073741824\), got "/;
const BAD_BOOL = /expected true or false, got "/;
const BAD_LABEL = /expected one key=value per line \(keys of letters, digits, "\.", "\/", "-", "_"\), got "/;
const BAD_IMAGE = /Expected an image name without tag or digest \(e\.g\. `ghcr\.io\/me\/web`, `docker\.io\/me\/web` or `localhost:5000\/web`\), found `/;
const BAD_TAG = /is not a valid registry tag: tags are 1-128 characters of letters, digits, "_", "\." and "-", not starting with "\." or "-"/;
const BAD_HEX = /expected 64 hexadecimal digits \(the tarball's SHA-256\), got "/;
const UNAUTHORIZED = /to accept GET \/v2\/.*, found 401 Unauthorized.*Check the credentials and that they may push to/;

let registry: TestRegistry;
let notRegistry: TestServer;
let closedPort: number;
let shared: string;
let tarball: FixtureTarball;

function rows(): Row[] {
  const host = registry.host;
  const image = (name: string) => `${host}/${name}`;
  return [
    { input: 'version', value: '../2.29', says: /expected a thttpd release number such as 2\.29 or 2\.25b, got "\.\.\/2\.29"/ },
    { input: 'version', value: '2.29;rm -rf ~', says: /expected a thttpd release number such as 2\.29 or 2\.25b, got "2\.29;rm -rf ~"/ },
    { input: 'version', value: '2.30', with: { sha256: '' }, says: /thttpd 2\.30 is not a release with a known checksum \(2\.25b, 2\.27, 2\.28, 2\.29 are\): pass the tarball's SHA-256 with/ },
    { input: 'version', value: '2.28', says: / is 2\.28, but the source is thttpd 2\.29 \(version\.h says "thttpd\/2\.29 23May2018"\): expected thttpd\/2\.28\. Set .* 2\.29 to build this tarball, or pass the 2\.28 tarball with / },

    { input: 'source', value: 'ftp://127.0.0.1/thttpd-2.29.tar.gz', says: /expected an https:\/\/ or http:\/\/ URL or a local path, got a ftp: URL/ },
    { input: 'source', value: 'file:///etc/passwd', says: /expected an https:\/\/ or http:\/\/ URL or a local path, got a file: URL/ },
    { input: 'source', value: 'http://', says: /"http:\/\/" is not a valid URL: expected an https:\/\/ or http:\/\/ URL or a local path/ },
    { input: 'source', value: 'missing.tar.gz', says: /source .*\/missing\.tar\.gz is not a file: pass an http\(s\) URL or the path of a thttpd-VERSION\.tar\.gz/, names: [/\bsource\b/] },
    { input: 'source', value: '.', says: /source .* is not a file: pass an http\(s\) URL or the path of a thttpd-VERSION\.tar\.gz/, names: [/\bsource\b/] },
    { input: 'source', value: `${notRegistry.url}/thttpd-2.29.tar.gz`, says: /could not download the thttpd source from http:\/\/127\.0\.0\.1:\d+\/thttpd-2\.29\.tar\.gz: HTTP 404 Not Found \(not retried: the server's answer is final\)\. Check the URL and the network, or pass a local tarball with / },
    {
      input: 'source',
      value: 'not-gzip.tar.gz',
      with: { sha256: createHash('sha256').update('plain text').digest('hex') },
      setup: async (ws) => writeFile(join(ws, 'not-gzip.tar.gz'), 'plain text'),
      says: /source .*\/not-gzip\.tar\.gz is not a readable \.tar\.gz \(.*\): pass a thttpd-VERSION\.tar\.gz release tarball/,
      names: [/\bsource\b/],
    },

    { input: 'sha256', value: 'abc', says: BAD_HEX },
    { input: 'sha256', value: hex(63), says: BAD_HEX },
    { input: 'sha256', value: hex(64, 'z'), says: BAD_HEX },
    { input: 'sha256', value: hex(64), says: new RegExp(`checksum mismatch for thttpd 2\\.29 from .*: expected sha256 ${hex(64)}, got [0-9a-f]{64} \\(\\d+ bytes\\)\\. The file is damaged or not the release you asked for; if you trust this tarball, pass its checksum with `) },
    { input: 'sha256', value: '', with: { version: '2.26' }, says: /no checksum is recorded for thttpd 2\.26: pass the SHA-256 of its tarball with/ },

    { input: 'source-max-bytes', value: 'lots', says: BAD_SIZE },
    { input: 'source-max-bytes', value: '1023', says: BAD_SIZE },
    { input: 'source-max-bytes', value: '-5', says: BAD_SIZE },
    { input: 'source-max-bytes', value: '2000000000', says: BAD_SIZE },
    { input: 'source-max-bytes', value: '1024', says: /source .*thttpd-2\.29\.tar\.gz is \d+ bytes, over the limit of 1024 \(a thttpd release is about 135 KB\): check .*, or raise .* if this really is the tarball/ },

    { input: 'uid-drop', value: 'yes', says: BAD_BOOL },
    { input: 'uid-drop', value: '1', says: BAD_BOOL },
    { input: 'strip', value: 'maybe', says: BAD_BOOL },
    { input: 'push', value: 'yes', says: BAD_BOOL },

    { input: 'patches', value: 'missing.diff', says: /: expected a readable unified diff file, found nothing at ".*\/missing\.diff": check the path/ },
    { input: 'patches', value: '.', says: /: expected a readable unified diff file, found a folder at / },
    {
      input: 'patches',
      value: 'bad.diff',
      setup: async (ws) => writeFile(join(ws, 'bad.diff'), '--- a/thttpd.c\n+++ b/thttpd.c\n@@ -1,3 +1,3 @@\n-this line is not there\n+nor is this\n context\n'),
      says: /: expected unified diffs that apply with patch -p1 in the release's top folder; patch .*\/bad\.diff does not apply to thttpd's source \(patch -p1 exit 1\): update it for this release or remove it/,
    },
    // Paths in a diff that leave the source tree must be refused before patch runs.
    { input: 'patches', value: 'climb.diff', setup: async (ws) => writeFile(join(ws, 'climb.diff'), creatingDiff('../../../../ws/climbed-by-patch.txt')), says: /: expected a diff of files inside the release's top folder .*climb\.diff/ },
    { input: 'patches', value: 'absolute.diff', setup: async (ws) => writeFile(join(ws, 'absolute.diff'), `--- /dev/null\n+++ ${join(ws, 'absolute-by-patch.txt')}\n@@ -0,0 +1 @@\n+written by a patch\n`), says: /: expected a diff of files inside the release's top folder \(a\/thttpd\.c, b\/thttpd\.c\), found ".*absolute-by-patch\.txt" in ".*absolute\.diff"/ },

    { input: 'platforms', value: 'linux/s390x', says: /unsupported platform "linux\/s390x": expected linux\/amd64 and\/or linux\/arm64/ },
    { input: 'platforms', value: 'windows/amd64', says: /unsupported platform "windows\/amd64": expected linux\/amd64 and\/or linux\/arm64/ },
    { input: 'platforms', value: 'linux/amd64,linux/riscv64', says: /unsupported platform "linux\/riscv64": expected linux\/amd64 and\/or linux\/arm64/ },
    { input: 'platforms', value: ',', says: /expected at least one platform: linux\/amd64, linux\/arm64/ },

    { input: 'libc', value: 'bionic', says: /expected one of glibc, musl, got "bionic"/ },
    { input: 'libc', value: 'GLIBC', says: /expected one of glibc, musl, got "GLIBC"/ },
    { input: 'libc', value: 'musl', with: { platforms: OTHER_ARCH }, says: / musl builds only for this machine's own platform \(linux\/\w+\), not linux\/\w+: .*, or set .* glibc$/ },

    { input: 'cflags', value: '-O2\n-g', says: /expected compiler flags on one line/ },
    { input: 'cflags', value: '-fno-such-flag-anywhere', says: /thttpd did not compile for linux\/\w+ with gcc \(make exit 2\): expected a static thttpd, found errors; check .* "-fno-such-flag-anywhere" first \(they go last on gcc's command line\)\. The compiler's last lines:/ },

    { input: 'site', value: 'nosuch', says: /site: expected a folder of files to serve, found nothing at ".*\/nosuch": check the path/, names: [/\bsite\b/] },
    {
      input: 'site',
      value: 'leaky',
      setup: async (ws) => {
        await mkdir(join(ws, 'leaky'));
        await writeFile(join(ws, 'leaky', 'index.html'), 'hi\n');
        await symlink('/etc/passwd', join(ws, 'leaky', 'passwd'));
      },
      says: /site: expected every symlink to point at a file or folder inside the site, found ".*\/leaky\/passwd" -> "\/etc\/passwd", which resolves outside the site/,
      names: [/\bsite\b/],
    },

    { input: 'port', value: '0', says: BAD_PORT },
    { input: 'port', value: '65536', says: BAD_PORT },
    { input: 'port', value: '-1', says: BAD_PORT },
    { input: 'port', value: 'http', says: BAD_PORT },
    { input: 'port', value: '80.5', says: BAD_PORT },

    { input: 'labels', value: 'novalue', says: BAD_LABEL },
    { input: 'labels', value: '=value', says: BAD_LABEL },
    { input: 'labels', value: 'bad key=1', says: BAD_LABEL },
    { input: 'labels', value: 'ok=1\nbroken', says: BAD_LABEL },

    { input: 'image', value: image('UPPER'), says: new RegExp(`${BAD_IMAGE.source}.*the path component \`UPPER\` is not a valid repository name\\. Repository names must be lowercase`) },
    { input: 'image', value: `${image('web')}:2.29`, says: new RegExp(`${BAD_IMAGE.source}.*it carries the tag \`2\\.29\`\\. Give the name alone`) },
    { input: 'image', value: `${image('web')}@sha256:${hex(64)}`, says: new RegExp(`${BAD_IMAGE.source}.*it carries a digest`) },
    { input: 'image', value: `${host}//web`, says: new RegExp(`${BAD_IMAGE.source}.*the path component \`\` is not a valid repository name`) },
    { input: 'image', value: 'a b', says: new RegExp(`${BAD_IMAGE.source}.*it contains white space`) },
    { input: 'image', value: '', says: /is required to push: name the repository, e.g\. ghcr\.io\/OWNER\/web, or set/ },

    { input: 'image', group: 'registry URL', value: `http://${host}/web`, says: new RegExp(`${BAD_IMAGE.source}.*it carries a URL scheme\\. Drop the \`https://\` part`) },
    { input: 'image', group: 'registry URL', value: '127.0.0.1:99999/web', says: new RegExp(`${BAD_IMAGE.source}.*\`127\\.0\\.0\\.1:99999\` is not a valid registry host\\[:port\\]`) },
    { input: 'image', group: 'registry URL', value: host, says: new RegExp(`${BAD_IMAGE.source}.*it names a registry but no repository`) },
    { input: 'image', group: 'registry URL', value: `127.0.0.1:${closedPort}/web`, says: new RegExp(`Expected 127\\.0\\.0\\.1:${closedPort} to answer GET /v2/, found no answer: connect ECONNREFUSED .*\\(4 attempts\\)\\. Check that the registry address is right`), names: [new RegExp(`Expected ${esc(`127.0.0.1:${closedPort}`)} to answer`), /registry address/] },
    { input: 'image', group: 'registry URL', value: `${new URL(notRegistry.url).host}/web`, says: /to accept GET \/v2\/, found 404 Not Found\. Check that this host runs a registry speaking the OCI distribution API/, names: [new RegExp(`Expected ${esc(new URL(notRegistry.url).host)} to accept`)] },
    { input: 'insecure-registries', group: 'registry URL', value: 'http://example.test', says: /expected host or host:port entries, got "http:\/\/example\.test"/ },
    { input: 'insecure-registries', group: 'registry URL', value: 'example.test:1:2', says: /expected host or host:port entries, got "example\.test:1:2"/ },

    { input: 'username', group: 'credentials', value: 'pusher', with: { password: '' }, says: /is required with .*: pass the password or token too/, names: [/password/] },
    { input: 'password', group: 'credentials', value: 'wrong-password', says: UNAUTHORIZED, names: [/let us in as pusher \(credentials from the username and password inputs\)/, new RegExp(`may push to ${esc(host)}/bad\\.$`)] },
    { input: 'password', group: 'credentials', value: 'a-password', with: { username: '' }, says: /Expected both a username and a password for 127\.0\.0\.1:\d+, found only a password\. Pass both, or neither/, names: [new RegExp(`Expected both a username and a password for ${esc(host)}, found only a password`)] },

    { input: 'tags', value: '{{unknown}}', says: /tag template "\{\{unknown\}\}" has an unknown placeholder \{\{unknown\}\}: use \{\{raw\}\}, \{\{version\}\}/ },
    { input: 'tags', value: "{{date 'YYYYMMDD'", says: /has unbalanced braces: write placeholders as \{\{name\}\}/ },
    { input: 'tags', value: 'bad tag', says: BAD_TAG },
    { input: 'tags', value: '-lead', says: BAD_TAG },
    { input: 'tags', value: hex(129, 'x'), says: BAD_TAG },
    { input: 'tag-suffix', value: '/x', says: /expected letters, digits, "\.", "_" or "-" \(e\.g\. -musl\), got "\/x"/ },
    { input: 'tag-suffix', value: '-musl!', says: /expected letters, digits, "\.", "_" or "-" \(e\.g\. -musl\), got "-musl!"/ },
    { input: 'latest', value: 'sometimes', says: /^(?!.*tags).*expected one of auto, true, false, got "sometimes"/ },
    { input: 'version-from', value: 'branch', says: /expected one of input, git-tag, got "branch"/ },
    { input: 'version-from', value: 'git-tag', says: /git-tag needs a run for a refs\/tags\/v\* ref, but this run is for "refs\/heads\/main": run it on push of a v\* tag, or set it to input/ },

    { input: 'mode', value: 'sometimes', says: /expected one of all, platform, index, got "sometimes"/ },
    { input: 'mode', value: 'index', with: { push: 'false', image: '' }, says: /index pushes an index over manifests already in the registry: it needs .* true/ },
    { input: 'manifests', value: `sha256:${hex(64)}`, says: /is only used with .* index: remove it, or set .* index/ },
    { input: 'manifests', value: 'sha256:abc', with: { mode: 'index' }, says: /expected digests of the form sha256:<64 lowercase hex>, got "sha256:abc"/ },
    { input: 'manifests', value: '', with: { mode: 'index' }, says: /expected the digests the platform jobs reported \(sha256:\.\.\.\), one per platform, found none/ },

    { input: 'output', value: 'thttpd-2.29.tar.gz/image.tar', says: /output: expected ".*thttpd-2\.29\.tar\.gz" to be a folder to hold ".*thttpd-2\.29\.tar\.gz\/image\.tar", found a file: choose a path whose parents are folders/, names: [/\boutput\b/] },
    { input: 'output', value: '.', says: /output: expected ".*" to be a new folder or an OCI image layout to replace, found a folder holding other files: choose another path/, names: [/\boutput\b/] },
    { input: 'output', value: '/sys/image.tar', says: /\/sys\/image\.tar/, names: [/\boutput\b/] },
    { input: 'output', value: '/proc/image.tar', says: /\/proc\/image\.tar/, names: [/\boutput\b/] },

    { input: 'binaries', value: 'bins-file', setup: async (ws) => writeFile(join(ws, 'bins-file'), 'a file the user keeps\n'), says: /--binaries: expected a folder to copy the binaries into, found a file at .*bins-file/ },
    { input: 'binaries', value: '/proc/static-thttpd-bins', says: /--binaries: expected a folder to copy the binaries into, found .*\/proc\/static-thttpd-bins/ },
  ];
}

function entryName(entry: Entry, input: RowInput): string {
  if (input in CLI_ONLY) return CLI_ONLY[input as keyof typeof CLI_ONLY];
  return entry === 'action' ? `input "${input}"` : (CLI_FLAG[input as InputName] ?? input);
}

/** A CLI row that hangs is a failure, not a stuck suite: each run is killed after this. */
const CLI_TIME_LIMIT_MS = 240_000;

/** The bundled CLI, killed if it outlives CLI_TIME_LIMIT_MS (`timedOut` then). */
function runCliBounded(args: string[], options: { cwd: string; env: Record<string, string | undefined>; input: string }): Promise<Finished & { timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'], timeout: CLI_TIME_LIMIT_MS, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, stdout, stderr, timedOut: signal === 'SIGKILL' }));
    child.stdin.end(options.input);
  });
}

/** The CLI's argv (and stdin, env) for a set of input values, as its --help spells them. */
function cliInvocation(inputs: Record<string, string>): { args: string[]; input: string; env: Record<string, string> } {
  const args = ['build'];
  let input = '';
  const env: Record<string, string> = {};
  const push = inputs.push !== 'false';
  for (const [name, value] of Object.entries(inputs)) {
    if (name === 'push') continue;
    if (name === 'image') {
      args.push(push ? '--push' : '--image', value);
    } else if (name === 'password') {
      if (value !== '') {
        args.push('--password-stdin');
        input = value;
      }
    } else if (name === 'github-token') {
      env.GITHUB_TOKEN = value;
    } else if (name in CLI_ONLY) {
      args.push(CLI_ONLY[name as keyof typeof CLI_ONLY], value);
    } else if (name === 'patches' || name === 'labels') {
      for (const line of value.split('\n')) args.push(`${CLI_FLAG[name] as string}=${line}`);
    } else {
      const flag = CLI_FLAG[name as InputName];
      if (!flag) throw new Error(`no CLI flag for ${name}`);
      // A value starting with "-" needs --flag=value, as parseArgs (and a user) would write it.
      if (value !== '' || name === 'image') args.push(...(value.startsWith('-') ? [`${flag}=${value}`] : [flag, value]));
    }
  }
  return { args, input, env };
}

interface Outcome {
  row: Row;
  entry: Entry;
  code: number | null;
  message: string;
  skipped?: string;
  /** For a pending row that does not pass yet: what happened instead. */
  notYet?: string;
}

const outcomes: Outcome[] = [];
const PENDING_REPO = /^\/v2\/pending-\d+\//;

/** One run of one entry in its own folder: workspace, HOME, TMPDIR and RUNNER_TEMP, all snapshotted. */
async function runRow(entry: Entry, row: Row | undefined, imageName: string): Promise<Outcome & { written: string[]; stdout: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'static-thttpd-bad-'));
  try {
    const ws = join(dir, 'ws');
    const home = join(dir, 'home');
    const temp = join(dir, 'tmp');
    const runnerTemp = join(dir, 'runner-temp');
    for (const d of [ws, home, temp, runnerTemp]) await mkdir(d, { recursive: true });
    await cp(tarball.path, join(ws, 'thttpd-2.29.tar.gz'));
    await row?.setup?.(ws);

    const inputs: Record<string, string> = {
      source: 'thttpd-2.29.tar.gz',
      sha256: tarball.sha256,
      image: imageName,
      username: registry.username,
      password: registry.password,
      ...(entry === 'action' ? { 'github-token': '' } : {}),
      ...row?.with,
      ...(row ? { [row.input]: row.value } : {}),
    };
    const env = { HOME: home, TMPDIR: temp, XDG_CACHE_HOME: join(home, '.cache'), DOCKER_CONFIG: join(home, '.docker'), SOURCE_DATE_EPOCH: '1700000000', GITHUB_TOKEN: undefined };
    // The work folders: the action's RUNNER_TEMP/static-thttpd, the CLI's TMPDIR/static-thttpd-*.
    const workFolder = (rel: string) => rel === 'runner-temp/static-thttpd' || rel.startsWith('runner-temp/static-thttpd/') || /^tmp\/static-thttpd-[^/]+(\/|$)/.test(rel);
    const before = await snapshot(dir, workFolder);

    let code: number | null;
    let stdout: string;
    let stderr: string;
    let message: string;
    if (entry === 'action') {
      const run = await runAction(inputs, { workspace: ws, env: { ...env, RUNNER_TEMP: runnerTemp, GITHUB_REF: 'refs/heads/main', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567' } });
      await rm(run.dir, { recursive: true, force: true });
      ({ code, stdout, stderr } = run);
      if (code !== 0) {
        assert.equal(run.files.output, '', 'a failed run sets no outputs');
        assert.equal(run.files.summary, '', 'and writes no summary');
      }
      const errors = stdout.split('\n').filter((l) => l.startsWith('::error::'));
      if (code !== 0) assert.equal(errors.length, 1, `one error annotation:\n${stdout}`);
      message = (errors[0] ?? '').slice('::error::'.length).replace(/%0A/g, '\n');
    } else {
      const cli = cliInvocation(inputs);
      const run = await runCliBounded(cli.args, { cwd: ws, env: { ...env, ...cli.env }, input: cli.input });
      assert.ok(!run.timedOut, `the CLI still ran after ${CLI_TIME_LIMIT_MS / 1000} s and was killed\n${cli.args.join(' ')}\n${run.stderr.slice(-2000)}`);
      ({ code, stdout, stderr } = run);
      const errors = stderr.split('\n').filter((l) => l.startsWith('static-thttpd: error: '));
      if (code !== 0) assert.equal(errors.length, 1, `expected one error line, found ${errors.length}${/\n\s+at .*:\d+:\d+\)?\n/.test(stderr) ? ' and a stack trace' : ''}\n${stderr}`);
      message = stderr.slice(stderr.indexOf('static-thttpd: error: ') + 'static-thttpd: error: '.length).trim();
    }
    if (code !== 0) assert.doesNotMatch(`${stdout}\n${stderr}`, /internal error|\n\s+at .*\(.*:\d+:\d+\)/, 'a Failure, not a stack trace');
    const written = changes(before, await snapshot(dir, workFolder));
    return { row: row as Row, entry, code, message, written, stdout: stdout + stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

before(async () => {
  registry = await startRegistry({ auth: 'htpasswd' });
  notRegistry = await startServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>not here</h1>'));
  closedPort = await freePort();
  shared = await mkdtemp(join(tmpdir(), 'static-thttpd-bad-inputs-'));
  tarball = await makeFixtureTarball({ dir: shared });
});

after(async () => {
  await registry?.stop();
  await notRegistry?.stop();
  await rm(shared, { recursive: true, force: true });
  const covered = new Set<string>(outcomes.map((o) => o.row.input).filter((n) => (INPUT_NAMES as readonly string[]).includes(n)));
  const uncovered = INPUT_NAMES.filter((n) => !covered.has(n));
  const ran = outcomes.filter((o) => !o.skipped && !o.notYet);
  const notYet = outcomes.filter((o) => o.notYet);
  // Only the test's own servers are masked, by name: a bad host:port in a value stays as given.
  const servers: [string, string][] = registry && notRegistry ? [[registry.host, 'REGISTRY'], [new URL(notRegistry.url).host, 'NOT-A-REGISTRY'], [`127.0.0.1:${closedPort}`, 'CLOSED-PORT']] : [];
  const mask = (text: string) => servers.reduce((t, [real, name]) => t.replace(new RegExp(`${esc(real)}(?![0-9])`, 'g'), name), text).replace(/\/tmp\/static-thttpd-bad-[^/"]+\/ws/g, 'WS');
  const tableRows: Cell[][] = [];
  for (const o of outcomes.filter((x) => x.entry === 'action')) {
    const cli = outcomes.find((x) => x.entry === 'cli' && x.row === o.row);
    const shown = o.skipped ? cli : o;
    const exit = (x: Outcome | undefined) => (x?.skipped ? `n/a (${x.skipped})` : x?.notYet ? 'not yet refused' : (x?.code ?? 'signal'));
    const notYet = [o, cli].filter((x) => x?.notYet).map((x) => `${x?.entry}: ${x?.notYet}`);
    tableRows.push([
      o.row.group ?? o.row.input,
      mask(o.row.group ? `${o.row.input}: ${JSON.stringify(o.row.value)}` : JSON.stringify(o.row.value)),
      exit(o),
      exit(cli),
      notYet.length ? mask(`PENDING (waits for: ${o.row.pending}): ${notYet.join('; ')}`.slice(0, 400)) : mask(shown?.message.split('\n')[0] ?? ''),
    ]);
  }
  writeTable({
    id: '30-bad-inputs',
    title: 'Bad inputs',
    intro:
      'Each bad value is given to the bundled action (INPUT_* variables, as the runner does) and to the bundled CLI (its flags), on top of defaults that build the fixture and push it to a real registry on 127.0.0.1 (htpasswd). ' +
      'Every run must exit non-zero with one error (an `::error::` annotation, or one `static-thttpd: error:` line) that names the input and what is allowed; the registry must receive no write; ' +
      'the workspace, HOME, TMPDIR and RUNNER_TEMP must be unchanged apart from the run\'s own work folder. The message shown is the action\'s.',
    columns: ['input', 'bad value', 'action exit', 'CLI exit', 'message (the action\'s; the CLI\'s for CLI-only flags)'],
    rows: tableRows,
    notes: [
      `${tableRows.length} bad values over ${covered.size} of ${INPUT_NAMES.length} inputs and ${Object.keys(CLI_ONLY).length} CLI-only flag; ${ran.length} runs (${ran.filter((o) => o.entry === 'action').length} action, ${ran.filter((o) => o.entry === 'cli').length} CLI) refused as required; 0 registry writes from them (the control runs' pushes were seen in the same log), 0 files written outside the work folder` +
        (notYet.length ? `; ${notYet.length} runs of rows marked PENDING are not refused yet (product checks in progress), shown as they are.` : '.'),
      ...uncovered.map((n) => `Not covered: \`${n}\`: ${NO_BAD_VALUE[n] ?? 'no bad value in this table yet'}.`),
      ...Object.entries(CLI_ABSENT).map(([n, why]) => `CLI n/a for \`${n}\`: ${why}.`),
      'In values and messages, WS stands for the run\'s workspace; REGISTRY, NOT-A-REGISTRY and CLOSED-PORT for the test\'s own servers on 127.0.0.1 (a registry, a web server answering 404, a port nothing listens on). Any other host:port is shown as given.',
    ],
  });
});

describe('bad inputs', () => {
  test('control: the defaults every row starts from do build and push, with both entries', async () => {
    const runs = await Promise.all((['action', 'cli'] as Entry[]).map(async (entry) => ({ entry, run: await runRow(entry, undefined, `${registry.host}/control-${entry}`) })));
    for (const { entry, run } of runs) {
      assert.equal(run.code, 0, run.stdout);
      // Besides the work folder a push keeps its blob-location cache (for mounts next time), and the CLI its default archive.
      const kept = entry === 'action'
        ? ['+ runner-temp/static-thttpd-blob-locations.json']
        : ['+ home/.cache', '+ home/.cache/static-thttpd', '+ home/.cache/static-thttpd/blob-locations.json'];
      assert.deepEqual(run.written, kept, 'a successful push writes nothing else');
      const raw = await skopeoRaw(`${registry.host}/control-${entry}:2.29`, { tls: false, username: registry.username, password: registry.password });
      assert.ok(raw.length > 0);
    }
    // The same log parser that must find no write for a bad value finds these pushes, so "nothing pushed" can fail.
    const requests = registry.requests();
    for (const entry of ['action', 'cli']) {
      const manifests = requests.filter((r) => r.method === 'PUT' && r.uri.startsWith(`/v2/control-${entry}/manifests/`) && r.status === 201);
      const blobs = requests.filter((r) => r.method === 'PUT' && r.uri.startsWith(`/v2/control-${entry}/blobs/uploads/`) && r.status === 201);
      assert.ok(manifests.length >= 2, `the parser saw the ${entry} control's manifest and tag PUTs: ${manifests.length}`);
      assert.ok(blobs.length >= 2, `the parser saw the ${entry} control's blob uploads: ${blobs.length}`);
    }
  });

  // Rows run a few at a time: most fail in settings in a blink, some only after a build.
  test('every bad value of every input is refused by the action and the CLI, naming the input, pushing and writing nothing', async () => {
    const all = rows();
    const jobs: (() => Promise<void>)[] = [];
    for (const row of all) {
      for (const entry of ['action', 'cli'] as Entry[]) {
        if (entry === 'cli' && CLI_ABSENT[row.input as InputName]) {
          outcomes.push({ row, entry, code: null, message: '', skipped: CLI_ABSENT[row.input as InputName] });
          continue;
        }
        if (entry === 'action' && row.input in CLI_ONLY) {
          outcomes.push({ row, entry, code: null, message: '', skipped: 'a CLI flag only' });
          continue;
        }
        jobs.push(async () => {
          const label = `${entry} ${row.input}=${JSON.stringify(row.value)}`;
          // A pending row that is still accepted pushes to its own repository, kept apart from the "nothing pushed" check.
          const repository = row.pending ? `pending-${all.indexOf(row)}` : 'bad';
          const check = async () => {
            const result = await runRow(entry, row, row.input === 'image' ? row.value : `${registry.host}/${repository}`);
            assert.notEqual(result.code, 0, `${label} was accepted:\n${result.stdout}`);
            assert.match(result.message, row.says, label);
            for (const names of row.names ?? [new RegExp(esc(entryName(entry, row.input)))]) assert.match(result.message, names, `${label}: the message names the input`);
            assert.deepEqual(result.written, [], `${label}: nothing written outside the work folder`);
            outcomes.push({ row, entry, code: result.code, message: result.message });
          };
          if (!row.pending) return check();
          await check().catch((error: Error) => outcomes.push({ row, entry, code: null, message: '', notYet: (error.message.split('\n')[0] ?? '').replace(`${label} `, '').replace(/:$/, '') }));
        });
      }
    }
    const failures: string[] = [];
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) await job().catch((error: Error) => failures.push(error.message));
      }),
    );
    assert.deepEqual(failures, []);
    // Keep the table in the rows' order, whatever order the runs finished in.
    outcomes.sort((a, b) => all.indexOf(a.row) - all.indexOf(b.row) || a.entry.localeCompare(b.entry));
    const writes = registry.requests().filter((r) => ['PUT', 'POST', 'PATCH', 'DELETE'].includes(r.method) && !/^\/v2\/control-(action|cli)\//.test(r.uri) && !PENDING_REPO.test(r.uri));
    assert.deepEqual(writes, [], 'no bad value reached a registry write');
    const catalog = execFileSync('curl', ['-sf', '-u', `${registry.username}:${registry.password}`, `${registry.url}/v2/_catalog`], { encoding: 'utf8' });
    const repositories = (JSON.parse(catalog) as { repositories: string[] }).repositories.sort();
    assert.deepEqual(repositories.filter((r) => !/^pending-\d+$/.test(r)), ['control-action', 'control-cli']);
    // A pending row's repository may hold a push only while that row is not passing yet.
    const passingPending = new Set(all.filter((r) => r.pending && !outcomes.some((o) => o.row === r && o.notYet)).map((r) => `pending-${all.indexOf(r)}`));
    assert.deepEqual(repositories.filter((r) => passingPending.has(r)), [], 'a passing pending row pushed nothing');
  });

  test('every input has a bad value in the table, but those with none to try', () => {
    const covered = new Set<string>(rows().map((r) => r.input));
    const missing = INPUT_NAMES.filter((n) => !covered.has(n) && !NO_BAD_VALUE[n]);
    assert.deepEqual(missing, [], 'inputs without a bad-value row');
  });
});
