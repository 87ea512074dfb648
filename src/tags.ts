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
  /** The newest stable version known for this line (for `latest: auto`); undefined: no bound. */
  newest?: string;
  /** Commit SHA for `{{sha}}`. */
  sha?: string;
  /** The time `{{date '...'}}` renders. */
  now: Date;
}

export function parseVersion(text: string): Version {
  const raw = text.trim().replace(/^v(?=\d)/i, '');
  const exact = semver.parse(raw);
  if (exact) return { raw, semver: exact };
  const coerced = THTTPD_STYLE.test(raw) ? semver.coerce(raw) : null;
  if (coerced) return { raw, semver: coerced };
  throw new Failure(
    `version "${text}" cannot be read as a version: expected semver (1.4.0, v1.4.0, 1.0.0-rc.1) or a thttpd release number (2.29, 2.25b); pass one of those`,
  );
}

export function isStable(version: Version): boolean {
  return version.semver.prerelease.length === 0;
}

export function wantsLatest(version: Version, rule: LatestRule, newest?: string): boolean {
  if (rule !== 'auto') return rule === 'true';
  if (!isStable(version)) return false;
  return newest === undefined || semver.gte(version.semver, parseVersion(newest).semver);
}

/** `{{major}}` alone would publish a bare `0` for 0.x: a tag meaning "any 0.x" is never wanted. */
function isBareZeroMajor(template: string, version: Version): boolean {
  return template.trim() === '{{major}}' && version.semver.major === 0;
}

/** Major-line tags would let a prerelease move `1` or `1.0` ahead of the stable release. */
function isLineTemplate(template: string): boolean {
  return !/\{\{\s*(raw|version|sha|date\b)/.test(template) && /\{\{\s*(major|minor|patch)\s*\}\}/.test(template);
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

export function renderTemplate(template: string, request: Omit<TagRequest, 'templates' | 'suffix' | 'latest'>): string {
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
  const stable = isStable(request.version);
  const tags = templates
    .filter((t) => !isBareZeroMajor(t, request.version))
    .filter((t) => stable || !isLineTemplate(t))
    .map((t) => validateTag(renderTemplate(t, request) + request.suffix, `template "${t}"`));
  if (wantsLatest(request.version, request.latest, request.newest)) tags.push(validateTag(`latest${request.suffix}`, 'latest'));
  const unique = [...new Set(tags)];
  if (unique.length === 0) {
    throw new Failure(
      `no tags for version ${request.version.raw}: every template was dropped (prereleases get no major/minor tags, 0.x no bare major); add a template such as {{raw}}`,
    );
  }
  return unique;
}
