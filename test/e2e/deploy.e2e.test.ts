// The bundled action (dist/index.js) in deploy mode, started the way a runner starts it for the
// README's "Stage dataset" workflow on a push to a stage branch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DATASET_ID,
  IMAGE_REPOSITORY,
  STAGE_BRANCH,
  STAGED_NAMES as NAMES,
  productionCronJob,
  yamlStream
} from '../helpers/dataset-fixture.js';
import { childElements, findAll, parseHtml, textContent } from '../helpers/html.js';
import { REPOSITORY, WRITE_TOKEN, startSandbox, type Sandbox } from '../helpers/deploy-harness.js';
import {
  exampleWorkflow,
  readmeWorkflow,
  runAction,
  runnerFiles,
  stepInputs,
  type RunnerFiles
} from '../helpers/run-action.js';

let sandbox: Sandbox;
let files: RunnerFiles;
let checkout: string;
beforeAll(async () => {
  [sandbox, files] = await Promise.all([startSandbox(), runnerFiles()]);
  // The workflow's actions/checkout with fetch-depth: 0.
  checkout = await sandbox.repo.checkout({ ref: STAGE_BRANCH, depth: 0 });
});
afterAll(async () => Promise.all([sandbox.close(), files.cleanup()]));
beforeEach(async () => sandbox.reset());

/** The step's inputs from the documented workflow, with the fake cluster as the secret. */
function workflowInputs(): Record<string, string> {
  return stepInputs(exampleWorkflow('stage-dataset.yml'), {
    'github.token': WRITE_TOKEN,
    'secrets.STAGING_KUBECONFIG': sandbox.kubeconfig
  });
}

/** What the runner sets for a push to the stage branch. */
async function pushEnv(ref = `refs/heads/${STAGE_BRANCH}`): Promise<Record<string, string>> {
  return {
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: await files.event({
      ref,
      after: sandbox.repo.stageSha,
      repository: { full_name: REPOSITORY, default_branch: 'main' }
    }),
    GITHUB_REF: ref,
    GITHUB_SHA: sandbox.repo.stageSha,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_WORKSPACE: checkout,
    GITHUB_API_URL: sandbox.github.url,
    GITHUB_SERVER_URL: sandbox.github.url,
    GITHUB_RUN_ID: '7001'
  };
}

it("the README's deploy workflow is docs/examples/stage-dataset.yml", () => {
  expect(readmeWorkflow('deploy-workflow')).toBe(exampleWorkflow('stage-dataset.yml'));
});

describe('node dist/index.js, mode deploy', () => {
  it('stages the CronJobs of the pushed version and reports them', async () => {
    const run = await runAction(files, workflowInputs(), await pushEnv());

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const image = `${IMAGE_REPOSITORY}:${sandbox.repo.stageSha}`;
    // The workflow staggers staging 7 minutes after production.
    expect(JSON.parse(run.outputs.cronjobs ?? '')).toEqual([
      {
        name: NAMES[0],
        production: `${DATASET_ID}-archive-grib-files`,
        kind: 'archive-grib-files',
        schedule: '52 1 * * *',
        image,
        suspended: false,
        action: 'created'
      },
      {
        name: NAMES[1],
        production: `${DATASET_ID}-update`,
        kind: 'update',
        schedule: '22 */6 * * *',
        image,
        suspended: false,
        action: 'created'
      },
      {
        name: NAMES[2],
        production: `${DATASET_ID}-validate`,
        kind: 'validate',
        schedule: '52 1 * * *',
        image,
        suspended: false,
        action: 'created'
      }
    ]);
    expect(run.outputs['store-path']).toBe('s3://bucket/datasets/noaa-gfs-forecast/v0.3.0.zarr');
    const summary = parseHtml(run.summary);
    const rows = findAll(summary, 'tr').map(tr => childElements(tr).map(textContent));
    // The image is a fact above the table, not a column.
    expect(rows[0]).toEqual(['CronJob', 'Staged from', 'Kind', 'Schedule', 'Result']);
    expect(rows).toContainEqual([
      NAMES[1],
      `${DATASET_ID}-update`,
      'update',
      '22 */6 * * *',
      '✅ created'
    ]);
    expect(findAll(summary, 'li').map(textContent)).toContain(`Image: ${image}`);
    expect(run.summary).toContain('Staged noaa-gfs-forecast 0.3.0: 3 created, 0 updated, 0 pruned');
    expect(sandbox.names()).toEqual(NAMES);
    const update = sandbox.cronJobs()[1] as { spec: { schedule: string } };
    expect(update.spec.schedule).toBe('22 */6 * * *');
    // The kubeconfig's token is masked before anything is logged; its structure is not, so
    // `apiVersion: v1` or `namespace: default` do not turn into *** for the rest of the job.
    const masks = run.stdout.split('\n').filter(l => l.startsWith('::add-mask::'));
    expect(masks).toEqual([`::add-mask::${sandbox.kube.token}`]);
  });

  it('annotates where each CronJob came from, and stages a suspended one suspended', async () => {
    const update = productionCronJob(DATASET_ID, 'update');
    (update.spec as Record<string, unknown>).suspend = true;
    const sha = await sandbox.repo.commit(STAGE_BRANCH, {
      [`deploy/${DATASET_ID}/cronjobs.yaml`]: yamlStream([
        update,
        productionCronJob(DATASET_ID, 'validate')
      ])
    });
    const suspendedCheckout = await sandbox.repo.checkout({ ref: STAGE_BRANCH, depth: 0 });
    const before = Date.now();
    const run = await runAction(files, workflowInputs(), {
      ...(await pushEnv()),
      GITHUB_SHA: sha,
      GITHUB_WORKSPACE: suspendedCheckout
    });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const cronJobs = sandbox.cronJobs() as Array<{
      metadata: { name: string; annotations: Record<string, string> };
      spec: { suspend?: boolean };
    }>;
    expect(cronJobs.map(c => [c.metadata.name, c.spec.suspend])).toEqual([
      [NAMES[0], false],
      [NAMES[1], true],
      [NAMES[2], false]
    ]);
    for (const cronJob of cronJobs) {
      const { annotations } = cronJob.metadata;
      expect(annotations).toMatchObject({
        'staging-action/commit': sha,
        'staging-action/branch': STAGE_BRANCH,
        'staging-action/run-url': `${sandbox.github.url}/${REPOSITORY}/actions/runs/7001`,
        'staging-action/dataset': DATASET_ID,
        'staging-action/version': '0.3.0'
      });
      expect(annotations['staging-action/source']).toMatch(new RegExp(`^${DATASET_ID}-`));
      // ISO 8601, and the time of this run (not a time carried over from elsewhere).
      const deployedAt = annotations['staging-action/deployed-at'] ?? '';
      expect(deployedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(deployedAt)).toBeGreaterThanOrEqual(before - 1000);
    }
    const cronjobs = JSON.parse(run.outputs.cronjobs ?? '') as Array<Record<string, unknown>>;
    expect(cronjobs.map(r => [r.name, r.suspended])).toEqual([
      [NAMES[0], false],
      [NAMES[1], true],
      [NAMES[2], false]
    ]);
    const summary = parseHtml(run.summary);
    const rows = findAll(summary, 'tr').map(tr => childElements(tr).map(textContent));
    expect(rows).toContainEqual([
      NAMES[1],
      `${DATASET_ID}-update`,
      'update',
      '22 */6 * * * (suspended)',
      '✅ created'
    ]);
    expect(textContent(summary)).toContain(
      `Staged suspended, like production (never run on schedule; mode trigger runs them): ${NAMES[1]}.`
    );
  });

  it('a dry run exits 0 and applies nothing', async () => {
    const run = await runAction(files, { ...workflowInputs(), 'dry-run': 'true' }, await pushEnv());

    expect(run.code).toBe(0);
    expect(sandbox.names()).toEqual([]);
    expect(sandbox.writes()).toEqual([]);
    const rows = JSON.parse(run.outputs.cronjobs ?? '') as Array<{ action: string }>;
    expect(rows.map(r => r.action)).toEqual(['would create', 'would create', 'would create']);
    expect(run.summary).toContain('nothing applied');
  });

  it('a branch whose version is not the template version fails with ::error:: and applies nothing', async () => {
    const run = await runAction(
      files,
      workflowInputs(),
      await pushEnv(`refs/heads/stage/${DATASET_ID}/v0.4.0`)
    );

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::The branch stages version 0\.4\.0, .* says 0\.3\.0 at this commit/m
    );
    expect(sandbox.kube.requests).toEqual([]);
    expect(sandbox.names()).toEqual([]);
    expect(run.outputs).toEqual({});
  });
});
