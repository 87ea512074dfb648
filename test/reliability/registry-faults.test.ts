// A fault-injecting proxy between the client and a real registry on loopback, one fault per
// case: connection reset, 500/502/503, 429 with Retry-After (the wait measured at the
// proxy), a stall past the time-out before the answer or in the middle of its body, a
// truncated body, a lost answer, a wrong Docker-Content-Digest. Transient faults must end
// in a complete push with the right digest, persistent ones in one clear message; and
// after every case skopeo must find each tag naming either the image it named before or
// the new one, whole (every manifest and blob there), never anything else.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { publish, PublishFailure, type PublishResult } from '../../src/registry/publish.js';
import type { RetryPolicy } from '../../src/registry/transport.js';
import type { Image } from '../../src/types.js';
import { runAction, type ActionRun } from '../helpers/entries.js';
import { makeFixtureTarball, type FixtureTarball } from '../helpers/fixture.js';
import { makeTestImage, skopeoRaw, startFaultProxy, startRegistry, type FaultRules, type ProxyRequest, type TestRegistry } from '../helpers/registry.js';
import { readWholeTag, sha256, writeTable, type Cell } from '../helpers/reliability.js';

const POLICY: Partial<RetryPolicy> = { attempts: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 500, maxRetryAfterMs: 50 };
/** The same, but a Retry-After of up to 5 s is waited for in full: the cases that measure it. */
const HONOUR_RETRY_AFTER: Partial<RetryPolicy> = { ...POLICY, maxRetryAfterMs: 5000 };
const TAGS = ['2.29', 'latest'];

interface Target {
  what: string;
  match: (r: ProxyRequest) => boolean;
}

const isManifestPut = (r: ProxyRequest) => r.method === 'PUT' && r.url.includes('/manifests/');
const TARGETS = {
  probe: { what: 'GET /v2/', match: (r) => r.method === 'GET' && r.url === '/v2/' },
  head: { what: 'HEAD blob', match: (r) => r.method === 'HEAD' && r.url.includes('/blobs/') },
  open: { what: 'POST upload', match: (r) => r.method === 'POST' && r.url.includes('/blobs/uploads/') },
  blobPut: { what: 'PUT blob', match: (r) => r.method === 'PUT' && r.url.includes('/blobs/uploads/') },
  manifest: { what: 'PUT manifest by digest', match: (r) => isManifestPut(r) && r.url.includes('/manifests/sha256:') },
  tag: { what: 'PUT tag', match: (r) => isManifestPut(r) && !r.url.includes('/manifests/sha256:') },
  lastTag: { what: 'PUT tag latest', match: (r) => isManifestPut(r) && r.url.endsWith('/manifests/latest') },
  any: { what: 'request', match: () => true },
} satisfies Record<string, Target>;

type Fault =
  | { kind: 'reset' | 'stall' | 'stallBody' | 'truncate' | 'drop' }
  | { kind: 'status'; status: number; headers?: () => Record<string, string>; error?: [code: string, message: string] }
  | { kind: 'digest' };

/** What each tag must name after the case: the new image, the one it named before (or nothing), or either. */
type TagsAfter = 'new' | 'old' | 'either';

interface Case {
  fault: string;
  do: Fault;
  target: Target;
  /** How many matching requests get the fault; 'all' makes it persistent. */
  times: number | 'all';
  expect: { pushed: true; retries: number } | { pushed: false; message: RegExp; retries: number };
  tags: TagsAfter;
  /** The client's policy, when not POLICY. */
  policy?: Partial<RetryPolicy>;
  /** For 429 cases: the wait the client must have made after each 429, in ms, as measured at the proxy. */
  waits?: { atLeast: number; below: number; asked: string };
}

const errorBody = (code: string, message: string) => JSON.stringify({ errors: [{ code, message }] });
const FORGED = `sha256:${'f'.repeat(64)}`;

const CASES: Case[] = [
  { fault: 'connection reset', do: { kind: 'reset' }, target: TARGETS.blobPut, times: 1, expect: { pushed: true, retries: 1 }, tags: 'new' },
  { fault: 'connection reset', do: { kind: 'reset' }, target: TARGETS.probe, times: 'all', expect: { pushed: false, message: /to answer GET \/v2\/, found no answer: .*(ECONNRESET|socket|other side closed).* \(3 attempts\)\. Check that the registry address is right/, retries: 2 }, tags: 'old' },
  { fault: 'connection reset', do: { kind: 'reset' }, target: TARGETS.manifest, times: 'all', expect: { pushed: false, message: /to answer PUT \/v2\/[^ ]+\/manifests\/sha256:[0-9a-f]{64}, found no answer: .* \(3 attempts\)/, retries: 2 }, tags: 'old' },
  { fault: '500 Internal Server Error', do: { kind: 'status', status: 500 }, target: TARGETS.probe, times: 1, expect: { pushed: true, retries: 1 }, tags: 'new' },
  { fault: '500 Internal Server Error', do: { kind: 'status', status: 500 }, target: TARGETS.head, times: 'all', expect: { pushed: false, message: /HEAD \/v2\/[^ ]+\/blobs\/sha256:[0-9a-f]{64}, found 500 Internal Server Error after 3 attempts/, retries: 2 }, tags: 'old' },
  { fault: '502 Bad Gateway', do: { kind: 'status', status: 502 }, target: TARGETS.open, times: 2, expect: { pushed: true, retries: 2 }, tags: 'new' },
  { fault: '502 Bad Gateway', do: { kind: 'status', status: 502 }, target: TARGETS.open, times: 'all', expect: { pushed: false, message: /POST \/v2\/[^ ]+\/blobs\/uploads\/, found 502 Bad Gateway after 3 attempts/, retries: 2 }, tags: 'old' },
  { fault: '503 Service Unavailable', do: { kind: 'status', status: 503 }, target: TARGETS.manifest, times: 2, expect: { pushed: true, retries: 2 }, tags: 'new' },
  { fault: '503 Service Unavailable', do: { kind: 'status', status: 503 }, target: TARGETS.tag, times: 'all', expect: { pushed: false, message: /PUT \/v2\/[^ ]+\/manifests\/2\.29, found 503 Service Unavailable after 3 attempts.*no tag was changed/, retries: 2 }, tags: 'old' },
  // Retry-After capped at 50 ms: the client waits the cap, not the second asked for.
  { fault: '429 with Retry-After: 1 (seconds), capped at 50 ms', do: { kind: 'status', status: 429, headers: () => ({ 'retry-after': '1' }) }, target: TARGETS.any, times: 2, expect: { pushed: true, retries: 2 }, tags: 'new', waits: { atLeast: 45, below: 900, asked: '1 s, cap 50 ms' } },
  { fault: '429 with Retry-After: HTTP date, capped at 50 ms', do: { kind: 'status', status: 429, headers: () => ({ 'retry-after': new Date(Date.now() + 2000).toUTCString() }) }, target: TARGETS.blobPut, times: 1, expect: { pushed: true, retries: 1 }, tags: 'new', waits: { atLeast: 45, below: 900, asked: 'a date ~2 s ahead, cap 50 ms' } },
  // Under the cap the wait asked for is honoured, not replaced by the 5-20 ms backoff.
  { fault: '429 with Retry-After: 1 (seconds), cap 5 s', do: { kind: 'status', status: 429, headers: () => ({ 'retry-after': '1' }) }, target: TARGETS.head, times: 1, expect: { pushed: true, retries: 1 }, tags: 'new', policy: HONOUR_RETRY_AFTER, waits: { atLeast: 990, below: 4000, asked: '1 s, cap 5 s' } },
  { fault: '429 with Retry-After: HTTP date ~2 s ahead, cap 5 s', do: { kind: 'status', status: 429, headers: () => ({ 'retry-after': new Date(Date.now() + 2000).toUTCString() }) }, target: TARGETS.open, times: 1, expect: { pushed: true, retries: 1 }, tags: 'new', policy: HONOUR_RETRY_AFTER, waits: { atLeast: 900, below: 4000, asked: 'a date ~2 s ahead (whole seconds), cap 5 s' } },
  { fault: '429 with Retry-After: 1 (seconds)', do: { kind: 'status', status: 429, headers: () => ({ 'retry-after': '1' }) }, target: TARGETS.head, times: 'all', expect: { pushed: false, message: /HEAD \/v2\/[^ ]+\/blobs\/sha256:[0-9a-f]{64}, found 429 Too Many Requests after 3 attempts\. The registry is limiting the rate of requests: wait a while, then run again\./, retries: 2 }, tags: 'old' },
  { fault: 'stall past the 500 ms time-out', do: { kind: 'stall' }, target: TARGETS.manifest, times: 1, expect: { pushed: true, retries: 1 }, tags: 'new' },
  { fault: 'stall past the 500 ms time-out', do: { kind: 'stall' }, target: TARGETS.head, times: 'all', expect: { pushed: false, message: /to answer HEAD \/v2\/[^ ]+\/blobs\/sha256:[0-9a-f]{64}, found no answer: timed out after 500 ms \(3 attempts\)/, retries: 2 }, tags: 'old' },
  // The headers and the first byte of the body arrive, then nothing: the time-out covers the body too.
  { fault: 'stall in the middle of the response body', do: { kind: 'stallBody' }, target: TARGETS.probe, times: 1, expect: { pushed: true, retries: 1 }, tags: 'new' },
  { fault: 'stall in the middle of the response body', do: { kind: 'stallBody' }, target: TARGETS.probe, times: 'all', expect: { pushed: false, message: /to answer GET \/v2\/, found no answer: timed out after 500 ms \(3 attempts\)/, retries: 2 }, tags: 'old' },
  { fault: 'truncated body', do: { kind: 'truncate' }, target: TARGETS.probe, times: 1, expect: { pushed: true, retries: 1 }, tags: 'new' },
  // Each blob PUT was applied before its answer was cut, and so is the retry's 404: after the
  // attempts (2 retries per blob), a HEAD proves each blob landed.
  { fault: 'truncated body', do: { kind: 'truncate' }, target: TARGETS.blobPut, times: 'all', expect: { pushed: true, retries: 8 }, tags: 'new' },
  { fault: 'truncated body', do: { kind: 'truncate' }, target: TARGETS.manifest, times: 'all', expect: { pushed: false, message: /to answer PUT \/v2\/[^ ]+\/manifests\/sha256:[0-9a-f]{64}, found no answer: .* \(3 attempts\)/, retries: 2 }, tags: 'old' },
  { fault: 'answer lost after the registry applied it', do: { kind: 'drop' }, target: TARGETS.tag, times: 1, expect: { pushed: true, retries: 1 }, tags: 'new' },
  { fault: 'answer lost after the registry applied it', do: { kind: 'drop' }, target: TARGETS.tag, times: 'all', expect: { pushed: false, message: /to answer PUT \/v2\/[^ ]+\/manifests\/2\.29, found no answer: .* \(3 attempts\).*no tag was moved before `2\.29` failed, which the registry may have applied/, retries: 2 }, tags: 'either' },
  // What distribution's filesystem storage answers while another push of the same image relinks
  // its blobs (see concurrency.test.ts): "not yet", so retried; for good, a clear failure.
  { fault: '400 MANIFEST_BLOB_UNKNOWN', do: { kind: 'status', status: 400, error: ['MANIFEST_BLOB_UNKNOWN', 'blob unknown to registry'] }, target: TARGETS.manifest, times: 1, expect: { pushed: true, retries: 1 }, tags: 'new' },
  { fault: '400 MANIFEST_BLOB_UNKNOWN', do: { kind: 'status', status: 400, error: ['MANIFEST_BLOB_UNKNOWN', 'blob unknown to registry'] }, target: TARGETS.manifest, times: 'all', expect: { pushed: false, message: /to accept PUT \/v2\/[^ ]+\/manifests\/sha256:[0-9a-f]{64}, found 400 Bad Request \(MANIFEST_BLOB_UNKNOWN: blob unknown to registry\)/, retries: 2 }, tags: 'old' },
  { fault: '400 DIGEST_INVALID', do: { kind: 'status', status: 400, error: ['DIGEST_INVALID', 'provided digest did not match uploaded content'] }, target: TARGETS.manifest, times: 1, expect: { pushed: false, message: /found 400 Bad Request \(DIGEST_INVALID: provided digest did not match uploaded content\)/, retries: 0 }, tags: 'old' },
  { fault: 'wrong Docker-Content-Digest', do: { kind: 'digest' }, target: TARGETS.blobPut, times: 1, expect: { pushed: false, message: /to store PUT \/v2\/[^ ]+\/blobs\/uploads\/[^ ]* as sha256:[0-9a-f]{64}, found it answered Docker-Content-Digest sha256:f{64}\. The bytes were changed on the way.*no tag was changed/, retries: 0 }, tags: 'old' },
  { fault: 'wrong Docker-Content-Digest', do: { kind: 'digest' }, target: TARGETS.manifest, times: 1, expect: { pushed: false, message: /to store PUT \/v2\/[^ ]+\/manifests\/sha256:[0-9a-f]{64} as sha256:[0-9a-f]{64}, found it answered Docker-Content-Digest sha256:f{64}.*no tag was changed/, retries: 0 }, tags: 'old' },
  // The registry stored the tag; only the answer lies. The tag names the new image, whole.
  { fault: 'wrong Docker-Content-Digest', do: { kind: 'digest' }, target: TARGETS.lastTag, times: 1, expect: { pushed: false, message: /manifests\/latest as sha256:[0-9a-f]{64}, found it answered Docker-Content-Digest sha256:f{64}.*1 of 2 tags were moved before `latest` failed, which the registry may have applied/, retries: 0 }, tags: 'either' },
];

interface Row {
  entry: string;
  fault: string;
  affected: string;
  outcome: string;
  retries: number;
  /** Measured waits before retries (429 cases), or "". */
  waited: string;
  tags: string;
}
const rows: Row[] = [];

let registry: TestRegistry;
before(async () => {
  registry = await startRegistry({ auth: 'none' });
});
after(async () => {
  await registry?.stop();
  const pushed = rows.filter((r) => r.outcome.startsWith('pushed')).length;
  writeTable({
    id: '10-registry-faults',
    title: 'Registry faults',
    intro:
      'A proxy on 127.0.0.1 between the client and a real docker-registry (distribution 2.8) injects one fault per case on the requests named. ' +
      '`publish()` runs with attempts 3, backoff 5-20 ms, a 500 ms time-out per attempt (body included) and Retry-After capped at 50 ms, or at 5 s where the row says so; the action rows run the bundled action with its defaults (4 attempts, 30 s time-out). ' +
      'For 429 rows the proxy measures the wait: from its 429 answer to the next matching request. ' +
      'Before each case the tag `latest` names an older image; after it skopeo reads every tag straight from the registry and each must name the old image, the new one, or nothing, with every manifest and blob it references present.',
    columns: ['entry', 'fault', 'requests affected', 'outcome', 'retries used', 'wait before each retry (measured)', 'tags after (skopeo)'],
    rows: rows.map((r): Cell[] => [r.entry, r.fault, r.affected, r.outcome, r.retries, r.waited, r.tags]),
    notes: [
      `${rows.length} cases: ${pushed} pushed the right digest despite the fault, ${rows.length - pushed} failed with the message shown; in all ${rows.length}, no tag named a missing or different manifest.`,
    ],
  });
});

interface Counter {
  matched: number;
  faulted: number;
  /** When each matching request arrived (ms), and whether it got the fault. */
  arrivals: { at: number; faulted: boolean }[];
}

/** Whether a request gets the case's fault, counting (and timing) the requests it targets. */
function firing(c: Case, counter: Counter): (r: ProxyRequest) => boolean {
  return (r) => {
    if (!c.target.match(r)) return false;
    counter.matched++;
    const hit = c.times === 'all' || counter.matched <= c.times;
    counter.arrivals.push({ at: Date.now(), faulted: hit });
    if (hit) counter.faulted++;
    return hit;
  };
}

function rulesFor(c: Case, fire: (r: ProxyRequest) => boolean): FaultRules {
  const f = c.do;
  switch (f.kind) {
    case 'reset':
      return { reset: fire };
    case 'stall':
      return { stall: fire };
    case 'stallBody':
      return { stallBody: fire };
    case 'truncate':
      return { truncateBody: fire };
    case 'drop':
      return { dropResponse: fire };
    case 'digest':
      return {
        rewriteHeaders: (r, headers) => {
          if (headers['docker-content-digest'] && fire(r)) headers['docker-content-digest'] = FORGED;
        },
      };
    case 'status':
      return {
        intercept: (r) =>
          fire(r)
            ? {
                status: f.status,
                headers: f.headers?.(),
                body: errorBody(...(f.error ?? (f.status === 429 ? ['TOOMANYREQUESTS', 'slow down'] : ['UNAVAILABLE', 'injected fault']))),
              }
            : undefined,
      };
  }
}

/** Which image the tag names now; readWholeTag has checked every manifest and blob it references. */
async function tagNames(repository: string, tag: string, images: { old: Image; new: Image }): Promise<'absent' | 'old' | 'new'> {
  const raw = await readWholeTag(registry, repository, tag);
  if (!raw) return 'absent';
  const which = raw.equals(images.new.index.data) ? 'new' : raw.equals(images.old.index.data) ? 'old' : undefined;
  assert.ok(which, `${repository}:${tag} names ${sha256(raw)}, which is neither the old nor the new image`);
  return which;
}

async function checkTags(repository: string, images: { old: Image; new: Image }, expected: TagsAfter): Promise<string> {
  const states: string[] = [];
  for (const tag of TAGS) {
    const now = await tagNames(repository, tag, images);
    const before = tag === 'latest' ? 'old' : 'absent';
    if (expected === 'new') assert.equal(now, 'new', `${tag} after a push that succeeded`);
    if (expected === 'old') assert.equal(now, before, `${tag} after a push that failed before the tags`);
    if (expected === 'either') assert.ok(now === 'new' || now === before, `${tag}: ${now}`);
    states.push(`${tag}: ${now}`);
  }
  return states.join(', ');
}

function scope(c: Case): string {
  return c.times === 'all' ? `every ${c.target.what}` : c.times === 1 ? `first ${c.target.what}` : `first ${c.times} × ${c.target.what}`;
}

function affected(c: Case, faulted: number): string {
  return `${scope(c)} (${faulted} hit${faulted === 1 ? '' : 's'})`;
}

describe('publish() through the fault proxy', () => {
  CASES.forEach((c, i) => {
    const name = `${c.fault}, ${scope(c)}: ${c.expect.pushed ? 'pushed' : 'clear failure'}`;
    test(name, async (t) => {
      const repository = `faults/case${i}`;
      const images = { old: makeTestImage(`old ${i}`), new: makeTestImage(`new ${i}`) };
      await publish(images.old, { image: `${registry.host}/${repository}`, tags: ['latest'] }, { retry: POLICY });
      const counter: Counter = { matched: 0, faulted: 0, arrivals: [] };
      const fire = firing(c, counter);
      const proxy = await startFaultProxy(registry.host, rulesFor(c, fire));
      t.after(() => proxy.stop());
      const policy = c.policy ?? POLICY;

      let outcome: string;
      let retries: number;
      const started = Date.now();
      try {
        const result: PublishResult = await publish(images.new, { image: `${proxy.host}/${repository}`, tags: TAGS }, { retry: policy });
        assert.ok(c.expect.pushed, `expected a failure, but it pushed (${counter.faulted} faults)`);
        assert.equal(result.digest, images.new.index.digest);
        retries = result.stats.retries;
        outcome = `pushed ${result.digest.slice(0, 19)}…`;
      } catch (error) {
        if (!(error instanceof PublishFailure)) throw error;
        assert.ok(!c.expect.pushed, `expected a push, got: ${error.message}`);
        assert.match(error.message, c.expect.message);
        assert.doesNotMatch(error.message, /\n|undefined|\[object /, 'one readable line');
        retries = error.stats.retries;
        outcome = `failed: ${error.message.replace(/127\.0\.0\.1:\d+/g, 'HOST').replace(/sha256:([0-9a-f]{12})[0-9a-f]{52}/g, 'sha256:$1…')}`;
      }
      assert.ok(counter.faulted >= 1, 'the fault was injected');
      if (c.times !== 'all') assert.equal(counter.faulted, c.times, 'as often as planned');
      assert.equal(retries, c.expect.retries, 'retries used');
      assert.ok(Date.now() - started < 10_000, 'Retry-After and backoff stay within the capped policy');
      let waited = '';
      if (c.waits) {
        // From each faulted request (answered at once) to the next matching one: the client's wait.
        const gaps = counter.arrivals.flatMap((a, k) => (a.faulted && counter.arrivals[k + 1] ? [counter.arrivals[k + 1].at - a.at] : []));
        assert.equal(gaps.length, counter.faulted, 'each 429 was followed by a retry');
        for (const gap of gaps) assert.ok(gap >= c.waits.atLeast && gap < c.waits.below, `waited ${gap} ms after a 429 (asked ${c.waits.asked}), expected ${c.waits.atLeast}-${c.waits.below} ms`);
        waited = `${gaps.map((g) => `${g} ms`).join(', ')} (asked ${c.waits.asked})`;
      }
      const tags = await checkTags(repository, images, c.tags);
      // A failure may not claim the tags stayed put when skopeo shows one moved.
      if (!c.expect.pushed && /: new/.test(tags)) assert.doesNotMatch(outcome, /no tag was changed/, `${tags}, yet: ${outcome}`);
      rows.push({ entry: 'publish()', fault: c.fault, affected: affected(c, counter.faulted), outcome, retries, waited, tags });
    });
  });
});

describe('the bundled action through the fault proxy, default retry policy', () => {
  let workspace: string;
  let tarball: FixtureTarball;
  const runs: ActionRun[] = [];
  before(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'static-thttpd-faults-'));
    tarball = await makeFixtureTarball({ dir: workspace });
  });
  after(async () => {
    for (const run of runs) await rm(run.dir, { recursive: true, force: true });
    await rm(workspace, { recursive: true, force: true });
  });

  const action = async (image: string) => {
    const run = await runAction(
      { source: 'thttpd-2.29.tar.gz', sha256: tarball.sha256, image, tags: TAGS.join(','), latest: 'false', 'github-token': '' },
      { workspace, env: { SOURCE_DATE_EPOCH: '1700000000' } },
    );
    runs.push(run);
    return run;
  };

  test('a reset on the first blob PUT and 503 on the first two manifest PUTs: pushed, the output digest is what the tags name', async (t) => {
    const counter = { reset: 0, unavailable: 0 };
    const proxy = await startFaultProxy(registry.host, {
      reset: (r) => TARGETS.blobPut.match(r) && counter.reset++ < 1,
      intercept: (r) => (TARGETS.manifest.match(r) && counter.unavailable++ < 2 ? { status: 503, body: errorBody('UNAVAILABLE', 'injected fault') } : undefined),
    });
    t.after(() => proxy.stop());
    const run = await action(`${proxy.host}/faults/action-ok`);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::') && /retrying in/.test(l));
    assert.equal(warnings.length, 3, `one warning per retry:\n${warnings.join('\n')}`);
    const digest = run.outputs.digest ?? '';
    for (const tag of TAGS) assert.equal(sha256(await skopeoRaw(`${registry.host}/faults/action-ok:${tag}`, { tls: false })), digest, tag);
    rows.push({ entry: 'action', fault: 'connection reset + 503 Service Unavailable', affected: 'first PUT blob, first 2 × PUT manifest by digest (3 hits)', outcome: `pushed ${digest.slice(0, 19)}…`, retries: warnings.length, waited: '', tags: '2.29: new, latest: new' });
  });

  test('503 on every tag PUT: exit 1, one error annotation naming the request and the attempts, no tag written', async (t) => {
    let hits = 0;
    const proxy = await startFaultProxy(registry.host, {
      intercept: (r) => (TARGETS.tag.match(r) ? (hits++, { status: 503, body: errorBody('UNAVAILABLE', 'injected fault') }) : undefined),
    });
    t.after(() => proxy.stop());
    const run = await action(`${proxy.host}/faults/action-down`);
    assert.equal(run.code, 1);
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    assert.equal(errors.length, 1, run.stdout);
    assert.match(errors[0] ?? '', /to accept PUT \/v2\/faults\/action-down\/manifests\/2\.29, found 503 Service Unavailable after 4 attempts \(UNAVAILABLE: injected fault\).*no tag was changed/);
    assert.equal(hits, 4, 'the first tag, four times, then stop');
    assert.equal(run.outputs.digest, undefined, 'no outputs from a failed run');
    for (const tag of TAGS) {
      await assert.rejects(skopeoRaw(`${registry.host}/faults/action-down:${tag}`, { tls: false }), /manifest unknown|not found/i);
    }
    rows.push({
      entry: 'action',
      fault: '503 Service Unavailable',
      affected: `every PUT tag (${hits} hits)`,
      outcome: `failed: ${(errors[0] ?? '').replace('::error::', '').replace(/127\.0\.0\.1:\d+/g, 'HOST')}`,
      retries: hits - 1,
      waited: '',
      tags: '2.29: absent, latest: absent',
    });
  });
});
