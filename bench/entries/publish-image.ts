// static-thttpd's image and publish stages as one process, for the build-time race:
// start, read the verified binary and the site, build the image (layer, config,
// manifest, index), push it to a registry, print what happened as JSON, exit.
// The bench bundles this with ncc into a temporary folder, the way dist/ is made.
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildImage } from '../../src/image/build.js';
import { readSiteFolder } from '../../src/image/site.js';
import { publish } from '../../src/registry/publish.js';
import type { Libc, Platform } from '../../src/types.js';

const loadedMs = performance.now();
const { values } = parseArgs({
  options: {
    binary: { type: 'string' },
    platform: { type: 'string', default: 'linux/amd64' },
    libc: { type: 'string', default: 'glibc' },
    site: { type: 'string' },
    image: { type: 'string' },
    tag: { type: 'string', default: 'latest' },
    /** After the timed work, publish again to this repository: the publish stage once Node has warmed up. */
    again: { type: 'string' },
  },
});
if (!values.binary || !values.site || !values.image) throw new Error('usage: --binary PATH --site DIR --image HOST/REPO [--tag T] [--platform P] [--libc L]');

const binary = {
  platform: values.platform as Platform,
  libc: values.libc as Libc,
  path: values.binary,
  bytes: (await stat(values.binary)).size,
  fileLine: '',
  serverSoftware: '',
  warnings: [],
};
const image = await buildImage({ binaries: [binary], site: values.site ? await readSiteFolder(values.site) : undefined, port: 8080, epoch: 0, thttpdVersion: '2.29', imageVersion: '2.29', labels: {} });
const builtMs = performance.now();
const published = await publish(image, { image: values.image, tags: [values.tag] }, { env: { HOME: process.env.HOME ?? '/nonexistent', PATH: process.env.PATH ?? '' } });
const pushedMs = performance.now();
const againMs = values.again ? await publish(image, { image: values.again, tags: [values.tag] }, { env: { HOME: process.env.HOME ?? '/nonexistent', PATH: process.env.PATH ?? '' } }).then(() => performance.now() - pushedMs) : undefined;
process.stdout.write(
  `${JSON.stringify({
    digest: published.digest,
    manifest: published.platforms[0]?.digest,
    loadMs: loadedMs,
    imageMs: builtMs - loadedMs,
    publishMs: pushedMs - builtMs,
    againMs,
    stats: published.stats,
  })}\n`,
);
