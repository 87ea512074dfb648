import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Failure } from '../../src/failure.js';
import { parseImageRef } from '../../src/image/reference.js';

describe('image references', () => {
  const cases: [string, string, string][] = [
    // given, name for docker/podman, fully qualified for containerd
    ['ghcr.io/me/web:2.29', 'ghcr.io/me/web:2.29', 'ghcr.io/me/web:2.29'],
    ['ghcr.io/me/web', 'ghcr.io/me/web:latest', 'ghcr.io/me/web:latest'],
    ['web:1', 'web:1', 'docker.io/library/web:1'],
    ['me/web:1', 'me/web:1', 'docker.io/me/web:1'],
    ['localhost/web:dev', 'localhost/web:dev', 'localhost/web:dev'],
    ['localhost:5000/team/web:2.29', 'localhost:5000/team/web:2.29', 'localhost:5000/team/web:2.29'],
    ['registry.example.com:443/a/b/c', 'registry.example.com:443/a/b/c:latest', 'registry.example.com:443/a/b/c:latest'],
  ];
  for (const [given, name, qualified] of cases) {
    it(`${given} -> ${qualified}`, () => {
      const ref = parseImageRef(given);
      assert.equal(ref.name, name);
      assert.equal(ref.qualified, qualified);
    });
  }

  for (const bad of ['Web:1', 'ghcr.io/me/web@sha256:abc', 'ghcr.io/me/web:', 'ghcr.io/me/web:-x', '', 'a//b', 'ghcr.io/me/web:' + 'x'.repeat(129)]) {
    it(`refuses ${JSON.stringify(bad.slice(0, 40))}`, () => {
      assert.throws(() => parseImageRef(bad), (err: unknown) => err instanceof Failure && /expected NAME\[:TAG\]/.test(err.message));
    });
  }
});
