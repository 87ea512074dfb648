// Unpacks a release tarball into a fresh folder, refusing anything that could write
// outside it or blow up the disk: absolute or `..` names, links leaving the tree,
// devices, and more bytes than the limit. Nothing is left behind on refusal.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract, type Header } from 'tar-stream';
import { Failure } from '../failure.js';
import type { InputNamer } from '../settings.js';

export interface SourceTree {
  /** The release's top folder, e.g. `<work>/tree-xyz/thttpd-2.29`. */
  dir: string;
  /** What version.h names, e.g. `thttpd/2.29 23May2018`. */
  serverSoftware: string;
}

const REQUIRED = ['configure', 'Makefile.in', 'thttpd.c', 'version.h'];

export interface ExtractOptions {
  /** Where the fresh folder is made. */
  workDir: string;
  /** The most bytes the files may unpack to. */
  maxBytes: number;
  name: InputNamer;
}

function refuse(tarball: string, name: string, why: string): Failure {
  return new Failure(`refusing to unpack source ${tarball}: entry "${name}" ${why}. A thttpd release holds only plain files and folders under thttpd-VERSION/; get the tarball from a trusted place`);
}

/** The entry's path inside the archive, normalised; refuses what could escape. */
function safeName(tarball: string, header: Header): string {
  const name = header.name;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw refuse(tarball, name, 'is an absolute path');
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw refuse(tarball, name, 'climbs out with ".."');
  if (parts.length === 0) throw refuse(tarball, name, 'has an empty name');
  return parts.join('/');
}

/** Links may only point down or sideways: a `..` could climb out through another link. */
function checkLink(tarball: string, name: string, target: string | undefined): string {
  if (!target) throw refuse(tarball, name, 'is a link with no target');
  if (target.startsWith('/')) throw refuse(tarball, name, `is a link to the absolute path ${target}`);
  if (target.split('/').includes('..')) throw refuse(tarball, name, `is a link to ${target}, which climbs out with ".."`);
  return target;
}

export async function extractRelease(tarball: string, options: ExtractOptions): Promise<SourceTree> {
  const { workDir, maxBytes, name: inputName } = options;
  const pass = `Pass a thttpd-VERSION.tar.gz release tarball with ${inputName('source')}`;
  await mkdir(workDir, { recursive: true });
  const root = await mkdtemp(join(workDir, 'tree-'));
  try {
    const tops = new Set<string>();
    let total = 0;
    const unpack = extract();
    unpack.on('entry', (header, stream, next) => {
      void (async () => {
        const name = safeName(tarball, header);
        tops.add(name.split('/')[0] ?? name);
        const path = join(root, name);
        switch (header.type) {
          case 'directory':
            await mkdir(path, { recursive: true });
            stream.resume();
            break;
          case 'file':
          case 'contiguous-file':
            total += header.size ?? 0;
            if (total > maxBytes) throw refuse(tarball, name, `takes the unpacked size past the limit of ${maxBytes} bytes (${inputName('source-max-bytes')})`);
            await mkdir(dirname(path), { recursive: true });
            await pipeline(stream, createWriteStream(path, { mode: (header.mode ?? 0o644) & 0o755 }));
            break;
          case 'symlink':
            await mkdir(dirname(path), { recursive: true });
            await symlink(checkLink(tarball, name, header.linkname ?? undefined), path);
            stream.resume();
            break;
          default:
            throw refuse(tarball, name, `is a ${header.type ?? 'special'} entry`);
        }
      })().then(() => next(), (error: unknown) => next(error as Error));
    });
    await pipeline(createReadStream(tarball), createGunzip(), unpack).catch((error: unknown) => {
      if (error instanceof Failure) throw error;
      throw new Failure(`source ${tarball} is not a readable .tar.gz (${(error as Error).message}): pass a thttpd-VERSION.tar.gz release tarball with ${inputName('source')}`);
    });
    if (tops.size !== 1) {
      throw new Failure(`source ${tarball} is not a thttpd release: expected one top folder like thttpd-2.29/, found ${tops.size ? [...tops].slice(0, 5).join(', ') : 'no entries'}. ${pass}`);
    }
    const dir = join(root, [...tops][0] as string);
    const missing: string[] = [];
    for (const file of REQUIRED) {
      if (!(await stat(join(dir, file)).then((s) => s.isFile(), () => false))) missing.push(file);
    }
    if (missing.length) {
      throw new Failure(`source ${tarball} is not a thttpd release: ${missing.join(', ')} missing from its top folder, which should hold ${REQUIRED.join(', ')}. ${pass}`);
    }
    const serverSoftware = /SERVER_SOFTWARE\s+"([^"]+)"/.exec(await readFile(join(dir, 'version.h'), 'utf8'))?.[1];
    if (!serverSoftware) throw new Failure(`source ${tarball} is not a thttpd release: expected version.h to define SERVER_SOFTWARE "thttpd/VERSION DATE", found none. ${pass}`);
    return { dir, serverSoftware };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The release the tarball says it is (version.h) must be the one asked for: the version
 * names the image's tags and labels, and a mismatch is cheaper to report before compiling.
 */
export function checkReleaseVersion(serverSoftware: string, version: string, name: InputNamer): void {
  const found = /^thttpd\/(\S+)/.exec(serverSoftware)?.[1];
  if (found === version) return;
  if (!found) {
    throw new Failure(`the source is not a thttpd release: expected version.h to name thttpd/${version}, found "${serverSoftware}". Pass a thttpd-${version}.tar.gz with ${name('source')}`);
  }
  throw new Failure(
    `${name('version')} is ${version}, but the source is thttpd ${found} (version.h says "${serverSoftware}"): expected thttpd/${version}. ` +
      `Set ${name('version')} ${found} to build this tarball, or pass the ${version} tarball with ${name('source')}`,
  );
}
