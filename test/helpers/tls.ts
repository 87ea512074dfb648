// A throwaway certificate authority and a server certificate for 127.0.0.1 and localhost,
// made with the openssl command line so the tests trust nothing but what they created.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestTls {
  dir: string;
  /** PEM of the CA: what a client must trust (NODE_EXTRA_CA_CERTS, skopeo --cert-dir). */
  caFile: string;
  /** The CA's key and self-signed certificate can also sign other things (JWTs, in tests). */
  caKeyFile: string;
  certFile: string;
  keyFile: string;
  /** A folder holding only `ca.crt`, in the layout skopeo's --cert-dir expects. */
  certDir: string;
  remove(): void;
}

function openssl(cwd: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function makeTls(commonName = 'static-thttpd test CA'): TestTls {
  const dir = mkdtempSync(join(tmpdir(), 'thttpd-tls-'));
  // A CA needs basicConstraints CA:TRUE, or Go's verifier (the registry, skopeo) refuses it.
  writeFileSync(
    join(dir, 'ca.ext'),
    ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature', 'subjectKeyIdentifier=hash'].join('\n'),
  );
  // Modern verifiers (Go, Node) ignore the CN: the names must be subjectAltNames.
  writeFileSync(
    join(dir, 'server.ext'),
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost,IP:::1',
    ].join('\n'),
  );
  openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt',
    '-days', '2', '-subj', `/CN=${commonName}`, '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature');
  openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  openssl(dir, 'x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext');
  const certDir = join(dir, 'certs.d');
  execFileSync('mkdir', ['-p', certDir]);
  writeFileSync(join(certDir, 'ca.crt'), readFileSync(join(dir, 'ca.crt')));
  return {
    dir,
    caFile: join(dir, 'ca.crt'),
    caKeyFile: join(dir, 'ca.key'),
    certFile: join(dir, 'server.crt'),
    keyFile: join(dir, 'server.key'),
    certDir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
