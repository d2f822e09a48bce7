// The `staging-action` CLI (package.json's bin, from dist/) run from a laptop's shell: flags for
// inputs, tokens from the environment, the report printed as text.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { monitorSlug } from '../../src/io/sentry.js';
import {
  DATASET_ID,
  IMAGE_REPOSITORY,
  STAGE_BRANCH,
  STAGED_NAMES as NAMES
} from '../helpers/dataset-fixture.js';
import {
  REPOSITORY,
  SENTRY_TOKEN,
  WRITE_TOKEN,
  startSandbox,
  type Sandbox
} from '../helpers/deploy-harness.js';
import { cliEntry, ROOT, runnerFiles, spawnNode, type RunnerFiles } from '../helpers/run-action.js';

let sandbox: Sandbox;
let files: RunnerFiles;
let kubeconfigFile: string;
let mainCheckout: string;
beforeAll(async () => {
  [sandbox, files] = await Promise.all([startSandbox(), runnerFiles()]);
  kubeconfigFile = path.join(files.dir, 'kubeconfig');
  await writeFile(kubeconfigFile, sandbox.kubeconfig);
  mainCheckout = await sandbox.repo.checkout({ ref: 'main', depth: 1 });
});
afterAll(async () => Promise.all([sandbox.close(), files.cleanup()]));
beforeEach(async () => sandbox.reset());

/** A laptop's shell: tokens exported, no GitHub Actions variables. */
function shellEnv(): Record<string, string> {
  return {
    GITHUB_TOKEN: WRITE_TOKEN,
    SENTRY_AUTH_TOKEN: SENTRY_TOKEN,
    GITHUB_API_URL: sandbox.github.url,
    GITHUB_REPOSITORY: REPOSITORY
  };
}

function cli(
  args: string[],
  cwd = mainCheckout,
  env: Record<string, string> = {}
): ReturnType<typeof spawnNode> {
  // An empty value removes the variable: the shell did not export it.
  const merged = Object.entries({ ...shellEnv(), ...env }).filter(([, value]) => value !== '');
  return spawnNode([cliEntry(), ...args], { cwd, env: Object.fromEntries(merged) });
}

describe('staging-action cleanup-staging', () => {
  it('removes a staged version and prints the summary', async () => {
    await sandbox.deploy();
    for (const name of NAMES) sandbox.sentry.addMonitor(monitorSlug(name));

    const run = await cli([
      'cleanup-staging',
      '--dataset-id',
      DATASET_ID,
      '--version',
      '0.3.0',
      '--kubeconfig',
      kubeconfigFile,
      '--sentry-org',
      'acme',
      '--sentry-url',
      sandbox.sentry.url
    ]);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(sandbox.names()).toEqual([]);
    expect(sandbox.sentry.monitors).toEqual([]);
    expect(await sandbox.branchExists()).toBe(false);
    // Workflow commands become plain lines on a terminal.
    expect(run.stdout).not.toMatch(/^::/m);
    expect(run.stdout).toContain('Cleaned up noaa-gfs-forecast 0.3.0: 7 deleted, 0 already gone');
    expect(run.stdout).toMatch(/^CronJob +staging-noaa-gfs-forecast-v0-3-0-update +deleted$/m);
    expect(run.stdout).toMatch(
      /^Sentry monitor +staging-noaa-gfs-forecast-v0-3-0-archive-grib-file +deleted$/m
    );
    expect(run.stdout).toMatch(/^Branch +stage\/noaa-gfs-forecast\/v0\.3\.0 +deleted$/m);
    expect(run.stdout).toContain(
      "aws s3 rm --recursive 's3://bucket/datasets/noaa-gfs-forecast/v0.3.0.zarr'"
    );
  });

  it('works from a subdirectory of the checkout, with the Sentry org from SENTRY_ORG', async () => {
    await sandbox.deploy();
    const flags = ['--dataset-id', DATASET_ID, '--version', '0.3.0', '--dry-run'];

    const run = await cli(
      ['cleanup', ...flags, '--kubeconfig', kubeconfigFile, '--sentry-url', sandbox.sentry.url],
      path.join(mainCheckout, 'deploy', DATASET_ID),
      { SENTRY_ORG: 'acme' }
    );

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The config at the repository root was found: its namespace, names and store.
    expect(run.stdout).toContain('Namespace: datasets');
    for (const name of NAMES) {
      expect(run.stdout).toMatch(new RegExp(`^CronJob +${name} +would delete$`, 'm'));
      expect(run.stdout).toMatch(
        new RegExp(`^Sentry monitor +${monitorSlug(name)} +would delete$`, 'm')
      );
    }
    expect(sandbox.names()).toEqual(NAMES);
  });

  it('with SENTRY_AUTH_TOKEN exported but no org, says how to proceed and does nothing', async () => {
    sandbox.kube.requests.length = 0;
    const run = await cli(['cleanup', '--dataset-id', DATASET_ID, '--version', '0.3.0']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'pass --sentry-org (or set SENTRY_ORG), or unset SENTRY_AUTH_TOKEN'
    );
    expect(sandbox.kube.requests).toEqual([]);
    expect(await sandbox.branchExists()).toBe(true);
  });
});

describe('staging-action deploy-staging', () => {
  it('stages the version from a full checkout of the stage branch, with no GitHub token', async () => {
    const checkout = await sandbox.repo.checkout({ ref: STAGE_BRANCH, depth: 0 });
    const image = `${IMAGE_REPOSITORY}:${sandbox.repo.stageSha}`;

    const run = await cli(
      [
        'deploy-staging',
        '--dataset-id',
        DATASET_ID,
        '--version',
        '0.3.0',
        '--docker-image',
        image,
        '--kubeconfig',
        kubeconfigFile,
        '--json'
      ],
      checkout,
      // deploy reads git and the cluster, never the GitHub API.
      { GITHUB_TOKEN: '', SENTRY_AUTH_TOKEN: '' }
    );

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(sandbox.names()).toEqual(NAMES);
    expect(run.stdout).toMatch(
      new RegExp(`^${NAMES[1]} +${DATASET_ID}-update +update +15 \\*/6 \\* \\* \\* +created$`, 'm')
    );
    expect(run.stdout).toContain(`Image: ${image}`);
    expect(run.stdout).toContain(
      'staging-action cleanup --dataset-id noaa-gfs-forecast --version 0.3.0'
    );
    const json = run.stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(json)).toMatchObject({
      'store-path': 's3://bucket/datasets/noaa-gfs-forecast/v0.3.0.zarr'
    });
  });
});

describe('staging-action cleanup without a token', () => {
  it('names where a token comes from and deletes nothing', async () => {
    await sandbox.deploy();
    sandbox.kube.requests.length = 0;

    const run = await cli(
      ['cleanup', '--dataset-id', DATASET_ID, '--version', '0.3.0', '--kubeconfig', kubeconfigFile],
      mainCheckout,
      { GITHUB_TOKEN: '', SENTRY_AUTH_TOKEN: '' }
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'staging-action: cleanup uses the GitHub API and no token is set: export GITHUB_TOKEN or ' +
        'GH_TOKEN (with the GitHub CLI: export GITHUB_TOKEN=$(gh auth token)).\n'
    );
    expect(run.stdout).toBe('');
    expect(sandbox.kube.requests).toEqual([]);
    expect(sandbox.names()).toEqual(NAMES);
    expect(await sandbox.branchExists()).toBe(true);
  });
});

describe('usage', () => {
  it("--tool-version prints the bundle's own version", async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    // Away from the checkout: the version is in the bundle, not read from a package.json.
    const run = await cli(['--tool-version'], files.dir);
    expect(run).toEqual({ code: 0, stdout: `staging-action ${pkg.version}\n`, stderr: '' });
  });

  it('--help prints the usage', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: staging-action <mode> \[flags\]/);
    expect(run.stdout).toContain('cleanup (cleanup-staging)');
  });

  it('an unknown flag exits 1 with a message on stderr and does nothing', async () => {
    await sandbox.deploy();
    sandbox.kube.requests.length = 0;

    const run = await cli(['cleanup', '--dataset-id', DATASET_ID, '--version', '0.3.0', '--force']);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "staging-action: Unknown option '--force'. See staging-action --help for the flags.\n"
    );
    expect(run.stdout).toBe('');
    expect(sandbox.kube.requests).toEqual([]);
    expect(await sandbox.branchExists()).toBe(true);
  });
});
