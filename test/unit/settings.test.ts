import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INPUT_DEFAULTS, parseSettings, type Inputs, type RunContext } from '../../src/settings.js';

const context: RunContext = { cwd: '/work/repo', now: new Date(Date.UTC(2026, 11, 3)), sha: 'abcdef0123456789' };
const parse = (inputs: Inputs, ctx: Partial<RunContext> = {}) => parseSettings(inputs, { ...context, ...ctx }, (name) => `input "${name}"`);

test('defaults build thttpd 2.29 from acme.com for linux/amd64 with glibc', () => {
  const s = parse({ image: 'ghcr.io/me/web' });
  assert.equal(s.version, '2.29');
  assert.equal(s.source, 'https://acme.com/software/thttpd/thttpd-2.29.tar.gz');
  assert.equal(s.sha256, '99c09f47da326b1e7b5295c45549d2b65534dce27c44812cf7eef1441681a397');
  assert.deepEqual(s.platforms, ['linux/amd64']);
  assert.equal(s.libc, 'glibc');
  assert.equal(s.uidDrop, true);
  assert.equal(s.strip, true);
  assert.equal(s.port, 8080);
  assert.equal(s.push, true);
  assert.deepEqual(s.tags, ['2.29', '2', 'latest']);
  assert.equal(s.epoch, 0);
  assert.equal(s.output, undefined);
});

test('empty inputs mean the defaults, as the runner passes them', () => {
  const empty = Object.fromEntries(Object.keys(INPUT_DEFAULTS).map((k) => [k, ''])) as Inputs;
  assert.throws(() => parse(empty), /input "image": is required to push/);
  assert.equal(parse({ ...empty, push: 'false' }).image, 'static-thttpd');
});

test('inputs are read and resolved', () => {
  const s = parse({
    version: '2.26',
    sha256: 'SHA256:' + 'A'.repeat(64),
    source: 'tarballs/thttpd-2.26.tar.gz',
    platforms: 'linux/amd64, linux/arm64\nlinux/amd64',
    patches: 'p/one.diff\n/abs/two.diff',
    labels: 'org.opencontainers.image.title=web\nteam = k8s=yes',
    site: 'public',
    port: '80',
    push: 'false',
    'uid-drop': 'False',
    output: 'out/image.tar',
    'insecure-registries': 'registry.local:5000, 10.0.0.1',
  });
  assert.equal(s.sha256, 'a'.repeat(64));
  assert.equal(s.source, '/work/repo/tarballs/thttpd-2.26.tar.gz');
  assert.deepEqual(s.platforms, ['linux/amd64', 'linux/arm64']);
  assert.deepEqual(s.patches, ['/work/repo/p/one.diff', '/abs/two.diff']);
  assert.deepEqual(s.labels, { 'org.opencontainers.image.title': 'web', team: 'k8s=yes' });
  assert.equal(s.site, '/work/repo/public');
  assert.equal(s.port, 80);
  assert.equal(s.uidDrop, false);
  assert.equal(s.output, '/work/repo/out/image.tar');
  assert.deepEqual(s.insecureRegistries, ['registry.local:5000', '10.0.0.1']);
  assert.deepEqual(s.tags, ['2.26', '2'], 'an older release gets no latest');
});

test('the epoch comes from SOURCE_DATE_EPOCH, else the commit, else 0', () => {
  const base = { image: 'x/y' };
  assert.equal(parse(base, { sourceDateEpoch: '1700000000', commitEpoch: 5 }).epoch, 1700000000);
  assert.equal(parse(base, { commitEpoch: 5 }).epoch, 5);
  assert.throws(() => parse(base, { sourceDateEpoch: 'yesterday' }), /SOURCE_DATE_EPOCH: expected whole seconds/);
  // The last second a layer's tar header holds, then one past it: refused here, before any build.
  assert.equal(parse(base, { sourceDateEpoch: '8589934591' }).epoch, 8589934591);
  assert.throws(() => parse(base, { sourceDateEpoch: '8589934592' }), /SOURCE_DATE_EPOCH: .*from 0 to 8589934591 .*got "8589934592"/);
});

test('release tagging takes the version from a v* tag', () => {
  const s = parse({ image: 'ghcr.io/me/web', 'version-from': 'git-tag' }, { ref: 'refs/tags/v1.4.0' });
  assert.equal(s.version, '2.29', 'the thttpd release stays what version says');
  assert.equal(s.imageVersion, 'v1.4.0');
  assert.deepEqual(s.tags, ['1.4.0', '1.4', '1', 'latest']);
  assert.throws(() => parse({ image: 'x/y', 'version-from': 'git-tag' }, { ref: 'refs/heads/main' }), /git-tag needs a run for a refs\/tags\/v\* ref, but this run is for "refs\/heads\/main"/);
});

const bad: [Inputs, RegExp][] = [
  [{ version: '2.30' }, /input "version": thttpd 2.30 is not a release with a known checksum \(2.25b, 2.27, 2.28, 2.29 are\): pass the tarball's SHA-256 with input "sha256"/],
  [{ version: '2.26' }, /input "sha256": no checksum is recorded for thttpd 2.26/],
  [{ version: '../2.29' }, /input "version": expected a thttpd release number/],
  [{ sha256: 'abc' }, /input "sha256": expected 64 hexadecimal digits/],
  [{ source: 'ftp://example.com/thttpd.tar.gz' }, /input "source": expected an https:\/\/ or http:\/\/ URL or a local path, got a ftp: URL/],
  [{ source: 'http://' }, /input "source": "http:\/\/" is not a valid URL/],
  [{ platforms: 'linux/riscv64' }, /input "platforms": unsupported platform "linux\/riscv64": expected linux\/amd64 and\/or linux\/arm64/],
  [{ platforms: ' , ' }, /input "platforms": expected at least one platform/],
  [{ libc: 'uclibc' }, /input "libc": expected one of glibc, musl, got "uclibc"/],
  [{ port: '0' }, /input "port": expected a TCP port \(1-65535\), got "0"/],
  [{ port: '8080x' }, /input "port": expected a TCP port/],
  [{ push: 'yes' }, /input "push": expected true or false, got "yes"/],
  [{ strip: 'maybe' }, /input "strip": expected true or false/],
  [{ labels: 'novalue' }, /input "labels": expected one key=value per line/],
  [{ labels: ' =x' }, /input "labels": expected one key=value per line/],
  [{ image: 'ghcr.io/me/web:1.0' }, /input "image": Expected an image name without tag or digest .* found `ghcr.io\/me\/web:1.0`: it carries the tag `1.0`/],
  [{ image: 'ghcr.io/Me/Web' }, /input "image": .*Repository names must be lowercase: try `ghcr.io\/me\/web`/],
  [{ image: 'https://ghcr.io/me/web' }, /input "image": .*it carries a URL scheme/],
  [{ tags: '{{nope}}' }, /input "tags": tag template "\{\{nope\}\}" has an unknown placeholder/],
  [{ 'tag-suffix': ' -m u' }, /input "tag-suffix": expected letters, digits/],
  [{ latest: 'always' }, /input "latest": expected one of auto, true, false/],
  [{ 'version-from': 'branch' }, /input "version-from": expected one of input, git-tag/],
  [{ 'source-max-bytes': '10' }, /input "source-max-bytes": expected a size in bytes \(1024-1073741824\)/],
  [{ cflags: '-O2\n-g' }, /input "cflags": expected compiler flags on one line/],
  [{ 'insecure-registries': 'http://x' }, /input "insecure-registries": expected host or host:port entries/],
  [{ username: 'me' }, /input "password": is required with input "username"/],
  [{ mode: 'fanout' }, /input "mode": expected one of all, platform, index, got "fanout"/],
  [{ manifests: 'sha256:' + 'a'.repeat(64) }, /input "manifests": is only used with input "mode" index/],
  [{ mode: 'index' }, /input "manifests": expected the digests the platform jobs reported/],
  [{ mode: 'index', manifests: 'sha256:abc' }, /input "manifests": expected digests of the form sha256:<64 lowercase hex>, got "sha256:abc"/],
  [{ mode: 'index', push: 'false', manifests: 'sha256:' + 'a'.repeat(64) }, /input "mode": index pushes an index .* it needs input "push" true/],
];

test('mode index needs no checksum: it builds nothing', () => {
  const digest = 'sha256:' + 'b'.repeat(64);
  const s = parse({ image: 'ghcr.io/me/web', mode: 'index', version: '2.26', manifests: `${digest}\n${digest}` });
  assert.equal(s.mode, 'index');
  assert.deepEqual(s.manifests, [digest]);
});

for (const [inputs, message] of bad) {
  test(`bad input ${JSON.stringify(inputs)} is refused`, () => {
    assert.throws(() => parse({ image: 'ghcr.io/me/web', ...inputs }), message);
  });
}
