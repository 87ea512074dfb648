import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dependsOnKnownVersions, deriveTags, parseVersion, versionsFromTags, type LatestRule } from '../../src/tags.js';
import { RELEASES } from '../../src/source/releases.js';

const now = new Date(Date.UTC(2026, 11, 3, 20, 5, 9));
const sha = '0123456789abcdef0123456789abcdef01234567';

const releases = RELEASES.map((r) => parseVersion(r.version));

interface Row {
  name: string;
  version: string;
  templates?: string[];
  suffix?: string;
  latest?: LatestRule;
  /** thttpd's releases, for version-from input. */
  withReleases?: boolean;
  /** Tags already in the repository. */
  registry?: string[];
  tags: string[];
}

const rows: Row[] = [
  { name: 'newest thttpd release', version: '2.29', withReleases: true, tags: ['2.29', '2', 'latest'] },
  { name: 'older release with a letter keeps its own minor line only', version: '2.25b', withReleases: true, tags: ['2.25b', '2.25'] },
  { name: 'older release: 2 stays with 2.29', version: '2.27', withReleases: true, tags: ['2.27'] },
  { name: 'newest release, latest off', version: '2.29', withReleases: true, latest: 'false', tags: ['2.29', '2'] },
  { name: 'older release, latest forced: the line tag still stays', version: '2.27', withReleases: true, latest: 'true', tags: ['2.27', 'latest'] },
  { name: 'a release newer than any known (own checksum)', version: '2.30', withReleases: true, tags: ['2.30', '2', 'latest'] },
  { name: 'an older release already in the registry is no bound', version: '2.29', withReleases: true, registry: ['2.27', '2', 'latest'], tags: ['2.29', '2', 'latest'] },
  { name: 'a newer custom build in the registry keeps latest and 2', version: '2.29', withReleases: true, registry: ['2.30', '2.30-20261203', '2', 'latest'], tags: ['2.29'] },
  { name: 'git tag v1.4.0, nothing known', version: 'v1.4.0', tags: ['1.4.0', '1.4', '1', 'latest'] },
  { name: 'git tag v1.4.0 over older tags', version: 'v1.4.0', registry: ['1.3.9', '1.3', '1', 'latest', 'sha-0123456'], tags: ['1.4.0', '1.4', '1', 'latest'] },
  { name: 'backport v1.3.9 after v1.4.0', version: 'v1.3.9', registry: ['1.4.0', '1.4', '1', 'latest'], tags: ['1.3.9', '1.3'] },
  { name: 'backport v1.3.10 after 1.3.9 and 1.4.0', version: 'v1.3.10', registry: ['1.3.9', '1.4.0'], tags: ['1.3.10', '1.3'] },
  { name: 'a line tag alone counts as its .0 version', version: 'v1.3.9', registry: ['1.4', '1', 'latest'], tags: ['1.3.9', '1.3'] },
  { name: 'v-prefixed tags in the registry count', version: 'v1.3.9', registry: ['v1.4.0'], tags: ['1.3.9', '1.3'] },
  { name: 'rebuild of the newest version', version: 'v1.4.0', registry: ['1.4.0', '1.4', '1', 'latest'], tags: ['1.4.0', '1.4', '1', 'latest'] },
  { name: 'a new major over the old one', version: 'v2.0.0', registry: ['1.9.9', '1', 'latest'], tags: ['2.0.0', '2.0', '2', 'latest'] },
  { name: 'the old major keeps moving under a newer one', version: 'v1.5.0', registry: ['2.0.0', '1.4.0'], tags: ['1.5.0', '1.5', '1'] },
  { name: 'a higher prerelease is no bound', version: 'v1.4.1', registry: ['1.5.0-rc.1', '1.4.0'], tags: ['1.4.1', '1.4', '1', 'latest'] },
  { name: 'flavour suffix', version: '2.29', withReleases: true, suffix: '-musl', tags: ['2.29-musl', '2-musl', 'latest-musl'] },
  { name: 'the plain line does not bound the -musl one', version: 'v1.3.9', suffix: '-musl', registry: ['1.4.0', '1', 'latest', '1.3.0-musl'], tags: ['1.3.9-musl', '1.3-musl', '1-musl', 'latest-musl'] },
  { name: 'the -musl line bounds itself', version: 'v1.3.9', suffix: '-musl', registry: ['1.4.0-musl', 'latest-musl'], tags: ['1.3.9-musl', '1.3-musl'] },
  { name: 'the -musl line does not bound the plain one', version: 'v1.3.9', registry: ['1.4.0-musl', '1-musl', 'latest-musl'], tags: ['1.3.9', '1.3', '1', 'latest'] },
  { name: '0.x has no bare major', version: 'v0.3.1', tags: ['0.3.1', '0.3', 'latest'] },
  { name: '0.x backport', version: 'v0.3.2', registry: ['0.4.0'], tags: ['0.3.2', '0.3'] },
  { name: 'prerelease: no line tags, no latest', version: '1.0.0-rc.1', tags: ['1.0.0-rc.1'] },
  { name: 'latest true on a prerelease', version: '1.0.0-rc.1', latest: 'true', tags: ['1.0.0-rc.1', 'latest'] },
  {
    name: 'scheduled rebuild with date and sha',
    version: '2.29',
    withReleases: true,
    templates: ['{{raw}}', "{{raw}}-{{date 'YYYYMMDD'}}", 'sha-{{sha}}', '{{version}}'],
    tags: ['2.29', '2.29-20261203', 'sha-0123456', '2.29.0', 'latest'],
  },
  {
    name: 'scheduled rebuild of an older release: exact tags only',
    version: '2.28',
    withReleases: true,
    templates: ['{{raw}}', "{{raw}}-{{date 'YYYYMMDD'}}", 'v{{major}}', '{{major}}.{{minor}}-stable'],
    tags: ['2.28', '2.28-20261203', '2.28-stable'],
  },
  { name: 'literal text', version: '2.29', latest: 'false', templates: ['stable', 'v{{major}}.{{minor}}.{{patch}}'], tags: ['stable', 'v2.29.0'] },
  { name: 'literal text is no line', version: 'v1.3.9', latest: 'false', registry: ['1.4.0'], templates: ['stable', '{{major}}'], tags: ['stable'] },
];

for (const row of rows) {
  test(`tags: ${row.name} (${row.version})`, () => {
    const suffix = row.suffix ?? '';
    const tags = deriveTags({
      version: parseVersion(row.version),
      templates: row.templates ?? [],
      suffix,
      latest: row.latest ?? 'auto',
      known: [...(row.withReleases ? releases : []), ...versionsFromTags(row.registry ?? [], suffix)],
      sha,
      now,
    });
    assert.deepEqual(tags, row.tags);
  });
}

const registryTags = ['2.29', '2', 'latest', '2.29-musl', '2-musl', '2.25b', 'sha-0123456', '2.29-20261203', '1.4.0-rc.1', 'v1.4.0', 'x2.29', '-musl'];
const flavours: [string, string[]][] = [
  ['', ['2.29', '2.25b', '1.4.0-rc.1', '1.4.0']],
  ['-musl', ['2.29']],
  ['-static', []],
];
for (const [suffix, raws] of flavours) {
  test(`registry tags name versions of the "${suffix}" flavour: ${raws.join(', ') || 'none'}`, () => {
    assert.deepEqual(versionsFromTags(registryTags, suffix).map((v) => v.raw), raws);
  });
}

test('the tags depend on known versions only through line templates and latest: auto', () => {
  assert.equal(dependsOnKnownVersions({ templates: [], latest: 'false' }), true, 'the defaults hold line tags');
  assert.equal(dependsOnKnownVersions({ templates: ['{{raw}}', 'sha-{{sha}}'], latest: 'auto' }), true);
  assert.equal(dependsOnKnownVersions({ templates: ['{{raw}}', 'sha-{{sha}}', 'edge'], latest: 'false' }), false);
  assert.equal(dependsOnKnownVersions({ templates: ['{{raw}}'], latest: 'true' }), false);
  assert.equal(dependsOnKnownVersions({ templates: ['v{{major}}-musl'], latest: 'true' }), true);
});

test('every template is checked, also one this version does not get', () => {
  assert.throws(
    () => deriveTags({ version: parseVersion('2.27'), templates: ['{{raw}}', '{{major}}-{{bogus}}'], suffix: '', latest: 'false', known: releases, sha, now }),
    /unknown placeholder \{\{bogus\}\}/,
  );
});

test('a version left with no tag names the higher version that keeps its line', () => {
  assert.throws(
    () => deriveTags({ version: parseVersion('2.27'), templates: ['{{major}}'], suffix: '-musl', latest: 'auto', known: releases, sha, now }),
    /no tags for version 2\.27: .*a line tag goes only to the highest stable version of its line, where 2\.29-musl already is/,
  );
});

const invalid: { name: string; version: string; templates: string[]; message: RegExp; sha?: string }[] = [
  { name: 'unknown placeholder', version: '2.29', templates: ['{{branch}}'], message: /unknown placeholder \{\{branch\}\}/ },
  { name: 'unbalanced braces', version: '2.29', templates: ['{{raw'], message: /unbalanced braces/ },
  { name: 'invalid characters', version: '2.29', templates: ['{{raw}}+build'], message: /not a valid registry tag/ },
  { name: 'leading dash', version: '2.29', templates: ['-{{raw}}'], message: /not a valid registry tag/ },
  { name: 'too long', version: '2.29', templates: ['x'.repeat(129)], message: /1-128 characters/ },
  { name: 'sha without a commit', version: '2.29', templates: ['{{sha}}'], message: /no commit SHA is known/, sha: '' },
  { name: 'prerelease with only line templates', version: '1.0.0-rc.1', templates: ['{{major}}'], message: /no tags for version/ },
];

for (const row of invalid) {
  test(`tags refuse: ${row.name}`, () => {
    assert.throws(
      () => deriveTags({ version: parseVersion(row.version), templates: row.templates, suffix: '', latest: 'false', known: [], sha: row.sha ?? sha, now }),
      row.message,
    );
  });
}

for (const text of ['', 'latest', 'abc', '2', 'x2.29', '2.29-b', '..']) {
  test(`version "${text}" cannot be parsed`, () => {
    assert.throws(() => parseVersion(text), /cannot be read as a version/);
  });
}

test('versions keep their raw form', () => {
  assert.equal(parseVersion('2.25b').raw, '2.25b');
  assert.equal(parseVersion('2.25b').semver.version, '2.25.0');
  assert.equal(parseVersion('V2.0.1').raw, '2.0.1');
});
