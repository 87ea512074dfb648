// The bench driver (`npm run bench` -> bench/run.sh -> here): prepares the inputs once,
// runs each measurement, writes bench/REPORT.md and prints it. Progress goes to stderr.
// Serving runs last and takes as many rounds as fit in the time budget (BUDGET_MS).
//   BENCH_QUICK=1   fewer and shorter runs, for trying the bench out; the report says so
//                   and goes to stdout only, never to bench/REPORT.md.
import { cp, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { measureBuildTime } from './build-time.js';
import { measureEndToEnd } from './end-to-end.js';
import { planCpus, whilePinned } from './lib/cpus.js';
import { describeMachine } from './lib/machine.js';
import { bundle } from './lib/product.js';
import { busyboxHttpd, nginxServer, thttpdServer } from './lib/servers.js';
import { renderReport, type Section } from './report.js';
import { measureReproducibility } from './reproducible.js';
import { measureServing, type LoadSpec } from './serve.js';
import { measureSizes } from './size.js';
import { measureStartup } from './startup.js';
import { prepareWorkspace } from './workspace.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.env.BENCH_QUICK === '1';
const plan = quick
  ? { buildRuns: 3, e2eRuns: 2, minRounds: 1, maxRounds: 2, serveSeconds: 1, startRuns: 5 }
  : { buildRuns: 7, e2eRuns: 5, minRounds: 6, maxRounds: 30, serveSeconds: 2, startRuns: 15 };
// The whole bench stays under 10 minutes; the last serving round must end by this.
const BUDGET_MS = 510_000;

const started = performance.now();
const log = (message: string) => process.stderr.write(`bench [${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

async function section<T>(name: string, measure: () => Promise<T>): Promise<Section<T>> {
  log(`${name}…`);
  try {
    return { ok: true, value: await measure() };
  } catch (error) {
    log(`${name} failed: ${(error as Error).message}`);
    return { ok: false, error: (error as Error).message.split('\n').slice(0, 3).join(' ') };
  }
}

const machine = await describeMachine(repo);
const cpus = await planCpus();
log(`${machine.cores} cores, Linux ${machine.kernel}, commit ${machine.commit.slice(0, 12)}${quick ? ' (quick mode)' : ''}`);
const ws = await prepareWorkspace(log);
try {
  log('bundling the CLI and the image+publish entry with ncc (into the workspace, not dist/)');
  // The CLI goes into a folder shaped like the installed npm package (dist/, site/,
  // package.json): it finds its default page by walking up to that.
  const pkg = await ws.tmp('static-thttpd-package');
  await cp(join(repo, 'site'), join(pkg, 'site'), { recursive: true });
  await writeFile(join(pkg, 'package.json'), `${JSON.stringify({ name: 'static-thttpd', type: 'module' })}\n`);
  const [cli, entry] = await Promise.all([
    bundle(repo, 'src/cli.ts', join(pkg, 'dist', 'cli')),
    bundle(repo, 'bench/entries/publish-image.ts', await ws.tmp('publish-image')),
  ]);

  const sizes = await section('image size and size flags', () => measureSizes(ws, log));
  const buildTime = await section('build time (image + publish)', () => measureBuildTime(ws, entry, plan.buildRuns, log));
  const e2e = await section('end to end (cold and warm)', () => measureEndToEnd(ws, cli, plan.e2eRuns, log));

  const repro = await section('reproducibility', () => measureReproducibility(ws, cli, log));

  const glibc = thttpdServer('static-thttpd (glibc)', ws.binary.glibc);
  const musl = thttpdServer('static-thttpd (musl)', ws.binary.musl);
  const startup = await section('start-up', () => whilePinned(cpus, () => measureStartup(ws, [glibc, musl, busyboxHttpd, nginxServer(1)], plan.startRuns, cpus, log)));
  const loads: LoadSpec[] = [
    { server: glibc, keepAlive: false },
    { server: musl, keepAlive: false },
    { server: busyboxHttpd, keepAlive: false },
    { server: nginxServer(1), keepAlive: true },
    { server: nginxServer(1), keepAlive: false },
    { server: nginxServer(2), keepAlive: true },
    { server: nginxServer(2), keepAlive: false },
  ];
  // The plain -O2 build too, when the default differs from it: what the size flags cost in speed.
  const o2 = sizes.ok ? sizes.value.variants.find((v) => v.libc === 'glibc' && v.variant.name === '-O2')?.rows?.find((r) => r.platform === 'linux/amd64') : undefined;
  const defaultGlibc = sizes.ok ? sizes.value.defaults.find((r) => r.libc === 'glibc' && r.platform === 'linux/amd64') : undefined;
  if (o2 && defaultGlibc && o2.binary !== defaultGlibc.binary) {
    loads.splice(1, 0, { server: thttpdServer('static-thttpd (glibc, plain -O2)', o2.path), keepAlive: false });
  }
  const servePlan = { minRounds: plan.minRounds, maxRounds: plan.maxRounds, durationS: plan.serveSeconds, deadline: started + BUDGET_MS };
  const serve = await section('serving (wrk)', () => whilePinned(cpus, () => measureServing(ws, loads, servePlan, cpus, log, [glibc, musl, busyboxHttpd])));

  const { markdown } = renderReport({ machine, totalMs: performance.now() - started, quick, arm64Skipped: ws.arm64Skipped, muslSkipped: ws.muslSkipped, sizes, buildTime, e2e, serve, startup, repro });
  if (!quick) {
    await writeFile(join(repo, 'bench', 'REPORT.md'), markdown);
    log('wrote bench/REPORT.md');
  }
  process.stdout.write(markdown);
} finally {
  await ws.remove();
}
