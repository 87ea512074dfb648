// Ubuntu serves amd64 from archive.ubuntu.com and arm64 from ports.ubuntu.com, so adding
// a foreign architecture needs a source for it and the existing sources pinned to the
// host's own architecture (else `apt-get update` fails on 404s). Debian's mirrors serve
// every architecture and need neither. Pure text edits, unit-tested.
import type { Arch } from './toolchain.js';

const UBUNTU_MIRROR: Record<Arch, { main: string; security: string }> = {
  amd64: { main: 'http://archive.ubuntu.com/ubuntu', security: 'http://security.ubuntu.com/ubuntu' },
  arm64: { main: 'http://ports.ubuntu.com/ubuntu-ports', security: 'http://ports.ubuntu.com/ubuntu-ports' },
};

export interface OsRelease {
  id: string;
  idLike: string[];
  codename: string;
}

export function parseOsRelease(text: string): OsRelease {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=("?)(.*)\2$/.exec(line.trim());
    if (match?.[1]) values.set(match[1], match[3] ?? '');
  }
  return {
    id: values.get('ID') ?? '',
    idLike: (values.get('ID_LIKE') ?? '').split(/\s+/).filter(Boolean),
    codename: values.get('VERSION_CODENAME') ?? values.get('UBUNTU_CODENAME') ?? '',
  };
}

export function usesApt(os: OsRelease): boolean {
  return [os.id, ...os.idLike].some((id) => id === 'debian' || id === 'ubuntu');
}

/** deb822 stanzas (ubuntu.sources) get `Architectures:`; one-line entries get `[arch=...]`. */
export function pinToArch(text: string, arch: Arch, deb822: boolean): string {
  if (deb822) {
    return text
      .split(/\n\s*\n/)
      .map((stanza) => (/^Types:/m.test(stanza) && !/^Architectures:/m.test(stanza) ? `${stanza.replace(/\s+$/, '')}\nArchitectures: ${arch}` : stanza))
      .join('\n\n')
      .replace(/\n*$/, '\n');
  }
  return text
    .replace(/^(\s*deb(?:-src)?)\s+\[(?![^\]]*\barch=)/gm, `$1 [arch=${arch} `)
    .replace(/^(\s*deb(?:-src)?)\s+(?!\[)/gm, `$1 [arch=${arch}] `);
}

export function foreignUbuntuSource(arch: Arch, codename: string): string {
  const mirror = UBUNTU_MIRROR[arch];
  return [
    'Types: deb',
    `URIs: ${mirror.main}`,
    `Suites: ${codename} ${codename}-updates`,
    'Components: main universe',
    `Architectures: ${arch}`,
    'Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg',
    '',
    'Types: deb',
    `URIs: ${mirror.security}`,
    `Suites: ${codename}-security`,
    'Components: main universe',
    `Architectures: ${arch}`,
    'Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg',
    '',
  ].join('\n');
}
