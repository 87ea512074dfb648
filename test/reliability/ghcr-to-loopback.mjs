// Preloaded (`node --import`) into the action under test by secrets.test.ts: every connection
// to ghcr.io:443 goes to 127.0.0.1:GHCR_LOOPBACK_PORT instead, still as TLS for the name
// ghcr.io (SNI and certificate check against NODE_EXTRA_CA_CERTS). Node's global fetch honours
// undici's global dispatcher, so the action's own code path for ghcr.io, the one that sends
// the GitHub token, runs unchanged against a local registry. Other hosts are left alone.
import { Agent, buildConnector, setGlobalDispatcher } from 'undici';

const port = process.env.GHCR_LOOPBACK_PORT ?? '';
if (!/^[1-9][0-9]*$/.test(port)) throw new Error(`GHCR_LOOPBACK_PORT must name the local port standing in for ghcr.io:443, found "${port}"`);

const connect = buildConnector({});
setGlobalDispatcher(
  new Agent({
    connect(options, callback) {
      const toGhcr = options.hostname === 'ghcr.io' && options.protocol === 'https:' && (options.port === '' || String(options.port) === '443');
      return connect(toGhcr ? { ...options, hostname: '127.0.0.1', port, servername: 'ghcr.io' } : options, callback);
    },
  }),
);
