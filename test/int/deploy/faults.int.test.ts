// A cluster having a bad moment during deploy: server failures are not reported as invalid
// manifests, and a failure after the apply says what is live and what to run next.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DATASET_ID,
  NAMESPACE,
  STAGE_BRANCH,
  STAGED_NAMES as NAMES
} from '../../helpers/dataset-fixture.js';
import { startSandbox, type Sandbox } from '../../helpers/deploy-harness.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => sandbox.reset());

async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected deploy to fail');
}

describe('server failures during the dry run', () => {
  it('says the server failed, not that it rejected the manifests, and applies nothing', async () => {
    // Every try of every CronJob's dry run (the client tries each three times).
    sandbox.kube.injectFault({ method: 'PATCH', dryRun: true, status: 500, times: 9 });

    const message = await failure(sandbox.deploy());

    expect(message).toMatch(
      /^Could not dry-run 3 of 3 CronJob\(s\): the Kubernetes API server failed or could not be reached \(after retries\); nothing was applied\. Run deploy again once the cluster is healthy\./
    );
    expect(message).not.toContain('rejected');
    for (const name of NAMES) expect(message).toContain(`- ${name}: `);
    expect(sandbox.writes()).toEqual([]);
  });

  it('still calls a 429 that outlasts the retries a server failure', async () => {
    sandbox.kube.injectFault({ method: 'PATCH', dryRun: true, status: 429, times: 9 });

    const message = await failure(sandbox.deploy());

    expect(message).toMatch(
      /^Could not dry-run 3 of 3 CronJob\(s\): the Kubernetes API server failed/
    );
    expect(sandbox.writes()).toEqual([]);
  }, 30_000);
});

describe('a failing prune after a successful apply', () => {
  it('says what was applied, which CronJob could not be pruned, and to run deploy again', async () => {
    await sandbox.deploy();
    await sandbox.repo.commit(
      STAGE_BRANCH,
      { [`deploy/${DATASET_ID}/archive-grib-files.yaml`]: null },
      'Retire the GRIB archive'
    );
    sandbox.kube.injectFault({ method: 'DELETE', status: 500, message: 'etcd is sad', times: 3 });

    const message = await failure(sandbox.deploy());

    expect(message).toBe(
      `Applied all 2 CronJob(s) (${NAMES[1]}, ${NAMES[2]}); then could not prune CronJob ${NAMESPACE}/${NAMES[0]} ` +
        '(no longer produced): etcd is sad. Pruned before it: none. Run deploy again to finish pruning.'
    );
    expect(sandbox.names()).toEqual(NAMES);
  });
});

describe('a failing list', () => {
  it('names the call and the namespace', async () => {
    sandbox.kube.injectFault({ method: 'GET', status: 500, times: 3 });

    const message = await failure(sandbox.deploy());

    expect(message).toContain(
      `(listing the staged CronJobs of ${DATASET_ID} 0.3.0 in namespace ${NAMESPACE}; nothing was applied)`
    );
    expect(sandbox.writes()).toEqual([]);
  });
});
