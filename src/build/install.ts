// "Sets up an Ubuntu build": finds what the toolchain needs and, on Debian/Ubuntu,
// installs what is missing with apt-get; anywhere else says exactly what to install.
// The decisions (which packages, which architectures, through sudo or not, or a refusal)
// are pure functions of the host's facts; only ensureRequirements touches the machine.
import { access, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Failure } from '../failure.js';
import { tail } from '../exec.js';
import type { Logger } from '../types.js';
import { foreignUbuntuSource, parseOsRelease, pinToArch, usesApt } from './apt-sources.js';
import { findCommand, runTool } from './command.js';
import type { Arch, Requirement } from './toolchain.js';

export interface HostSystem {
  env: Record<string, string>;
  isRoot: boolean;
  arch: Arch;
  /** Contents of /etc/os-release ('' when absent). */
  osRelease: string;
}

/** What deciding how to install needs to know about the host, read once by readInstallFacts. */
export interface InstallFacts {
  isRoot: boolean;
  arch: Arch;
  osRelease: string;
  hasAptGet: boolean;
  hasSudo: boolean;
}

export interface InstallPlan {
  /** Architectures dpkg must learn before their libraries can be installed (arm64 on an amd64 host). */
  architectures: Arch[];
  /** apt packages for the missing required tools; a failure to install them fails the build. */
  required: string[];
  /** apt packages for missing optional tools; a failure to install them only warns. */
  optional: string[];
}

/** Absolute paths are files that must exist (headers, libraries); anything else is a command on PATH. */
async function isPresent(requirement: Requirement, env: Record<string, string>): Promise<boolean> {
  if (requirement.need.startsWith('/')) return access(requirement.need).then(() => true, () => false);
  return (await findCommand(requirement.need, env)) !== undefined;
}

export async function missingRequirements(requirements: Requirement[], env: Record<string, string>): Promise<Requirement[]> {
  const absent: Requirement[] = [];
  for (const r of requirements) if (!(await isPresent(r, env))) absent.push(r);
  return absent;
}

export async function readInstallFacts(system: HostSystem): Promise<InstallFacts> {
  return {
    isRoot: system.isRoot,
    arch: system.arch,
    osRelease: system.osRelease,
    hasAptGet: (await findCommand('apt-get', system.env)) !== undefined,
    hasSudo: (await findCommand('sudo', system.env)) !== undefined,
  };
}

function describeMissing(list: Requirement[]): string {
  return list.map((r) => `${r.need} (apt package ${r.apt})`).join(', ');
}

const packagesOf = (list: Requirement[]) => [...new Set(list.map((r) => r.apt))];

function osName(osRelease: string): string {
  const id = parseOsRelease(osRelease).id;
  return id ? `os-release ID "${id}"` : 'no /etc/os-release';
}

/**
 * What to install for the absent requirements, or a Failure when they cannot be installed
 * here. Missing optional things that cannot be installed give an empty plan: the caller
 * warns when it would have used them.
 */
export function planInstall(absent: Requirement[], facts: InstallFacts): InstallPlan {
  const required = absent.filter((r) => !r.optional);
  const optional = absent.filter((r) => r.optional);
  const none: InstallPlan = { architectures: [], required: [], optional: [] };
  if (absent.length === 0) return none;

  const apt = usesApt(parseOsRelease(facts.osRelease));
  let why: string | undefined;
  if (!apt) why = `this machine is not Debian or Ubuntu (${osName(facts.osRelease)}), where static-thttpd installs them itself with apt-get`;
  else if (!facts.hasAptGet) why = 'this Debian/Ubuntu machine has no apt-get on PATH to install them with';
  else if (!facts.isRoot && !facts.hasSudo) why = 'installing them needs root, and this runs as a user without sudo';
  if (why) {
    if (required.length === 0) return none;
    throw new Failure(
      `missing build tools: ${describeMissing(required)}: expected them on PATH, found them missing, and ${why}. Install them yourself (packages: ${packagesOf(required).join(' ')}), then run again`,
    );
  }

  const foreign = absent.map((r) => r.apt.split(':')[1]).filter((a): a is Arch => (a === 'amd64' || a === 'arm64') && a !== facts.arch);
  return { architectures: [...new Set(foreign)], required: packagesOf(required), optional: packagesOf(optional) };
}

/**
 * The command line that runs args as root. sudo's env_reset drops DEBIAN_FRONTEND from
 * its own environment, so it goes inside, through env, where apt-get sees it.
 */
export function asRoot(args: string[], isRoot: boolean): string[] {
  return [...(isRoot ? [] : ['sudo', '-n']), 'env', 'DEBIAN_FRONTEND=noninteractive', ...args];
}

/** The apt-get commands that install these packages. */
export function aptInstallCommands(packages: string[]): string[][] {
  return [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
  ];
}

class Apt {
  constructor(
    private readonly system: HostSystem,
    private readonly log: Logger,
  ) {}

  private async asRoot(args: string[], input?: string): Promise<void> {
    const [command, ...rest] = asRoot(args, this.system.isRoot) as [string, ...string[]];
    const ran = await runTool(command, rest, { env: this.system.env, input });
    if (ran.code !== 0) {
      const sudo = this.system.isRoot ? '' : ' (not root: sudo -n must work without a password)';
      throw new Failure(
        `"${args.join(' ')}" failed (exit ${ran.code}) while installing the build tools; expected it to succeed${sudo}. Check the network and the package sources, or install the tools yourself. Its output:\n${tail(ran.lines, 15)}`,
      );
    }
  }

  async addArchitecture(arch: Arch): Promise<void> {
    const foreign = await runTool('dpkg', ['--print-foreign-architectures'], { env: this.system.env });
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
    for (const command of aptInstallCommands(packages)) await this.asRoot(command);
  }
}

/** Refuses early, before anything slow, when required tools are missing and cannot be installed here. */
export async function checkRequirements(requirements: Requirement[], system: HostSystem): Promise<void> {
  planInstall(await missingRequirements(requirements, system.env), await readInstallFacts(system));
}

/** Installs what is missing; optional things that cannot be installed only warn. */
export async function ensureRequirements(requirements: Requirement[], system: HostSystem, log: Logger): Promise<void> {
  const plan = planInstall(await missingRequirements(requirements, system.env), await readInstallFacts(system));
  if (plan.required.length === 0 && plan.optional.length === 0) return;
  const apt = new Apt(system, log);
  for (const arch of plan.architectures) await apt.addArchitecture(arch);
  if (plan.required.length) await apt.install(plan.required);
  if (plan.optional.length) await apt.install(plan.optional).catch((error: Error) => log.warning(error.message));
  const still = (await missingRequirements(requirements, system.env)).filter((r) => !r.optional);
  if (still.length) {
    throw new Failure(
      `apt-get installed ${plan.required.join(' ')}, but these are still missing: ${describeMissing(still)}. Expected them on PATH (${system.env.PATH ?? ''}) afterwards: check that PATH includes where the packages put them`,
    );
  }
}
