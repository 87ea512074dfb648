// Every input, its default and its validation, in one place. The entries (action, CLI)
// turn their world into a map of input names to strings; this turns that map into
// Settings or one clear error naming the input and what it accepts.
import { isAbsolute, resolve } from 'node:path';
import { Failure } from './failure.js';
import { MAX_LAYER_EPOCH } from './image/layer.js';
import { parseImageName } from './registry/reference.js';
import { findRelease, NEWEST_RELEASE, releaseUrl, RELEASES } from './source/releases.js';
import { deriveTags, parseVersion, type LatestRule } from './tags.js';
import { LIBCS, PLATFORMS, type Libc, type Platform } from './types.js';

/** Inputs and their defaults; action.yml declares exactly these (a test holds them equal). */
export const INPUT_DEFAULTS = {
  version: NEWEST_RELEASE,
  source: '',
  sha256: '',
  'source-max-bytes': String(16 * 1024 * 1024),
  'uid-drop': 'true',
  patches: '',
  platforms: 'linux/amd64',
  libc: 'glibc',
  strip: 'true',
  cflags: '',
  site: '',
  port: '8080',
  labels: '',
  image: '',
  push: 'true',
  tags: '',
  'tag-suffix': '',
  latest: 'auto',
  'version-from': 'input',
  username: '',
  password: '',
  'github-token': '',
  'insecure-registries': '',
  output: '',
  mode: 'all',
  manifests: '',
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;
export const INPUT_NAMES = Object.keys(INPUT_DEFAULTS) as InputName[];
export type Inputs = Partial<Record<InputName, string>>;

/** The facts about the run that do not come from inputs. */
export interface RunContext {
  cwd: string;
  /** `SOURCE_DATE_EPOCH`, as given. */
  sourceDateEpoch?: string;
  /** Commit time of the checkout, when there is one (the action's fallback epoch). */
  commitEpoch?: number;
  /** `refs/tags/v1.4.0` etc. */
  ref?: string;
  sha?: string;
  /** The repository the image is built from, for the source label. */
  repositoryUrl?: string;
  now: Date;
}

export interface Credentials {
  username?: string;
  password?: string;
  githubToken?: string;
}

/**
 * `all` builds and publishes every platform in one job; `platform` pushes this job's
 * platforms by digest, untagged, for a final `index` job that ties them together.
 */
export const MODES = ['all', 'platform', 'index'] as const;
export type Mode = (typeof MODES)[number];

export interface Settings {
  mode: Mode;
  /** Platform manifest digests for mode `index`. */
  manifests: string[];
  version: string;
  /** An http(s) URL or an absolute path. */
  source: string;
  sha256: string;
  sourceMaxBytes: number;
  uidDrop: boolean;
  patches: string[];
  platforms: Platform[];
  libc: Libc;
  strip: boolean;
  cflags: string;
  /** The user's site folder (absolute); undefined means the default page. */
  site?: string;
  port: number;
  labels: Record<string, string>;
  /** Repository name for tags and archive names, e.g. `ghcr.io/me/web`. */
  image: string;
  push: boolean;
  /** The version the image is labelled and tagged with. */
  imageVersion: string;
  tags: string[];
  credentials: Credentials;
  insecureRegistries: string[];
  /** Archive path (absolute); `.tar` gets a tar, anything else an OCI layout folder. */
  output?: string;
  epoch: number;
  revision?: string;
  repositoryUrl?: string;
}

/** How the entry names an input in messages: `input "port"` or `--port`. */
export type InputNamer = (name: InputName) => string;

const SHA256 = /^(?:sha256:)?([0-9a-fA-F]{64})$/i;
const SAFE_VERSION = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const HOST = /^[A-Za-z0-9.-]+(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;

export const DEFAULT_IMAGE_NAME = 'static-thttpd';

class Reader {
  constructor(
    private readonly inputs: Inputs,
    readonly name: InputNamer,
  ) {}

  text(input: InputName): string {
    const value = this.inputs[input]?.trim();
    return value ? value : INPUT_DEFAULTS[input];
  }

  list(input: InputName, separators: RegExp): string[] {
    return this.text(input).split(separators).map((s) => s.trim()).filter(Boolean);
  }

  fail(input: InputName, message: string): Failure {
    return new Failure(`${this.name(input)}: ${message}`);
  }

  boolean(input: InputName): boolean {
    const value = this.text(input).toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw this.fail(input, `expected true or false, got "${this.inputs[input]}"`);
  }

  integer(input: InputName, min: number, max: number, what: string): number {
    const value = this.text(input);
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max) throw this.fail(input, `expected ${what} (${min}-${max}), got "${value}"`);
    return number;
  }

  oneOf<T extends string>(input: InputName, allowed: readonly T[]): T {
    const value = this.text(input);
    if (!(allowed as readonly string[]).includes(value)) throw this.fail(input, `expected one of ${allowed.join(', ')}, got "${value}"`);
    return value as T;
  }

  path(input: InputName, cwd: string, value = this.text(input)): string {
    if (value.includes('\0')) throw this.fail(input, 'a path cannot hold a NUL character');
    return isAbsolute(value) ? value : resolve(cwd, value);
  }
}

function readSource(r: Reader, version: string, cwd: string): string {
  const value = r.text('source');
  if (!value) return releaseUrl(version);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw r.fail('source', `"${value}" is not a valid URL: expected an https:// or http:// URL or a local path`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw r.fail('source', `expected an https:// or http:// URL or a local path, got a ${url.protocol} URL`);
    return url.href;
  }
  return r.path('source', cwd);
}

function readSha256(r: Reader, version: string): string {
  const given = r.text('sha256');
  if (given) {
    const match = SHA256.exec(given);
    if (!match?.[1]) throw r.fail('sha256', `expected 64 hexadecimal digits (the tarball's SHA-256), got "${given}"`);
    return match[1].toLowerCase();
  }
  const release = findRelease(version);
  if (release?.sha256) return release.sha256;
  const known = RELEASES.filter((x) => x.sha256).map((x) => x.version).join(', ');
  if (release) throw r.fail('sha256', `no checksum is recorded for thttpd ${version}: pass the SHA-256 of its tarball with ${r.name('sha256')}`);
  throw r.fail('version', `thttpd ${version} is not a release with a known checksum (${known} are): pass the tarball's SHA-256 with ${r.name('sha256')} to build it`);
}

function readPlatforms(r: Reader): Platform[] {
  const values = r.list('platforms', /[\s,]+/);
  const unknown = values.filter((v) => !(PLATFORMS as readonly string[]).includes(v));
  if (unknown.length) throw r.fail('platforms', `unsupported platform ${unknown.map((u) => `"${u}"`).join(', ')}: expected ${PLATFORMS.join(' and/or ')}`);
  if (values.length === 0) throw r.fail('platforms', `expected at least one platform: ${PLATFORMS.join(', ')}`);
  return [...new Set(values)] as Platform[];
}

function readLabels(r: Reader): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const line of r.list('labels', /\n/)) {
    const at = line.indexOf('=');
    const key = at > 0 ? line.slice(0, at).trim() : '';
    if (!LABEL_KEY.test(key)) throw r.fail('labels', `expected one key=value per line (keys of letters, digits, ".", "/", "-", "_"), got "${line}"`);
    labels[key] = line.slice(at + 1).trim();
  }
  return labels;
}

function readImage(r: Reader, push: boolean): string {
  const value = r.text('image');
  if (!value) {
    if (push) throw r.fail('image', `is required to push: name the repository, e.g. ghcr.io/OWNER/web, or set ${r.name('push')} false`);
    return DEFAULT_IMAGE_NAME;
  }
  try {
    parseImageName(value);
  } catch (error) {
    throw r.fail('image', (error as Error).message);
  }
  return value;
}

function readEpoch(context: RunContext): number {
  const given = context.sourceDateEpoch?.trim();
  if (given) {
    // Every time in the image is this one, so it must fit a layer's tar headers.
    if (!/^\d+$/.test(given) || Number(given) > MAX_LAYER_EPOCH) {
      throw new Failure(
        `SOURCE_DATE_EPOCH: expected whole seconds since 1970, from 0 to ${MAX_LAYER_EPOCH} (the latest time an image layer's tar headers hold), got "${given}": set it to such a time, e.g. the commit's (git log -1 --format=%ct)`,
      );
    }
    return Number(given);
  }
  return context.commitEpoch ?? 0;
}

function readManifests(r: Reader, mode: Mode, push: boolean): string[] {
  const manifests = r.list('manifests', /[\s,]+/);
  if (mode !== 'index') {
    if (manifests.length) throw r.fail('manifests', `is only used with ${r.name('mode')} index: remove it, or set ${r.name('mode')} index`);
    return [];
  }
  if (!push) throw r.fail('mode', `index pushes an index over manifests already in the registry: it needs ${r.name('push')} true`);
  if (manifests.length === 0) throw r.fail('manifests', 'expected the digests the platform jobs reported (sha256:...), one per platform, found none');
  const bad = manifests.find((m) => !/^sha256:[0-9a-f]{64}$/.test(m));
  if (bad) throw r.fail('manifests', `expected digests of the form sha256:<64 lowercase hex>, got "${bad}"`);
  return [...new Set(manifests)];
}

function readImageVersion(r: Reader, version: string, ref: string | undefined): { imageVersion: string; newest?: string } {
  if (r.oneOf('version-from', ['input', 'git-tag'] as const) === 'input') return { imageVersion: version, newest: NEWEST_RELEASE };
  const tag = /^refs\/tags\/(v.+)$/.exec(ref ?? '')?.[1];
  if (!tag) throw r.fail('version-from', `git-tag needs a run for a refs/tags/v* ref, but this run is for "${ref ?? 'no ref'}": run it on push of a v* tag, or set it to input`);
  return { imageVersion: tag };
}

export function parseSettings(inputs: Inputs, context: RunContext, name: InputNamer): Settings {
  const r = new Reader(inputs, name);
  const mode = r.oneOf('mode', MODES);
  const version = r.text('version');
  if (!SAFE_VERSION.test(version)) throw r.fail('version', `expected a thttpd release number such as ${NEWEST_RELEASE} or 2.25b, got "${version}"`);
  const push = r.boolean('push');
  const manifests = readManifests(r, mode, push);
  const image = readImage(r, push);
  const { imageVersion, newest } = readImageVersion(r, version, context.ref);
  const tagSuffix = r.text('tag-suffix');
  if (tagSuffix && !/^[A-Za-z0-9._-]+$/.test(tagSuffix)) throw r.fail('tag-suffix', `expected letters, digits, ".", "_" or "-" (e.g. -musl), got "${tagSuffix}"`);
  const cflags = r.text('cflags');
  if (/[\n\r]/.test(cflags)) throw r.fail('cflags', 'expected compiler flags on one line');
  const site = r.text('site');
  const output = r.text('output');

  const latest = r.oneOf<LatestRule>('latest', ['auto', 'true', 'false']);
  let tags: string[];
  try {
    tags = deriveTags({
      version: parseVersion(imageVersion),
      templates: r.list('tags', /[\n,]+/),
      suffix: tagSuffix,
      latest,
      newest,
      sha: context.sha,
      now: context.now,
    });
  } catch (error) {
    throw error instanceof Failure ? r.fail('tags', error.message) : error;
  }

  const username = r.text('username');
  const password = r.text('password');
  if (username && !password) throw r.fail('password', `is required with ${r.name('username')}: pass the password or token too`);

  const insecureRegistries = r.list('insecure-registries', /[\s,]+/);
  const badHost = insecureRegistries.find((h) => !HOST.test(h));
  if (badHost) throw r.fail('insecure-registries', `expected host or host:port entries, got "${badHost}"`);

  return {
    mode,
    manifests,
    version,
    source: readSource(r, version, context.cwd),
    // An index job builds nothing: the platform jobs checked the source.
    sha256: mode === 'index' ? '' : readSha256(r, version),
    sourceMaxBytes: r.integer('source-max-bytes', 1024, 1024 ** 3, 'a size in bytes'),
    uidDrop: r.boolean('uid-drop'),
    patches: r.list('patches', /\n/).map((p) => r.path('patches', context.cwd, p)),
    platforms: readPlatforms(r),
    libc: r.oneOf('libc', LIBCS),
    strip: r.boolean('strip'),
    cflags,
    site: site ? r.path('site', context.cwd) : undefined,
    port: r.integer('port', 1, 65535, 'a TCP port'),
    labels: readLabels(r),
    image,
    push,
    imageVersion,
    tags,
    credentials: { username: username || undefined, password: password || undefined, githubToken: r.text('github-token') || undefined },
    insecureRegistries,
    output: output ? r.path('output', context.cwd) : undefined,
    epoch: readEpoch(context),
    revision: context.sha,
    repositoryUrl: context.repositoryUrl,
  };
}
