// thttpd's releases and the SHA-256 of each tarball, as recorded by distributions
// (see FACTS.md). 2.26 was never recorded anywhere we trust, so it has no checksum:
// a user building it must pass one.

export interface Release {
  version: string;
  /** The date thttpd's version.h carries, as `thttpd -V` prints it. */
  date: string;
  sha256?: string;
  bytes?: number;
}

export const RELEASES: readonly Release[] = [
  { version: '2.25b', date: '29dec2003', sha256: '07719b08b1cff6a21c08697a7bcb4395425b07ee753106262fb62a03a7d32360', bytes: 132275 },
  { version: '2.26', date: '14aug2014' },
  { version: '2.27', date: '19Oct2015', sha256: 'b1c4bc37ada7c39cc2bcfbf86b3bc05be91be49f8bb4f55379eaff1f66516d7a', bytes: 134005 },
  { version: '2.28', date: '04Feb2018', sha256: '8552f929d4ede26cb193411c1208168e169dda24ee9eb1da8f8da4f4f8e10328', bytes: 135754 },
  { version: '2.29', date: '23May2018', sha256: '99c09f47da326b1e7b5295c45549d2b65534dce27c44812cf7eef1441681a397', bytes: 133967 },
];

export const NEWEST_RELEASE = '2.29';

export function findRelease(version: string): Release | undefined {
  return RELEASES.find((r) => r.version === version);
}

export function releaseUrl(version: string): string {
  return `https://acme.com/software/thttpd/thttpd-${version}.tar.gz`;
}
