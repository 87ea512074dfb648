// Where the bytes between the floor (the binary gzip'd alone) and what a node pulls by tag
// go, and what cheap changes to the product would save. Every what-if rebuilds the
// documents and the layer with the product's own functions (buildLayer, canonicalJson),
// after checking that doing so with no change gives back the product's bytes exactly.
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import { buildLayer, gzipDeterministic, type LayerEntry } from '../src/image/layer.js';
import { canonicalJson, MEDIA_TYPES } from '../src/image/oci.js';
import type { Image, Platform } from '../src/types.js';

type Json = Record<string, unknown>;

export interface OverheadPart {
  what: string;
  bytes: number;
  detail?: string;
}

export interface Saving {
  change: string;
  /** Bytes fewer pulled by tag for this platform (negative: more). */
  saves: number;
  /** What the change gives up. */
  cost: string;
}

export interface Overhead {
  platform: Platform;
  floor: number;
  pulledByTag: number;
  /** Sums exactly to pulledByTag − floor. */
  parts: OverheadPart[];
  savings: Saving[];
  entries: number;
}

interface Docs {
  entries: LayerEntry[];
  layer: Buffer;
  diffId: string;
  config: Json;
  manifest: Json;
}

/** The entries of a layer as the product wrote them (directories without their trailing slash). */
export async function layerEntries(gzip: Buffer): Promise<LayerEntry[]> {
  const entries: LayerEntry[] = [];
  const tar = extract();
  const done = (async () => {
    for await (const entry of tar) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      const { name, type, mode, linkname } = entry.header;
      const path = name.replace(/\/$/, '');
      if (type === 'directory') entries.push({ type, path, mode: mode ?? 0o755 });
      else if (type === 'symlink') entries.push({ type, path, target: linkname ?? '' });
      else entries.push({ type: 'file', path, mode: mode ?? 0o644, data: Buffer.concat(chunks) });
    }
  })();
  tar.end(gunzipSync(gzip));
  await done;
  return entries;
}

const size = (value: unknown) => Buffer.byteLength(canonicalJson(value));
const descriptorOf = (mediaType: string, data: Buffer | string) => ({ mediaType, size: Buffer.byteLength(data) });

interface WhatIf {
  change: string;
  cost: string;
  layer?: (entries: LayerEntry[]) => LayerEntry[];
  config?: (config: Json) => Json;
  manifest?: (manifest: Json) => Json;
  index?: (index: Json) => Json;
}

const without = (key: string) => (doc: Json): Json => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== key));

/**
 * Bytes pulled by tag for each platform once `w` is applied. Digests keep their length
 * (sha256), so only sizes are tracked; descriptor sizes are rewritten as they would be.
 */
async function pulled(image: Image, docs: Docs[], w: WhatIf): Promise<number[]> {
  const perPlatform: { layer: number; config: number; manifest: number }[] = [];
  const manifests: string[] = [];
  for (const d of docs) {
    let layerSize = d.layer.length;
    let diffId = d.diffId;
    if (w.layer) {
      const rebuilt = await buildLayer(w.layer(d.entries), 0);
      layerSize = rebuilt.size;
      diffId = rebuilt.diffId;
    }
    const config = (w.config ?? ((c) => c))({ ...d.config, rootfs: { type: 'layers', diff_ids: [diffId] } });
    const configText = canonicalJson(config);
    const manifestDoc = (w.manifest ?? ((m) => m))({
      ...d.manifest,
      config: { ...(d.manifest.config as Json), ...descriptorOf(MEDIA_TYPES.config, configText) },
      layers: [{ ...((d.manifest.layers as Json[])[0] as Json), size: layerSize }],
    });
    const manifestText = canonicalJson(manifestDoc);
    manifests.push(manifestText);
    perPlatform.push({ layer: layerSize, config: Buffer.byteLength(configText), manifest: Buffer.byteLength(manifestText) });
  }
  const indexDoc = JSON.parse(image.index.data.toString('utf8')) as Json;
  const rewritten = (w.index ?? ((i) => i))({
    ...indexDoc,
    manifests: (indexDoc.manifests as Json[]).map((m, i) => ({ ...m, size: Buffer.byteLength(manifests[i] ?? '') })),
  });
  const indexBytes = size(rewritten);
  return perPlatform.map((p) => indexBytes + p.manifest + p.config + p.layer);
}

const WHAT_IFS: WhatIf[] = [
  {
    change: 'annotations only in the index (none in each manifest)',
    cost: 'a tool that reads one platform\'s manifest by digest sees no annotations; the config\'s labels still carry them',
    manifest: without('annotations'),
  },
  {
    change: 'annotations only in each manifest (none in the index)',
    cost: 'registries that describe a multi-platform image from its index (GHCR) show no description',
    index: without('annotations'),
  },
  {
    change: 'labels only in the config (no annotations anywhere)',
    cost: 'both of the above',
    manifest: without('annotations'),
    index: without('annotations'),
  },
  {
    change: 'no `history` in the config',
    cost: '`docker history` shows no line for the layer',
    config: without('history'),
  },
  {
    change: 'no /etc/passwd, /etc/group (and /etc)',
    cost: 'ps, ls and kubectl debug show 65534 instead of nobody',
    layer: (entries) => entries.filter((e) => e.path !== 'etc' && !e.path.startsWith('etc/')),
  },
  {
    change: 'the default page without its <style> block',
    cost: 'an unstyled page',
    layer: (entries) => entries.map((e) => (e.type === 'file' && e.path === 'www/index.html' ? { ...e, data: Buffer.from(e.data.toString('utf8').replace(/<style>[\s\S]*?<\/style>\n?/, '')) } : e)),
  },
  {
    change: 'an empty default page (the most any trimming of it can save)',
    cost: 'no page',
    layer: (entries) => entries.map((e) => (e.type === 'file' && e.path === 'www/index.html' ? { ...e, data: Buffer.alloc(0) } : e)),
  },
];

/** The breakdown and the what-ifs for every platform of one image. */
export async function measureOverhead(image: Image, floors: Map<Platform, { floor: number; binary: Buffer }>): Promise<Overhead[]> {
  const docs: Docs[] = [];
  for (const p of image.platforms) {
    docs.push({
      entries: await layerEntries(p.layer.data),
      layer: p.layer.data,
      diffId: p.diffId,
      config: JSON.parse(p.config.data.toString('utf8')) as Json,
      manifest: JSON.parse(p.manifest.data.toString('utf8')) as Json,
    });
  }
  const baseline = await pulled(image, docs, { change: 'none', cost: '', layer: (e) => e });
  const results: Overhead[] = [];
  for (const [i, p] of image.platforms.entries()) {
    const actual = image.index.size + p.manifest.size + p.config.size + p.layer.size;
    // The what-ifs are only as good as this: rebuilt unchanged, the bytes must be the product's.
    if (baseline[i] !== actual) throw new Error(`rebuilding the ${p.platform} image unchanged gave ${baseline[i]} bytes pulled by tag, the product's are ${actual}: the breakdown would be wrong`);
    const f = floors.get(p.platform);
    if (!f) throw new Error(`no floor for ${p.platform}`);
    const d = docs[i] as Docs;
    const contents = Buffer.concat(d.entries.map((e) => (e.type === 'file' ? e.data : Buffer.alloc(0))));
    const pakoBinary = gzipDeterministic(f.binary).length;
    const pakoContents = gzipDeterministic(contents).length;
    const manifestAnnotations = p.manifest.size - size(without('annotations')(d.manifest));
    const indexDoc = JSON.parse(image.index.data.toString('utf8')) as Json;
    const indexAnnotations = image.index.size - size(without('annotations')(indexDoc));
    const labels = p.config.size - size({ ...d.config, config: without('Labels')(d.config.config as Json) });
    const files = d.entries.filter((e) => e.type === 'file').length;
    const parts: OverheadPart[] = [
      { what: 'index', bytes: image.index.size, detail: `${indexAnnotations} B of it annotations; ${image.platforms.length} platform${image.platforms.length > 1 ? 's' : ''} listed` },
      { what: 'manifest', bytes: p.manifest.size, detail: `${manifestAnnotations} B of it annotations` },
      { what: 'config', bytes: p.config.size, detail: `${labels} B of it labels` },
      { what: 'compressor: pako level 9 against GNU gzip -9, on the binary alone', bytes: pakoBinary - f.floor },
      { what: 'the other files\' contents (page, healthz, passwd, group), gzip\'d with the binary', bytes: pakoContents - pakoBinary, detail: `${files - 1} files, ${contents.length - f.binary.length} B uncompressed` },
      { what: 'tar framing: headers, padding, end blocks', bytes: p.layer.size - pakoContents, detail: `${d.entries.length} entries, 512 B headers each before gzip, about ${Math.round((p.layer.size - pakoContents) / d.entries.length)} B each after` },
    ];
    const savings: Saving[] = [];
    for (const w of WHAT_IFS) {
      const after = await pulled(image, docs, w);
      savings.push({ change: w.change, saves: actual - (after[i] as number), cost: w.cost });
    }
    results.push({ platform: p.platform, floor: f.floor, pulledByTag: actual, parts, savings, entries: d.entries.length });
  }
  return results;
}
