import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Failure } from '../../src/failure.js';
import { parseImageName } from '../../src/registry/reference.js';

const valid: [string, { registry: string; domain: string; repository: string; name: string }][] = [
  ['ghcr.io/me/web', { registry: 'ghcr.io', domain: 'ghcr.io', repository: 'me/web', name: 'ghcr.io/me/web' }],
  ['docker.io/library/x', { registry: 'registry-1.docker.io', domain: 'docker.io', repository: 'library/x', name: 'docker.io/library/x' }],
  ['docker.io/x', { registry: 'registry-1.docker.io', domain: 'docker.io', repository: 'library/x', name: 'docker.io/library/x' }],
  ['index.docker.io/me/web', { registry: 'registry-1.docker.io', domain: 'docker.io', repository: 'me/web', name: 'docker.io/me/web' }],
  ['me/web', { registry: 'registry-1.docker.io', domain: 'docker.io', repository: 'me/web', name: 'docker.io/me/web' }],
  ['nginx', { registry: 'registry-1.docker.io', domain: 'docker.io', repository: 'library/nginx', name: 'docker.io/library/nginx' }],
  ['127.0.0.1:5000/web', { registry: '127.0.0.1:5000', domain: '127.0.0.1:5000', repository: 'web', name: '127.0.0.1:5000/web' }],
  ['localhost:5000/a/b', { registry: 'localhost:5000', domain: 'localhost:5000', repository: 'a/b', name: 'localhost:5000/a/b' }],
  ['localhost/web', { registry: 'localhost', domain: 'localhost', repository: 'web', name: 'localhost/web' }],
  ['[::1]:5000/web', { registry: '[::1]:5000', domain: '[::1]:5000', repository: 'web', name: '[::1]:5000/web' }],
  ['GHCR.io/me/web', { registry: 'ghcr.io', domain: 'ghcr.io', repository: 'me/web', name: 'ghcr.io/me/web' }],
  ['registry.example.com:443/team/static-thttpd', { registry: 'registry.example.com:443', domain: 'registry.example.com:443', repository: 'team/static-thttpd', name: 'registry.example.com:443/team/static-thttpd' }],
  ['ghcr.io/me/a.b_c__d--e', { registry: 'ghcr.io', domain: 'ghcr.io', repository: 'me/a.b_c__d--e', name: 'ghcr.io/me/a.b_c__d--e' }],
  ['  ghcr.io/me/web  ', { registry: 'ghcr.io', domain: 'ghcr.io', repository: 'me/web', name: 'ghcr.io/me/web' }],
];

for (const [input, expected] of valid) {
  test(`parses ${JSON.stringify(input)}`, () => {
    assert.deepEqual(parseImageName(input), expected);
  });
}

// Each bad name fails with a message naming what was found and pointing at the fix.
const invalid: [string, RegExp][] = [
  ['', /empty string/],
  ['ghcr.io/me/web:latest', /carries the tag `latest`.*`ghcr.io\/me\/web`/],
  ['web:1.0', /carries the tag `1.0`.*`web`/],
  ['localhost:5000/web:dev', /carries the tag `dev`.*`localhost:5000\/web`/],
  ['ghcr.io/me/web@sha256:' + 'a'.repeat(64), /digest/],
  ['https://ghcr.io/me/web', /URL scheme/],
  ['ghcr.io/Me/Web', /`Me` is not a valid repository name.*lowercase: try `ghcr.io\/me\/web`/],
  ['ghcr.io/me//web', /path component `` is not a valid/],
  ['ghcr.io/me/web/', /path component `` is not a valid/],
  ['ghcr.io/-web', /`-web` is not a valid/],
  ['ghcr.io/me/web_', /`web_` is not a valid/],
  ['ghcr.io/me/a___b', /`a___b` is not a valid/],
  ['ghcr.io/', /repository path is empty/],
  ['localhost:5000', /names a registry but no repository.*`localhost:5000\/web`/],
  ['127.0.0.1:5000', /names a registry but no repository/],
  ['ex_ample.com/web', /not a valid registry host/],
  ['example.com:99999/web', /not a valid registry host/],
  ['ghcr.io/me/my web', /white space/],
  ['ghcr.io/' + 'a'.repeat(250), /characters long/],
];

for (const [input, message] of invalid) {
  test(`rejects ${JSON.stringify(input.length > 40 ? input.slice(0, 40) + '…' : input)}`, () => {
    assert.throws(
      () => parseImageName(input),
      (error: unknown) => {
        assert.ok(error instanceof Failure, 'a Failure, not a bug');
        assert.match(error.message, /^Expected an image name without tag or digest/);
        assert.match(error.message, message);
        return true;
      },
    );
  });
}
