// The bundled action (dist/index.js) in cleanup mode, started the way a runner starts the README's
// "Clean up staged dataset" workflow when a stage branch is deleted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { monitorSlug } from '../../src/io/sentry.js';
import { childElements, findAll, parseHtml, textContent } from '../helpers/html.js';
import { STAGE_BRANCH, STAGED_NAMES as NAMES } from '../helpers/dataset-fixture.js';
import {
  REPOSITORY,
  SENTRY_TOKEN,
  WRITE_TOKEN,
  startSandbox,
  type Sandbox
} from '../helpers/deploy-harness.js';
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
  // On a delete event actions/checkout (defaults) checks out the default branch.
  checkout = await sandbox.repo.checkout({ ref: 'main', depth: 1 });
});
afterAll(async () => Promise.all([sandbox.close(), files.cleanup()]));
beforeEach(async () => sandbox.reset());

function workflowInputs(): Record<string, string> {
  return {
    ...stepInputs(exampleWorkflow('cleanup-dataset.yml'), {
      'github.token': WRITE_TOKEN,
      'secrets.STAGING_KUBECONFIG': sandbox.kubeconfig,
      'secrets.SENTRY_AUTH_TOKEN': SENTRY_TOKEN
    }),
    // The one input the documented workflow leaves at its default: Sentry is the fake here.
    'sentry-url': sandbox.sentry.url
  };
}

async function deleteEnv(ref = STAGE_BRANCH): Promise<Record<string, string>> {
  return {
    GITHUB_EVENT_NAME: 'delete',
    GITHUB_EVENT_PATH: await files.event({
      ref,
      ref_type: 'branch',
      pusher_type: 'user',
      repository: { full_name: REPOSITORY, default_branch: 'main' }
    }),
    // For delete events GITHUB_REF is the default branch, not the deleted one.
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: sandbox.repo.mainSha,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_WORKSPACE: checkout,
    GITHUB_API_URL: sandbox.github.url,
    GITHUB_SERVER_URL: sandbox.github.url,
    GITHUB_RUN_ID: '7002'
  };
}

it("the README's cleanup workflow is docs/examples/cleanup-dataset.yml", () => {
  expect(readmeWorkflow('cleanup-workflow')).toBe(exampleWorkflow('cleanup-dataset.yml'));
});

describe('node dist/index.js, mode cleanup, on a delete event', () => {
  it('deletes the staged CronJobs and their Sentry monitors; a rerun finds them gone', async () => {
    await sandbox.deploy();
    for (const name of NAMES) sandbox.sentry.addMonitor(monitorSlug(name));
    await sandbox.repo.origin.deleteRef(`refs/heads/${STAGE_BRANCH}`);

    const run = await runAction(files, workflowInputs(), await deleteEnv());

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(sandbox.names()).toEqual([]);
    expect(sandbox.sentry.monitors).toEqual([]);
    expect(JSON.parse(run.outputs.cronjobs ?? '')).toEqual(
      NAMES.map(name => ({ name, action: 'deleted' }))
    );
    expect(run.outputs['store-path']).toBe('s3://bucket/datasets/noaa-gfs-forecast/v0.3.0.zarr');
    const rows = findAll(parseHtml(run.summary), 'tr').map(tr =>
      childElements(tr, 'td').map(textContent)
    );
    expect(rows).toContainEqual(['CronJob', NAMES[1], '🗑️ deleted']);
    expect(rows).toContainEqual([
      'Sentry monitor',
      'staging-noaa-gfs-forecast-v0-3-0-archive-grib-file',
      '🗑️ deleted'
    ]);
    expect(run.summary).toContain('aws s3 rm --recursive');
    expect(run.stdout).toContain(`::add-mask::${SENTRY_TOKEN}`);

    const again = await runAction(files, workflowInputs(), await deleteEnv());

    expect(again.code).toBe(0);
    expect(JSON.parse(again.outputs.cronjobs ?? '')).toEqual(
      NAMES.map(name => ({ name, action: 'already gone' }))
    );
    // A repeated cleanup says it is already clean, not that deploy may have used another namespace.
    expect(again.summary).toContain(
      'Already clean: noaa-gfs-forecast 0.3.0 (7 already gone, nothing deleted)'
    );
    expect(again.stdout).toContain('::notice::noaa-gfs-forecast 0.3.0 is already cleaned up');
    expect(again.stdout).not.toContain('::warning::');
  });

  it('a deleted branch that is not a stage branch is a no-op', async () => {
    await sandbox.deploy();
    sandbox.kube.requests.length = 0;

    const run = await runAction(files, workflowInputs(), await deleteEnv('feature/regrid'));

    expect(run.code).toBe(0);
    expect(sandbox.kube.requests).toEqual([]);
    expect(sandbox.names()).toEqual(NAMES);
    expect(run.outputs.cronjobs).toBe('[]');
  });
});
