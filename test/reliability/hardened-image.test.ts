// The built image run the way a restricted-policy pod runs it: podman (runc) with
// --user 65534:65534 --read-only --cap-drop=ALL --security-opt no-new-privileges, and the
// same with --user 0 and with an arbitrary uid (OpenShift's way). Each must serve; the
// kernel's view of the server process (/proc/PID/status) must show the uid asked for, no
// capabilities and no_new_privs. A control image built without uid-drop, run as root, must
// fail in thttpd's root-only user switch (the image's /etc/passwd names nobody, so
// getpwnam finds it, and then setgroups is refused without CAP_SETGID; in an image with no
// passwd it is "unknown user"): the patch is what makes --user 0 work.
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, waitForHttp } from '../helpers/net.js';
import { Podman, RESTRICTED } from '../helpers/podman.js';
import { buildFixture, writeTable, type BuiltFixture, type Cell } from '../helpers/reliability.js';

const RESTRICTED_POD = RESTRICTED; // --read-only --cap-drop=ALL --security-opt no-new-privileges
let port: number;
let patched: BuiltFixture;
let unpatched: BuiltFixture;
let podman: Podman;
const rows: Cell[][] = [];

before(async () => {
  port = await freePort();
  [patched, unpatched] = await Promise.all([
    buildFixture('hardened', ['--port', String(port), '--image', 'example.test/hardened']),
    buildFixture('unpatched', ['--port', String(port), '--image', 'example.test/unpatched', '--uid-drop', 'false']),
  ]);
  podman = new Podman(join(patched.dir, 'podman'));
  podman.call('load', '-i', patched.archive);
  podman.call('load', '-i', unpatched.archive);
});

after(async () => {
  podman?.removeAll();
  await rm(patched?.dir ?? '/nonexistent', { recursive: true, force: true });
  await rm(unpatched?.dir ?? '/nonexistent', { recursive: true, force: true });
  writeTable({
    id: '60-hardened-image',
    title: 'Hardened image under podman',
    intro:
      `The fixture image from the bundled CLI, loaded into podman (runc, vfs storage, host network on 127.0.0.1). Every run has \`${RESTRICTED_POD.join(' ')}\`; the user differs. ` +
      'uid, CapEff and NoNewPrivs are read from /proc/PID/status of the server process itself, as the kernel sees it.',
    columns: ['image', '--user', 'serves / and /healthz', 'uid:gid of the server', 'CapEff', 'NoNewPrivs', 'ends with'],
    rows,
    notes: [`${rows.filter((r) => r[2] === 'yes').length} restricted runs served; the unpatched control run as root exited as thttpd does without the patch.`],
  });
});

interface Status {
  uid: string;
  gid: string;
  capEff: string;
  noNewPrivs: string;
}

async function processStatus(container: string): Promise<Status> {
  const pid = podman.call('inspect', container, '--format', '{{.State.Pid}}').trim();
  assert.match(pid, /^[1-9]\d*$/, 'the container has a process');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status)?.[1]?.trim() ?? '';
  assert.match(field('Name'), /^thttpd$/, 'it is the server itself, not a shell');
  return { uid: field('Uid').split(/\s+/)[0] ?? '', gid: field('Gid').split(/\s+/)[0] ?? '', capEff: field('CapEff'), noNewPrivs: field('NoNewPrivs') };
}

async function serve(image: string, user: string, stop: 'stop' | 'kill TERM', t: { after: (fn: () => void) => void }): Promise<{ status: Status; exit: number | null; stderr: string }> {
  const container = `hardened-${user.replace(/\D/g, '_')}-${process.pid}`;
  const child = podman.run(['--name', container, '--user', user, ...RESTRICTED_POD], image, ['-h', '127.0.0.1']);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  t.after(() => {
    try {
      podman.call('rm', '-f', container);
    } catch {
      // already gone
    }
  });
  let status: Status;
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /thttpd 2\.29/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    assert.equal(await health.text(), 'ok\n');
    status = await processStatus(container);
  } finally {
    if (stop === 'stop') podman.call('stop', '--time', '10', container);
    else podman.call('kill', '--signal', 'TERM', container);
  }
  const exit = await exited;
  assert.equal(podman.call('inspect', container, '--format', '{{.State.ExitCode}}').trim(), String(exit));
  return { status, exit, stderr };
}

test('restricted pod as 65534:65534: serves; no capabilities, no_new_privs; podman stop (SIGUSR1) ends it with 0', async (t) => {
  const { status, exit } = await serve('example.test/hardened:2.29', '65534:65534', 'stop', t);
  assert.deepEqual(status, { uid: '65534', gid: '65534', capEff: '0000000000000000', noNewPrivs: '1' });
  assert.equal(exit, 0);
  rows.push(['uid-drop (default)', '65534:65534', 'yes', `${status.uid}:${status.gid}`, status.capEff, status.noNewPrivs, `podman stop: exit ${exit}`]);
});

test('restricted pod as --user 0: still serves (uid-drop: no "unknown user"), as uid 0 with no capabilities; SIGTERM ends it with 1', async (t) => {
  const { status, exit, stderr } = await serve('example.test/hardened:2.29', '0', 'kill TERM', t);
  assert.deepEqual(status, { uid: '0', gid: '0', capEff: '0000000000000000', noNewPrivs: '1' });
  assert.doesNotMatch(stderr, /unknown user/);
  assert.equal(exit, 1, 'SIGTERM: immediate exit, status 1');
  rows.push(['uid-drop (default)', '0', 'yes', `${status.uid}:${status.gid}`, status.capEff, status.noNewPrivs, `SIGTERM: exit ${exit}`]);
});

test('restricted pod as an arbitrary uid (OpenShift): serves the world-readable files', async (t) => {
  const { status, exit } = await serve('example.test/hardened:2.29', '1000770000:0', 'stop', t);
  assert.deepEqual(status, { uid: '1000770000', gid: '0', capEff: '0000000000000000', noNewPrivs: '1' });
  assert.equal(exit, 0);
  rows.push(['uid-drop (default)', '1000770000:0', 'yes', `${status.uid}:${status.gid}`, status.capEff, status.noNewPrivs, `podman stop: exit ${exit}`]);
});

test('control: built with uid-drop false, --user 0 fails in the root-only user switch and serves nothing', async () => {
  const child = podman.run(['--rm', '--user', '0', ...RESTRICTED_POD], 'example.test/unpatched:2.29', ['-h', '127.0.0.1']);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(exit, 1);
  const said = /^thttpd: (unknown user - 'nobody'|setgroups - Operation not permitted)$/m.exec(stderr)?.[1];
  assert.ok(said, `the root-only user switch failed: ${stderr}`);
  await assert.rejects(fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }), 'nothing listens');
  rows.push(['uid-drop false (control)', '0', 'no', 'exited at start', '—', '—', `exit ${exit}: ${said}`]);
});
