// Writes a thttpd-shaped test tarball (our own small server, see DEVELOPERS.md) and prints
// the command that builds it, for machines that cannot download thttpd itself.
import { resolve } from 'node:path';
import { makeFixtureTarball } from '../test/helpers/fixture.js';

const dir = resolve(process.argv[2] ?? '.');
const tarball = await makeFixtureTarball({ dir });
process.stdout.write(`${tarball.path}\nnode dist/cli/index.js build --source ${tarball.path} --sha256 ${tarball.sha256} --output static-thttpd.tar\n`);
