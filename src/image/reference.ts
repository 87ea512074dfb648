// Image references as the loaders of an archive need them: Docker and podman take the
// name as written, containerd (kind, k3s) needs it fully qualified, because the kubelet
// asks for `docker.io/library/web:1` when a pod says `web:1`. The name's grammar is the
// registry's (one parser for both); only the tag is split off here.
import { Failure } from '../failure.js';
import { parseImageName, TAG } from '../registry/reference.js';

export interface ImageRef {
  /** As given, with `:latest` added when no tag was given, e.g. `ghcr.io/me/web:2.29`. */
  name: string;
  /** Fully qualified, e.g. `docker.io/library/web:2.29`. */
  qualified: string;
  tag: string;
}

export function parseImageRef(text: string): ImageRef {
  const bad = (why: string) => new Failure(`image reference: expected NAME[:TAG] such as ghcr.io/me/web:2.29, found ${JSON.stringify(text)} (${why}): fix the reference`);
  const colon = text.lastIndexOf(':');
  const hasTag = colon > text.lastIndexOf('/');
  const repo = hasTag ? text.slice(0, colon) : text;
  const tag = hasTag ? text.slice(colon + 1) : 'latest';
  if (!TAG.test(tag)) throw bad(`the tag ${JSON.stringify(tag)} is not [A-Za-z0-9_][A-Za-z0-9._-]{0,127}`);
  let qualified: string;
  try {
    qualified = parseImageName(repo).name;
  } catch (error) {
    throw bad((error as Error).message);
  }
  return { name: `${repo}:${tag}`, qualified: `${qualified}:${tag}`, tag };
}
