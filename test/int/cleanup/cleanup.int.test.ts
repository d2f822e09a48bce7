// Removing a staged version: its CronJobs (by label, and by name for unlabelled ones), its stage
// branch through the GitHub REST API and its Sentry cron monitors, against real git and the fakes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { monitorSlug } from '../../../src/io/sentry.js';
import type { ModeReport } from '../../../src/mode.js';
import { plainText } from '../../../src/summary.js';
import {
  DATASET_ID,
  NAMESPACE,
  STAGE_BRANCH,
  datasetFiles,
  productionCronJob,
  stagingConfig,
  STAGED_NAMES as NAMES
} from '../../helpers/dataset-fixture.js';
import {
  SENTRY_ORG,
  SENTRY_TOKEN,
  startSandbox,
  unreachableKubeconfig,
  type Sandbox
} from '../../helpers/deploy-harness.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => sandbox.reset());

// Sentry cuts slugs at 50 characters: the 51-character archive name loses its last letter.
const SLUGS = [
  'staging-noaa-gfs-forecast-v0-3-0-archive-grib-file',
  'staging-noaa-gfs-forecast-v0-3-0-update',
  'staging-noaa-gfs-forecast-v0-3-0-validate'
];

let SENTRY_INPUTS: Record<string, string>;
beforeAll(() => {
  SENTRY_INPUTS = {
    'sentry-auth-token': SENTRY_TOKEN,
    'sentry-org': SENTRY_ORG,
    'sentry-url': sandbox.sentry.url
  };
});

/** The delete event GitHub sends when the stage branch is deleted. */
const DELETE_EVENT = {
  ref: STAGE_BRANCH,
  ref_type: 'branch',
  pusher_type: 'user',
  repository: { full_name: 'acme/pipelines', default_branch: 'main' }
};

function addMonitors(): void {
  for (const slug of SLUGS) sandbox.sentry.addMonitor(slug);
}

/** The table as a terminal shows it. */
function tableRows(result: ModeReport): string[][] {
  return result.report.tables[0]?.rows.map(r => r.map(plainText)) ?? [];
}

describe('cleanup after a deploy', () => {
  it('deletes every staged CronJob, the monitors and the stage branch; keeps the store', async () => {
    await sandbox.deploy();
    addMonitors();
    sandbox.sentry.addMonitor('noaa-gfs-forecast-update'); // production's: must survive
    expect(SLUGS).toEqual(NAMES.map(monitorSlug));
    // GitHub sends the delete event once the branch is gone.
    await sandbox.repo.origin.deleteRef(`refs/heads/${STAGE_BRANCH}`);

    const { result } = await sandbox.cleanup({ inputs: SENTRY_INPUTS, deleteEvent: DELETE_EVENT });

    expect(sandbox.names()).toEqual([]);
    expect(sandbox.sentry.monitors.map(m => m.slug)).toEqual(['noaa-gfs-forecast-update']);
    expect(await sandbox.branchExists()).toBe(false);
    expect(tableRows(result)).toEqual([
      ...NAMES.map(n => ['CronJob', n, 'deleted']),
      ...SLUGS.map(s => ['Sentry monitor', s, 'deleted']),
      ['Branch', STAGE_BRANCH, 'already gone']
    ]);
    expect(JSON.parse(result.outputs.cronjobs ?? '')).toEqual(
      NAMES.map(name => ({ name, action: 'deleted' }))
    );
    const store = 's3://bucket/datasets/noaa-gfs-forecast/v0.3.0.zarr';
    expect(result.outputs['store-path']).toBe(store);
    expect(result.report.facts).toContainEqual({
      label: 'Store (not deleted)',
      value: store,
      code: true
    });
    expect(result.report.notes.map(n => n.text)).toContain(`aws s3 rm --recursive '${store}'`);
  });

  it('deletes the stage branch in the origin when it still exists (run by hand)', async () => {
    await sandbox.deploy();
    expect(await sandbox.branchExists()).toBe(true);

    const { result } = await sandbox.cleanup({
      inputs: { 'dataset-id': DATASET_ID, version: '0.3.0' }
    });

    expect(await sandbox.branchExists()).toBe(false);
    expect(await sandbox.repo.origin.revParse('refs/heads/main')).toBe(sandbox.repo.mainSha);
    expect(tableRows(result)).toContainEqual(['Branch', STAGE_BRANCH, 'deleted']);
    const deletes = sandbox.github.requests.filter(r => r.method === 'DELETE');
    expect(deletes.map(r => decodeURIComponent(r.path))).toEqual([
      `/repos/acme/pipelines/git/refs/heads/${STAGE_BRANCH}`
    ]);
    expect(result.report.notes.map(n => plainText(n.text)).join('\n')).toContain(
      'Sentry cron monitors were not touched'
    );
  });

  it('finds a CronJob of a kind main does not have by its label', async () => {
    await sandbox.deploy();
    await sandbox.repo.commit(
      STAGE_BRANCH,
      {
        [`deploy/${DATASET_ID}/backfill.yaml`]: JSON.stringify(
          productionCronJob(DATASET_ID, 'backfill')
        )
      },
      'Add a backfill CronJob'
    );
    await sandbox.deploy();
    expect(sandbox.names()).toContain('staging-noaa-gfs-forecast-v0-3-0-backfill');

    await sandbox.cleanup({ deleteEvent: DELETE_EVENT });

    expect(sandbox.names()).toEqual([]);
  });

  it('cleans up a brand-new dataset that main does not list, by label', async () => {
    const id = 'noaa-hrrr-analysis';
    const branch = `stage/${id}/v0.1.0`;
    await sandbox.repo.commit(branch, {
      '.github/staging.yml': stagingConfig([{ id, cronjobs: `deploy/${id}/*.yaml` }]),
      ...datasetFiles(id, '0.1.0', ['update', 'validate'])
    });
    await sandbox.deploy({ branch });
    await sandbox.deploy(); // another dataset's staged version: must survive
    await sandbox.repo.origin.deleteRef(`refs/heads/${branch}`);

    const { result } = await sandbox.cleanup({ deleteEvent: { ...DELETE_EVENT, ref: branch } });

    expect(sandbox.names()).toEqual(NAMES);
    expect(JSON.parse(result.outputs.cronjobs ?? '')).toEqual([
      { name: `staging-${id}-v0-1-0-update`, action: 'deleted' },
      { name: `staging-${id}-v0-1-0-validate`, action: 'deleted' }
    ]);
    // main's config does not know the dataset, so its store path is unknown.
    expect(result.outputs['store-path']).toBe('');
  });

  it('a second cleanup finds everything already gone and still succeeds', async () => {
    await sandbox.deploy();
    addMonitors();
    await sandbox.cleanup({ inputs: SENTRY_INPUTS, deleteEvent: DELETE_EVENT });

    const { result, log } = await sandbox.cleanup({
      inputs: SENTRY_INPUTS,
      deleteEvent: DELETE_EVENT
    });

    expect(tableRows(result).map(r => r[2])).toEqual(Array(7).fill('already gone'));
    // The branch is gone too: this is a repeated cleanup, not a namespace mismatch.
    expect(log).not.toContain('::warning::');
    expect(log).toContain(
      '::notice::noaa-gfs-forecast 0.3.0 is already cleaned up: no staged CronJob in namespace datasets, no Sentry monitor and no branch left.'
    );
    expect(result.report.headline).toBe(
      'Already clean: noaa-gfs-forecast 0.3.0 (7 already gone, nothing deleted)'
    );
  });

  it('warns about the namespace when it finds no CronJob but the branch still exists', async () => {
    const { result, log } = await sandbox.cleanup({
      inputs: { 'dataset-id': DATASET_ID, version: '0.3.0' }
    });

    expect(tableRows(result).at(-1)).toEqual(['Branch', STAGE_BRANCH, 'deleted']);
    expect(log).toContain(
      '::warning::No staged CronJob of noaa-gfs-forecast 0.3.0 was found in namespace datasets.'
    );
  });

  it('deletes a CronJob deployed without labels, found by its computed name', async () => {
    const unlabelled = productionCronJob(DATASET_ID, 'update');
    Object.assign(unlabelled.metadata as object, { name: NAMES[1], labels: {} });
    sandbox.kube.addCronJob(unlabelled, 'kubectl');
    sandbox.kube.addCronJob(productionCronJob(DATASET_ID, 'update')); // production: must survive

    const { result } = await sandbox.cleanup({ deleteEvent: DELETE_EVENT });

    expect(sandbox.names()).toEqual(['noaa-gfs-forecast-update']);
    expect(tableRows(result).filter(r => r[0] === 'CronJob')).toEqual([
      ['CronJob', NAMES[0], 'already gone'],
      ['CronJob', NAMES[1], 'deleted'],
      ['CronJob', NAMES[2], 'already gone']
    ]);
  });
});

describe('cleanup that changes nothing', () => {
  it('a dry run deletes nothing and says what it would delete', async () => {
    await sandbox.deploy();
    addMonitors();
    sandbox.kube.requests.length = 0;

    const { result } = await sandbox.cleanup({
      inputs: { ...SENTRY_INPUTS, 'dataset-id': DATASET_ID, version: '0.3.0', 'dry-run': 'true' }
    });

    expect(sandbox.names()).toEqual(NAMES);
    expect(sandbox.writes()).toEqual([]);
    expect(sandbox.sentry.monitors).toHaveLength(3);
    expect(sandbox.sentry.requests).toEqual([]);
    expect(await sandbox.branchExists()).toBe(true);
    expect(tableRows(result).map(r => r[2])).toEqual(Array(7).fill('would delete'));
    expect(result.report.headline).toMatch(
      /^Dry run: would delete 7 resource\(s\).*nothing deleted$/
    );
  });

  it('a delete event for a branch that is not a stage branch is a no-op', async () => {
    await sandbox.deploy();
    sandbox.kube.requests.length = 0;

    const { result } = await sandbox.cleanup({
      deleteEvent: { ...DELETE_EVENT, ref: 'feature/faster-regrid' }
    });

    expect(result.report.headline).toContain("'feature/faster-regrid' is not a stage branch");
    expect(result.outputs).toEqual({ cronjobs: '[]', 'store-path': '', 'store-paths': '[]' });
    expect(sandbox.kube.requests).toEqual([]);
    expect(sandbox.names()).toEqual(NAMES);
    expect(await sandbox.branchExists()).toBe(true);
  });

  it('a delete event for a tag is a no-op', async () => {
    await sandbox.deploy();
    sandbox.kube.requests.length = 0;

    await sandbox.cleanup({ deleteEvent: { ...DELETE_EVENT, ref_type: 'tag', ref: 'v0.3.0' } });

    expect(sandbox.kube.requests).toEqual([]);
    expect(sandbox.names()).toEqual(NAMES);
  });

  it('an unreachable cluster fails clearly before anything is deleted', async () => {
    await sandbox.deploy();
    addMonitors();

    let message = '';
    try {
      await sandbox.cleanup({
        inputs: {
          ...SENTRY_INPUTS,
          'dataset-id': DATASET_ID,
          version: '0.3.0',
          kubeconfig: await unreachableKubeconfig(sandbox.kube)
        }
      });
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).toMatch(
      /^Could not list the staged CronJobs of noaa-gfs-forecast 0\.3\.0 in namespace datasets: Cannot reach the Kubernetes API server at http:\/\/127\.0\.0\.1:\d+.*Nothing was deleted\.$/
    );
    expect(await sandbox.branchExists()).toBe(true);
    expect(sandbox.sentry.monitors).toHaveLength(3);
    expect(sandbox.names()).toEqual(NAMES);
  });

  it('a token that cannot delete the branch: says which branch and what permission, keeps it', async () => {
    await sandbox.deploy();
    const inputs = { 'dataset-id': DATASET_ID, version: '0.3.0' };

    let message = '';
    try {
      await sandbox.cleanup({ inputs: { ...inputs, 'github-token': 'ghs_fake-read' } });
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).toContain(`Could not delete the branch ${STAGE_BRANCH} through the GitHub API`);
    expect(message).toContain('contents: write');
    expect(message).toContain('3 other resource(s) were deleted; run cleanup again');
    expect(await sandbox.branchExists()).toBe(true);
    // The rerun with the right token finishes the job.
    const { result } = await sandbox.cleanup({ inputs });
    expect(await sandbox.branchExists()).toBe(false);
    expect(tableRows(result).at(-1)).toEqual(['Branch', STAGE_BRANCH, 'deleted']);
  });

  it('refuses a malformed stage branch in the delete event before touching anything', async () => {
    await sandbox.deploy();
    sandbox.kube.requests.length = 0;

    await expect(
      sandbox.cleanup({
        deleteEvent: { ...DELETE_EVENT, ref: 'stage/noaa-gfs-forecast/v0.3.0;id' }
      })
    ).rejects.toThrow('is not a staging branch');
    expect(sandbox.kube.requests).toEqual([]);
    expect(sandbox.names()).toEqual(NAMES);
  });
});

describe('namespace', () => {
  it('uses the namespace of the config in the checkout', async () => {
    await sandbox.deploy();
    const settings = await sandbox.cleanupSettings({ deleteEvent: DELETE_EVENT });
    expect(settings.namespace).toBeNull();
    await sandbox.cleanup({ deleteEvent: DELETE_EVENT });
    const lists = sandbox.kube.requests.filter(r => r.method === 'GET');
    expect(lists.every(r => r.path === `/apis/batch/v1/namespaces/${NAMESPACE}/cronjobs`)).toBe(
      true
    );
  });
});
