// "Sets up an Ubuntu build": finds what the toolchain needs and, on Debian/Ubuntu,
// installs what is missing with apt-get; anywhere else says exactly what to install.
import { access, readFile, readdir } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { Failure } from '../failure.js';
import { run, tail } from '../exec.js';
import type { Logger } from '../types.js';
import { foreignUbuntuSource, parseOsRelease, pinToArch, usesApt } from './apt-sources.js';
import type { Arch, Requirement } from './toolchain.js';

export interface HostSystem {
  env: Record<string, string>;
  isRoot: boolean;
  arch: Arch;
  /** Contents of /etc/os-release ('' when absent). */
  osRelease: string;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

export async function findCommand(name: string, env: Record<string, string>): Promise<string | undefined> {
  if (name.startsWith('/')) return (await exists(name)) ? name : undefined;
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    if (await exists(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

async function missing(requirements: Requirement[], env: Record<string, string>): Promise<Requirement[]> {
  const absent: Requirement[] = [];
  for (const r of requirements) if (!(await findCommand(r.need, env))) absent.push(r);
  return absent;
}

function describeMissing(list: Requirement[]): string {
  return list.map((r) => `${r.need} (apt package ${r.apt})`).join(', ');
}

class Apt {
  constructor(
    private readonly system: HostSystem,
    private readonly log: Logger,
  ) {}

  private async asRoot(args: string[], input?: string): Promise<void> {
    const [command, ...rest] = this.system.isRoot ? args : ['sudo', '-n', ...args];
    const env = { ...this.system.env, DEBIAN_FRONTEND: 'noninteractive' };
    const ran = await run(command as string, rest, { env, input });
    if (ran.code !== 0) throw new Failure(`"${args.join(' ')}" failed (exit ${ran.code}) while installing the build tools:\n${tail(ran.lines, 15)}`);
  }

  async addArchitecture(arch: Arch): Promise<void> {
    const foreign = await run('dpkg', ['--print-foreign-architectures'], { env: this.system.env });
    if (foreign.stdout.split(/\s+/).includes(arch)) return;
    this.log.info(`adding the ${arch} architecture to dpkg for the cross libraries`);
    const os = parseOsRelease(this.system.osRelease);
    if (os.id === 'ubuntu') await this.addUbuntuSource(arch, os.codename);
    await this.asRoot(['dpkg', '--add-architecture', arch]);
  }

  private async addUbuntuSource(arch: Arch, codename: string): Promise<void> {
    const dir = '/etc/apt/sources.list.d';
    const pin = async (path: string, deb822: boolean) => {
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text !== undefined) await this.asRoot(['tee', path], pinToArch(text, this.system.arch, deb822));
    };
    await pin('/etc/apt/sources.list', false);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (name.endsWith('.sources')) await pin(join(dir, name), true);
      else if (name.endsWith('.list')) await pin(join(dir, name), false);
    }
    await this.asRoot(['tee', join(dir, `static-thttpd-${arch}.sources`)], foreignUbuntuSource(arch, codename));
  }

  async install(packages: string[]): Promise<void> {
    this.log.info(`installing with apt-get: ${packages.join(' ')}`);
    await this.asRoot(['apt-get', 'update', '-qq']);
    await this.asRoot(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]);
  }
}

/** Installs what is missing; optional things that cannot be installed only warn. */
export async function ensureRequirements(requirements: Requirement[], system: HostSystem, log: Logger): Promise<void> {
  const absent = await missing(requirements, system.env);
  if (absent.length === 0) return;
  const required = absent.filter((r) => !r.optional);
  const canApt = usesApt(parseOsRelease(system.osRelease)) && (await findCommand('apt-get', system.env)) !== undefined;
  if (!canApt) {
    if (required.length) {
      throw new Failure(`missing build tools: ${describeMissing(required)}. Install them (static-thttpd installs them itself only on Debian or Ubuntu)`);
    }
    return;
  }
  const apt = new Apt(system, log);
  for (const arch of new Set(absent.map((r) => r.apt.split(':')[1]).filter((a): a is Arch => a === 'amd64' || a === 'arm64'))) {
    if (arch !== system.arch) await apt.addArchitecture(arch);
  }
  const packages = (list: Requirement[]) => [...new Set(list.map((r) => r.apt))];
  if (required.length) await apt.install(packages(required));
  const optional = absent.filter((r) => r.optional);
  if (optional.length) await apt.install(packages(optional)).catch((error: Error) => log.warning(error.message));
  const still = (await missing(requirements, system.env)).filter((r) => !r.optional);
  if (still.length) throw new Failure(`apt-get ran but these are still missing: ${describeMissing(still)}`);
}
