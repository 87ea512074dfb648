// Image names as people write them (`ghcr.io/me/web`, `me/web`, `localhost:5000/a/b`),
// turned into the host the registry API answers on and the repository path. The rules are
// Docker's (distribution/reference), so a name means here what it means to `docker push`.
import { Failure } from '../failure.js';

export interface ImageName {
  /** Host (and port) the registry API answers on, e.g. `ghcr.io`, `registry-1.docker.io`, `127.0.0.1:5000`. */
  registry: string;
  /** The registry as people write it in names, e.g. `docker.io` (for Docker Hub) or `127.0.0.1:5000`. */
  domain: string;
  /** Repository path inside the registry, e.g. `me/web`, `library/nginx`. */
  repository: string;
  /** `domain/repository`, the name a tag or digest is appended to. */
  name: string;
}

export const DOCKER_HUB_DOMAIN = 'docker.io';
/** Docker Hub names itself docker.io but serves the API elsewhere. */
export const DOCKER_HUB_REGISTRY = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const PORT = /^[0-9]{1,5}$/;
// distribution caps the whole name (domain included) at 255 characters.
const MAX_NAME_LENGTH = 255;

const EXAMPLES = 'e.g. `ghcr.io/me/web`, `docker.io/me/web` or `localhost:5000/web`';

function invalid(input: string, found: string, todo: string): Failure {
  return new Failure(
    `Expected an image name without tag or digest (${EXAMPLES}), found \`${input}\`: ${found}. ${todo}`,
  );
}

/** Docker's rule: the first component is a registry only if it looks like a host. */
function looksLikeDomain(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost' || component.startsWith('[');
}

function validDomain(domain: string): boolean {
  // Bracketed IPv6, as in `[::1]:5000/web`.
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::([0-9]+))?$/.exec(domain);
  if (v6) return v6[2] === undefined || (PORT.test(v6[2]) && Number(v6[2]) <= 65535);
  const colon = domain.lastIndexOf(':');
  const host = colon === -1 ? domain : domain.slice(0, colon);
  const port = colon === -1 ? undefined : domain.slice(colon + 1);
  if (port !== undefined && !(PORT.test(port) && Number(port) <= 65535)) return false;
  return host.split('.').every((c) => DOMAIN_COMPONENT.test(c));
}

export function parseImageName(raw: string): ImageName {
  const input = raw.trim();
  if (input === '') throw invalid(raw, 'an empty string', 'Set the image input to the registry and repository to push to.');
  if (/\s/.test(input)) throw invalid(input, 'it contains white space', 'Remove the spaces.');
  if (input.includes('@')) {
    throw invalid(input, 'it carries a digest (`@…`)', 'Drop the `@sha256:…` part: the digest is the result of a push, not an input.');
  }
  if (input.includes('://')) {
    throw invalid(input, 'it carries a URL scheme', 'Drop the `https://` part: the registry is spoken to over HTTPS anyway.');
  }

  const slash = input.indexOf('/');
  const first = slash === -1 ? input : input.slice(0, slash);
  let domain: string;
  let path: string;
  if (slash !== -1 && looksLikeDomain(first)) {
    domain = first.toLowerCase();
    path = input.slice(slash + 1);
  } else {
    if (slash === -1 && looksLikeDomain(first.split(':')[0] ?? '') && /:[0-9]+$/.test(input)) {
      throw invalid(input, 'it names a registry but no repository', `Add the repository after a slash, e.g. \`${input}/web\`.`);
    }
    domain = DOCKER_HUB_DOMAIN;
    path = input;
  }
  if (!validDomain(domain)) {
    throw invalid(input, `\`${domain}\` is not a valid registry host[:port]`, 'Check the registry part of the name.');
  }

  const lastComponent = path.slice(path.lastIndexOf('/') + 1);
  if (lastComponent.includes(':')) {
    const [repo, tag] = [path.slice(0, path.lastIndexOf(':')), path.slice(path.lastIndexOf(':') + 1)];
    throw invalid(
      input,
      `it carries the tag \`${tag}\``,
      `Give the name alone (\`${domain === DOCKER_HUB_DOMAIN && slash === -1 ? repo : input.slice(0, input.lastIndexOf(':'))}\`) and the tags separately.`,
    );
  }

  if (DOCKER_HUB_ALIASES.has(domain)) {
    domain = DOCKER_HUB_DOMAIN;
    // Official images live under library/ on Docker Hub; `nginx` means `library/nginx`.
    if (!path.includes('/')) path = `library/${path}`;
  }

  if (path === '') throw invalid(input, 'the repository path is empty', `Add the repository after the slash, e.g. \`${domain}/me/web\`.`);
  const bad = path.split('/').find((c) => !PATH_COMPONENT.test(c));
  if (bad !== undefined) {
    const hint =
      bad !== bad.toLowerCase()
        ? `Repository names must be lowercase: try \`${domain}/${path.toLowerCase()}\`.`
        : 'Each path component must be lowercase letters and digits, separated by `.`, `_`, `__` or dashes, with no empty components.';
    throw invalid(input, `the path component \`${bad}\` is not a valid repository name`, hint);
  }
  const name = `${domain}/${path}`;
  if (name.length > MAX_NAME_LENGTH) {
    throw invalid(input, `it is ${name.length} characters long`, `Shorten it to at most ${MAX_NAME_LENGTH} characters.`);
  }
  return {
    registry: domain === DOCKER_HUB_DOMAIN ? DOCKER_HUB_REGISTRY : domain,
    domain,
    repository: path,
    name,
  };
}

export function isDockerHub(name: Pick<ImageName, 'domain'>): boolean {
  return name.domain === DOCKER_HUB_DOMAIN;
}

/** The tag grammar of the distribution spec. */
export const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
export const DIGEST = /^sha256:[a-f0-9]{64}$/;
