// Tags from a version: one small pure function per rule, so each rule is a row in a
// table test. thttpd's versions are not semver ("2.29", "2.25b"): they are coerced for
// the numeric parts and kept raw for the exact tag.
import semver, { type SemVer } from 'semver';
import { Failure } from './failure.js';

export const DEFAULT_TEMPLATES = ['{{raw}}', '{{major}}.{{minor}}', '{{major}}'] as const;
export type LatestRule = 'auto' | 'true' | 'false';

const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const THTTPD_STYLE = /^\d+\.\d+(?:\.\d+)?[a-z]?$/;

export interface Version {
  /** As written, less a leading `v` (`v1.4.0` → `1.4.0`, `2.25b` stays). */
  raw: string;
  semver: SemVer;
}

export interface TagRequest {
  version: Version;
  /** Templates; empty means the defaults. */
  templates: readonly string[];
  suffix: string;
  latest: LatestRule;
  /**
   * Other versions of this flavour known to exist (thttpd's releases, tags already in the
   * repository). A line tag, and `latest` under auto, goes to the version only if none of
   * them is a higher stable version in that line, so a backport or a rebuild of an older
   * release never takes a tag back from a newer one.
   */
  known: readonly Version[];
  /** Commit SHA for `{{sha}}`. */
  sha?: string;
  /** The time `{{date '...'}}` renders. */
  now: Date;
}

/** What parseVersion accepts, for messages that explain a refusal. */
export const VERSION_FORMS = 'semver (1.4.0, v1.4.0, 1.0.0-rc.1) or a thttpd release number (2.29, 2.25b)';

/** The version in `text`, or undefined when it is none (a registry tag such as `latest` or `2`). */
export function readVersion(text: string): Version | undefined {
  const raw = text.trim().replace(/^v(?=\d)/i, '');
  const exact = semver.parse(raw);
  if (exact) return { raw, semver: exact };
  const coerced = THTTPD_STYLE.test(raw) ? semver.coerce(raw) : null;
  return coerced ? { raw, semver: coerced } : undefined;
}

export function parseVersion(text: string): Version {
  const version = readVersion(text);
  if (!version) throw new Failure(`"${text}" cannot be read as a version: expected ${VERSION_FORMS}`);
  return version;
}

/**
 * The versions a repository's tags name in this flavour: `2.29-musl` is 2.29 for the
 * `-musl` flavour and nothing for the plain one, whose `1.4.0-musl` would be a prerelease.
 * Line tags count too (`1.4` is at least 1.4.0); `latest`, `2` or dated tags name none.
 */
export function versionsFromTags(tags: readonly string[], suffix: string): Version[] {
  return tags
    .filter((tag) => tag.endsWith(suffix) && tag.length > suffix.length)
    .map((tag) => readVersion(tag.slice(0, tag.length - suffix.length)))
    .filter((v): v is Version => v !== undefined);
}

export function isStable(version: Version): boolean {
  return version.semver.prerelease.length === 0;
}

/**
 * How much of the version a template's line shares: 1 for `{{major}}`, 2 with `{{minor}}`,
 * 3 with `{{patch}}`. Undefined for a template naming one build (`{{raw}}`, `{{version}}`,
 * `{{sha}}`, a date) or none (literal text): those never move between versions by rule.
 */
export function lineDepth(template: string): number | undefined {
  if (/\{\{\s*(raw|version|sha|date\b)/.test(template)) return undefined;
  if (/\{\{\s*patch\s*\}\}/.test(template)) return 3;
  if (/\{\{\s*minor\s*\}\}/.test(template)) return 2;
  if (/\{\{\s*major\s*\}\}/.test(template)) return 1;
  return undefined;
}

/** The highest stable version above `version` sharing its first `depth` parts (0: any line, for latest). */
export function higherInLine(version: Version, known: readonly Version[], depth: number): Version | undefined {
  const parts = ['major', 'minor', 'patch'] as const;
  return known
    .filter((other) => isStable(other) && semver.gt(other.semver, version.semver) && parts.slice(0, depth).every((part) => other.semver[part] === version.semver[part]))
    .reduce<Version | undefined>((highest, other) => (highest && semver.gte(highest.semver, other.semver) ? highest : other), undefined);
}

export function wantsLatest(version: Version, rule: LatestRule, known: readonly Version[]): boolean {
  if (rule !== 'auto') return rule === 'true';
  return isStable(version) && higherInLine(version, known, 0) === undefined;
}

/** Whether the tags depend on which other versions are known, so a registry's tags are worth listing. */
export function dependsOnKnownVersions(request: Pick<TagRequest, 'templates' | 'latest'>): boolean {
  const templates = request.templates.length ? request.templates : DEFAULT_TEMPLATES;
  return request.latest === 'auto' || templates.some((t) => lineDepth(t) !== undefined);
}

/** `{{major}}` alone would publish a bare `0` for 0.x: a tag meaning "any 0.x" is never wanted. */
function isBareZeroMajor(template: string, version: Version): boolean {
  return template.trim() === '{{major}}' && version.semver.major === 0;
}

/**
 * A line tag goes only to a stable version (a prerelease would move `1` ahead of the
 * release) with no higher stable version known in its line (a backport would move it back).
 */
function ownsLine(template: string, request: TagRequest): boolean {
  const depth = lineDepth(template);
  if (depth === undefined) return true;
  return isStable(request.version) && higherInLine(request.version, request.known, depth) === undefined;
}

function formatDate(now: Date, format: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const parts: Record<string, string> = {
    YYYY: pad(now.getUTCFullYear(), 4),
    MM: pad(now.getUTCMonth() + 1),
    DD: pad(now.getUTCDate()),
    HH: pad(now.getUTCHours()),
    mm: pad(now.getUTCMinutes()),
    ss: pad(now.getUTCSeconds()),
  };
  return format.replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => parts[token] ?? token);
}

export function renderTemplate(template: string, request: Pick<TagRequest, 'version' | 'sha' | 'now'>): string {
  const { version, sha, now } = request;
  const values: Record<string, () => string> = {
    raw: () => version.raw,
    version: () => version.semver.version,
    major: () => String(version.semver.major),
    minor: () => String(version.semver.minor),
    patch: () => String(version.semver.patch),
    sha: () => {
      if (!sha) throw new Failure(`tag template "${template}" uses {{sha}}, but no commit SHA is known: run it from a git checkout or drop {{sha}}`);
      return sha.slice(0, 7);
    },
  };
  const rendered = template.replace(/\{\{([^}]*)\}\}/g, (_, body: string) => {
    const expression = body.trim();
    const date = /^date\s+'([^']+)'$/.exec(expression);
    if (date?.[1]) return formatDate(now, date[1]);
    const value = values[expression];
    if (!value) {
      throw new Failure(
        `tag template "${template}" has an unknown placeholder {{${body}}}: use {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}}, {{sha}} or {{date 'YYYYMMDD'}}`,
      );
    }
    return value();
  });
  if (rendered.includes('{{') || rendered.includes('}}')) {
    throw new Failure(`tag template "${template}" has unbalanced braces: write placeholders as {{name}}`);
  }
  return rendered;
}

export function validateTag(tag: string, origin: string): string {
  if (!TAG.test(tag)) {
    throw new Failure(
      `tag "${tag}" (from ${origin}) is not a valid registry tag: tags are 1-128 characters of letters, digits, "_", "." and "-", not starting with "." or "-"`,
    );
  }
  return tag;
}

export function deriveTags(request: TagRequest): string[] {
  const templates = request.templates.length ? request.templates : DEFAULT_TEMPLATES;
  // Every template is rendered, even one this version does not get, so a broken template
  // fails on any version rather than first on the one that would own its line.
  const tags = templates
    .map((t) => ({ template: t, tag: validateTag(renderTemplate(t, request) + request.suffix, `template "${t}"`) }))
    .filter(({ template }) => !isBareZeroMajor(template, request.version) && ownsLine(template, request))
    .map(({ tag }) => tag);
  if (wantsLatest(request.version, request.latest, request.known)) tags.push(validateTag(`latest${request.suffix}`, 'latest'));
  const unique = [...new Set(tags)];
  if (unique.length === 0) {
    const higher = higherInLine(request.version, request.known, 0);
    throw new Failure(
      `no tags for version ${request.version.raw}: every template was dropped (a prerelease gets no line tags, 0.x no bare major, ` +
        `and a line tag goes only to the highest stable version of its line${higher ? `, where ${higher.raw}${request.suffix} already is` : ''}); add a template such as {{raw}}`,
    );
  }
  return unique;
}
