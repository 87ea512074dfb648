// The bench's own logic (bench/): how it judges targets, what it says about a build it
// could not run, and how the bytes above the floor are accounted for. No timings here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildImage } from '../../src/image/build.js';
import type { Binary } from '../../src/types.js';
import { parseCpuList } from '../../bench/lib/cpus.js';
import { dirtyFiles, type Machine } from '../../bench/lib/machine.js';
import { judge, quantile, spreadOf } from '../../bench/lib/stats.js';
import { measureOverhead } from '../../bench/overhead.js';
import { compare, headlineParagraph, measuredTree, renderReport, type BenchResults } from '../../bench/report.js';
import type { LoadResult, WrkRun } from '../../bench/serve.js';
import { gzipFloor, type SizeResults, type SizeRow } from '../../bench/size.js';

test('quantiles interpolate between ranks', () => {
  assert.equal(quantile([4, 1, 3, 2], 0.5), 2.5);
  assert.equal(quantile([1, 2, 3, 4, 5], 0.25), 2);
  assert.equal(quantile([10], 0.75), 10);
  assert.ok(Number.isNaN(quantile([], 0.5)));
  assert.deepEqual(spreadOf([3, 1, 2]), { median: 2, q1: 1.5, q3: 2.5, min: 1, max: 3, n: 3 });
});

test('a target is met or missed only when every statistic agrees, else inconclusive', () => {
  const atLeast4 = (x: number) => x >= 4;
  assert.equal(judge([4.2, 4.5, 4.1, 4.9], atLeast4), 'met');
  assert.equal(judge([2.8, 2.9, 2.6, 3.1], atLeast4), 'missed');
  assert.equal(judge([3.9, 4.1, 3.7, 4.4], atLeast4), 'inconclusive');
  assert.equal(judge([NaN], atLeast4), 'not measured');
});

function load(name: string, rps: number[], pss: number[] = rps.map(() => 1000)): LoadResult {
  const runs: WrkRun[] = rps.map((r, i) => ({ rps: r, p50Ms: 1, p99Ms: 2, requests: r, errors: 0, non2xx: 0, peakPssKb: pss[i] ?? 0, peakRssKb: 0, peakProcesses: 1, idlePssKb: 0 }));
  return { name, keepAlive: false, runs, rps: NaN, p99Ms: NaN, pssKb: NaN, rssKb: NaN, idlePssKb: NaN };
}

test('the musl/glibc flip of a noisy run reads as inconclusive, not as met or missed', () => {
  // Round by round musl keeps up (ratio ~0.95), but the medians, taken over slow and fast
  // phases, say -16%: the situation the audit found.
  const glibc = load('glibc', [10_000, 10_000, 10_000, 20_000, 20_000, 20_000]);
  const musl = load('musl', [9_500, 9_600, 9_400, 11_000, 19_000, 19_200]);
  const c = compare(musl, glibc, (r) => r.rps, (x) => x >= 0.9);
  assert.ok(c.ofMedians < 0.9, `ratio of medians ${c.ofMedians}`);
  assert.ok(c.rounds.median >= 0.9, `per-round median ${c.rounds.median}`);
  assert.equal(c.verdict, 'inconclusive');
  const steady = compare(load('a', [30_000, 31_000, 29_000]), load('b', [10_000, 10_500, 9_800]), (r) => r.rps, (x) => x >= 4);
  assert.equal(steady.verdict, 'missed');
});

test('cpu lists as /proc/self/status writes them', () => {
  assert.deepEqual(parseCpuList('0-1'), [0, 1]);
  assert.deepEqual(parseCpuList('0,2-4,7'), [0, 2, 3, 4, 7]);
  assert.deepEqual(parseCpuList(''), []);
});

test('the measured tree names the commit and every uncommitted file', () => {
  const dirty = dirtyFiles(' M src/run.ts\n?? bench/new.ts\nM  README.md\n');
  assert.deepEqual(dirty, ['src/run.ts', 'bench/new.ts (untracked)', 'README.md']);
  assert.equal(measuredTree({ commit: 'abcdef1234567890', dirty }, 7), 'commit `abcdef1` plus uncommitted changes in `src/run.ts`, `bench/new.ts (untracked)`, `README.md`');
  assert.equal(measuredTree({ commit: 'abcdef1234567890', dirty: [] }, 7), 'commit `abcdef1` with no uncommitted changes');
});

const machine: Machine = {
  date: '2026-12-04T00:00:00.000Z', commit: '0123456789abcdef', dirty: ['src/image/oci.ts'], cores: 2, cpu: 'x', kernel: 'k', os: 'o', memoryGb: 1, node: 'v20', tools: {},
};

function row(over: Partial<SizeRow>): SizeRow {
  return {
    libc: 'glibc', platform: 'linux/amd64', path: '/x', binary: 1_000_000, floor: 500_000, layer: 502_000, config: 880, manifest: 800, pulled: 503_680, index: 880, pulledByTag: 504_560, uncompressed: 1_010_000, smokeTested: true,
    ...over,
  };
}

function results(sizes: SizeResults): BenchResults {
  const none = { ok: false as const, error: 'not run in this test' };
  return { machine, totalMs: 1, quick: true, muslSkipped: ['libc musl builds only for this machine\'s own platform (linux/amd64), not linux/arm64'], sizes: { ok: true, value: sizes }, buildTime: none, e2e: none, serve: none, startup: none, repro: none };
}

test('the size-flags table says "not run" for a binary that could not be run, and the gap counts the index', () => {
  const amd64 = row({});
  const arm64 = row({ platform: 'linux/arm64', smokeTested: false });
  const sizes: SizeResults = {
    ccopt: '-Os', defaults: [amd64, arm64], overhead: [],
    variants: [{ variant: { name: '-O2', cflags: '-O2' }, libc: 'glibc', rows: [{ ...amd64, binary: 1_100_000 }, { ...arm64, binary: 1_100_000 }] }],
  };
  const { markdown, headline } = renderReport(results(sizes));
  const flagLines = markdown.split('\n').filter((l) => l.startsWith('| glibc | linux/') && l.includes('| -O2 |'));
  assert.equal(flagLines.length, 2);
  assert.match(flagLines.find((l) => l.includes('linux/amd64')) ?? '', /\| passed \|$/);
  assert.match(flagLines.find((l) => l.includes('linux/arm64')) ?? '', /\| not run \(no way to run linux\/arm64 binaries here\) \|$/);
  // 504,560 − 500,000 by tag: over the 4,000 B target, though by digest (3,680) it is under.
  assert.match(markdown, /within 4,000 B of the floor \(glibc linux\/amd64, pulled by tag\) \| 4,560 B over .*\| \*\*missed\*\* \|/);
  assert.match(markdown, /No musl row for the other platform: the product builds musl only for this machine's own platform/);
  assert.match(headline, /commit `0123456` plus uncommitted changes in `src\/image\/oci\.ts`/);
});

test('the headline\'s reproducibility sentence follows the measured digests', () => {
  const tool = (name: string, digests: string[]) => ({
    tool: name, libc: 'glibc' as const, how: '', medianMs: 100, reproducible: digests.every((d) => d === digests[0]),
    runs: digests.map((digest) => ({ ms: 100, digest, mounts: 0, blobUploads: 2 })),
  });
  const base = results({ ccopt: '', defaults: [], overhead: [], variants: [] });
  const build = (oursSame: boolean) => ({
    ...base,
    buildTime: {
      ok: true as const,
      value: { runs: 2, tools: [tool('static-thttpd', oursSame ? ['a', 'a'] : ['a', 'b']), tool('umoci + skopeo', ['c', 'd']), tool('buildah', ['e', 'e'])], nodeStartMs: 1, nodeFirstFetchMs: 1, warmPublishMs: {}, gzip: { tarBytes: 0, options: [] }, entry: '' },
    },
  });
  const good = headlineParagraph(build(true));
  assert.match(good, /static-thttpd gave the same digest in all 2 runs; umoci \+ skopeo did not, buildah did/);
  assert.match(headlineParagraph(build(false)), /static-thttpd did NOT give the same digest in all 2 runs/);
});

test('the bytes above the floor add up, and an unchanged rebuild is the product\'s image', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bench-overhead-'));
  try {
    const path = join(dir, 'thttpd');
    // Half random, half zeros: compressible like a binary, so every part has something to measure.
    const server = Buffer.concat([randomBytes(20_000), Buffer.alloc(20_000)]);
    await writeFile(path, server);
    const binary: Binary = { platform: 'linux/amd64', libc: 'musl', path, bytes: server.length, fileLine: '', serverSoftware: '', warnings: [] };
    const image = await buildImage({ binaries: [binary], port: 8080, epoch: 0, thttpdVersion: '2.29', imageVersion: '2.29', labels: {} });
    const floor = await gzipFloor(path);
    const [o] = await measureOverhead(image, new Map([['linux/amd64', { floor, binary: server }]]));
    assert.ok(o);
    const p = image.platforms[0];
    assert.ok(p);
    assert.equal(o.pulledByTag, image.index.size + p.manifest.size + p.config.size + p.layer.size);
    assert.equal(o.parts.reduce((n, x) => n + x.bytes, 0), o.pulledByTag - floor);
    assert.equal(o.parts.find((x) => x.what === 'index')?.bytes, image.index.size);
    const saves = (change: RegExp) => o.savings.find((w) => change.test(w.change))?.saves ?? NaN;
    // `,"annotations":{…}`: the member and the comma before it.
    const annotations = Buffer.byteLength(JSON.stringify({ annotations: (JSON.parse(p.manifest.data.toString()) as { annotations: unknown }).annotations })) - 2 + 1;
    assert.equal(saves(/only in the index/), annotations, 'dropping the manifest annotations saves exactly their bytes');
    assert.equal(saves(/no annotations anywhere/), saves(/only in the index/) + saves(/only in each manifest/));
    assert.ok(saves(/passwd/) > 0 && saves(/empty default page/) > saves(/<style>/));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
