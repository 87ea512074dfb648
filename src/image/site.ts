// The files served under /www: either a user's folder, checked so the image holds
// exactly what thttpd can serve, or the project's default page.
import { existsSync, readFileSync } from 'node:fs';
import { lstat, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Failure } from '../failure.js';
import type { LayerEntry } from './layer.js';
import { HEALTH_FILE } from './rootfs.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A name's bytes as text, invalid UTF-8 bytes shown as `\xNN`, for messages. */
export function printableName(name: Buffer): string {
  let out = '';
  let i = 0;
  next: while (i < name.length) {
    for (let len = 1; len <= 4 && i + len <= name.length; len++) {
      try {
        out += strictUtf8.decode(name.subarray(i, i + len));
        i += len;
        continue next;
      } catch {
        // not a whole character yet: try one more byte
      }
    }
    out += `\\x${(name[i] ?? 0).toString(16).padStart(2, '0')}`;
    i += 1;
  }
  return out;
}

function decodeName(name: Buffer, shown: string): string {
  try {
    return strictUtf8.decode(name);
  } catch {
    throw new Failure(
      `site: expected file names in UTF-8 (image layers and URLs are text), found "${shown}" whose name is not valid UTF-8 (bytes shown as \\xNN): rename it`,
    );
  }
}

function siteError(what: string): Failure {
  return new Failure(`site: ${what}`);
}

/** A read that fails (permissions, a file vanishing mid-walk) becomes a Failure naming the path. */
async function readOrFail<T>(shown: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw siteError(`expected to read ${JSON.stringify(shown)}, could not (${code}): make the site readable by the user running the build`);
  }
}

const inside = (path: Buffer, root: Buffer) => path.equals(root) || (path.length > root.length && path[root.length] === 0x2f && path.subarray(0, root.length).equals(root));

/**
 * A symlink's target as written into the image. The link is resolved on the host, through
 * every link on its way (a linked folder inside the site included), and what it finally
 * names must be inside the site. The image gets a link straight to that, relative to the
 * link's own folder: a target read as written could pass through a linked folder and
 * climb above /www, where the host's site folder is not.
 */
async function linkTarget(root: Buffer, link: Buffer, linkRel: string, target: string, shown: string): Promise<string> {
  const refuse = (found: string) =>
    siteError(
      `expected every symlink to point at a file or folder inside the site, found ${JSON.stringify(shown)} -> ${JSON.stringify(target)}, ${found}: copy the target into the site or remove the link`,
    );
  let resolved: Buffer;
  try {
    resolved = await realpath(link, { encoding: 'buffer' });
  } catch (err) {
    throw refuse((err as NodeJS.ErrnoException).code === 'ELOOP' ? 'which goes round in a loop of links' : 'which does not resolve to anything');
  }
  if (!inside(resolved, root)) throw refuse('which resolves outside the site');
  const within = resolved.length > root.length ? decodeName(resolved.subarray(root.length + 1), `${shown} -> ${printableName(resolved)}`) : '';
  return posix.relative(posix.dirname(`/${linkRel}`), `/${within}`) || '.';
}

/**
 * The site's own healthz replaces the image's (it must then answer the probes itself),
 * so it has to be something thttpd answers 200 for: a file, or a link to one.
 */
async function checkHealthFile(entries: readonly LayerEntry[], given: string): Promise<void> {
  const entry = entries.find((e) => e.path === HEALTH_FILE);
  if (!entry || entry.type === 'file') return;
  const path = join(given, HEALTH_FILE);
  if (entry.type === 'symlink' && (await readOrFail(path, () => stat(path))).isFile()) return;
  throw siteError(
    `expected ${JSON.stringify(path)} to be a file (it replaces the image's /${HEALTH_FILE}, which health probes expect to answer 200), found ${entry.type === 'directory' ? 'a folder' : 'a symlink to a folder'}: rename it, or remove it to keep the image's own health file`,
  );
}

/**
 * Every entry of a user's site folder, paths relative to the folder. Every file is 0644
 * and every folder 0755, whatever the builder's modes: thttpd serves world-readable files
 * only, and refuses (403) a world-executable file that is not a CGI program, which the
 * image runs none of.
 */
export async function readSiteFolder(folder: string): Promise<LayerEntry[]> {
  const given = resolve(folder);
  let info;
  try {
    info = await stat(given);
  } catch {
    throw siteError(`expected a folder of files to serve, found nothing at ${JSON.stringify(given)}: check the path`);
  }
  if (!info.isDirectory()) {
    throw siteError(`expected a folder of files to serve, found a file at ${JSON.stringify(given)}: pass the folder that holds it`);
  }
  const root = await realpath(given, { encoding: 'buffer' });
  const entries: LayerEntry[] = [];
  let files = 0;

  const walk = async (dirRel: string, dirBytes: Buffer): Promise<void> => {
    const names = await readOrFail(join(given, dirRel), () => readdir(dirBytes, { encoding: 'buffer' }));
    for (const nameBytes of names) {
      const fullBytes = Buffer.concat([dirBytes, Buffer.from('/'), nameBytes]);
      const shown = posix.join(dirRel, printableName(nameBytes));
      const rel = posix.join(dirRel, decodeName(nameBytes, join(given, shown)));
      const shownFull = join(given, rel);
      const st = await readOrFail(shownFull, () => lstat(fullBytes));
      if (st.isDirectory()) {
        entries.push({ type: 'directory', path: rel, mode: 0o755 });
        await walk(rel, fullBytes);
      } else if (st.isFile()) {
        files += 1;
        entries.push({ type: 'file', path: rel, mode: 0o644, data: await readOrFail(shownFull, () => readFile(fullBytes)) });
      } else if (st.isSymbolicLink()) {
        const target = await readOrFail(shownFull, () => readlink(fullBytes, { encoding: 'buffer' }));
        const targetText = decodeName(target, `${shownFull} -> ${printableName(target)}`);
        entries.push({ type: 'symlink', path: rel, target: await linkTarget(root, fullBytes, rel, targetText, shownFull) });
      } else {
        const kind = st.isFIFO() ? 'a fifo' : st.isSocket() ? 'a socket' : st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : 'a special file';
        throw siteError(`expected only files, folders and symlinks, found ${kind} at ${JSON.stringify(shownFull)}: remove it from the site`);
      }
    }
  };
  await walk('', root);

  if (files === 0) {
    throw siteError(`expected at least one file to serve in ${JSON.stringify(given)}, found none: add an index.html or leave site unset for the default page`);
  }
  await checkHealthFile(entries, given);
  return entries;
}

/** What the default page says answered the request. */
export interface PageFacts {
  thttpdVersion: string;
  imageVersion: string;
  /** Seconds since 1970, the build's SOURCE_DATE_EPOCH: the page's date comes from it, not the clock. */
  epoch: number;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** Fills `{{thttpdVersion}}`, `{{imageVersion}}` and `{{buildDate}}` in the page template. */
export function renderDefaultPage(template: string, facts: PageFacts): string {
  const values: Record<string, string> = {
    thttpdVersion: facts.thttpdVersion,
    imageVersion: facts.imageVersion,
    buildDate: new Date(facts.epoch * 1000).toISOString().replace('.000Z', 'Z'),
  };
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`site/index.html names an unknown placeholder {{${name}}}`);
    return escapeHtml(value);
  });
}

/**
 * The repository's folder: the code runs as src/image/*.ts under tsx, or bundled as
 * dist/index.js or dist/cli/index.js, and in each case the whole repository (with
 * action.yml and site/) sits above it. A checkout without action.yml yet is recognised
 * by its package.json.
 */
export function projectRoot(from: string = import.meta.url): string {
  const start = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'action.yml')) && existsSync(join(dir, 'site'))) return dir;
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'site'))) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'static-thttpd') return dir;
      } catch {
        // not ours: keep walking up
      }
    }
    if (dirname(dir) === dir) {
      throw new Error(`no static-thttpd checkout (a folder holding action.yml and site/) above ${start}`);
    }
  }
}

/** The default site: the project's page, rendered for this build. */
export async function defaultSite(facts: PageFacts, root: string = projectRoot()): Promise<LayerEntry[]> {
  const template = await readFile(join(root, 'site', 'index.html'), 'utf8');
  return [{ type: 'file', path: 'index.html', mode: 0o644, data: Buffer.from(renderDefaultPage(template, facts), 'utf8') }];
}
