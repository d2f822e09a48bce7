// The bundled action (dist/index.js) and the CLI in status, trigger and sweep modes, on three
// staged versions of two datasets: one live, one orphaned (branch deleted), one promoted.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  COMMAND_DATASET_ID,
  DATASET_ID,
  NAMESPACE,
  STAGE_BRANCH,
  STAGED_NAMES
} from '../helpers/dataset-fixture.js';
import { REPOSITORY, WRITE_TOKEN, startSandbox, type Sandbox } from '../helpers/deploy-harness.js';
import {
  ORPHAN_BRANCH,
  ORPHAN_NAMES,
  PROMOTED_BRANCH,
  PROMOTED_NAMES,
  stageThree
} from '../helpers/lifecycle-fixture.js';
import {
  cliEntry,
  exampleWorkflow,
  readmeWorkflow,
  runAction,
  runnerFiles,
  spawnNode,
  stepInputs,
  type RunnerFiles
} from '../helpers/run-action.js';

let sandbox: Sandbox;
let files: RunnerFiles;
let kubeconfigFile: string;
let checkout: string;
beforeAll(async () => {
  [sandbox, files] = await Promise.all([startSandbox(), runnerFiles()]);
  kubeconfigFile = path.join(files.dir, 'kubeconfig');
  await writeFile(kubeconfigFile, sandbox.kubeconfig);
  await stageThree(sandbox);
  // A push to main (or the schedule): actions/checkout's defaults check out main at depth 1.
  checkout = await sandbox.repo.checkout({ ref: 'main', depth: 1 });
}, 120_000);
afterAll(async () => Promise.all([sandbox.close(), files.cleanup()]));

function runnerEnv(): Record<string, string> {
  return {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_WORKSPACE: checkout,
    GITHUB_API_URL: sandbox.github.url,
    GITHUB_SERVER_URL: sandbox.github.url,
    GITHUB_RUN_ID: '7008'
  };
}

function inputs(mode: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...stepInputs(exampleWorkflow('sweep-staged.yml'), {
      'github.token': WRITE_TOKEN,
      'secrets.STAGING_KUBECONFIG': sandbox.kubeconfig,
      'secrets.SENTRY_AUTH_TOKEN': ''
    }),
    mode,
    ...extra
  };
}

function cli(args: string[]): ReturnType<typeof spawnNode> {
  return spawnNode([cliEntry(), ...args, '--kubeconfig', kubeconfigFile], {
    cwd: checkout,
    env: {
      GITHUB_TOKEN: WRITE_TOKEN,
      GITHUB_API_URL: sandbox.github.url,
      GITHUB_REPOSITORY: REPOSITORY
    }
  });
}

const jobNames = (): string[] =>
  sandbox.jobs.jobs(NAMESPACE).map(j => (j.metadata as { name: string }).name);

/** Finishes the first Job that appears after `before`, as the cluster's controller would. */
async function whenCreated(before: string[], finish: (name: string) => void): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const created = jobNames().filter(n => !before.includes(n));
    if (created.length > 0) {
      for (const name of created) finish(name);
      return;
    }
    await sleep(25);
  }
}

it("the README's sweep workflow is docs/examples/sweep-staged.yml", () => {
  expect(readmeWorkflow('sweep-workflow')).toBe(exampleWorkflow('sweep-staged.yml'));
});

describe('status', () => {
  it('node dist/index.js reports each version, changes nothing', async () => {
    const run = await runAction(files, inputs('status'), runnerEnv());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(sandbox.writes()).toEqual([]);
    const staged = JSON.parse(run.outputs.staged ?? '') as Array<Record<string, unknown>>;
    expect(staged.map(v => [v.datasetId, v.version, v.branchExists, v.promoted])).toEqual([
      [COMMAND_DATASET_ID, '0.3.0', true, true],
      [DATASET_ID, '0.3.0', true, false],
      [DATASET_ID, '0.4.0', false, false]
    ]);
    expect(run.summary).toContain(`3 staged version(s) of 2 dataset(s) in namespace ${NAMESPACE}`);
    expect(run.summary).toContain(`<code>${STAGED_NAMES[1]}</code>`);
  });

  it('the CLI prints the text table', async () => {
    const run = await cli(['status']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${DATASET_ID} 0.4.0: branch gone; not promoted (main has 0.2.0)`);
    expect(run.stdout).toContain(
      `${COMMAND_DATASET_ID} 0.3.0: branch exists; promoted (main has 0.3.0)`
    );
    expect(run.stdout).toMatch(/CronJob\s+Kind\s+Schedule\s+Suspended\s+Last schedule/);
  });
});

describe('trigger', () => {
  const target = { 'dataset-id': DATASET_ID, version: '0.3.0' };

  it('without wait: starts a Job per CronJob and ends', async () => {
    const before = jobNames();
    const run = await runAction(files, inputs('trigger', target), runnerEnv());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const created = jobNames().filter(n => !before.includes(n));
    expect(created).toHaveLength(3);
    expect(
      (JSON.parse(run.outputs.jobs ?? '') as Array<{ outcome: string }>).map(j => j.outcome)
    ).toEqual(['created', 'created', 'created']);
  });

  it('with wait: a Job that succeeds', async () => {
    const before = jobNames();
    const [run] = await Promise.all([
      runAction(files, inputs('trigger', { ...target, kind: 'update', wait: '2m' }), runnerEnv()),
      whenCreated(before, name => sandbox.jobs.succeed(NAMESPACE, name))
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.jobs ?? '')).toEqual([
      expect.objectContaining({ cronJob: STAGED_NAMES[1], outcome: 'succeeded' })
    ]);
  });

  it('with wait: a Job that fails fails the step, with the reasons, after the summary', async () => {
    const before = jobNames();
    const [run] = await Promise.all([
      runAction(files, inputs('trigger', { ...target, kind: 'validate', wait: '2m' }), runnerEnv()),
      whenCreated(before, name =>
        sandbox.jobs.fail(NAMESPACE, name, { exitCode: 3, reason: 'Error', message: '12 NaNs' })
      )
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::1 Job\(s\) of noaa-gfs-forecast 0.3.0 failed/);
    expect(run.summary).toContain('exited 3 (Error): 12 NaNs');
    expect(JSON.parse(run.outputs.jobs ?? '')).toEqual([
      expect.objectContaining({ kind: 'validate', outcome: 'failed' })
    ]);
  });

  it('with wait: a Job still running when the time runs out fails the step (CLI)', async () => {
    const run = await cli([
      'trigger',
      '--dataset-id',
      DATASET_ID,
      '--version',
      '0.3.0',
      '--kind',
      'update',
      '--wait',
      '1s',
      '--json'
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/0 Job\(s\) of noaa-gfs-forecast 0.3.0 failed and 1 timed out/);
    expect(run.stdout).toContain('timed out');
    expect(run.stdout).toContain('kubectl --namespace datasets logs --follow job/');
  });

  it('bad input: an unknown kind, nothing staged (naming the namespace), a malformed wait', async () => {
    const before = jobNames();
    const kind = await cli([
      'trigger',
      '--dataset-id',
      DATASET_ID,
      '--version',
      '0.3.0',
      '--kind',
      'archive'
    ]);
    expect(kind.code).toBe(1);
    expect(kind.stderr).toContain(
      `has no staged CronJob of kind "archive" in namespace ${NAMESPACE}; its kinds: archive-grib-files, update, validate.`
    );
    const none = await cli(['trigger', '--dataset-id', DATASET_ID, '--version', '0.9.0']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      `No staged CronJobs of ${DATASET_ID} 0.9.0 in namespace ${NAMESPACE}.`
    );
    const wait = await runAction(files, inputs('trigger', { ...target, wait: '30' }), runnerEnv());
    expect(wait.code).toBe(1);
    expect(wait.stdout).toContain(
      "::error::Invalid duration '30' for input 'wait': it has no unit."
    );
    const age = await cli(['sweep', '--max-age', '1 week']);
    expect(age.code).toBe(1);
    expect(age.stderr).toContain("Invalid duration '1 week' for input 'max-age'");
    expect(jobNames()).toEqual(before);
  });
});

describe('sweep', () => {
  it('--dry-run changes nothing; then removes exactly the orphaned and promoted; then is a no-op', async () => {
    sandbox.kube.requests.length = 0;
    const dry = await cli(['sweep', '--dry-run', '--json']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(sandbox.writes()).toEqual([]);
    expect(dry.stdout).toContain(
      'Dry run: would clean up 2 of 3 staged version(s); nothing deleted'
    );

    const run = await runAction(files, inputs('sweep'), runnerEnv());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(sandbox.names()).toEqual(STAGED_NAMES);
    expect(sandbox.names()).not.toEqual(
      expect.arrayContaining([...ORPHAN_NAMES, ...PROMOTED_NAMES])
    );
    expect(await sandbox.branchExists(PROMOTED_BRANCH)).toBe(false);
    expect(await sandbox.branchExists(ORPHAN_BRANCH)).toBe(false);
    expect(await sandbox.branchExists(STAGE_BRANCH)).toBe(true);
    expect(
      (JSON.parse(run.outputs.staged ?? '') as Array<Record<string, string>>).map(s => [
        s.version,
        s.verdict,
        s.action
      ])
    ).toEqual([
      ['0.3.0', 'promoted', 'cleaned up'],
      ['0.3.0', 'live', 'kept'],
      ['0.4.0', 'orphaned', 'cleaned up']
    ]);
    expect(run.summary).toContain('Cleaned up 2 of 3 staged version(s)');

    sandbox.kube.requests.length = 0;
    const again = await runAction(files, inputs('sweep'), runnerEnv());
    expect(again.code).toBe(0);
    expect(sandbox.writes()).toEqual([]);
    expect(again.summary).toContain('Cleaned up 0 of 1 staged version(s)');
  });
});
