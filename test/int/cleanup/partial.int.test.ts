// Cleanup that fails half-way: each failure names what failed, what was already deleted, what is
// kept, and that running cleanup again finishes the job; transient answers are retried, and a
// Retry-After is waited out.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { plainText } from '../../../src/summary.js';
import {
  DATASET_ID,
  NAMESPACE,
  STAGE_BRANCH,
  STAGED_NAMES as NAMES
} from '../../helpers/dataset-fixture.js';
import {
  SENTRY_ORG,
  SENTRY_TOKEN,
  startSandbox,
  type Sandbox
} from '../../helpers/deploy-harness.js';
import { startFaultProxy } from '../../helpers/fault-proxy.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => sandbox.reset());

const TARGET = { 'dataset-id': DATASET_ID, version: '0.3.0' };

async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected cleanup to fail');
}

function sentryInputs(url = sandbox.sentry.url): Record<string, string> {
  return { 'sentry-auth-token': SENTRY_TOKEN, 'sentry-org': SENTRY_ORG, 'sentry-url': url };
}

describe('a CronJob that cannot be deleted', () => {
  it('names it, lists what was deleted, keeps the branch, and a rerun finishes', async () => {
    await sandbox.deploy();
    const last = NAMES[2];
    sandbox.kube.injectFault({
      method: 'DELETE',
      path: new RegExp(`/cronjobs/${last}$`),
      status: 500,
      message: 'etcdserver: request timed out',
      times: 3
    });

    const message = await failure(sandbox.cleanup({ inputs: TARGET }));

    expect(message).toBe(
      `Could not delete CronJob ${NAMESPACE}/${last}: etcdserver: request timed out. ` +
        `Already deleted: ${NAMES[0]}, ${NAMES[1]}. Kept for now: CronJob ${last} and the branch ${STAGE_BRANCH}. ` +
        'Run cleanup again once this is fixed: it finishes the job.'
    );
    expect(sandbox.names()).toEqual([last]);
    expect(await sandbox.branchExists()).toBe(true);

    await sandbox.cleanup({ inputs: TARGET });
    expect(sandbox.names()).toEqual([]);
    expect(await sandbox.branchExists()).toBe(false);
  });

  it('says which call and namespace failed when the list fails, and that nothing was deleted', async () => {
    await sandbox.deploy();
    sandbox.kube.injectFault({ method: 'GET', status: 500, times: 3 });

    const message = await failure(sandbox.cleanup({ inputs: TARGET }));

    expect(message).toMatch(
      new RegExp(
        `^Could not list the staged CronJobs of ${DATASET_ID} 0\\.3\\.0 in namespace ${NAMESPACE}: .+\\. Nothing was deleted\\.`
      )
    );
    expect(sandbox.names()).toEqual(NAMES);
  });
});

describe('Sentry failing', () => {
  it('says the CronJobs were already deleted and the branch kept', async () => {
    await sandbox.deploy();
    for (const name of NAMES) sandbox.sentry.addMonitor(name.slice(0, 50).replace(/-+$/, ''));
    const proxy = await startFaultProxy(sandbox.sentry.url);
    proxy.add({
      method: 'DELETE',
      respond: { status: 500, body: { detail: 'boom' } },
      times: Infinity
    });
    try {
      const message = await failure(
        sandbox.cleanup({ inputs: { ...TARGET, ...sentryInputs(proxy.url) } })
      );

      expect(message).toMatch(
        /^Sentry refused to delete cron monitor '[a-z0-9-]+' \(DELETE .*\): HTTP 500 boom \(3 tries\)\. /
      );
      expect(message).toContain(`Already deleted: ${NAMES.join(', ')}.`);
      expect(message).toContain(`the branch ${STAGE_BRANCH}`);
      expect(message).toContain('Run cleanup again');
      expect(sandbox.names()).toEqual([]);
      expect(await sandbox.branchExists()).toBe(true);
      // Retried like GitHub and Kubernetes calls before giving up.
      expect(proxy.requests).toHaveLength(3);
    } finally {
      await proxy.close();
    }
  });

  it('retries a 502, waiting what Retry-After asks for', async () => {
    await sandbox.deploy();
    sandbox.sentry.addMonitor('staging-noaa-gfs-forecast-v0-3-0-update');
    const proxy = await startFaultProxy(sandbox.sentry.url);
    proxy.add({
      method: 'DELETE',
      respond: { status: 502, body: 'Bad Gateway', headers: { 'retry-after': '2' } }
    });
    try {
      const started = Date.now();
      const { result } = await sandbox.cleanup({
        inputs: { ...TARGET, ...sentryInputs(proxy.url) }
      });

      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      expect(result.report.tables[0]?.rows.map(r => r.map(plainText))).toContainEqual([
        'Sentry monitor',
        'staging-noaa-gfs-forecast-v0-3-0-update',
        'deleted'
      ]);
      expect(proxy.pending()).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});

describe('Kubernetes asking to slow down', () => {
  it('waits the Retry-After of a 429 before the retry', async () => {
    await sandbox.deploy();
    // The fake answers a 429 with Retry-After: 1.
    sandbox.kube.injectFault({ method: 'DELETE', status: 429, times: 1 });
    const started = Date.now();

    await sandbox.cleanup({ inputs: TARGET });

    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(sandbox.names()).toEqual([]);
  });
});
