// The whole filesystem of the image: there is no base, so everything a run needs is here.
import type { LayerEntry } from './layer.js';

export const SERVER_PATH = 'thttpd';
export const SITE_DIR = 'www';
export const HEALTH_FILE = 'healthz';
export const HEALTH_BODY = 'ok\n';

// 65534 is the conventional "nobody" id: the image runs as it (config User), and these
// files let tools that map ids to names (ps, ls, kubectl debug) show one. root is listed
// because every file in the layer is owned by 0:0.
export const PASSWD = 'root:x:0:0:root:/:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n';
export const GROUP = 'root:x:0:\nnogroup:x:65534:\n';

/**
 * Every layer entry: the server, the site under /www (the user's own healthz file wins
 * over ours), and the account files. Everything is owned by root, the server 0755 and
 * every other file 0644, so the server, running as 65534, can read and serve them but
 * never change them.
 */
export function rootfsEntries(server: Buffer, site: readonly LayerEntry[]): LayerEntry[] {
  const underSite = site.map((entry): LayerEntry => ({ ...entry, path: `${SITE_DIR}/${entry.path}` }));
  const hasHealth = site.some((entry) => entry.path === HEALTH_FILE);
  return [
    { type: 'directory', path: 'etc', mode: 0o755 },
    { type: 'file', path: 'etc/group', mode: 0o644, data: Buffer.from(GROUP) },
    { type: 'file', path: 'etc/passwd', mode: 0o644, data: Buffer.from(PASSWD) },
    { type: 'file', path: SERVER_PATH, mode: 0o755, data: server },
    { type: 'directory', path: SITE_DIR, mode: 0o755 },
    ...underSite,
    ...(hasHealth ? [] : [{ type: 'file' as const, path: `${SITE_DIR}/${HEALTH_FILE}`, mode: 0o644, data: Buffer.from(HEALTH_BODY) }]),
  ];
}
