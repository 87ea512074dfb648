// Image references as the loaders of an archive need them: Docker and podman take the
// name as written, containerd (kind, k3s) needs it fully qualified, because the kubelet
// asks for `docker.io/library/web:1` when a pod says `web:1`.
import { Failure } from '../failure.js';

export interface ImageRef {
  /** As given, with `:latest` added when no tag was given, e.g. `ghcr.io/me/web:2.29`. */
  name: string;
  /** Fully qualified, e.g. `docker.io/library/web:2.29`. */
  qualified: string;
  tag: string;
}

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]+)?$/;
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export function parseImageRef(text: string): ImageRef {
  const bad = (why: string) =>
    new Failure(`image reference: expected NAME[:TAG] such as ghcr.io/me/web:2.29, found ${JSON.stringify(text)} (${why}): fix the reference`);
  if (text.includes('@')) throw bad('a digest cannot name an image in an archive');
  const slash = text.lastIndexOf('/');
  const colon = text.lastIndexOf(':');
  const hasTag = colon > slash;
  const repo = hasTag ? text.slice(0, colon) : text;
  const tag = hasTag ? text.slice(colon + 1) : 'latest';
  if (!TAG.test(tag)) throw bad(`the tag ${JSON.stringify(tag)} is not [A-Za-z0-9_][A-Za-z0-9._-]{0,127}`);
  const parts = repo.split('/');
  // Docker's rule: the first part is a registry only if it looks like a host.
  const first = parts[0] ?? '';
  const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const host = hasHost ? first : 'docker.io';
  const path = hasHost ? parts.slice(1) : parts;
  if (hasHost && !HOST.test(host)) throw bad(`the registry ${JSON.stringify(host)} is not a host name`);
  for (const part of path) {
    if (!COMPONENT.test(part)) throw bad(`the path part ${JSON.stringify(part)} must be lowercase letters and digits joined by . _ __ or -`);
  }
  const qualifiedPath = host === 'docker.io' && path.length === 1 ? ['library', ...path] : path;
  return { name: `${repo}:${tag}`, qualified: `${host}/${qualifiedPath.join('/')}:${tag}`, tag };
}
