import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deriveTags, parseVersion, type LatestRule } from '../../src/tags.js';
import { NEWEST_RELEASE } from '../../src/source/releases.js';

const now = new Date(Date.UTC(2026, 11, 3, 20, 5, 9));
const sha = '0123456789abcdef0123456789abcdef01234567';

interface Row {
  name: string;
  version: string;
  templates?: string[];
  suffix?: string;
  latest?: LatestRule;
  newest?: string;
  tags: string[];
}

const rows: Row[] = [
  { name: 'newest thttpd release', version: '2.29', newest: NEWEST_RELEASE, tags: ['2.29', '2', 'latest'] },
  { name: 'older release with a letter', version: '2.25b', newest: NEWEST_RELEASE, tags: ['2.25b', '2.25', '2'] },
  { name: 'newest release, latest off', version: '2.29', newest: NEWEST_RELEASE, latest: 'false', tags: ['2.29', '2'] },
  { name: 'older release, latest forced', version: '2.27', newest: NEWEST_RELEASE, latest: 'true', tags: ['2.27', '2', 'latest'] },
  { name: 'git tag v1.4.0', version: 'v1.4.0', tags: ['1.4.0', '1.4', '1', 'latest'] },
  { name: '0.x has no bare major', version: 'v0.3.1', tags: ['0.3.1', '0.3', 'latest'] },
  { name: 'prerelease: no line tags, no latest', version: '1.0.0-rc.1', tags: ['1.0.0-rc.1'] },
  { name: 'flavour suffix', version: '2.29', newest: NEWEST_RELEASE, suffix: '-musl', tags: ['2.29-musl', '2-musl', 'latest-musl'] },
  {
    name: 'scheduled rebuild with date and sha',
    version: '2.29',
    newest: NEWEST_RELEASE,
    templates: ['{{raw}}', "{{raw}}-{{date 'YYYYMMDD'}}", 'sha-{{sha}}', '{{version}}'],
    tags: ['2.29', '2.29-20261203', 'sha-0123456', '2.29.0', 'latest'],
  },
  { name: 'literal text', version: '2.29', latest: 'false', templates: ['stable', 'v{{major}}.{{minor}}.{{patch}}'], tags: ['stable', 'v2.29.0'] },
];

for (const row of rows) {
  test(`tags: ${row.name} (${row.version})`, () => {
    const tags = deriveTags({
      version: parseVersion(row.version),
      templates: row.templates ?? [],
      suffix: row.suffix ?? '',
      latest: row.latest ?? 'auto',
      newest: row.newest,
      sha,
      now,
    });
    assert.deepEqual(tags, row.tags);
  });
}

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
      () => deriveTags({ version: parseVersion(row.version), templates: row.templates, suffix: '', latest: 'false', sha: row.sha ?? sha, now }),
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
