// The bundled action (dist/index.js) on a repository whose datasets come from one catalog command:
// the README's deploy workflow stages a dataset with abbreviated production names and store
// replicas, the cleanup workflow removes it, and a failing command applies nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readdir } from 'node:fs/promises';
import {
  CATALOG_CONFIG,
  CATALOG_SCRIPT,
  catalogConfig,
  catalogScript,
  GEFS,
  registry
} from '../helpers/catalog-fixture.js';
import { REPOSITORY, WRITE_TOKEN, startSandbox, type Sandbox } from '../helpers/deploy-harness.js';
import {
  exampleWorkflow,
  runAction,
  runnerFiles,
  stepInputs,
  summaryAsText,
  type RunnerFiles
} from '../helpers/run-action.js';

const BRANCH = `stage/${GEFS}/v0.2.0`;
const NAMES = [
  'staging-noaa-gefs-analysis-v0-2-0-update',
  'staging-noaa-gefs-analysis-v0-2-0-validate'
];
const STORES = [
  's3://dynamical-noaa-gefs/noaa-gefs-analysis/v0.2.0.icechunk',
  'gs://dynamical-replica/noaa-gefs-analysis/v0.2.0.icechunk'
];

let sandbox: Sandbox;
let files: RunnerFiles;
beforeAll(async () => {
  [sandbox, files] = await Promise.all([startSandbox(), runnerFiles()]);
  await sandbox.repo.commit('main', {
    [CATALOG_CONFIG]: catalogConfig(),
    [CATALOG_SCRIPT]: catalogScript(registry('0.1.0'))
  });
});
afterAll(async () => Promise.all([sandbox.close(), files.cleanup()]));
beforeEach(async () => sandbox.reset());

/** A push of `script` to BRANCH, as the README's deploy workflow sees it (fetch-depth: 0). */
async function push(script: string) {
  const sha = await sandbox.repo.commit(BRANCH, { [CATALOG_SCRIPT]: script });
  const checkout = await sandbox.repo.checkout({ ref: BRANCH, depth: 0 });
  const inputs = {
    ...stepInputs(exampleWorkflow('stage-dataset.yml'), {
      'github.token': WRITE_TOKEN,
      'secrets.STAGING_KUBECONFIG': sandbox.kubeconfig
    }),
    config: CATALOG_CONFIG
  };
  const env = {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: await files.event({
      ref: `refs/heads/${BRANCH}`,
      after: sha,
      repository: { full_name: REPOSITORY, default_branch: 'main' }
    }),
    GITHUB_REF: `refs/heads/${BRANCH}`,
    GITHUB_SHA: sha,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_WORKSPACE: checkout,
    GITHUB_API_URL: sandbox.github.url,
    GITHUB_SERVER_URL: sandbox.github.url,
    // Workflows often export the token too: the catalog script exits 3 if it sees it.
    GITHUB_TOKEN: WRITE_TOKEN
  };
  return runAction(files, inputs, env);
}

/** No temporary worktree left in RUNNER_TEMP. */
async function worktreesLeft(): Promise<string[]> {
  return (await readdir(files.dir)).filter(name => name.startsWith('staging-catalog-'));
}

describe('node dist/index.js with a catalog-command', () => {
  it('deploys from the catalog, then the cleanup workflow removes it and prints every store', async () => {
    const deploy = await push(catalogScript(registry('0.2.0')));

    expect(deploy.stderr).toBe('');
    expect(deploy.code).toBe(0);
    expect(sandbox.names()).toEqual(NAMES);
    expect(JSON.parse(deploy.outputs['store-paths'] ?? '')).toEqual(STORES);
    const deployed = summaryAsText(deploy.summary);
    expect(deployed).toContain(`aws s3 rm --recursive '${STORES[0]}'`);
    expect(deployed).toContain(`gcloud storage rm --recursive '${STORES[1]}'`);
    expect(await worktreesLeft()).toEqual([]);

    await sandbox.repo.origin.deleteRef(`refs/heads/${BRANCH}`);
    const main = await sandbox.repo.checkout({ ref: 'main', depth: 1 });
    const cleanup = await runAction(
      files,
      {
        ...stepInputs(exampleWorkflow('cleanup-dataset.yml'), {
          'github.token': WRITE_TOKEN,
          'secrets.STAGING_KUBECONFIG': sandbox.kubeconfig,
          'secrets.SENTRY_AUTH_TOKEN': ''
        }),
        config: CATALOG_CONFIG
      },
      {
        GITHUB_EVENT_NAME: 'delete',
        GITHUB_EVENT_PATH: await files.event({
          ref: BRANCH,
          ref_type: 'branch',
          repository: { full_name: REPOSITORY, default_branch: 'main' }
        }),
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_WORKSPACE: main,
        GITHUB_API_URL: sandbox.github.url,
        GITHUB_SERVER_URL: sandbox.github.url
      }
    );

    expect(cleanup.stderr).toBe('');
    expect(cleanup.code).toBe(0);
    expect(sandbox.names()).toEqual([]);
    expect(JSON.parse(cleanup.outputs['store-paths'] ?? '')).toEqual(STORES);
    const cleaned = summaryAsText(cleanup.summary);
    expect(cleaned).toContain(`aws s3 rm --recursive '${STORES[0]}'`);
    expect(cleaned).toContain(`gcloud storage rm --recursive '${STORES[1]}'`);
  });

  it('fails the step with the end of stderr when the command fails, and applies nothing', async () => {
    const run = await push(
      "process.stderr.write('ModuleNotFoundError: No module named reformatters\\n'); process.exit(1);\n"
    );

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`^::error::catalog-command 'node ${CATALOG_SCRIPT}' failed \\(exit 1\\)`, 'm')
    );
    expect(run.stdout).toContain('ModuleNotFoundError: No module named reformatters');
    expect(sandbox.writes()).toEqual([]);
    expect(sandbox.names()).toEqual([]);
  });
});
