// The action's entry: inputs into Settings, the report back into outputs, a job summary
// and, on failure, one error annotation.
import * as cache from '@actions/cache';
import * as core from '@actions/core';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Failure } from './failure.js';
import { commitEpoch, headSha } from './git.js';
import { plainEnv, readHostSystem } from './host.js';
import { JsonFileBlobLocations } from './registry/blob-locations.js';
import { binariesJson, platformsJson, resultJson, summaryMarkdown } from './report.js';
import { run } from './run.js';
import { INPUT_NAMES, parseSettings, type Inputs } from './settings.js';
import type { SourceCache } from './source/cache.js';

/** GitHub's cache keeps a file under a fixed path, so the path must be the same in every run. */
const githubCache: SourceCache = {
  async restore(key, path) {
    return (await cache.restoreCache([path], key)) !== undefined;
  },
  async save(key, path) {
    await cache.saveCache([path], key);
  },
};

const noCache: SourceCache = { restore: async () => false, save: async () => undefined };

async function main(): Promise<void> {
  const env = plainEnv(process.env);
  const inputs: Inputs = Object.fromEntries(INPUT_NAMES.map((name) => [name, core.getInput(name)]));
  for (const secret of [inputs.password, inputs['github-token']]) if (secret) core.setSecret(secret);

  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const settings = parseSettings(
    inputs,
    {
      cwd: workspace,
      sourceDateEpoch: env.SOURCE_DATE_EPOCH,
      commitEpoch: await commitEpoch(workspace),
      ref: env.GITHUB_REF,
      sha: env.GITHUB_SHA || (await headSha(workspace)),
      repositoryUrl: env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}` : undefined,
      now: new Date(),
    },
    (name) => `input "${name}"`,
  );

  const temp = env.RUNNER_TEMP ?? tmpdir();
  const workDir = join(temp, 'static-thttpd');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const log = { info: (m: string) => core.info(m), warning: (m: string) => core.warning(m) };

  const report = await run(settings, {
    log,
    cache: cache.isFeatureAvailable() ? githubCache : noCache,
    system: await readHostSystem(env),
    workDir,
    scratchDir: tmpdir(),
    mask: (secret) => core.setSecret(secret),
    githubActor: env.GITHUB_ACTOR,
    blobLocations: new JsonFileBlobLocations(join(temp, 'static-thttpd-blob-locations.json')),
  });

  core.setOutput('version', settings.version);
  core.setOutput('binaries', JSON.stringify(binariesJson(report)));
  core.setOutput('digest', report.digest);
  core.setOutput('image', settings.image);
  core.setOutput('tags', report.references.join('\n'));
  core.setOutput('platforms', JSON.stringify(platformsJson(report)));
  core.setOutput('sizes', JSON.stringify(report.sizes));
  core.setOutput('json', JSON.stringify(resultJson(settings, report)));
  core.setOutput('archive', report.archive ?? '');
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(settings, report)).write();
}

main().catch((error: unknown) => {
  core.setFailed(error instanceof Failure ? error.message : ((error as Error).stack ?? String(error)));
});
