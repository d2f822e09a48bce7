// What a staged CronJob says about itself on the cluster: where it came from (commit, branch,
// workflow run, deploy time, production CronJob), its full identity next to the labels every mode
// selects on, and whether it is suspended like production.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DATASET_ID,
  NAMESPACE,
  STAGE_BRANCH,
  STAGED_NAMES,
  datasetFiles,
  productionCronJob,
  stagingConfig,
  yamlStream
} from '../../helpers/dataset-fixture.js';
import { REPOSITORY, startSandbox, type Sandbox } from '../../helpers/deploy-harness.js';
import type { KubeObject } from '../../helpers/fake-kube.js';
import { plainText } from '../../../src/summary.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => sandbox.reset());

const T1 = new Date('2026-12-03T09:00:00.000Z');
const T2 = new Date('2026-12-03T10:30:00.000Z');
const clock = (at: Date) => ({ deps: { now: () => at } });

function metadata(cronJob: KubeObject): {
  name: string;
  resourceVersion: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
} {
  return cronJob.metadata as ReturnType<typeof metadata>;
}

function byName(): Map<string, ReturnType<typeof metadata>> {
  return new Map(sandbox.cronJobs().map(c => [metadata(c).name, metadata(c)]));
}

describe('traceability annotations', () => {
  it('name the commit, the branch, the workflow run, the deploy time and the production CronJob', async () => {
    await sandbox.deploy({ env: { GITHUB_RUN_ID: '4242' }, ...clock(T1) });

    expect([...byName().keys()]).toEqual(STAGED_NAMES);
    for (const [name, meta] of byName()) {
      const kind = name.replace('staging-noaa-gfs-forecast-v0-3-0-', '');
      expect(meta.annotations).toMatchObject({
        'staging-action/commit': sandbox.repo.stageSha,
        'staging-action/branch': STAGE_BRANCH,
        'staging-action/run-url': `${sandbox.github.url}/${REPOSITORY}/actions/runs/4242`,
        'staging-action/deployed-at': '2026-12-03T09:00:00.000Z',
        'staging-action/source': `${DATASET_ID}-${kind}`,
        'staging-action/dataset': DATASET_ID,
        'staging-action/version': '0.3.0',
        'staging-action/kind': kind
      });
    }
  });

  it('leave out the run URL when deploy runs outside a workflow', async () => {
    await sandbox.deploy(clock(T1));
    for (const meta of byName().values()) {
      expect(meta.annotations).not.toHaveProperty(['staging-action/run-url']);
      expect(meta.annotations['staging-action/commit']).toBe(sandbox.repo.stageSha);
    }
  });

  it('a redeploy of the same commit changes nothing; a new commit gets a new deploy time', async () => {
    await sandbox.deploy(clock(T1));
    const before = byName();
    const { result } = await sandbox.deploy(clock(T2));

    // Reported as today (updated), and a no-op for the API server: no new resourceVersion.
    expect(result.report.headline).toBe(
      'Staged noaa-gfs-forecast 0.3.0: 0 created, 3 updated, 0 pruned'
    );
    for (const [name, meta] of byName()) {
      expect(meta.resourceVersion).toBe(before.get(name)?.resourceVersion);
      expect(meta.annotations['staging-action/deployed-at']).toBe(T1.toISOString());
    }

    const next = await sandbox.repo.commit(STAGE_BRANCH, { 'src/fix.py': 'print(1)\n' }, 'Fix');
    await sandbox.deploy(clock(T2));
    for (const meta of byName().values()) {
      expect(meta.annotations['staging-action/commit']).toBe(next);
      expect(meta.annotations['staging-action/deployed-at']).toBe(T2.toISOString());
    }
  });
});

describe('a suspended production CronJob', () => {
  it('is staged suspended, and the summary and the cronjobs output say so', async () => {
    const update = productionCronJob(DATASET_ID, 'update');
    (update.spec as Record<string, unknown>).suspend = true;
    await sandbox.repo.commit(STAGE_BRANCH, {
      [`deploy/${DATASET_ID}/cronjobs.yaml`]: yamlStream([
        update,
        productionCronJob(DATASET_ID, 'validate')
      ])
    });
    const { result } = await sandbox.deploy(clock(T1));

    const suspend = sandbox.cronJobs().map(c => [metadata(c).name, (c.spec as KubeObject).suspend]);
    expect(suspend).toEqual([
      [STAGED_NAMES[0], false],
      [STAGED_NAMES[1], true],
      [STAGED_NAMES[2], false]
    ]);
    const rows = JSON.parse(result.outputs.cronjobs ?? '[]') as Array<Record<string, unknown>>;
    expect(rows.map(r => [r.name, r.suspended])).toEqual([
      [STAGED_NAMES[0], false],
      [STAGED_NAMES[1], true],
      [STAGED_NAMES[2], false]
    ]);
    expect(result.report.notes.map(n => plainText(n.text))).toContain(
      `Staged suspended, like production (never run on schedule; mode trigger runs them): ${STAGED_NAMES[1]}.`
    );
  });
});

describe('the longest dataset id and version any mode accepts', () => {
  // Both at the 63 limit of their checks: the labels hold them as they are (label-safe forms only
  // differ for longer values, which the checks refuse), the names are shortened.
  const id = `ecmwf-ifs-ens-forecast-15-day-0-25-degree-${'x'.repeat(21)}`;
  const version = `1.0.0-rc.${'1'.repeat(54)}`;
  const branch = `stage/${id}/v${version}`;
  const target = { 'dataset-id': id, version };

  it('are what deploy labels, status shows, trigger runs and cleanup removes', async () => {
    expect([id.length, version.length]).toEqual([63, 63]);
    await sandbox.repo.commit(branch, {
      '.github/staging.yml': stagingConfig([{ id, cronjobs: `deploy/${id}/*.yaml` }]),
      ...datasetFiles(id, version, ['update', 'validate'])
    });
    await sandbox.deploy({ branch, ...clock(T1) });
    const staged = [...byName().values()];
    expect(staged).toHaveLength(2);
    for (const meta of staged) {
      expect(meta.name.length).toBeLessThanOrEqual(52);
      expect(meta.labels['staging-action/dataset']).toBe(id);
      expect(meta.labels['staging-action/version']).toBe(version);
    }

    const status = await sandbox.lifecycle('status');
    expect(JSON.parse(status.result.outputs.staged ?? '[]')).toEqual([
      expect.objectContaining({ datasetId: id, version })
    ]);

    const trigger = await sandbox.lifecycle('trigger', {
      inputs: { ...target, kind: 'validate' }
    });
    const jobs = JSON.parse(trigger.result.outputs.jobs ?? '[]') as Array<Record<string, unknown>>;
    expect(jobs.map(j => j.kind)).toEqual(['validate']);
    expect(sandbox.jobs.jobs(NAMESPACE)).toHaveLength(1);

    await sandbox.cleanup({ deleteEvent: { ref: branch, ref_type: 'branch' } });
    expect(sandbox.names()).toEqual([]);
  });
});
