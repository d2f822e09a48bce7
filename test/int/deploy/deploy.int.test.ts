// Staging a dataset version from a stage/... push: real git checkouts of the sandbox dataset
// repository, the real Kubernetes client against the fake API server, settings read the way the
// action reads them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  COMMAND_DATASET_ID,
  DATASET_ID,
  IMAGE_REPOSITORY,
  NAMESPACE,
  PRODUCTION_IMAGE,
  SIDECAR_IMAGE,
  STAGE_BRANCH,
  datasetFiles,
  productionCronJob,
  stagingConfig,
  versionFile,
  versionFilePath,
  yamlStream,
  STAGED_NAMES as NAMES
} from '../../helpers/dataset-fixture.js';
import type { KubeObject } from '../../helpers/fake-kube.js';
import { plainText } from '../../../src/summary.js';
import { startSandbox, unreachableKubeconfig, type Sandbox } from '../../helpers/deploy-harness.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => sandbox.reset());

interface Row {
  name: string;
  kind: string;
  schedule: string;
  image: string;
  action: string;
}

function rows(outputs: Record<string, string>): Row[] {
  return JSON.parse(outputs.cronjobs ?? '[]') as Row[];
}

function at(value: unknown, ...keys: Array<string | number>): unknown {
  let current = value;
  for (const key of keys) current = (current as Record<string | number, unknown>)[key];
  return current;
}

function podSpec(cronJob: KubeObject): Record<string, unknown> {
  return at(cronJob, 'spec', 'jobTemplate', 'spec', 'template', 'spec') as Record<string, unknown>;
}

function container(cronJob: KubeObject, name: string): Record<string, unknown> {
  const spec = podSpec(cronJob);
  const all = [...((spec.initContainers as unknown[]) ?? []), ...(spec.containers as unknown[])];
  return all.find(c => (c as { name: string }).name === name) as Record<string, unknown>;
}

function envOf(c: Record<string, unknown>, name: string): unknown {
  return (c.env as Array<{ name: string; value?: string }>).find(e => e.name === name)?.value;
}

describe('deploy from a stage branch', () => {
  it('stages every production CronJob of the dataset with the pushed image', async () => {
    const { result } = await sandbox.deploy();
    const image = `${IMAGE_REPOSITORY}:${sandbox.repo.stageSha}`;

    expect(sandbox.names()).toEqual(NAMES);
    expect(rows(result.outputs)).toEqual([
      {
        name: NAMES[0],
        production: `${DATASET_ID}-archive-grib-files`,
        kind: 'archive-grib-files',
        schedule: '45 1 * * *',
        image,
        suspended: false,
        action: 'created'
      },
      {
        name: NAMES[1],
        production: `${DATASET_ID}-update`,
        kind: 'update',
        schedule: '15 */6 * * *',
        image,
        suspended: false,
        action: 'created'
      },
      {
        name: NAMES[2],
        production: `${DATASET_ID}-validate`,
        kind: 'validate',
        schedule: '45 1 * * *',
        image,
        suspended: false,
        action: 'created'
      }
    ]);
    expect(result.outputs['store-path']).toBe('s3://bucket/datasets/noaa-gfs-forecast/v0.3.0.zarr');

    const [archive, update] = sandbox.cronJobs() as [KubeObject, KubeObject, KubeObject];
    const labels = {
      'app.kubernetes.io/managed-by': 'staging-action',
      'staging-action/dataset': DATASET_ID,
      'staging-action/version': '0.3.0',
      'staging-action/kind': 'update'
    };
    expect(at(update, 'metadata', 'namespace')).toBe(NAMESPACE);
    expect(at(update, 'metadata', 'labels')).toMatchObject(labels);
    expect(at(update, 'spec', 'jobTemplate', 'metadata', 'labels')).toMatchObject(labels);
    // The app container runs the new image; the sidecar keeps its own.
    expect(container(update, 'pipeline').image).toBe(image);
    expect(container(update, 'log-shipper').image).toBe(SIDECAR_IMAGE);
    expect(envOf(container(update, 'pipeline'), 'CRON_JOB_NAME')).toBe(NAMES[1]);
    expect(envOf(container(update, 'log-shipper'), 'CRON_JOB_NAME')).toBe(NAMES[1]);
    expect(envOf(container(update, 'pipeline'), 'DATASET_ID')).toBe(DATASET_ID);
    // archive-grib-files sets no CRON_JOB_NAME on its app container, and gets none.
    expect(envOf(container(archive, 'pipeline'), 'CRON_JOB_NAME')).toBeUndefined();
    expect(JSON.stringify(sandbox.cronJobs())).not.toContain(PRODUCTION_IMAGE);

    // The report a user reads: a row per CronJob and how to clean up.
    const table = result.report.tables[0];
    // The image is a fact, not a column: every row runs it.
    expect(table?.headers).toEqual(['CronJob', 'Staged from', 'Kind', 'Schedule', 'Result']);
    expect(table?.rows.map(r => r.map(plainText))).toContainEqual([
      NAMES[1],
      `${DATASET_ID}-update`,
      'update',
      '15 */6 * * *',
      'created'
    ]);
    expect(result.report.facts).toContainEqual({ label: 'Image', value: image, code: true });
    expect(result.report.headline).toBe(
      'Staged noaa-gfs-forecast 0.3.0: 3 created, 0 updated, 0 pruned'
    );
    expect(result.report.notes.map(n => n.text)).toContain(
      "aws s3 rm --recursive 's3://bucket/datasets/noaa-gfs-forecast/v0.3.0.zarr'"
    );
  });
});

describe('redeploying', () => {
  it('stages and cleans up a 55-character dataset id with 120 Indexed completions', async () => {
    const id = 'google-weathernext3-forecast-15-day-0-05-degree-virtual';
    const branch = `stage/${id}/v0.1.0`;
    await sandbox.repo.commit(branch, {
      '.github/staging.yml': stagingConfig([{ id, cronjobs: `deploy/${id}/*.yaml` }]),
      ...datasetFiles(id, '0.1.0', ['validate']),
      [`deploy/${id}/update.yaml`]: yamlStream([
        productionCronJob(id, 'update', { indexedCompletions: 120 })
      ])
    });
    const { result } = await sandbox.deploy({ branch });

    const names = sandbox.names();
    expect(names).toHaveLength(2);
    const update = names.find(n => n.endsWith('-update')) ?? '';
    // {name}-{job time, up to 10 digits}-{index up to 119} is every pod's hostname: at most 63.
    expect(`${update}-${'9'.repeat(10)}-119`.length).toBeLessThanOrEqual(63);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(52);
      expect(name).toMatch(
        /^staging-google-weather[-a-z0-9]*-[0-9a-f]{8}-v0-1-0-(update|validate)$/
      );
    }
    // Every mode finds them by the full dataset id in their labels, not by their names.
    for (const cronJob of sandbox.cronJobs()) {
      expect(at(cronJob, 'metadata', 'labels', 'staging-action/dataset')).toBe(id);
    }
    expect(rows(result.outputs).map(r => r.name)).toEqual(names);

    await sandbox.deploy({ branch });
    expect(sandbox.names()).toEqual(names);

    await sandbox.cleanup({ deleteEvent: { ref: branch, ref_type: 'branch' } });
    expect(sandbox.names()).toEqual([]);
  });

  it('is idempotent: the same objects, reported as updated, nothing duplicated', async () => {
    await sandbox.deploy();
    const before = sandbox.cronJobs();
    const { result } = await sandbox.deploy();

    expect(rows(result.outputs).map(r => [r.name, r.action])).toEqual(
      NAMES.map(n => [n, 'updated'])
    );
    const after = sandbox.cronJobs();
    expect(after.map(c => at(c, 'metadata', 'uid'))).toEqual(
      before.map(c => at(c, 'metadata', 'uid'))
    );
    expect(after.map(c => c.spec)).toEqual(before.map(c => c.spec));
  });

  it('runs the image of a new push to the stage branch', async () => {
    await sandbox.deploy();
    const next = await sandbox.repo.commit(STAGE_BRANCH, { 'src/fix.py': 'print(1)\n' }, 'Fix');
    const { result } = await sandbox.deploy();

    const image = `${IMAGE_REPOSITORY}:${next}`;
    expect(rows(result.outputs).map(r => [r.action, r.image])).toEqual(
      NAMES.map(() => ['updated', image])
    );
    for (const cronJob of sandbox.cronJobs()) {
      expect(container(cronJob, 'pipeline').image).toBe(image);
      expect(container(cronJob, 'log-shipper').image).toBe(SIDECAR_IMAGE);
    }
  });

  it('prunes the staged CronJob of a kind removed from the production manifests', async () => {
    await sandbox.deploy();
    await sandbox.repo.commit(
      STAGE_BRANCH,
      { [`deploy/${DATASET_ID}/archive-grib-files.yaml`]: null },
      'Retire the GRIB archive'
    );
    const { result } = await sandbox.deploy();

    expect(sandbox.names()).toEqual([NAMES[1], NAMES[2]]);
    expect(rows(result.outputs).map(r => [r.name, r.action])).toEqual([
      [NAMES[1], 'updated'],
      [NAMES[2], 'updated'],
      [NAMES[0], 'pruned']
    ]);
    // The report says which kind went away, as it ran until now.
    expect(rows(result.outputs)[2]).toEqual({
      name: NAMES[0],
      production: `${DATASET_ID}-archive-grib-files`,
      kind: 'archive-grib-files',
      schedule: '45 1 * * *',
      image: `${IMAGE_REPOSITORY}:${sandbox.repo.stageSha}`,
      suspended: false,
      action: 'pruned'
    });
    expect(result.report.headline).toBe(
      'Staged noaa-gfs-forecast 0.3.0: 0 created, 2 updated, 1 pruned'
    );
  });
});

describe('other datasets', () => {
  it('stages a dataset whose CronJobs come from its cronjobs-command', async () => {
    const branch = `stage/${COMMAND_DATASET_ID}/v0.3.0`;
    await sandbox.repo.commit(branch, {
      [versionFilePath(COMMAND_DATASET_ID)]: versionFile(COMMAND_DATASET_ID, '0.3.0')
    });
    const { result } = await sandbox.deploy({ branch });

    expect(sandbox.names()).toEqual([
      'staging-ecmwf-ifs-ens-v0-3-0-update',
      'staging-ecmwf-ifs-ens-v0-3-0-validate'
    ]);
    expect(rows(result.outputs).map(r => r.action)).toEqual(['created', 'created']);
    expect(result.outputs['store-path']).toBe('s3://bucket/datasets/ecmwf-ifs-ens/v0.3.0.zarr');
  });

  it('stages a brand-new dataset that main does not have, with the schedule offset', async () => {
    const id = 'noaa-hrrr-analysis';
    const branch = `stage/${id}/v0.1.0`;
    await sandbox.repo.commit(branch, {
      '.github/staging.yml': stagingConfig([{ id, cronjobs: `deploy/${id}/*.yaml` }]),
      ...datasetFiles(id, '0.1.0', ['update', 'validate'])
    });
    const { result } = await sandbox.deploy({
      branch,
      inputs: { 'schedule-offset-minutes': '7' }
    });

    expect(rows(result.outputs).map(r => [r.name, r.schedule, r.action])).toEqual([
      ['staging-noaa-hrrr-analysis-v0-1-0-update', '22 */6 * * *', 'created'],
      ['staging-noaa-hrrr-analysis-v0-1-0-validate', '52 1 * * *', 'created']
    ]);
    expect(sandbox.cronJobs().map(c => at(c, 'spec', 'schedule'))).toEqual([
      '22 */6 * * *',
      '52 1 * * *'
    ]);
  });
});

describe('images', () => {
  it('stages an explicit docker-image pinned by digest', async () => {
    const image = `${IMAGE_REPOSITORY}@sha256:${'0123456789abcdef'.repeat(4)}`;
    const { result } = await sandbox.deploy({ inputs: { 'docker-image': image } });

    expect(rows(result.outputs).map(r => r.image)).toEqual([image, image, image]);
    for (const cronJob of sandbox.cronJobs()) {
      expect(container(cronJob, 'pipeline').image).toBe(image);
    }
  });
});

describe('dry run', () => {
  it('validates on the server but stores nothing', async () => {
    const { result } = await sandbox.deploy({ inputs: { 'dry-run': 'true' } });

    expect(sandbox.names()).toEqual([]);
    expect(sandbox.writes()).toEqual([]);
    const patches = sandbox.kube.requests.filter(r => r.method === 'PATCH');
    expect(patches).toHaveLength(3);
    expect(patches.every(r => r.query.dryRun === 'All')).toBe(true);
    expect(rows(result.outputs).map(r => r.action)).toEqual(NAMES.map(() => 'would create'));
    expect(result.report.headline).toMatch(/^Dry run: .*nothing applied$/);
  });

  it('says what it would update and prune, and changes nothing', async () => {
    await sandbox.deploy();
    const before = sandbox.cronJobs();
    await sandbox.repo.commit(STAGE_BRANCH, {
      [`deploy/${DATASET_ID}/archive-grib-files.yaml`]: null
    });
    sandbox.kube.requests.length = 0;

    const { result } = await sandbox.deploy({ inputs: { 'dry-run': 'true' } });

    expect(rows(result.outputs).map(r => [r.name, r.action])).toEqual([
      [NAMES[1], 'would update'],
      [NAMES[2], 'would update'],
      [NAMES[0], 'would prune']
    ]);
    expect(sandbox.writes()).toEqual([]);
    expect(sandbox.cronJobs()).toEqual(before);
  });
});

/** Runs a deploy that must fail; returns its message after checking the cluster was not touched. */
async function refused(options: Parameters<Sandbox['deploy']>[0] = {}): Promise<string> {
  let message: string | null = null;
  try {
    await sandbox.deploy(options);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).not.toBeNull();
  expect(sandbox.writes()).toEqual([]);
  expect(sandbox.names()).toEqual([]);
  return message as string;
}

describe('refuses bad input and applies nothing', () => {
  it('a malformed stage branch', async () => {
    const message = await refused({
      checkout: await sandbox.repo.checkout(),
      env: { GITHUB_REF: 'refs/heads/stage/Bad_Id/v1' }
    });
    expect(message).toContain('is not a staging branch');
    expect(message).toContain('stage/noaa-gfs-forecast/v0.3.0');
    expect(sandbox.kube.requests).toEqual([]);
  });

  it('shell metacharacters in the branch name', async () => {
    const message = await refused({
      checkout: await sandbox.repo.checkout(),
      env: { GITHUB_REF: 'refs/heads/stage/x;rm -rf ~/v1.0.0' }
    });
    expect(message).toContain('"refs/heads/stage/x;rm -rf ~/v1.0.0" is not a staging branch');
    expect(sandbox.kube.requests).toEqual([]);
  });

  it.each([
    ['dataset-id', 'noaa-gfs-forecast;id', 'Dataset id "noaa-gfs-forecast;id" is not valid'],
    ['version', '0.3.0$(id)', 'Version "0.3.0$(id)" is not valid'],
    [
      'namespace',
      'datasets`id`',
      'Input \'namespace\' "datasets`id`" is not a Kubernetes namespace'
    ],
    ['base-branch', 'main;id', "Invalid branch name 'main;id'"],
    ['docker-image', 'ghcr.io/acme/pipelines:$(id)', 'is not a valid image reference'],
    ['image-repository', 'ghcr.io/acme/pipelines&&id', 'is not a valid image reference'],
    ['schedule-offset-minutes', '7;id', "Invalid value '7;id' for input 'schedule-offset-minutes'"],
    ['config', '../../../etc/passwd', "config '../../../etc/passwd' is outside the repository"]
  ])('shell metacharacters or escapes in the %s input', async (input, value, expected) => {
    const message = await refused({ inputs: { [input]: value } });
    expect(message).toContain(expected);
  });

  it('a dataset the config does not list', async () => {
    const branch = 'stage/noaa-gefs-analysis/v0.1.0';
    await sandbox.repo.commit(branch, { 'notes.md': 'wip\n' });
    const message = await refused({ branch });
    expect(message).toContain(
      'Dataset "noaa-gefs-analysis" is not configured in .github/staging.yml'
    );
    expect(message).toContain('configured: ecmwf-ifs-ens, noaa-gfs-forecast');
  });

  it('a branch version that is not the template version', async () => {
    const message = await refused({
      checkout: await sandbox.repo.checkout(),
      env: { GITHUB_REF: `refs/heads/stage/${DATASET_ID}/v0.4.0` }
    });
    expect(message).toContain('The branch stages version 0.4.0');
    expect(message).toContain('says 0.3.0 at this commit');
  });

  it('a version that is already the one on main', async () => {
    const branch = `stage/${DATASET_ID}/v0.2.0`;
    await sandbox.repo.commit(branch, { 'notes.md': 'forgot to bump\n' });
    const message = await refused({ branch });
    expect(message).toContain('Version 0.2.0 is already the version of noaa-gfs-forecast on main');
  });

  it('a production manifest that is not valid YAML', async () => {
    const branch = STAGE_BRANCH;
    await sandbox.repo.commit(branch, {
      [`deploy/${DATASET_ID}/archive-grib-files.yaml`]:
        'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x\n'
    });
    const message = await refused({ branch });
    expect(message).toContain(`deploy/${DATASET_ID}/archive-grib-files.yaml`);
  });

  it('a production manifest that is a Deployment', async () => {
    await sandbox.repo.commit(STAGE_BRANCH, {
      [`deploy/${DATASET_ID}/api.yaml`]: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: noaa-gfs-forecast-api}',
        'spec: {}',
        ''
      ].join('\n')
    });
    const message = await refused();
    expect(message).toContain(`document 1 of deploy/${DATASET_ID}/api.yaml is a Deployment`);
  });

  it("an image of the sidecar's repository, not the production image's", async () => {
    const message = await refused({ inputs: { 'docker-image': 'fluent/fluent-bit:latest' } });
    expect(message).toContain('The staged image fluent/fluent-bit:latest is not an image of');
    expect(message).toContain(`${IMAGE_REPOSITORY}, the repository`);
  });

  it('a cluster it cannot reach', async () => {
    const message = await refused({
      inputs: { kubeconfig: await unreachableKubeconfig(sandbox.kube) }
    });
    expect(message).toMatch(
      /^Cannot reach the Kubernetes API server at http:\/\/127\.0\.0\.1:\d+: /
    );
  });

  it('credentials the cluster rejects', async () => {
    const kubeconfig = sandbox.kubeconfig.replace(sandbox.kube.token, 'expired-token');
    const message = await refused({ inputs: { kubeconfig } });
    expect(message).toMatch(
      /^Unauthorized: the Kubernetes API server at .* rejected the credentials/
    );
  });

  it('a CronJob the API server rejects: none of them is applied', async () => {
    // Jobs may not restart their pods forever: the API server refuses this one, the others are fine.
    const archive = productionCronJob(DATASET_ID, 'archive-grib-files', {
      restartPolicy: 'Always'
    });
    await sandbox.repo.commit(STAGE_BRANCH, {
      [`deploy/${DATASET_ID}/archive-grib-files.yaml`]: yamlStream([archive])
    });
    const message = await refused();
    expect(message).toContain('rejected 1 of 3 CronJob(s) in a dry run; nothing was applied');
    expect(message).toContain(`${NAMES[0]}: CronJob.batch "${NAMES[0]}" is invalid`);
    expect(message).toContain('restartPolicy');
  });

  it('a shallow checkout (fetch-depth 1): asks for fetch-depth 0', async () => {
    const checkout = await sandbox.repo.checkout({ depth: 1 });
    const message = await refused({ checkout });
    expect(message).toContain("Use actions/checkout with 'fetch-depth: 0'");
  });

  it('a checkout without the config file', async () => {
    await sandbox.repo.commit(STAGE_BRANCH, { '.github/staging.yml': null });
    const message = await refused();
    expect(message).toContain("Config file '.github/staging.yml' not found");
  });
});

describe('the cleanup command in the deploy summary', () => {
  it('repeats a namespace given to deploy, so cleanup looks in the same place', async () => {
    const { result } = await sandbox.deploy({ inputs: { namespace: 'team-a', 'dry-run': 'true' } });
    const commands = result.report.notes.filter(n => n.code).map(n => n.text);
    expect(commands).toContainEqual(
      'staging-action cleanup --dataset-id noaa-gfs-forecast --version 0.3.0 --namespace team-a'
    );
  });
});

describe('a cluster that fails after the dry run', () => {
  it('rides out a transient 500 on apply', async () => {
    sandbox.kube.injectFault({ method: 'PATCH', path: /-update$/, status: 500 });
    const { result } = await sandbox.deploy();
    expect(JSON.parse(result.outputs.cronjobs ?? '[]')).toHaveLength(3);
  });

  it('says which CronJobs are live when one keeps failing after the dry run', async () => {
    sandbox.kube.injectFault({
      method: 'PATCH',
      path: /-validate$/,
      dryRun: false,
      status: 503,
      times: 3
    });

    await expect(sandbox.deploy()).rejects.toThrow(
      /^Applied 2 of 3 CronJob\(s\) \(staging-noaa-gfs-forecast-v0-3-0-archive-grib-files, staging-noaa-gfs-forecast-v0-3-0-update\); the API server then refused:\n- staging-noaa-gfs-forecast-v0-3-0-validate: /
    );
    const live = sandbox.kube.cronJobs('datasets').map(c => (c.metadata as { name: string }).name);
    expect(live).not.toContain('staging-noaa-gfs-forecast-v0-3-0-validate');
  });
});
