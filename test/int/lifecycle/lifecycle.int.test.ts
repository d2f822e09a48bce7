// status, trigger and sweep against real git, the fake GitHub (GraphQL refs against GitHub's
// schema), the fake cluster (CronJobs, Jobs, pods) and the fake Sentry: three staged versions of
// two datasets, one live, one orphaned (its branch deleted), one promoted (main now carries it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { monitorSlug } from '../../../src/io/sentry.js';
import type { ModeReport } from '../../../src/mode.js';
import { plainText, renderText } from '../../../src/summary.js';
import {
  COMMAND_DATASET_ID,
  DATASET_ID,
  NAMESPACE,
  STAGE_BRANCH,
  STAGED_NAMES
} from '../../helpers/dataset-fixture.js';
import {
  SENTRY_ORG,
  SENTRY_TOKEN,
  startSandbox,
  type Sandbox
} from '../../helpers/deploy-harness.js';
import {
  ORPHAN_BRANCH,
  ORPHAN_NAMES,
  PROMOTED_BRANCH,
  PROMOTED_NAMES,
  stageThree as stageThreeIn
} from '../../helpers/lifecycle-fixture.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
}, 60_000);
afterAll(async () => sandbox.close());

const stageThree = (): Promise<void> => stageThreeIn(sandbox);

function rows(result: ModeReport, table = 0): string[][] {
  return result.report.tables[table]?.rows.map(r => r.map(plainText)) ?? [];
}

const SENTRY = (): Record<string, string> => ({
  'sentry-auth-token': SENTRY_TOKEN,
  'sentry-org': SENTRY_ORG,
  'sentry-url': sandbox.sentry.url
});

describe('status', () => {
  beforeAll(stageThree, 60_000);

  it('lists each staged version with its CronJobs, branch and promotion, and changes nothing', async () => {
    const live = STAGED_NAMES[1] ?? '';
    sandbox.kube.setCronJobStatus(NAMESPACE, live, {
      lastScheduleTime: '2025-01-10T06:15:00Z',
      lastSuccessfulTime: '2025-01-10T00:20:00Z',
      active: [{ kind: 'Job', name: `${live}-29000000`, namespace: NAMESPACE }]
    });
    const github = sandbox.github.requests.length;

    const { result } = await sandbox.lifecycle('status');

    expect(sandbox.writes()).toEqual([]);
    // One GraphQL request for every stage branch and the default branch.
    expect(sandbox.github.requests.slice(github).map(r => `${r.method} ${r.path}`)).toEqual([
      'POST /graphql'
    ]);
    const staged = JSON.parse(result.outputs.staged ?? '') as Array<Record<string, unknown>>;
    expect(
      staged.map(v => [v.datasetId, v.version, v.branchExists, v.promoted, v.defaultVersion])
    ).toEqual([
      [COMMAND_DATASET_ID, '0.3.0', true, true, '0.3.0'],
      [DATASET_ID, '0.3.0', true, false, '0.2.0'],
      [DATASET_ID, '0.4.0', false, false, '0.2.0']
    ]);
    const cronJobs = staged[1]?.cronJobs as Array<Record<string, unknown>>;
    expect(cronJobs.map(c => c.name)).toEqual(STAGED_NAMES);
    expect(cronJobs[1]).toMatchObject({
      kind: 'update',
      schedule: '15 */6 * * *',
      suspended: false,
      lastScheduleTime: '2025-01-10T06:15:00Z',
      lastSuccessfulTime: '2025-01-10T00:20:00Z',
      active: 1,
      latestJob: null,
      commit: sandbox.repo.stageSha,
      image: `ghcr.io/acme/pipelines:${sandbox.repo.stageSha}`
    });
    expect(typeof staged[1]?.deployedAt).toBe('string');
    expect(result.report.headline).toBe(
      `3 staged version(s) of 2 dataset(s) in namespace ${NAMESPACE}`
    );
    expect(
      result.report.tables.map(t => t.caption?.replace(/deployed .* ago$/, 'deployed …'))
    ).toEqual([
      `${COMMAND_DATASET_ID} 0.3.0: branch exists; promoted (main has 0.3.0); deployed …`,
      `${DATASET_ID} 0.3.0: branch exists; not promoted (main has 0.2.0); deployed …`,
      `${DATASET_ID} 0.4.0: branch gone; not promoted (main has 0.2.0); deployed …`
    ]);
    expect(rows(result, 1)[1]).toEqual([
      live,
      'update',
      '15 */6 * * *',
      'no',
      expect.stringMatching(/ ago$/),
      expect.stringMatching(/ ago$/),
      '1',
      'none',
      sandbox.repo.stageSha.slice(0, 7)
    ]);
  });

  it('says so, naming the namespace, when nothing is staged there', async () => {
    const { result } = await sandbox.lifecycle('status', { inputs: { namespace: 'elsewhere' } });
    expect(result.report.headline).toBe('Nothing staged in namespace elsewhere');
    expect(result.outputs.staged).toBe('[]');
  });
});

/** Names of the Jobs in the namespace. */
function jobNames(): string[] {
  return sandbox.jobs.jobs(NAMESPACE).map(j => (j.metadata as { name: string }).name);
}

/** Moves every Job created after `before` (a list of names) with `finish`. */
function finishNew(before: string[], finish: (name: string) => void): () => Promise<void> {
  return () => {
    for (const name of jobNames().filter(n => !before.includes(n))) finish(name);
    return Promise.resolve();
  };
}

describe('trigger', () => {
  beforeAll(stageThree, 60_000);
  const target = { 'dataset-id': DATASET_ID, version: '0.3.0' };

  it('creates a Job from each CronJob of the version, as kubectl create job --from does', async () => {
    const { result } = await sandbox.lifecycle('trigger', { inputs: target });

    const jobs = sandbox.jobs.jobs(NAMESPACE);
    expect(jobs).toHaveLength(3);
    const cronJobs = sandbox.cronJobs();
    for (const [i, name] of STAGED_NAMES.entries()) {
      const job = jobs[i] as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
      const cronJob = cronJobs.find(c => (c.metadata as { name: string }).name === name) as {
        metadata: { uid: string };
        spec: { jobTemplate: { spec: { template: { spec: unknown } } } };
      };
      expect(job.metadata.name).toMatch(
        new RegExp(`^${name.slice(0, 50).replace(/-$/, '')}-manual-[a-z0-9]{5}$`)
      );
      expect(job.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
      expect(job.metadata.ownerReferences).toEqual([
        expect.objectContaining({
          kind: 'CronJob',
          name,
          uid: cronJob.metadata.uid,
          controller: true
        })
      ]);
      expect(job.metadata.labels).toMatchObject({
        'staging-action/dataset': DATASET_ID,
        'staging-action/version': '0.3.0'
      });
      expect((job.spec.template as { spec: unknown }).spec).toEqual(
        cronJob.spec.jobTemplate.spec.template.spec
      );
    }
    expect(JSON.parse(result.outputs.jobs ?? '')).toEqual(
      jobs.map((j, i) => ({
        name: (j.metadata as { name: string }).name,
        cronJob: STAGED_NAMES[i],
        kind: ['archive-grib-files', 'update', 'validate'][i],
        outcome: 'created'
      }))
    );
    expect(result.failure).toBeUndefined();

    // Status then shows each CronJob's latest Job, running.
    const status = await sandbox.lifecycle('status');
    const staged = JSON.parse(status.result.outputs.staged ?? '') as Array<{
      cronJobs: Array<{ latestJob: { outcome: string } | null }>;
    }>;
    expect(staged[1]?.cronJobs.map(c => c.latestJob?.outcome)).toEqual([
      'running',
      'running',
      'running'
    ]);
  });

  it('with wait, follows one kind to success', async () => {
    const before = jobNames();
    const { result } = await sandbox.lifecycle('trigger', {
      inputs: { ...target, kind: 'update', wait: '5m' },
      deps: {
        pollMs: 1,
        // The controller finishes the Job while the action waits.
        sleep: finishNew(before, name => sandbox.jobs.succeed(NAMESPACE, name))
      }
    });
    expect(jobNames()).toHaveLength(before.length + 1);
    expect(JSON.parse(result.outputs.jobs ?? '')).toEqual([
      expect.objectContaining({ cronJob: STAGED_NAMES[1], kind: 'update', outcome: 'succeeded' })
    ]);
    expect(result.failure).toBeUndefined();
    expect(result.report.headline).toBe(
      `Ran 1 Job(s) of ${DATASET_ID} 0.3.0: 1 succeeded, 0 failed, 0 timed out`
    );
  });

  it("with wait, reports a failed Job with its pods' reasons and fails the step", async () => {
    const before = jobNames();
    const { result } = await sandbox.lifecycle('trigger', {
      inputs: { ...target, kind: 'validate', wait: '5m' },
      deps: {
        pollMs: 1,
        sleep: finishNew(before, name =>
          sandbox.jobs.fail(NAMESPACE, name, {
            exitCode: 3,
            reason: 'Error',
            message: 'validation failed: 12 NaNs'
          })
        )
      }
    });
    const [row] = rows(result);
    expect(row?.slice(1, 4)).toEqual([STAGED_NAMES[2], 'validate', 'failed']);
    expect(row?.[4]).toMatch(
      /^BackoffLimitExceeded: Job has reached the specified backoff limit; pod \S+-manual-\S+, container pipeline: exited 3 \(Error\): validation failed: 12 NaNs$/
    );
    expect(result.failure).toMatch(
      /1 Job\(s\) of noaa-gfs-forecast 0.3.0 failed and 0 timed out: \S+ failed \(BackoffLimitExceeded/
    );
  });

  it('with wait, stops when the time runs out and fails the step; the Job keeps running', async () => {
    let clock = 0;
    const { result } = await sandbox.lifecycle('trigger', {
      inputs: { ...target, kind: 'update', wait: '90s' },
      deps: {
        pollMs: 30_000,
        now: () => clock,
        sleep: (ms: number) => {
          clock += ms;
          return Promise.resolve();
        }
      }
    });
    expect(clock).toBe(90_000);
    expect(JSON.parse(result.outputs.jobs ?? '')).toEqual([
      expect.objectContaining({ kind: 'update', outcome: 'timed out' })
    ]);
    expect(result.failure).toMatch(/0 Job\(s\) of noaa-gfs-forecast 0.3.0 failed and 1 timed out/);
    expect(renderText(result.report)).toContain('kubectl --namespace datasets logs --follow job/');
  });

  it('dry run: the API server checks the Jobs, none is created', async () => {
    const before = sandbox.jobs.jobs(NAMESPACE).length;
    const { result } = await sandbox.lifecycle('trigger', {
      inputs: { ...target, 'dry-run': 'true' }
    });
    expect(sandbox.jobs.jobs(NAMESPACE)).toHaveLength(before);
    expect(rows(result).map(r => r[3])).toEqual(['would create', 'would create', 'would create']);
    expect(
      sandbox.kube.requests.filter(r => r.method === 'POST').map(r => r.query.dryRun)
    ).toContain('All');
  });

  it('refuses an unknown kind, and a version with nothing staged, naming the namespace', async () => {
    await expect(
      sandbox.lifecycle('trigger', { inputs: { ...target, kind: 'archive' } })
    ).rejects.toThrow(
      `${DATASET_ID} 0.3.0 has no staged CronJob of kind "archive" in namespace ${NAMESPACE}; its kinds: archive-grib-files, update, validate.`
    );
    await expect(
      sandbox.lifecycle('trigger', { inputs: { ...target, version: '0.9.0' } })
    ).rejects.toThrow(
      `No staged CronJobs of ${DATASET_ID} 0.9.0 in namespace ${NAMESPACE}. Deploy it first (push stage/${DATASET_ID}/v0.9.0)`
    );
    await expect(
      sandbox.lifecycle('trigger', { inputs: { ...target, wait: '10 minutes' } })
    ).rejects.toThrow("Invalid duration '10 minutes' for input 'wait'");
  });
});

describe('sweep', () => {
  beforeAll(stageThree, 60_000);

  it('dry run: says what would go and why, and changes nothing', async () => {
    const { result } = await sandbox.lifecycle('sweep', { inputs: { 'dry-run': 'true' } });
    expect(sandbox.writes()).toEqual([]);
    expect(await sandbox.branchExists(PROMOTED_BRANCH)).toBe(true);
    expect(rows(result)).toEqual([
      [COMMAND_DATASET_ID, '0.3.0', 'promoted', 'main carries version 0.3.0', 'would clean up'],
      [
        DATASET_ID,
        '0.3.0',
        'live',
        expect.stringMatching(/^branch exists; main has 0.2.0; deployed /),
        'kept'
      ],
      [
        DATASET_ID,
        '0.4.0',
        'orphaned',
        `branch ${ORPHAN_BRANCH} no longer exists`,
        'would clean up'
      ]
    ]);
    expect(result.report.headline).toBe(
      'Dry run: would clean up 2 of 3 staged version(s); nothing deleted'
    );
  });

  it('removes exactly the orphaned and the promoted versions, with their Jobs and monitors; a second sweep is a no-op', async () => {
    for (const name of [...PROMOTED_NAMES, ...ORPHAN_NAMES, ...STAGED_NAMES]) {
      sandbox.sentry.addMonitor(monitorSlug(name));
    }
    await sandbox.lifecycle('trigger', {
      inputs: { 'dataset-id': COMMAND_DATASET_ID, version: '0.3.0' }
    });
    expect(sandbox.jobs.jobs(NAMESPACE)).toHaveLength(2);

    const { result } = await sandbox.lifecycle('sweep', { inputs: SENTRY() });

    expect(sandbox.names()).toEqual(STAGED_NAMES);
    // The garbage collector took the promoted version's Jobs with its CronJobs.
    expect(sandbox.jobs.jobs(NAMESPACE)).toEqual([]);
    expect(sandbox.sentry.monitors.map(m => m.slug).sort()).toEqual(STAGED_NAMES.map(monitorSlug));
    expect(await sandbox.branchExists(PROMOTED_BRANCH)).toBe(false);
    expect(await sandbox.branchExists(STAGE_BRANCH)).toBe(true);
    expect(JSON.parse(result.outputs.staged ?? '')).toEqual([
      expect.objectContaining({
        datasetId: COMMAND_DATASET_ID,
        verdict: 'promoted',
        action: 'cleaned up'
      }),
      expect.objectContaining({
        datasetId: DATASET_ID,
        version: '0.3.0',
        verdict: 'live',
        action: 'kept'
      }),
      expect.objectContaining({
        datasetId: DATASET_ID,
        version: '0.4.0',
        verdict: 'orphaned',
        action: 'cleaned up'
      })
    ]);
    expect(rows(result, 1)).toEqual([
      ...PROMOTED_NAMES.map(n => [`${COMMAND_DATASET_ID} 0.3.0`, 'CronJob', n, 'deleted']),
      ...PROMOTED_NAMES.map(n => [
        `${COMMAND_DATASET_ID} 0.3.0`,
        'Sentry monitor',
        monitorSlug(n),
        'deleted'
      ]),
      [`${COMMAND_DATASET_ID} 0.3.0`, 'Branch', PROMOTED_BRANCH, 'deleted'],
      ...ORPHAN_NAMES.map(n => [`${DATASET_ID} 0.4.0`, 'CronJob', n, 'deleted']),
      ...ORPHAN_NAMES.map(n => [`${DATASET_ID} 0.4.0`, 'Sentry monitor', monitorSlug(n), 'deleted'])
    ]);
    expect(renderText(result.report)).toContain('aws s3 rm --recursive');

    sandbox.kube.requests.length = 0;
    const again = await sandbox.lifecycle('sweep', { inputs: SENTRY() });
    expect(sandbox.writes()).toEqual([]);
    expect(again.result.report.headline).toBe('Cleaned up 0 of 1 staged version(s)');
  });

  it('expires versions deployed longer ago than max-age', async () => {
    const { result } = await sandbox.lifecycle('sweep', {
      inputs: { 'max-age': '1s', 'dry-run': 'true' }
    });
    expect(rows(result)[0]?.slice(2)).toEqual([
      'expired',
      expect.stringMatching(/^deployed \d+s ago, longer than max-age 1s$/),
      'would clean up'
    ]);
  });
});

describe('sweep that fails half-way', () => {
  beforeAll(stageThree, 60_000);

  it('says what is deleted and kept, and to run sweep (not cleanup) again; a rerun finishes', async () => {
    const last = PROMOTED_NAMES[1] ?? '';
    sandbox.kube.injectFault({
      method: 'DELETE',
      path: new RegExp(`/cronjobs/${last}$`),
      status: 500,
      message: 'etcdserver: request timed out',
      times: 3
    });

    const error: unknown = await sandbox.lifecycle('sweep').catch((e: unknown) => e);

    expect((error as Error).message).toBe(
      `Could not delete CronJob ${NAMESPACE}/${last}: etcdserver: request timed out. ` +
        `Already deleted: ${PROMOTED_NAMES[0]}. Kept for now: CronJob ${last} and the branch ${PROMOTED_BRANCH}. ` +
        'Run sweep again once this is fixed: it finishes the job.'
    );
    expect(await sandbox.branchExists(PROMOTED_BRANCH)).toBe(true);

    await sandbox.lifecycle('sweep');
    expect(sandbox.names()).toEqual(STAGED_NAMES);
    expect(await sandbox.branchExists(PROMOTED_BRANCH)).toBe(false);
  });
});
